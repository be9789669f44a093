/**
 * The database out of reach while the endpoint runs: PostgreSQL restarting, failing over or cut
 * off by the network, SQLite locked by another process. A citizen's submission is then answered
 * 503 with Retry-After in their language (the form keeps the answers and tries again when told),
 * never left hanging, and the endpoint serves again by itself once the database is back, with no
 * request stored twice or half. Real PostgreSQL behind a real TCP relay we cut, a real SQLite file.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import pg from 'pg';
import { freshPostgresDatabase } from '../../../test/helpers/postgres.js';
import { Relay } from '../../../test/helpers/tcp-relay.js';
import { PostgresStore } from '@guichet/endpoint';
import { MIGRATION_LOCK } from '../src/store/postgres/postgres-store.js';
import { admin, call, startTestServer, submit, validSubmission, type TestServer } from './helpers.js';

/** A hang fails the test instead of the run. */
const within = (ms: number) => ({ signal: AbortSignal.timeout(ms) });

function assertUnavailable(answer: Awaited<ReturnType<typeof submit>>, lang: 'fr' | 'en'): void {
  assert.equal(answer.status, 503, answer.text);
  assert.equal(answer.headers.get('retry-after'), '5');
  assert.equal(answer.body.code, 'unavailable');
  assert.match(
    answer.body.message,
    lang === 'fr'
      ? /momentanément indisponible.*vos réponses ne sont pas perdues/
      : /unavailable.*answers are not lost/,
  );
}

/** Every reference stored for the test form, page after page. */
async function storedReferences(t: TestServer): Promise<string[]> {
  const references: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await call(`${t.url}/api/admin/requests?formId=demande-test&limit=100&offset=${offset}`, {
      headers: admin(),
    });
    assert.equal(page.status, 200, page.text);
    references.push(...(page.body as { reference: string }[]).map((request) => request.reference));
    if (page.body.length < 100) return references;
  }
}

describe('PostgreSQL out of reach', () => {
  let relay: Relay;
  let t: TestServer;
  let databaseUrl = '';

  before(async () => {
    const url = new URL(await freshPostgresDatabase('outage'));
    // As docs/deploying.md advises, shorter: maintenance holding a table is waited for this long.
    const owner = new pg.Client({ connectionString: url.href });
    await owner.connect();
    await owner.query(`ALTER DATABASE ${url.pathname.slice(1)} SET lock_timeout = '300ms'`);
    await owner.end();
    databaseUrl = url.href;
    relay = new Relay({ host: url.hostname, port: Number(url.port) });
    await relay.open();
    url.port = String(relay.port);
    t = await startTestServer({ databaseUrl: url.href });
  });
  after(async () => {
    await relay.relay();
    await t.cleanup();
    await relay.stop();
  });

  test('restarted or stopped: 503 with Retry-After in the request’s language, then served again', async () => {
    assert.equal((await submit(t.url, 'demande-test', validSubmission())).status, 201);

    await relay.stop();
    const key = crypto.randomUUID();
    assertUnavailable(await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key }), 'fr');
    assertUnavailable(
      await submit(t.url, 'demande-test', validSubmission({}, 'en'), { 'Accept-Language': 'en' }),
      'en',
    );
    const health = await call(`${t.url}/api/health`, within(20_000));
    assert.equal(health.status, 503);
    assert.equal(health.body.database.ok, false);

    await relay.relay();
    // The form's outbox sends the same key again once told to: stored once, now.
    const again = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key });
    assert.equal(again.status, 201, again.text);
    const replay = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key });
    assert.equal(replay.body.reference, again.body.reference);
    const stored = await call(`${t.url}/api/admin/requests?formId=demande-test`, { headers: admin() });
    assert.equal(stored.status, 200);
    assert.equal(stored.body.length, 2, 'the first request and the one retried, nothing from the outage');
  });

  test(
    'cut while submissions are being filed: the endpoint stays up, each key stored once, none acknowledged lost',
    { timeout: 60_000 },
    async () => {
      const before = new Set(await storedReferences(t));
      const answers = new Map<string, number>();
      const acknowledged = new Map<string, string>();
      let sending = true;
      // Enough senders that the cut meets transactions in every stage, the group commit's included.
      const senders = Array.from({ length: 12 }, async () => {
        while (sending) {
          const key = crypto.randomUUID();
          const answer = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key });
          answers.set(key, answer.status);
          if (answer.status === 201) acknowledged.set(key, answer.body.reference);
        }
      });
      const filed = async (count: number) => {
        while (acknowledged.size < count) await new Promise((resolve) => setTimeout(resolve, 5));
      };
      await filed(20);
      await relay.stop();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await relay.relay();
      const afterCut = acknowledged.size;
      await filed(afterCut + 20);
      sending = false;
      await Promise.all(senders);

      const statuses = [...answers.values()];
      assert.ok(statuses.includes(503), 'some submissions met the cut');
      assert.deepEqual([...new Set(statuses)].sort(), [201, 503]);
      // The forms' outboxes send each refused key again: each key is one request, the acknowledged
      // ones keep their reference.
      for (const key of answers.keys()) {
        const again = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key });
        // 200 where it had been stored although its answer was lost with the connection.
        assert.ok(again.status === 200 || again.status === 201, again.text);
        if (acknowledged.has(key)) assert.equal(again.body.reference, acknowledged.get(key));
        else acknowledged.set(key, again.body.reference);
      }
      const stored = (await storedReferences(t)).filter((reference) => !before.has(reference));
      assert.deepEqual(stored.sort(), [...acknowledged.values()].sort());
    },
  );

  test('the connection lost in the middle of a transaction or a delivery fails that work, not the endpoint', async () => {
    const { store } = t.server;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 300));
    await assert.rejects(
      store.transaction(async () => {
        await relay.stop();
        await pause();
      }),
      (error: unknown) => store.unavailable(error),
    );
    await relay.relay();
    assert.equal((await submit(t.url, 'demande-test', validSubmission())).status, 201);

    const { body: filed } = await submit(t.url, 'demande-test', validSubmission());
    await store.transaction((tx) =>
      tx.outbox.add({
        id: `evt_${crypto.randomUUID()}`,
        reference: filed.reference,
        channel: 'webhook',
        event: 'request.created',
        payload: {},
        createdAt: new Date().toISOString(),
      }),
    );
    // The sender holds its claim while a slow receiver answers: the database goes meanwhile.
    await assert.rejects(
      store.outbox.deliver(
        'webhook',
        { now: new Date('2100-01-01T00:00:00Z'), limit: 10, leaseMs: 60_000 },
        async () => {
          await relay.stop();
          await pause();
          return [];
        },
      ),
      (error: unknown) => store.unavailable(error),
    );
    await relay.relay();
    assert.equal((await submit(t.url, 'demande-test', validSubmission())).status, 201);
  });

  test('a table held by maintenance past lock_timeout: 503, then served once it is released', async () => {
    const maintenance = new pg.Client({ connectionString: databaseUrl });
    await maintenance.connect();
    await maintenance.query('BEGIN');
    await maintenance.query('LOCK TABLE requests IN ACCESS EXCLUSIVE MODE');
    const key = crypto.randomUUID();
    try {
      assertUnavailable(await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key }), 'fr');
    } finally {
      await maintenance.query('ROLLBACK');
      await maintenance.end();
    }
    assert.equal((await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key })).status, 201);
  });

  test('an instance starting while another migrates waits for it, whatever the role’s lock_timeout', async () => {
    const migrating = new pg.Client({ connectionString: databaseUrl });
    await migrating.connect();
    await migrating.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    const opening = PostgresStore.open({ url: databaseUrl });
    // Far past the 300 ms lock_timeout before the other instance is done.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await migrating.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]);
    await migrating.end();
    const store = await opening;
    assert.equal((await store.health()).ok, true);
    await store.close();
  });

  test(
    'a database that does not answer at start-up: the error names the server, never the password',
    { timeout: 30_000 },
    async () => {
      await relay.swallow();
      try {
        const url = new URL(databaseUrl);
        url.port = String(relay.port);
        url.password = 'mot-de-passe-secret';
        await assert.rejects(PostgresStore.open({ url: url.href }), (error: Error) => {
          assert.match(
            error.message,
            new RegExp(`^PostgreSQL at 127\\.0\\.0\\.1:${relay.port}/outage_\\w+ refused or did not answer: `),
          );
          assert.doesNotMatch(error.message, /mot-de-passe-secret/);
          return true;
        });
      } finally {
        await relay.relay();
      }
    },
  );

  test('a bug or a refused value is not taken for an outage', async () => {
    const client = new pg.Client({ connectionString: `postgres://guichet@127.0.0.1:${relay.port}/postgres` });
    await client.connect();
    const failed = (sql: string) =>
      client.query(sql).then(
        () => assert.fail(sql),
        (error: unknown) => error,
      );
    try {
      assert.equal(t.server.store.unavailable(await failed('SELECT 1/0')), false);
      assert.equal(t.server.store.unavailable(await failed('SELECT * FROM nowhere')), false);
      assert.equal(t.server.store.unavailable(new TypeError('x is undefined')), false);
    } finally {
      await client.end();
    }
    await relay.stop();
    const refused = await new pg.Client({ connectionString: `postgres://guichet@127.0.0.1:${relay.port}/postgres` })
      .connect()
      .then(
        () => assert.fail('connected'),
        (error: unknown) => error,
      );
    assert.equal(t.server.store.unavailable(refused), true);
    await relay.relay();
  });

  test('cut off by the network: answered 503 once the connection times out, not left hanging', async () => {
    await relay.swallow();
    const swallowedBefore = relay.swallowed;
    // A request that meets a connection the pool has not yet seen dropped fails at once; the next
    // needs a new connection, which the network swallows.
    for (let attempt = 0; attempt < 5 && relay.swallowed === swallowedBefore; attempt++) {
      const answer = await call(`${t.url}/api/forms/demande-test/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify(validSubmission()),
        ...within(30_000),
      });
      assertUnavailable(answer, 'fr');
    }
    assert.ok(relay.swallowed > swallowedBefore, 'a request waited on a connection the network swallowed');
    await relay.relay();
    assert.equal((await submit(t.url, 'demande-test', validSubmission())).status, 201);
  });
});

describe('SQLite locked by another process', () => {
  let t: TestServer;
  before(async () => (t = await startTestServer()));
  after(() => t.cleanup());

  test('a write waiting past the busy timeout is answered 503, and served once the lock is gone', async () => {
    assert.equal((await submit(t.url, 'demande-test', validSubmission())).status, 201);
    // A backup or a maintenance script holding the write lock.
    const other = new Database(t.dbPath);
    other.exec('BEGIN EXCLUSIVE');
    const key = crypto.randomUUID();
    try {
      const answer = await call(`${t.url}/api/forms/demande-test/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(validSubmission()),
        ...within(30_000),
      });
      assertUnavailable(answer, 'fr');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const again = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key });
    assert.equal(again.status, 201, again.text);
    const stored = await call(`${t.url}/api/admin/requests?formId=demande-test`, { headers: admin() });
    assert.equal(stored.body.length, 2);
  });

  test('a refused value is not taken for an outage', () => {
    const db = new Database(t.dbPath, { readonly: true });
    try {
      assert.throws(
        () => db.exec('INSERT INTO nowhere VALUES (1)'),
        (error: unknown) => {
          assert.equal(t.server.store.unavailable(error), false);
          return true;
        },
      );
    } finally {
      db.close();
    }
  });
});
