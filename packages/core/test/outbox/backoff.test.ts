import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, retryDelay } from '@guichet/core';

describe('backoff', () => {
  it('doubles its ceiling from 1 s and caps it at 30 s', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 40].map((attempt) => backoffDelay(attempt, { random: () => 1 }));
    assert.deepEqual(ceilings, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('spreads retries over the whole range below the ceiling (full jitter)', () => {
    assert.equal(backoffDelay(3, { random: () => 0 }), 0);
    assert.equal(backoffDelay(3, { random: () => 0.5 }), 4000);
  });

  it('obeys Retry-After instead, up to 10 minutes', () => {
    assert.equal(retryDelay(5, 3, { random: () => 1 }), 3000);
    assert.equal(retryDelay(0, 0), 0);
    assert.equal(retryDelay(0, 86_400), 600_000);
    assert.equal(retryDelay(2, undefined, { random: () => 1 }), 4000);
  });
});
