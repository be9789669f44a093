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

/** A group commit whose batch statement refuses the items named "refused" (as a CHECK would). */
function batching(retryableError?: (error: unknown) => boolean) {
  const transactions: { batch: string[]; units: string[]; committed: boolean }[] = [];
  let failRetryably = 0;
  const commit = new GroupCommit<{ units: string[] }, string, string>({
    async begin() {
      const transaction = { batch: [] as string[], units: [] as string[], committed: false };
      transactions.push(transaction);
      return {
        tx: transaction,
        control: async (sql) => void (transaction.committed = sql === 'COMMIT'),
        end: () => {},
      };
    },
    separateLockKeys: true,
    retryable: retryableError,
    async runBatch(tx, items) {
      (tx as unknown as { batch: string[] }).batch.push(...items);
      if (failRetryably > 0 && failRetryably--) throw Object.assign(new Error('deadlock'), { retry: true });
      if (items.includes('refused')) throw new Error('refused by a constraint');
      return items.map((item) => `filed ${item}`);
    },
    // A statement committing on its own: recorded as a transaction nobody began.
    async runBatchAlone(items) {
      alone.push([...items]);
      if (items.includes('refused')) throw new Error('refused by a constraint');
      return items.map((item) => `filed ${item}`);
    },
  });
  const alone: string[][] = [];
  const file = (item: string, key = 'VOI-2026') =>
    commit.runBatched(item, async (tx, result) => (tx.units.push(item), result), key);
  /** A filing with nothing to do after it. */
  const fileBare = (item: string, key = 'VOI-2026') => commit.runBatched(item, undefined, key);
  return { transactions, alone, file, fileBare, commit, failNextRetryably: (n: number) => (failRetryably = n) };
}

test('batched units with no work of their own: their statement runs alone, no transaction begun', async () => {
  const { transactions, alone, fileBare } = batching();
  assert.deepEqual(await Promise.all([fileBare('a'), fileBare('b')]), ['filed a', 'filed b']);
  assert.deepEqual(alone, [['a', 'b']]);
  assert.deepEqual(transactions, []);
});

test('batched units with and without work together: one transaction for all of them', async () => {
  const { transactions, alone, file, fileBare } = batching();
  assert.deepEqual(await Promise.all([fileBare('a'), file('b')]), ['filed a', 'filed b']);
  assert.deepEqual(alone, []);
  assert.deepEqual(transactions, [{ batch: ['a', 'b'], units: ['b'], committed: true }]);
});

test('a statement running alone that the database refuses runs again item by item', async () => {
  const { alone, fileBare } = batching();
  const outcomes = await Promise.allSettled([fileBare('a'), fileBare('refused'), fileBare('c')]);
  assert.deepEqual(
    outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message)),
    ['filed a', 'refused by a constraint', 'filed c'],
  );
  assert.deepEqual(alone[0], ['a', 'refused', 'c']);
  assert.deepEqual(alone.slice(1).sort(), [['a'], ['c'], ['refused']]);
});

test('batched units: their items go to the database together, first, and each unit gets its own result', async () => {
  const { transactions, file, commit } = batching();
  const plain = commit.run(async (tx) => void tx.units.push('status change'));
  const results = await Promise.all([file('a'), file('b'), file('c'), plain]);
  assert.deepEqual(results, ['filed a', 'filed b', 'filed c', undefined]);
  assert.deepEqual(transactions, [
    { batch: ['a', 'b', 'c'], units: ['status change', 'a', 'b', 'c'], committed: true },
  ]);
});

test('a batch the database refuses runs again item by item: only the item at fault gets the error', async () => {
  const { transactions, file } = batching();
  const outcomes = await Promise.allSettled([file('a'), file('refused'), file('c')]);
  assert.deepEqual(
    outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message)),
    ['filed a', 'refused by a constraint', 'filed c'],
  );
  const committed = transactions.filter((t) => t.committed).map((t) => t.batch);
  assert.deepEqual(committed.sort(), [['a'], ['c']]);
  assert.equal(transactions.filter((t) => !t.committed).length, 2, 'the whole batch, then the refused item alone');
});

test('a batch failing for a reason worth a retry (a deadlock) runs again whole', async () => {
  const { transactions, file, failNextRetryably } = batching((error) => (error as { retry?: boolean }).retry === true);
  failNextRetryably(1);
  assert.deepEqual(await Promise.all([file('a'), file('b')]), ['filed a', 'filed b']);
  assert.deepEqual(
    transactions.map((t) => [t.batch, t.committed]),
    [
      [['a', 'b'], false],
      [['a', 'b'], true],
    ],
  );
});
