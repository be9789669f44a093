// The message catalogues: the same keys in both languages, plural forms, locale number formats.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { format, formatNumber, localize } from '@guichet/core';
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

  it('leave unknown parameters visible rather than blank', () => {
    assert.equal(format('minimum', {}, 'en'), 'Enter a number of {limit} or more');
  });

  it('localize falls back to French, then to an empty string', () => {
    assert.equal(localize({ fr: 'Nom', en: '' }, 'en'), 'Nom');
    assert.equal(localize(undefined, 'fr'), '');
  });
});
