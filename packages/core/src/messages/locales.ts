/**
 * The languages Guichet speaks, as data: each with the regional variant its numbers, dates, sizes
 * and plural forms follow (a French or British reader's usual forms). Adding a language is a line
 * here and a catalogue beside each existing one; the type checker names every catalogue that is
 * missing, and the catalogue tests check each one is complete.
 */
export const locales = { fr: 'fr-FR', en: 'en-GB' } as const;

export type Language = keyof typeof locales;

/** Every language, French (the default) first. */
export const languages = Object.keys(locales) as Language[];

/** Whether `value` names, exactly, a language Guichet speaks (a definition's or a body's `lang`). */
export function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

/** The supported language closest to a BCP 47 tag ("en-GB" → en), or undefined. */
export function toLanguage(tag: string | null | undefined): Language | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return languages.find((language) => language === primary);
}

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** A number as a reader of `lang` writes it ("1 000,5" / "1,000.5"); one formatter per language. */
export function formatNumber(value: number, lang: Language): string {
  // Small whole numbers (most limits and counts) read the same in every language Guichet speaks:
  // building the first Intl.NumberFormat loads the locale's data, the costliest step of a cheap
  // phone's first render (≈ 40 ms of main thread at 4× CPU slowdown), so it waits for a number
  // that needs it.
  if (Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
  let formatter = numberFormats.get(lang);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 20 });
    numberFormats.set(lang, formatter);
  }
  return formatter.format(value);
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/**
 * The whole numbers below 1000 that take the "one" form, per language: every other one takes
 * "other" (a test checks both against Intl.PluralRules). Building the first Intl.PluralRules loads
 * the locale's data, ≈ 9 ms of a cheap phone's main thread before its first question, for the
 * "0 caractère" of a hint. A language without a line here asks Intl.
 */
const wholeNumbersSaidInTheSingular: Partial<Record<Language, readonly number[]>> = { fr: [0, 1], en: [1] };

/** Which plural form `count` takes in `lang` ("one", "other"…); one set of rules per language. */
export function pluralCategory(count: number, lang: Language): Intl.LDMLPluralRule {
  const singular = wholeNumbersSaidInTheSingular[lang];
  if (singular && Number.isInteger(count) && count >= 0 && count < 1000)
    return singular.includes(count) ? 'one' : 'other';
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(locales[lang])));
  return rules.select(count);
}

const sizeUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
const sizeFormats = new Map<string, Intl.NumberFormat>();

/** A file size as a reader of `lang` writes it ("2,5 Mo" / "2.5 MB"), on the page and from the endpoint alike. */
export function formatSize(bytes: number, lang: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < sizeUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  const key = `${lang}:${unit}`;
  let formatter = sizeFormats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locales[lang], {
      style: 'unit',
      unit: sizeUnits[unit],
      unitDisplay: 'short',
      maximumFractionDigits: unit === 0 ? 0 : 1,
    });
    sizeFormats.set(key, formatter);
  }
  return formatter.format(value);
}

/** A text in every language: `text(lang)` for each (the same words in each, for a text of no language). */
export function inEveryLanguage(text: (lang: Language) => string): Record<Language, string> {
  return Object.fromEntries(languages.map((lang) => [lang, text(lang)])) as Record<Language, string>;
}
