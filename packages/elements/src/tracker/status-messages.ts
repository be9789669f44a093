import type { Language, Phase } from '@guichet/core';

/**
 * What <guichet-tracker> says about a request it found: only the status view shows these, so they
 * travel with it in the lazily loaded chunk (the look-up form and its problems are in messages.ts).
 */
const fr = {
  requestNumber: (reference: string) => `Demande n°\u00a0${reference}`,
  phaseLabel: 'Étape\u00a0:',
  lastUpdate: 'Dernière mise à jour',
  expectedBy: 'Réponse attendue au plus tard le',
  historyTitle: 'Historique de votre demande',
  currentStep: '(étape actuelle)',
  agentNote: 'Message du service\u00a0:',
  actionRequiredTitle: 'Une action de votre part est nécessaire',
  actionRequiredHow:
    'Le service attend une réponse ou un document de votre part. Suivez le message ci-dessous ou contactez-le.',
  actionRequiredNoNote: 'Contactez le service pour savoir ce qui vous est demandé.',
  final: {
    completed: 'Votre demande est terminée. Ce suivi n’évoluera plus.',
    rejected: 'Votre demande a été refusée. Ce suivi n’évoluera plus. Le service peut vous en expliquer les raisons.',
    cancelled: 'Votre demande a été annulée. Ce suivi n’évoluera plus.',
  } satisfies Partial<Record<Phase, string>>,
};

export type StatusText = typeof fr;

const en: StatusText = {
  requestNumber: (reference) => `Request no. ${reference}`,
  phaseLabel: 'Stage:',
  lastUpdate: 'Last updated',
  expectedBy: 'Answer expected by',
  historyTitle: 'History of your request',
  currentStep: '(current stage)',
  agentNote: 'Message from the service:',
  actionRequiredTitle: 'We need something from you',
  actionRequiredHow:
    'The service is waiting for an answer or a document from you. Follow the message below or contact them.',
  actionRequiredNoNote: 'Contact the service to find out what is needed.',
  final: {
    completed: 'Your request is complete. This tracking page will not change any more.',
    rejected: 'Your request was turned down. This tracking page will not change any more. The service can explain why.',
    cancelled: 'Your request was cancelled. This tracking page will not change any more.',
  },
};

const catalogues: Record<Language, StatusText> = { fr, en };

export function statusText(lang: Language): StatusText {
  return catalogues[lang];
}
