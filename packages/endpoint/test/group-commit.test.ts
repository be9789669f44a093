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

test('units of one counter share a transaction; those of another wait for the next one', async () => {
  const { transactions, unit } = recorder(true);
  await Promise.all([
    unit('voirie 1', 'VOI-2026'),
    unit('cantine 1', 'CAN-2026'),
    unit('voirie 2', 'VOI-2026'),
    unit('status change'),
    unit('cantine 2', 'CAN-2026'),
  ]);
  assert.deepEqual(transactions, [
    ['voirie 1', 'voirie 2', 'status change'],
    ['cantine 1', 'cantine 2'],
  ]);
});

test('without separate keys (SQLite, one writer at a time) everything that arrived together commits at once', async () => {
  const { transactions, unit } = recorder(false);
  await Promise.all([unit('voirie 1', 'VOI-2026'), unit('cantine 1', 'CAN-2026'), unit('voirie 2', 'VOI-2026')]);
  assert.deepEqual(transactions, [['voirie 1', 'cantine 1', 'voirie 2']]);
});
