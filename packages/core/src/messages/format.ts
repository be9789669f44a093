import type { Language, LocalizedText } from '../model/types.js';
import type { Catalogue } from './catalogue.js';
import { fr, type MessageKey } from './fr.js';
import { en } from './en.js';
import { locales } from './locales.js';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Language, Catalogue> = { fr, en };

const numberFormats = new Map<Language, Intl.NumberFormat>();
const pluralRules = new Map<Language, Intl.PluralRules>();

export function formatNumber(value: number, lang: Language): string {
  let formatter = numberFormats.get(lang);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 20 });
    numberFormats.set(lang, formatter);
  }
  return formatter.format(value);
}

function plural(count: number, lang: Language): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(locales[lang]);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

/**
 * The message `key` in `lang` with `{name}` parameters filled in; numbers are formatted for the
 * locale, and plural forms are picked by the `count` parameter.
 */
export function format(key: MessageKey, params: MessageParams = {}, lang: Language = 'fr'): string {
  const entry = catalogues[lang][key] ?? catalogues.fr[key] ?? key;
  const template = typeof entry === 'string' ? entry : (entry[plural(Number(params.count ?? 0), lang)] ?? entry.other);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}

/** The same message in both languages, for definition problems. */
export function formatBoth(key: MessageKey, params: MessageParams | ((lang: Language) => MessageParams) = {}): LocalizedText {
  const of = (lang: Language) => (typeof params === 'function' ? params(lang) : params);
  return { fr: format(key, of('fr'), 'fr'), en: format(key, of('en'), 'en') };
}
