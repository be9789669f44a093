import type { Phase } from '../generated/protocol/phase.js';
import type { Language } from '../messages/locales.js';

/**
 * The phases in plain words, one vocabulary for every layer: the tracker says "Étape : Reçue",
 * the endpoint labels a step it was given no label for with the same words, and so do adapters
 * whose back office has no labels of its own (Open311 only says open/closed).
 */
const labels: Record<Language, Record<Phase, string>> = {
  fr: {
    received: 'Reçue',
    in_progress: 'En cours de traitement',
    action_required: 'Action de votre part attendue',
    completed: 'Terminée',
    rejected: 'Refusée',
    cancelled: 'Annulée',
  },
  en: {
    received: 'Received',
    in_progress: 'Being processed',
    action_required: 'Action needed from you',
    completed: 'Completed',
    rejected: 'Rejected',
    cancelled: 'Cancelled',
  },
};

export function phaseLabel(phase: Phase, lang: Language): string {
  return labels[lang][phase];
}

/** Every phase, in the order a request usually goes through them. */
export const phases = Object.keys(labels.fr) as Phase[];

/** The phases a request does not leave: the back office's last word. */
export const finalPhases: readonly Phase[] = ['completed', 'rejected', 'cancelled'];

export function isFinalPhase(phase: Phase): boolean {
  return finalPhases.includes(phase);
}
