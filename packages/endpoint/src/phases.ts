/**
 * Which phase changes exist. `received` is where a submission starts: no change leads back to it
 * once an agent took the request up. A request that is not closed may move to any other phase,
 * or stay in its phase with a new step of the back office (its own code and label). A closed one
 * (completed, rejected, cancelled) may still have how it closed corrected or completed by another
 * final step, as the admin API always allowed (DESIGN.md: `{phase, label?, note?}`); reopening it
 * (back to in_progress or action_required, after an appeal or a document found later) is done on
 * purpose only, with `"reopen": true`.
 */
import type { Phase } from '@guichet/core';
import { isFinalPhase } from '@guichet/core';

const openPhases: readonly Phase[] = ['in_progress', 'action_required'];
const closingPhases: readonly Phase[] = ['completed', 'rejected', 'cancelled'];

/** The phases a request in `from` may move to (`reopen`: a closed one may go back to work too). */
export function nextPhases(from: Phase, reopen = false): readonly Phase[] {
  if (from === 'received') return ['received', ...openPhases, ...closingPhases];
  if (!isFinalPhase(from)) return [...openPhases, ...closingPhases];
  return reopen ? [...openPhases, ...closingPhases] : closingPhases;
}

export function canMove(from: Phase, to: Phase, reopen = false): boolean {
  return nextPhases(from, reopen).includes(to);
}
