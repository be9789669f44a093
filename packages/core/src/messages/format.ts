import type { Language, LocalizedText } from '../model/types.js';
import type { Catalogue } from './catalogue.js';
import { fr, type MessageKey } from './fr.js';
import { en } from './en.js';
import { formatNumber, pluralCategory } from './locales.js';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Language, Catalogue> = { fr, en };

/**
 * The message `key` in `lang` with `{name}` parameters filled in; numbers are formatted for the
 * locale, and plural forms are picked by the `count` parameter.
 */
export function format(key: MessageKey, params: MessageParams = {}, lang: Language = 'fr'): string {
  const entry = catalogues[lang][key] ?? catalogues.fr[key] ?? key;
  const template =
    typeof entry === 'string' ? entry : (entry[pluralCategory(Number(params.count ?? 0), lang)] ?? entry.other);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}

/** The same message in both languages, for definition problems. */
export function formatBoth(
  key: MessageKey,
  params: MessageParams | ((lang: Language) => MessageParams) = {},
): LocalizedText {
  const of = (lang: Language) => (typeof params === 'function' ? params(lang) : params);
  return { fr: format(key, of('fr'), 'fr'), en: format(key, of('en'), 'en') };
}
