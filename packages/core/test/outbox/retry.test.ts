// The one retry helper the outbox and the uploads share.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EndpointError, RetryWaits, withRetries } from '@guichet/core';

const noWait = { random: () => 0 };

describe('withRetries', () => {
  it('tries again after failures that may pass, telling each one with its wait, until it works', async () => {
    const told: string[] = [];
    const result = await withRetries(
      async (failed) => {
        if (failed === 0) throw new EndpointError('network', 'offline');
        if (failed === 1) throw new EndpointError('rate-limited', 'slow down', { status: 429, retryAfter: 0 });
        if (failed === 2) throw new Error('an adapter of the authority’s own threw this');
        return `done after ${failed}`;
      },
      { ...noWait, onRetry: (error, delay, failed) => told.push(`${failed} ${error.kind} ${delay}`) },
    );
    assert.equal(result, 'done after 3');
    assert.deepEqual(told, ['0 network 0', '1 rate-limited 0', '2 server 0']);
  });

  it('stops at the first failure not worth trying again', async () => {
    let tries = 0;
    const refused = await withRetries(async () => {
      tries++;
      throw new EndpointError('validation', 'bad answers', { status: 422 });
    }, noWait).catch((error: unknown) => error);
    assert.ok(refused instanceof EndpointError);
    assert.equal(refused.kind, 'validation');
    assert.equal(tries, 1);
  });

  it('stops waiting when its signal aborts, and tries no more', async () => {
    const stop = new AbortController();
    let tries = 0;
    const stopped = withRetries(
      async () => {
        tries++;
        throw new EndpointError('server', 'down');
      },
      { baseMs: 3_600_000, random: () => 1, signal: stop.signal, onRetry: () => stop.abort() },
    ).catch((error: unknown) => error);
    const error = await stopped;
    assert.equal((error as Error).name, 'AbortError');
    assert.equal(tries, 1);
  });

  it('"Réessayer": a wait is cut short by wakeAll', async () => {
    const waits = new RetryWaits();
    let tries = 0;
    const done = withRetries(
      async () => {
        if (++tries === 1) throw new EndpointError('timeout', 'slow');
        return tries;
      },
      // An hour's wait: only the wake-up can end it within the test's time.
      { baseMs: 3_600_000, random: () => 1, waits, onRetry: () => queueMicrotask(() => waits.wakeAll()) },
    );
    assert.equal(await done, 2);
  });
});
