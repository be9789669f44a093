/**
 * The settings the store gives its PostgreSQL connections hold beside a deployment's own: a URL
 * with `?options=-c …` (a search_path, a statement timeout) is common, and pg lets it replace a
 * pool's `options`, which silently dropped the custom plans of every statement.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { PostgresStore } from '@guichet/endpoint';
import { freshPostgresDatabase } from '../../../test/helpers/postgres.js';

let store: PostgresStore | undefined;
after(() => store?.close());

test("the endpoint's plan setting and the URL's own options both hold", async () => {
  // The setting is sent before the connection is handed out: a query queued behind it on the
  // same client is deprecated in pg 8 and refused in pg 9.
  const warnings: string[] = [];
  process.on('warning', (warning) => warnings.push(warning.message));
  const url = await freshPostgresDatabase('settings');
  store = await PostgresStore.open({ url: `${url}?options=${encodeURIComponent('-c statement_timeout=4321')}` });
  // Read on the store's own connections (its pool is private: this test is about them).
  const pool = (store as unknown as { pool: pg.Pool }).pool;
  // Two at once: the second opens a new connection and queries it at once, as under load.
  await Promise.all([pool.query('SELECT 1'), pool.query('SELECT 1')]);
  const client = await pool.connect();
  try {
    const show = async (name: string) => (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name];
    assert.equal(await show('plan_cache_mode'), 'force_custom_plan');
    assert.equal(await show('statement_timeout'), '4321ms');
  } finally {
    client.release();
  }
  assert.deepEqual(
    warnings.filter((message) => /already executing a query/.test(message)),
    [],
  );
});
