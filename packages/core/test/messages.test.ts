// The message catalogues: the same keys in both languages, plural forms, locale number formats.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  fill,
  format,
  formatNumber,
  formatSize,
  languages,
  locales,
  localize,
  phaseLabel,
  phases,
  plural,
  pluralCategory,
  toLanguage,
} from '@guichet/core';
import { checkCatalogues } from '../../../test/helpers/catalogues.js';
import { fr } from '../src/messages/fr.js';
import { en } from '../src/messages/en.js';

describe('message catalogues', () => {
  it('have the same keys and the same parameters in French and English', () => {
    assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort());
    const params = (entry: unknown) => [...JSON.stringify(entry).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      assert.deepEqual([...new Set(params(en[key]))], [...new Set(params(fr[key]))], key);
    }
  });

  it('pick plural forms with Intl.PluralRules', () => {
    assert.equal(format('minLength', { count: 1 }, 'fr'), 'Saisissez au moins 1 caractère');
    assert.equal(
      format('minLength', { count: 0 }, 'fr'),
      'Saisissez au moins 0 caractère',
      'French counts 0 as singular',
    );
    assert.equal(format('minLength', { count: 2 }, 'fr'), 'Saisissez au moins 2 caractères');
    assert.equal(format('minLength', { count: 1 }, 'en'), 'Enter at least 1 character');
    assert.equal(format('minLength', { count: 0 }, 'en'), 'Enter at least 0 characters');
  });

  it('format numbers for the locale', () => {
    assert.equal(formatNumber(1000, 'fr'), '1\u202f000');
    assert.equal(formatNumber(1234.5, 'en'), '1,234.5');
    assert.equal(format('minimum', { limit: 0.5 }, 'fr'), 'Saisissez un nombre supérieur ou égal à 0,5');
  });

  it('write small whole numbers as each locale does, without building a formatter', () => {
    for (const lang of languages) {
      const intl = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 20 });
      for (const value of [0, 1, 7, 42, 999, 1000, -1, 2.5])
        assert.equal(formatNumber(value, lang), intl.format(value), `${value} in ${lang}`);
    }
  });

  it('say whole numbers below 1000 in the plural form Intl.PluralRules gives, without building one', () => {
    for (const lang of languages) {
      const rules = new Intl.PluralRules(locales[lang]);
      for (const value of [...Array(1000).keys(), 1000, 1_000_000, 1.5, -1])
        assert.equal(pluralCategory(value, lang), rules.select(value), `${value} in ${lang}`);
    }
  });

  it('leave unknown parameters visible rather than blank', () => {
    assert.equal(format('minimum', {}, 'en'), 'Enter a number of {limit} or more');
  });

  it('localize falls back to French, then to an empty string', () => {
    assert.equal(localize({ fr: 'Nom', en: '' }, 'en'), 'Nom');
    assert.equal(localize(undefined, 'fr'), '');
  });
});

describe('every language is a catalogue', () => {
  it('core’s messages and phase words exist in every language, complete', () => {
    checkCatalogues('core messages', (lang) => ({ fr, en })[lang]);
    checkCatalogues('phases', (lang) => Object.fromEntries(phases.map((phase) => [phase, phaseLabel(phase, lang)])));
  });

  it('a language is found from a BCP 47 tag, and only a language Guichet speaks', () => {
    assert.equal(toLanguage('en-GB'), 'en');
    assert.equal(toLanguage(' FR_ca '), 'fr');
    assert.equal(toLanguage('de'), undefined);
    assert.equal(toLanguage(undefined), undefined);
    assert.deepEqual(languages, Object.keys(locales));
  });

  it('sizes read the same on the page and from the endpoint', () => {
    // Intl separates number and unit with a no-break space.
    const size = (bytes: number, lang: 'fr' | 'en') => formatSize(bytes, lang).replace(/\s/g, ' ');
    assert.equal(size(512, 'fr'), '512 o');
    assert.equal(size(64 * 1024, 'fr'), '64 ko');
    assert.equal(size(2.5 * 1024 * 1024, 'fr'), '2,5 Mo');
    assert.equal(size(2.5 * 1024 * 1024, 'en'), '2.5 MB');
  });

  it('fills placeholders, numbers as the language writes them, and leaves unknown ones visible', () => {
    assert.equal(fill('{count} sur {total}', { count: 1500, total: 2 }, 'fr'), '1\u202f500 sur 2');
    assert.equal(fill('{count} of {total}', { count: 1500 }), '1500 of {total}');
    assert.equal(fill('{toString}', {}), '{toString}');
    assert.equal(plural('en', { one: '{count} file', other: '{count} files' }, 1), '1 file');
    assert.equal(plural('en', { one: '{count} file', other: '{count} files' }, 1000), '1,000 files');
  });
});
