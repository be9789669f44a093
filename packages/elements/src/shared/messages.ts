import type { Language } from '@guichet/core';

/** Texts shared by every element. Each component keeps its own catalogue beside it for the rest. */
const fr = {
  needHelp: 'Besoin d’aide\u00a0?',
  phone: 'Téléphone',
  email: 'Courriel',
  address: 'Accueil',
  openingHours: 'Horaires',
  website: 'Site',
  optional: 'facultatif',
  errorPrefix: 'Erreur\u00a0:',
  /** The error summary's title says how many problems there are (RGAA audit: the count was never said). */
  errorSummaryTitle: { one: 'Il y a {count} problème', other: 'Il y a {count} problèmes' } as Partial<
    Record<Intl.LDMLPluralRule, string>
  > & { other: string },
};

const en: typeof fr = {
  needHelp: 'Need help?',
  phone: 'Phone',
  email: 'Email',
  address: 'In person',
  openingHours: 'Opening hours',
  website: 'Website',
  optional: 'optional',
  errorPrefix: 'Error:',
  errorSummaryTitle: { one: 'There is {count} problem', other: 'There are {count} problems' },
};

export type SharedText = typeof fr;

const catalogues: Record<Language, SharedText> = { fr, en };

export function sharedText(lang: Language): SharedText {
  return catalogues[lang];
}
