/**
 * The one way Guichet fills a message: `{name}` placeholders in a catalogue's text, and the plural
 * form of a count (through `Intl.PluralRules`). The core's messages, the elements' texts and the
 * endpoint's error bodies all go through it.
 */
import { formatNumber, pluralCategory, type Language } from './locales.js';

export type MessageParams = Record<string, string | number>;

/** A message's plural forms: `other`, and any category the language needs ("one", "few"…). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * `template` with its `{name}` placeholders filled from `params`; with `lang`, numbers are written
 * as a reader of that language writes them. A placeholder without a value is left as written.
 */
export function fill(template: string, params: MessageParams = {}, lang?: Language): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    if (value === undefined) return whole;
    return typeof value === 'number' && lang ? formatNumber(value, lang) : String(value);
  });
}

/**
 * The plural category and formatted number of each count, per language. Intl calls are slow next
 * to a string lookup, and a long form asks for the same few counts (characters left, items) for
 * every field.
 */
const counts = new Map<Language, Map<number, [Intl.LDMLPluralRule, string]>>();

function countIn(lang: Language, count: number): [Intl.LDMLPluralRule, string] {
  let known = counts.get(lang);
  if (!known) counts.set(lang, (known = new Map()));
  let entry = known.get(count);
  if (!entry) {
    if (known.size > 2000) known.clear();
    entry = [pluralCategory(count, lang), formatNumber(count, lang)];
    known.set(count, entry);
  }
  return entry;
}

/** The form of `forms` that `count` takes in `lang`, with `{count}` (formatted) and `params` filled in. */
export function plural(lang: Language, forms: PluralForms, count: number, params: MessageParams = {}): string {
  const [category, formatted] = countIn(lang, count);
  return fill(forms[category] ?? forms.other, { ...params, count: formatted }, lang);
}
