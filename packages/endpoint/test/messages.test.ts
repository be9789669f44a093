// The endpoint's messages, in every language Guichet speaks (see test/helpers/catalogues.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkCatalogues } from '../../../test/helpers/catalogues.js';
import { errorMessages, languageFrom, protocolMessages, typeNames } from '../src/messages.js';

describe('endpoint messages', () => {
  it('are complete in every language', () => {
    const inLanguage = (texts: Record<string, Record<string, string>>, lang: string) =>
      Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, text[lang]]));
    checkCatalogues('errors', (lang) => inLanguage(errorMessages, lang));
    checkCatalogues('protocol problems', (lang) => inLanguage(protocolMessages, lang));
    checkCatalogues('type names', (lang) => inLanguage(typeNames, lang));
  });

  it('answer in the best language the citizen asks for that Guichet speaks, else French', () => {
    assert.equal(languageFrom('de-DE, en-GB;q=0.8, fr;q=0.5'), 'en');
    assert.equal(languageFrom('en;q=0.2, fr-CA;q=0.9'), 'fr');
    assert.equal(languageFrom('de, es'), 'fr');
    assert.equal(languageFrom(undefined), 'fr');
  });
});
