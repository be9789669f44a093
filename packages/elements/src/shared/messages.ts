import type { Language } from '@guichet/core';

/** Texts shared by every element. Each component keeps its own catalogue beside it for the rest. */
const fr = {
  needHelp: 'Besoin d’aide ?',
  phone: 'Téléphone',
  email: 'Courriel',
  address: 'Accueil',
  openingHours: 'Horaires',
  website: 'Site',
  optional: 'facultatif',
  errorPrefix: 'Erreur :',
  errorSummaryTitle: 'Il y a un problème',
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
  errorSummaryTitle: 'There is a problem',
};

export type SharedText = typeof fr;

const catalogues: Record<Language, SharedText> = { fr, en };

export function sharedText(lang: Language): SharedText {
  return catalogues[lang];
}
