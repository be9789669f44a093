import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { TrackingCodes } from '@guichet/endpoint';
import { sqliteMigrations } from '../src/store/sqlite/migrations.js';
import { admin, call, fixtureForms, startTestServer, submit, validSubmission } from './helpers.js';

describe('start-up, restart and precompiled validators', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-lifecycle-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  test('a restart on the same database keeps requests, history and tracking codes', async () => {
    const dir = tempDir();
    const first = await startTestServer({ dir });
    const key = crypto.randomUUID();
    const receipt = (await submit(first.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key })).body;
    await call(`${first.url}/api/admin/requests/${receipt.reference}/status`, {
      method: 'POST',
      headers: admin({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ phase: 'in_progress' }),
    });
    await first.stop();

    const second = await startTestServer({ dir });
    try {
      const status = await call(`${second.url}/api/requests/${receipt.reference}?code=${receipt.trackingCode}`);
      assert.equal(status.status, 200);
      assert.deepEqual(
        status.body.history.map((h: { phase: string }) => h.phase),
        ['received', 'in_progress'],
      );
      const replay = await submit(second.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key });
      assert.equal(replay.status, 200);
      assert.deepEqual(replay.body, receipt);
      const next = await submit(second.url, 'demande-test', validSubmission());
      assert.equal(Number(next.body.reference.split('-')[2]), Number(receipt.reference.split('-')[2]) + 1);
    } finally {
      await second.stop();
    }
    const db = new Database(join(dir, 'guichet.sqlite'), { readonly: true });
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.deepEqual(db.prepare('SELECT version FROM schema_migrations').pluck().all(), [1, 2, 3, 4]);
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      const row = db.prepare('SELECT * FROM requests WHERE reference = ?').get(receipt.reference) as Record<
        string,
        unknown
      >;
      assert.ok(
        !Object.values(row).some((value) => String(value).includes(receipt.trackingCode)),
        'the tracking code is stored hashed only',
      );
      assert.ok(
        !Object.values(row).some((value) => String(value).includes(key)),
        'the idempotency key is stored hashed only',
      );
      assert.throws(() => db.prepare('DELETE FROM status_history').run());
    } finally {
      db.close();
    }
  });

  test('a database of an older endpoint keeps its tracking codes, replays and uploads once upgraded', async () => {
    // What endpoints before the secret and uploads moved into the database left: schema version 1,
    // the pepper beside the file, uploads in attachments/.
    const dir = tempDir();
    const dbPath = join(dir, 'guichet.sqlite');
    const pepper = randomBytes(32);
    writeFileSync(`${dbPath}.pepper`, pepper.toString('base64') + '\n');
    const codes = new TrackingCodes(pepper);
    const key = '0b6f3c1e-older-endpoint-key-0000001';
    const code = codes.trackingCodeFor('demande-test', key);
    const db = new Database(dbPath);
    db.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    db.exec(sqliteMigrations[0]!.sql);
    db.prepare("INSERT INTO schema_migrations VALUES (1, 'v1', '2026-01-01T00:00:00.000Z')").run();
    db.prepare(
      `INSERT INTO requests (id, reference, form_id, form_version, form_title, channel, lang, idempotency_key_hash,
         tracking_code_hash, data, created_at) VALUES (1, 'TST-2026-000041', 'demande-test', '1.2.0', 'Demande de test',
         'web', 'fr', ?, ?, '{"name":"Ancienne demande","email":"a@example.fr","photo":"att_olderendpointfile01"}',
         '2026-01-02T10:00:00.000Z')`,
    ).run(codes.idempotencyKeyHash('demande-test', key), codes.trackingCodeHash(code));
    db.prepare(
      "INSERT INTO status_history (request_id, at, phase, code, label) VALUES (1, '2026-01-02T10:00:00.000Z', 'received', 'received', 'Demande reçue')",
    ).run();
    db.prepare(
      `INSERT INTO attachments (id, form_id, field, name, size, type, created_at, request_id)
       VALUES ('att_olderendpointfile01', 'demande-test', 'photo', 'trou.png', 3, 'image/png', '2026-01-02T09:59:00.000Z', 1)`,
    ).run();
    db.prepare("INSERT INTO reference_sequences VALUES ('TST', 2026, 41)").run();
    db.close();
    mkdirSync(join(dir, 'attachments'));
    writeFileSync(join(dir, 'attachments', 'att_olderendpointfile01'), 'PNG');

    // Within the day its key answers replays (GUICHET_IDEMPOTENCY_KEY_HOURS).
    const t = await startTestServer({ dir, now: () => new Date('2026-01-02T18:00:00.000Z') });
    try {
      const status = await call(`${t.url}/api/requests/TST-2026-000041?code=${code}`);
      assert.equal(status.status, 200);
      assert.equal(status.body.phase, 'received');
      const replay = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key });
      assert.equal(replay.status, 200);
      assert.equal(replay.body.reference, 'TST-2026-000041');
      assert.equal(replay.body.trackingCode, code);
      const file = await fetch(`${t.url}/api/admin/attachments/att_olderendpointfile01`, { headers: admin() });
      assert.equal(await file.text(), 'PNG');
    } finally {
      await t.stop();
    }
  });

  test("the database and its WAL and SHM files are readable by the endpoint's user alone (0600), the older ones narrowed", async () => {
    const dir = tempDir();
    const nested = join(dir, 'data');
    const dbPath = join(nested, 'guichet.sqlite');
    const t = await startTestServer({ dir, dbPath });
    try {
      assert.equal((await submit(t.url, 'demande-test', validSubmission())).status, 201);
      for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`])
        assert.equal((statSync(file).mode & 0o777).toString(8), '600', file);
      assert.equal((statSync(nested).mode & 0o777).toString(8), '700', 'the folder it created');
    } finally {
      await t.stop();
    }
    // A file an older endpoint left world-readable is narrowed at the next start.
    chmodSync(dbPath, 0o644);
    const again = await startTestServer({ dir, dbPath });
    try {
      assert.equal((statSync(dbPath).mode & 0o777).toString(8), '600');
    } finally {
      await again.stop();
    }
  });

  test('the history is append-only in the database itself', async () => {
    const dir = tempDir();
    const t = await startTestServer({ dir });
    await submit(t.url, 'demande-test', validSubmission());
    await t.stop();
    const db = new Database(join(dir, 'guichet.sqlite'));
    try {
      assert.throws(() => db.prepare("UPDATE status_history SET label = 'x'").run(), /append-only/);
      assert.throws(() => db.prepare('DELETE FROM status_history').run(), /append-only/);
    } finally {
      db.close();
    }
  });

  test('a broken definition is skipped and the server still serves the others', async () => {
    const forms = tempDir();
    copyFileSync(join(fixtureForms, 'demande-test.json'), join(forms, 'demande-test.json'));
    writeFileSync(
      join(forms, 'cassee.json'),
      JSON.stringify({
        id: 'cassee',
        version: '1.0.0',
        title: 'Cassée',
        lang: 'en',
        schema: { type: 'object', properties: { a: { type: 'strin' }, b: { type: 'string', not: {} } } },
      }),
    );
    writeFileSync(join(forms, 'pas-du-json.json'), '{ "id": "pas-du-json", ');
    const lines: string[] = [];
    const t = await startTestServer({
      formsDir: forms,
      logLevel: 'info',
      logStream: { write: (line: string) => void lines.push(line) },
    });
    try {
      const list = await call(`${t.url}/api/forms`);
      assert.deepEqual(
        list.body.map((f: { id: string }) => f.id),
        ['demande-test'],
      );
      assert.equal((await call(`${t.url}/api/forms/cassee`)).status, 404);
      const logged = lines.join('');
      assert.match(logged, /cassee\.json/);
      assert.match(logged, /pas-du-json\.json/);
      // Each problem at its pointer, in the definition's language, and how many there are.
      const report = lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((l) => l.file === 'cassee.json');
      assert.deepEqual(report?.problems, [
        '/schema/properties/b/not unsupported-keyword: The keyword “not” is not supported by Guichet: say what is allowed (enum, const, if/then) rather than what is not',
        '/schema/properties/a/type unsupported-type: “type” is "strin": a question has one type, and “null” beside it when it may be left unanswered',
      ]);
      assert.equal(report?.problemCount, 2);
      assert.equal(report?.msg, 'form skipped: its definition has 2 problems');
    } finally {
      await t.cleanup();
    }
  });

  test('a missing database folder is created', async () => {
    const dir = join(tempDir(), 'deep', 'er');
    const t = await startTestServer({ dir, dbPath: join(dir, 'nested', 'guichet.sqlite') });
    try {
      assert.equal((await submit(t.url, 'demande-test', validSubmission())).status, 201);
    } finally {
      await t.stop();
    }
  });

  test('validator.js has no eval, and once imported in Node it validates like the server', async () => {
    const t = await startTestServer();
    try {
      const answer = await call(`${t.url}/api/forms/demande-test/validator.js`);
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.ok(!/new Function|\beval\(/.test(answer.text));
      const file = join(tempDir(), 'validator.mjs');
      writeFileSync(file, answer.text);
      const module = (await import(pathToFileURL(file).href)) as {
        validate: ((data: unknown) => boolean) & { errors?: unknown[] };
      };
      assert.equal(module.validate({ name: 'Camille Martin', email: 'c@example.fr' }), true);
      assert.equal(module.validate({ name: 'X' }), false);
      assert.equal(module.validate({ name: 'Camille', intrus: 1 }), false);
      assert.equal((await call(`${t.url}/api/forms/nope/validator.js`)).status, 404);
    } finally {
      await t.cleanup();
    }
  });
});
