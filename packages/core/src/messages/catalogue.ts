/** A message: a plain string, or plural forms chosen by the `count` parameter (Intl.PluralRules). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Catalogue = Record<string, string | PluralForms>;
