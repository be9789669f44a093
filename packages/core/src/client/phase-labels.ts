import type { Phase } from '../generated/protocol/phase.js';
import type { Language } from '../model/types.js';

/**
 * Plain names of the phases, for back offices that have no label of their own to show
 * (Open311 only says open/closed).
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

export const finalPhases: readonly Phase[] = ['completed', 'rejected', 'cancelled'];
