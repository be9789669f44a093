/**
 * A GeoReport v2 service request as a Guichet status. The spec has two statuses, open and
 * closed; deployed servers say more (FixMyStreet's integrations: fixed, action_scheduled,
 * not_councils_responsibility…). Each known word maps onto a phase; the server's word stays the
 * status `code`, and its `label` is that word in the citizen's language (an unknown word is shown
 * as written, as an in-progress step). `status_notes` is the agent's note on the current step,
 * `service_notice` the town's note on the request's receipt.
 */
import type { RequestStatus } from '../client/types.js';
import type { HistoryEntry } from '../generated/protocol/history-entry.js';
import type { Phase } from '../generated/protocol/phase.js';
import type { Language } from '../model/types.js';
import { finalPhases, phaseLabel } from '../client/phase-labels.js';
import { idOf, type Open311Request } from './types.js';

/** Known words: their phase, and their label in French and English (none: the phase's own words). */
const words: Record<string, [Phase, string?, string?]> = {
  open: ['received'],
  closed: ['completed'],
  fixed: ['completed', 'Réparé', 'Fixed'],
  in_progress: ['in_progress', 'En cours', 'In progress'],
  investigating: ['in_progress', 'En cours d’examen', 'Investigating'],
  action_scheduled: ['in_progress', 'Intervention programmée', 'Action scheduled'],
  internal_referral: ['in_progress', 'Transmise à un autre service', 'Passed to another team'],
  duplicate: ['cancelled', 'Déjà signalé', 'Already reported'],
  not_councils_responsibility: ['rejected', 'Ne relève pas de la commune', 'Not the council’s responsibility'],
  no_further_action: ['rejected', 'Sans suite', 'No further action'],
  unable_to_fix: ['rejected', 'Impossible à réparer', 'Unable to fix'],
  cancelled: ['cancelled'],
};
words.canceled = words.cancelled!;

/** "ACTION SCHEDULED", "action-scheduled" → "action_scheduled". */
function normalize(status: string): string {
  return status
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function entry(word: string, notes: string | undefined, lang: Language): { phase: Phase; label: string } {
  const known = words[normalize(word)];
  if (!known) {
    // A word of the server's own: shown as written ("awaiting_parts" → "Awaiting parts").
    const label = word.replace(/_/g, ' ').trim();
    return { phase: 'in_progress', label: label.charAt(0).toUpperCase() + label.slice(1) };
  }
  // Open with an agent's note: someone is on it.
  const phase = known[0] === 'received' && notes ? 'in_progress' : known[0];
  return { phase, label: (lang === 'fr' ? known[1] : known[2]) ?? phaseLabel(phase, lang) };
}

/** `expected_datetime` as the day it names (RequestStatus.expectedBy is a date). */
function day(value: string | null | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

export function statusFromOpen311(
  request: Open311Request,
  lang: Language,
  reference = idOf(request.service_request_id) ?? '',
): RequestStatus {
  const notes = request.status_notes?.trim() || undefined;
  const notice = request.service_notice?.trim() || undefined;
  const code = request.status?.trim() || 'open';
  const { phase, label } = entry(code, notes, lang);
  const requestedAt = request.requested_datetime || new Date().toISOString();
  const updatedAt = request.updated_datetime || requestedAt;
  const expectedBy = day(request.expected_datetime);
  // Open311 keeps no history: the request's receipt and where it stands now are all there is.
  const received: HistoryEntry = {
    at: requestedAt,
    phase: 'received',
    code: 'open',
    label: phaseLabel('received', lang),
    ...(notice ? { note: notice } : {}),
  };
  const now: HistoryEntry = { at: updatedAt, phase, code, label, ...(notes ? { note: notes } : {}) };
  return {
    reference,
    ...(request.service_name ? { formTitle: request.service_name } : {}),
    phase,
    code,
    label,
    final: finalPhases.includes(phase),
    updatedAt,
    ...(expectedBy ? { expectedBy } : {}),
    history: code === 'open' && phase === 'received' ? [received] : [received, now],
  };
}
