import type { PluralForms } from './fill.js';

/** A message: a plain string, or plural forms chosen by the `count` parameter (Intl.PluralRules). */
export type { PluralForms };
export type Catalogue = Record<string, string | PluralForms>;
