// What the tracker makes of a back office's answer, alone: a readable status or a server fault,
// and whether a refresh found something the citizen should hear about.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RequestStatus } from '@guichet/core';
import { changed, checked } from './status-answer.js';

const status = (extra: Partial<RequestStatus> = {}): RequestStatus =>
  ({
    reference: 'MTF-2026-000123',
    phase: 'in_progress',
    code: 'instruction',
    label: 'En cours d’instruction',
    history: [{ phase: 'received', at: '2026-05-01T09:00:00Z' }],
    ...extra,
  }) as RequestStatus;

describe('checked', () => {
  it('keeps a well-formed status as it is', () => {
    assert.deepEqual(checked(status(), 'fr'), status());
  });

  it('labels a status its back office sent without a label by its phase, in the page language', () => {
    assert.equal(checked(status({ label: '' }), 'fr').label, 'En cours de traitement');
    assert.equal(checked(status({ label: undefined as unknown as string }), 'en').label, 'Being processed');
  });

  it('drops history entries without a phase and reads a missing history as none', () => {
    const odd = status({ history: [null, { at: 'x' }, { phase: 'received', at: 'y' }] as RequestStatus['history'] });
    assert.deepEqual(checked(odd, 'fr').history, [{ phase: 'received', at: 'y' }]);
    assert.deepEqual(checked(status({ history: undefined as unknown as [] }), 'fr').history, []);
  });

  it('throws on an answer without a phase or a reference (a server fault, not a crash of the page)', () => {
    for (const shapeless of [null, 'ok', {}, { phase: 'received' }, { reference: 'MTF-1' }])
      assert.throws(() => checked(shapeless as unknown as RequestStatus, 'fr'), /cannot read/);
  });
});

describe('changed', () => {
  it('is false for the same answer again (a poll that found nothing new says nothing)', () => {
    assert.equal(changed(status(), status()), false);
  });

  it('is true for a new phase, code, label or history entry', () => {
    assert.equal(changed(status(), status({ phase: 'completed' })), true);
    assert.equal(changed(status(), status({ code: 'attente' })), true);
    assert.equal(changed(status(), status({ label: 'Pièce demandée' })), true);
    const longer = [
      ...status().history,
      { phase: 'in_progress', at: '2026-05-02T09:00:00Z' },
    ] as RequestStatus['history'];
    assert.equal(changed(status(), status({ history: longer })), true);
  });
});
