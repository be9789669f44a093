import type { Language, LocalizedText } from '../model/types.js';
import type { Catalogue } from './catalogue.js';
import { fr, type MessageKey } from './fr.js';
import { en } from './en.js';
import { fill, plural, type MessageParams } from './fill.js';
import { inEveryLanguage } from './locales.js';

export type { MessageKey, MessageParams };

const catalogues: Record<Language, Catalogue> = { fr, en };

/**
 * The message `key` in `lang` with `{name}` parameters filled in; numbers are formatted for the
 * locale, and plural forms are picked by the `count` parameter.
 */
export function format(key: MessageKey, params: MessageParams = {}, lang: Language = 'fr'): string {
  const entry = catalogues[lang][key] ?? catalogues.fr[key] ?? key;
  return typeof entry === 'string' ? fill(entry, params, lang) : plural(lang, entry, Number(params.count ?? 0), params);
}

/** The same message in every language, for definition problems. */
export function formatBoth(
  key: MessageKey,
  params: MessageParams | ((lang: Language) => MessageParams) = {},
): LocalizedText {
  const of = (lang: Language) => (typeof params === 'function' ? params(lang) : params);
  return inEveryLanguage((lang) => format(key, of(lang), lang));
}
