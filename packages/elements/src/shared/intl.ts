import { locales, type Language } from '@guichet/core';

/**
 * Dates, lists and sizes in the citizen's language, the same way in every part of both elements
 * (a British reader sees "3 December 2026, 14:30" on the draft notice, the answers summary, the
 * receipt and the tracker alike; plural forms come from core's `pluralCategory`). Intl formatters
 * cost far more to build than to use: one per language and set of options serves the whole page.
 */
const formatters = new Map<string, { format(value: never): string }>();

function formatter<F extends { format(value: never): string }>(
  lang: Language,
  options: object,
  make: (locale: string) => F,
): F {
  const key = `${lang}${JSON.stringify(options)}`;
  let found = formatters.get(key) as F | undefined;
  if (!found) formatters.set(key, (found = make(locales[lang])));
  return found;
}

export function formatDate(date: Date, lang: Language, options: Intl.DateTimeFormatOptions): string {
  return formatter(lang, options, (locale) => new Intl.DateTimeFormat(locale, options)).format(date as never);
}

/** "A, B and C" (`conjunction`) or "A, B or C" (`disjunction`). */
export function formatList(items: readonly string[], lang: Language, type: 'conjunction' | 'disjunction'): string {
  const options = { type };
  return formatter(lang, options, (locale) => new Intl.ListFormat(locale, options)).format(items as never);
}

/** "2,5 Mo" / "2.5 MB": core's, so the page and the endpoint write sizes alike. */
export { formatSize } from '@guichet/core';
