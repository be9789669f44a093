import { phaseLabel, pluralCategory, type Language, type Phase } from '@guichet/core';

/** Whether the authority's label already says the phase (Open311 has no labels of its own), so it is not said twice. */
function same(label: string, phase: string): boolean {
  return label.trim().toLocaleLowerCase() === phase.trim().toLocaleLowerCase();
}

/** Every text <guichet-tracker> shows, one catalogue per language. */
const fr = {
  lookupTitle: 'Suivre votre demande',
  lookupIntro:
    'Saisissez le numéro de votre demande et son code de suivi\u00a0: vous les avez reçus avec l’accusé de réception.',
  lookupIntroNumber: 'Saisissez le numéro de votre demande\u00a0: vous l’avez reçu avec l’accusé de réception.',
  referenceLabel: 'Numéro de la demande',
  referenceHint: 'C’est la «\u00a0Référence\u00a0» de votre accusé de réception.',
  forExample: 'Par exemple\u00a0:',
  codeLabel: 'Code de suivi',
  codeHint: 'Il figure sur votre accusé de réception, à côté de la référence.',
  lookupSubmit: 'Suivre ma demande',
  referenceMissing: 'Saisissez le numéro de votre demande',
  codeMissing: 'Saisissez le code de suivi',

  loading: 'Recherche de votre demande…',
  announceChange: (label: string, phase: string) =>
    same(label, phase)
      ? `Votre demande a changé d’étape\u00a0: ${label}.`
      : `Votre demande a changé d’étape\u00a0: ${label} (${phase}).`,
  trackAnother: 'Suivre une autre demande',

  notFoundTitle: 'Demande introuvable',
  notFound:
    'Nous ne trouvons pas de demande avec ce numéro et ce code. Vérifiez-les sur votre accusé de réception, puis réessayez.',
  notFoundNumber:
    'Nous ne trouvons pas de demande avec ce numéro. Vérifiez-le sur votre accusé de réception, puis réessayez.',
  networkTitle: 'Connexion impossible',
  network: 'Nous n’arrivons pas à joindre le service. Vérifiez votre connexion internet, puis réessayez.',
  serverTitle: 'Le service ne répond pas',
  server: 'Le service de suivi rencontre un problème. Réessayez dans quelques minutes.',
  rateLimitedTitle: 'Trop de recherches',
  rateLimited: (seconds: number | undefined) =>
    seconds === undefined
      ? 'Vous avez fait trop de recherches d’affilée. Patientez quelques minutes, puis réessayez.'
      : `Vous avez fait trop de recherches d’affilée. Patientez ${waitFr(seconds)}, puis réessayez.`,
  configurationTitle: 'Suivi indisponible',
  configuration: 'Le suivi des demandes n’est pas disponible sur cette page pour le moment.',
  retry: 'Réessayer',
  staleNotice: 'Les informations ci-dessous n’ont pas pu être actualisées.',
};

export type TrackerText = typeof fr;

const en: TrackerText = {
  lookupTitle: 'Track your request',
  lookupIntro:
    'Enter your request number and its tracking code: you received them with your acknowledgement of receipt.',
  lookupIntroNumber: 'Enter your request number: you received it with your acknowledgement of receipt.',
  referenceLabel: 'Request number',
  referenceHint: 'It is the “Reference” on your acknowledgement of receipt.',
  forExample: 'For example:',
  codeLabel: 'Tracking code',
  codeHint: 'It is on your acknowledgement of receipt, next to the reference.',
  lookupSubmit: 'Track my request',
  referenceMissing: 'Enter your request number',
  codeMissing: 'Enter the tracking code',

  loading: 'Looking for your request…',
  announceChange: (label, phase) =>
    same(label, phase)
      ? `Your request has moved to a new stage: ${label}.`
      : `Your request has moved to a new stage: ${label} (${phase}).`,
  trackAnother: 'Track another request',

  notFoundTitle: 'Request not found',
  notFound:
    'We cannot find a request with this number and code. Check them on your acknowledgement of receipt, then try again.',
  notFoundNumber:
    'We cannot find a request with this number. Check it on your acknowledgement of receipt, then try again.',
  networkTitle: 'Cannot connect',
  network: 'We cannot reach the service. Check your internet connection, then try again.',
  serverTitle: 'The service is not responding',
  server: 'The tracking service has a problem. Try again in a few minutes.',
  rateLimitedTitle: 'Too many searches',
  rateLimited: (seconds) =>
    seconds === undefined
      ? 'You have searched too many times in a row. Wait a few minutes, then try again.'
      : `You have searched too many times in a row. Wait ${waitEn(seconds)}, then try again.`,
  configurationTitle: 'Tracking unavailable',
  configuration: 'Request tracking is not available on this page at the moment.',
  retry: 'Try again',
  staleNotice: 'The information below could not be updated.',
};

function unitCount(seconds: number): { value: number; unit: 'second' | 'minute' } {
  return seconds < 60
    ? { value: Math.max(1, Math.ceil(seconds)), unit: 'second' }
    : { value: Math.ceil(seconds / 60), unit: 'minute' };
}

const frUnits = { second: { one: 'seconde', other: 'secondes' }, minute: { one: 'minute', other: 'minutes' } };
const enUnits = { second: { one: 'second', other: 'seconds' }, minute: { one: 'minute', other: 'minutes' } };

function waitFr(seconds: number): string {
  const { value, unit } = unitCount(seconds);
  const form = pluralCategory(value, 'fr') === 'one' ? 'one' : 'other';
  return `${value} ${frUnits[unit][form]}`;
}

function waitEn(seconds: number): string {
  const { value, unit } = unitCount(seconds);
  const form = pluralCategory(value, 'en') === 'one' ? 'one' : 'other';
  return `${value} ${enUnits[unit][form]}`;
}

const catalogues: Record<Language, TrackerText> = { fr, en };

export function trackerText(lang: Language): TrackerText {
  return catalogues[lang];
}

/** The phase in plain words: core's names, shared with the adapters that have no label of their own. */
export function phaseText(phase: Phase, lang: Language): string {
  return phaseLabel(phase, lang) ?? phase;
}
