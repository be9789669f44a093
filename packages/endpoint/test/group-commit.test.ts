/**
 * Group commit: units that arrive together share one transaction; on PostgreSQL, units locking
 * different contended rows (two forms' reference counters) never share one, so that two
 * instances' transactions cannot each hold one counter and wait for the other's (a deadlock
 * PostgreSQL breaks only after a second: a town's mix of forms fell to 18 submissions a second).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GroupCommit } from '../src/store/group-commit.js';

function recorder(separateLockKeys: boolean) {
  const transactions: string[][] = [];
  const commit = new GroupCommit<string[]>({
    async begin() {
      const units: string[] = [];
      return {
        tx: units,
        control: async (sql) => {
          if (sql === 'COMMIT') transactions.push(units);
        },
        end: () => {},
      };
    },
    separateLockKeys,
  });
  const unit = (name: string, key?: string) => commit.run(async (tx) => void tx.push(name), key);
  return { transactions, unit, commit };
}

test('units of one counter share a transaction; those of another go in a transaction of their own', async () => {
  const { transactions, unit } = recorder(true);
  await Promise.all([
    unit('voirie 1', 'VOI-2026'),
    unit('cantine 1', 'CAN-2026'),
    unit('voirie 2', 'VOI-2026'),
    unit('status change'),
    unit('cantine 2', 'CAN-2026'),
  ]);
  // Side by side, they commit in whichever order their work ends.
  assert.deepEqual(
    transactions.sort((a, b) => b.length - a.length),
    [
      ['voirie 1', 'voirie 2', 'status change'],
      ['cantine 1', 'cantine 2'],
    ],
  );
});

test("two counters' transactions run side by side, and a counter's next one waits for its last", async () => {
  const events: string[] = [];
  let open = 0;
  const commit = new GroupCommit<string[]>({
    async begin() {
      const units: string[] = [];
      events.push(`begin (${++open} open)`);
      return {
        tx: units,
        control: async (sql) => {
          // A commit takes a while (an fsync): the other lane's transaction starts meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 20));
          if (sql === 'COMMIT') events.push(`commit ${units.join(', ')}`);
          open--;
        },
        end: () => {},
      };
    },
    separateLockKeys: true,
  });
  const unit = (name: string, key?: string) => commit.run(async (tx) => void tx.push(name), key);
  const first = [unit('voirie 1', 'VOI-2026'), unit('cantine 1', 'CAN-2026')];
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  // Arrives while voirie's transaction is open: it waits for the next one of its lane.
  const later = unit('voirie 2', 'VOI-2026');
  await Promise.all([...first, later]);
  await commit.drain();
  // Both counters' transactions were open at once, before either committed.
  assert.deepEqual(events.slice(0, 2), ['begin (1 open)', 'begin (2 open)'], events.join(' | '));
  assert.deepEqual(
    events.filter((e) => e.startsWith('commit')).sort(),
    ['commit cantine 1', 'commit voirie 1', 'commit voirie 2'],
    events.join(' | '),
  );
  // voirie's second unit waited for its counter's first transaction to commit.
  const firstVoirie = events.indexOf('commit voirie 1');
  assert.equal(events.filter((e, i) => e.startsWith('begin') && i > firstVoirie).length, 1, events.join(' | '));
});

test('no more transactions in flight than allowed: a third counter waits for a free one', async () => {
  let open = 0;
  let most = 0;
  const commit = new GroupCommit<string[]>({
    async begin() {
      most = Math.max(most, ++open);
      return {
        tx: [],
        control: async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          open--;
        },
        end: () => {},
      };
    },
    separateLockKeys: true,
    maxTransactions: 2,
  });
  await Promise.all(['VOI', 'CAN', 'ETC', 'SAL'].map((key) => commit.run(async () => key, `${key}-2026`)));
  assert.equal(most, 2);
});

test('without separate keys (SQLite, one writer at a time) everything that arrived together commits at once', async () => {
  const { transactions, unit } = recorder(false);
  await Promise.all([unit('voirie 1', 'VOI-2026'), unit('cantine 1', 'CAN-2026'), unit('voirie 2', 'VOI-2026')]);
  assert.deepEqual(transactions, [['voirie 1', 'cantine 1', 'voirie 2']]);
});
