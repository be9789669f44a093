/**
 * Which phase changes exist. A request moves forward: it is never "received" again once an agent
 * took it up, and a final phase (completed, rejected, cancelled) ends it, unless an agent reopens
 * it on purpose (`"reopen": true`): back into in_progress or action_required (an appeal, a
 * missing document found later), or into another final phase (a closing decision corrected).
 * Within a phase that is not final, a change records a new step of the back office (its own code
 * and label) without moving the phase.
 */
import type { Phase } from '@guichet/core';
import { finalPhases } from './messages.js';

const forward: Record<Phase, readonly Phase[]> = {
  received: ['in_progress', 'action_required', 'completed', 'rejected', 'cancelled'],
  in_progress: ['in_progress', 'action_required', 'completed', 'rejected', 'cancelled'],
  action_required: ['in_progress', 'action_required', 'completed', 'rejected', 'cancelled'],
  completed: [],
  rejected: [],
  cancelled: [],
};

/** Where a final request may go when an agent reopens it: anywhere but back to received or where it is. */
const reopened = (from: Phase): Phase[] =>
  (['in_progress', 'action_required', 'completed', 'rejected', 'cancelled'] as const).filter((to) => to !== from);

/** The phases a request in `from` may move to (with `reopen`, those a final one may reopen into). */
export function nextPhases(from: Phase, reopen = false): readonly Phase[] {
  return reopen && finalPhases.has(from) ? reopened(from) : forward[from];
}

export function canMove(from: Phase, to: Phase, reopen = false): boolean {
  return nextPhases(from, reopen).includes(to);
}
