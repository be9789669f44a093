/**
 * One check for every catalogue of texts, in every package: a language Guichet speaks (core's
 * `languages`) has each text French has, with the same placeholders, the same arguments for a
 * text written as a function, and plural forms its plural rules can pick. Adding a language is
 * then a catalogue beside each French one, and these tests say what is missing or wrong.
 */
import assert from 'node:assert/strict';
import { languages, locales, type Language } from '@guichet/core';

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

const pluralCategories = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** Plural forms: texts keyed by plural categories only, `other` among them. */
function isPluralForms(value: object): value is Record<string, string> {
  return (
    'other' in value &&
    Object.entries(value).every(([key, text]) => pluralCategories.has(key) && typeof text === 'string')
  );
}

function compare(french: unknown, other: unknown, lang: Language, path: string): void {
  assert.equal(typeof other, typeof french, `${lang} ${path}: ${typeof other} where French has ${typeof french}`);
  if (typeof french === 'string') {
    assert.ok((other as string).trim(), `${lang} ${path} is empty`);
    assert.deepEqual(placeholders(other as string), placeholders(french), `${lang} ${path}: placeholders`);
  } else if (typeof french === 'function') {
    assert.equal((other as () => unknown).length, french.length, `${lang} ${path}: arguments`);
  } else if (french && typeof french === 'object') {
    if (isPluralForms(french)) {
      const forms = other as Record<string, string>;
      const categories = new Intl.PluralRules(locales[lang]).resolvedOptions().pluralCategories as string[];
      assert.ok(forms.other, `${lang} ${path}: no "other" form`);
      for (const category of Object.keys(forms))
        assert.ok(categories.includes(category), `${lang} ${path}: "${category}" is no plural category of ${lang}`);
      if (categories.includes('one')) assert.ok(forms.one, `${lang} ${path}: no "one" form`);
      const expected = placeholders(french.other!);
      for (const [category, text] of Object.entries(forms))
        assert.deepEqual(placeholders(text), expected, `${lang} ${path}.${category}: placeholders`);
      return;
    }
    const keys = Object.keys(french).sort();
    assert.deepEqual(Object.keys(other as object).sort(), keys, `${lang} ${path}: keys`);
    for (const key of keys)
      compare(
        (french as Record<string, unknown>)[key],
        (other as Record<string, unknown>)[key],
        lang,
        `${path}.${key}`,
      );
  }
}

/** Checks the catalogue `of(lang)` of every language against the French one. */
export function checkCatalogues(name: string, of: (lang: Language) => unknown): void {
  assert.ok(languages.includes('fr'));
  for (const lang of languages) compare(of('fr'), of(lang), lang, name);
}
