/**
 * A GeoReport v2 service request as a Guichet status. The spec has two statuses, open and
 * closed; deployed servers say more (FixMyStreet's integrations: fixed, action_scheduled,
 * not_councils_responsibility…). Each known word maps onto a phase; the server's word stays the
 * status `code`, and its `label` is that word as written, in French for a French page (an
 * unknown word is shown as written, as an in-progress step). `status_notes` is the agent's note on the current step,
 * `service_notice` the town's note on the request's receipt.
 */
import type { RequestStatus } from '../client/types.js';
import type { HistoryEntry } from '../generated/protocol/history-entry.js';
import type { Phase } from '../generated/protocol/phase.js';
import type { Language } from '../model/types.js';
import { isFinalPhase, phaseLabel } from '../client/phase-labels.js';
import { idOf, type Open311Request } from './types.js';

/** Known words: their phase, and their French name (in English, the word itself says it). */
const words: Record<string, [Phase, string?]> = {
  open: ['received'],
  closed: ['completed'],
  fixed: ['completed', 'Réparé'],
  in_progress: ['in_progress', 'En cours'],
  investigating: ['in_progress', 'En cours d’examen'],
  action_scheduled: ['in_progress', 'Intervention programmée'],
  internal_referral: ['in_progress', 'Transmise à un autre service'],
  duplicate: ['cancelled', 'Déjà signalé'],
  not_councils_responsibility: ['rejected', 'Ne relève pas de la commune'],
  no_further_action: ['rejected', 'Sans suite'],
  unable_to_fix: ['rejected', 'Impossible à réparer'],
  cancelled: ['cancelled'],
  canceled: ['cancelled'],
};

function entry(word: string, notes: string | undefined, lang: Language): { phase: Phase; label: string } {
  const key = word
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const known = words[key];
  // Open with an agent's note: someone is on it. A word of the server's own: in progress.
  const phase = !known ? 'in_progress' : known[0] === 'received' && notes ? 'in_progress' : known[0];
  // The word as written ("action_scheduled" → "Action scheduled"), the phase's own name for the spec's two.
  const written = key.replace(/_/g, ' ');
  const label =
    key === 'open' || key === 'closed' || key.startsWith('cancel')
      ? phaseLabel(phase, lang)
      : (lang === 'fr' && known?.[1]) || written.charAt(0).toUpperCase() + written.slice(1);
  return { phase, label };
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
    final: isFinalPhase(phase),
    updatedAt,
    ...(expectedBy ? { expectedBy } : {}),
    history: code === 'open' && phase === 'received' ? [received] : [received, now],
  };
}
