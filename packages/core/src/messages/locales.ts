import type { Language } from '../model/types.js';

/** Regional variants for number, date and plural formatting: a French or British reader's usual forms. */
export const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** A number as a reader of `lang` writes it ("1 000,5" / "1,000.5"); one formatter per language. */
export function formatNumber(value: number, lang: Language): string {
  let formatter = numberFormats.get(lang);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 20 });
    numberFormats.set(lang, formatter);
  }
  return formatter.format(value);
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** Which plural form `count` takes in `lang` ("one", "other"…); one set of rules per language. */
export function pluralCategory(count: number, lang: Language): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(locales[lang])));
  return rules.select(count);
}
