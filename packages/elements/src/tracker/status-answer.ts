import type { Language, RequestStatus } from '@guichet/core';
import { phaseText } from './messages.js';

/** Whether a refresh found the request somewhere new (a new step, or a new entry with its note). */
export function changed(previous: RequestStatus, next: RequestStatus): boolean {
  return (
    previous.phase !== next.phase ||
    previous.code !== next.code ||
    previous.label !== next.label ||
    previous.history.length !== next.history.length
  );
}

/** An adapter's answer as the views expect it; a shapeless one is a server fault, not a crash. */
export function checked(status: RequestStatus, lang: Language): RequestStatus {
  if (
    !status ||
    typeof status !== 'object' ||
    typeof status.phase !== 'string' ||
    typeof status.reference !== 'string'
  ) {
    throw new Error('The back office sent a status the tracker cannot read');
  }
  return {
    ...status,
    label: typeof status.label === 'string' && status.label ? status.label : phaseText(status.phase, lang),
    history: Array.isArray(status.history)
      ? status.history.filter((entry) => entry && typeof entry.phase === 'string')
      : [],
  };
}
