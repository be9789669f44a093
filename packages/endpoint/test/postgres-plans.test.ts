/**
 * Filing stays a look-up of each Idempotency-Key through its index as a new town's database grows
 * from empty: PostgreSQL keeps one plan per prepared statement, chosen on the first requests'
 * estimates, until an ANALYZE (a minute away at best, never in a burst). A plan that read the
 * form's requests instead made every submission slower with each one stored.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { PostgresStore } from '@guichet/endpoint';
import { freshPostgresDatabase } from '../../../test/helpers/postgres.js';
import { newRequest } from './new-request.js';

let store: PostgresStore | undefined;
after(() => store?.close());

test('filing on a database that grew from empty looks each key up through its index', async () => {
  const url = await freshPostgresDatabase('plans');
  // Two connections, so the first requests' plans are the ones every later filing runs.
  store = await PostgresStore.open({ url, maxConnections: 2 });
  for (let k = 0; k < 12; k++) await store.fileRequest(newRequest('PLN'), undefined);
  for (let wave = 0; wave < 20; wave++) {
    await Promise.all(Array.from({ length: 25 }, () => store!.fileRequest(newRequest('PLN'), undefined)));
  }
  const replay = newRequest('PLN');
  const first = await store.fileRequest(replay, undefined);
  const again = await store.fileRequest({ ...replay, trackingCodeHash: Buffer.alloc(32) }, undefined);
  assert.ok(first.outcome === 'created' && again.outcome === 'replayed');
  assert.equal(again.record.reference, first.record.reference);
  // A backend hands its counts over when it ends.
  await store.close();
  store = undefined;

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; scans: number; read: number }>(
      `SELECT indexrelname AS name, idx_scan::int AS scans, idx_tup_read::int AS read FROM pg_stat_user_indexes
       WHERE relname = 'requests' UNION ALL
       SELECT 'sequential', seq_scan::int, seq_tup_read::int FROM pg_stat_user_tables WHERE relname = 'requests'`,
    );
    const stats = Object.fromEntries(rows.map((row) => [row.name, row]));
    assert.equal((await client.query('SELECT count(*)::int AS n FROM requests')).rows[0].n, 513);
    // One index probe per request filed; none of them finds a row but the replay's.
    assert.ok(stats.requests_one_per_idempotency_key!.scans >= 513, JSON.stringify(stats));
    assert.ok(stats.requests_one_per_idempotency_key!.read <= 1, JSON.stringify(stats));
    assert.equal(stats.requests_by_form!.read, 0, JSON.stringify(stats));
    assert.equal(stats.sequential!.read, 0, JSON.stringify(stats));
  } finally {
    await client.end();
  }
});
