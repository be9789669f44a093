import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { connect } from 'node:net';
import { fixtureForms, freePort, root, startTestServer, validSubmission } from './helpers.js';

test('SIGTERM during an in-flight submission: it is still answered and stored, then the process exits 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-shutdown-'));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(root, 'packages/endpoint/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        GUICHET_DB: join(dir, 'guichet.sqlite'),
        GUICHET_FORMS_DIR: fixtureForms,
        GUICHET_ADMIN_TOKEN: 'shutdown-token',
        GUICHET_LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk;
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(output)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const seen = (pattern: RegExp) =>
    new Promise<void>((resolve) => (pattern.test(output) ? resolve() : waiters.push({ pattern, resolve })));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await seen(/"msg":"listening"/);
    const body = Buffer.from(JSON.stringify(validSubmission()));
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `http://127.0.0.1:${port}/api/forms/demande-test/submissions`,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': String(body.length),
            'Idempotency-Key': crypto.randomUUID(),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      // Half the body now, the rest once the server is shutting down.
      req.write(body.subarray(0, 10));
      seen(/"msg":"request started"/)
        .then(() => {
          child.kill('SIGTERM');
          return seen(/shutting down/);
        })
        .then(() => req.end(body.subarray(10)), reject);
    });
    const { status, text } = await answer;
    assert.equal(status, 201, text);
    assert.match(JSON.parse(text).reference, /^TST-/);
    assert.equal(await exited, 0);
    assert.match(output, /"msg":"stopped"/);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SIGKILL in the middle of a load: every submission that got a 201 is stored, and the database is sound', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-kill-'));
  const port = await freePort();
  const dbPath = join(dir, 'guichet.sqlite');
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(root, 'packages/endpoint/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        GUICHET_DB: dbPath,
        GUICHET_FORMS_DIR: fixtureForms,
        GUICHET_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = `http://127.0.0.1:${port}`;
    for (let up = false; !up;) {
      up = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!up) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const acknowledged: string[] = [];
    const body = JSON.stringify(validSubmission());
    const send = async () => {
      for (let i = 0; i < 40; i++) {
        const response = await fetch(`${url}/api/forms/demande-test/submissions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
          body,
        }).catch(() => undefined);
        if (!response) return;
        if (response.status === 201) {
          acknowledged.push(((await response.json()) as { reference: string }).reference);
          if (acknowledged.length === 60) child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, send));
    await exited;
    assert.ok(acknowledged.length >= 60, `${acknowledged.length} acknowledged`);
    const db = new Database(dbPath);
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      const stored = new Set(db.prepare('SELECT reference FROM requests').pluck().all() as string[]);
      const lost = acknowledged.filter((reference) => !stored.has(reference));
      assert.deepEqual(lost, []);
      const histories = db
        .prepare(
          'SELECT COUNT(*) FROM requests r WHERE NOT EXISTS (SELECT 1 FROM status_history h WHERE h.request_id = r.id)',
        )
        .pluck()
        .get();
      assert.equal(histories, 0, 'no request without its first status');
    } finally {
      db.close();
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a request pipelined behind one in flight when shutdown starts gets a 503 ErrorBody, and the first its 201', async () => {
  const t = await startTestServer();
  try {
    const { port } = new URL(t.url);
    const body = JSON.stringify(validSubmission());
    const head = (key: string, length: number) =>
      `POST /api/forms/demande-test/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Idempotency-Key: ${key}\r\nContent-Length: ${length}\r\nConnection: keep-alive\r\n\r\n`;
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (received += chunk));
    const ended = new Promise((resolve) => socket.on('close', resolve));
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(head(crypto.randomUUID(), Buffer.byteLength(body)) + body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = t.stop();
    socket.write(body.slice(10) + head(crypto.randomUUID(), Buffer.byteLength(body)) + body);
    await ended;
    await closed;
    assert.match(received, /^HTTP\/1\.1 201 /);
    assert.match(received, /HTTP\/1\.1 503 /);
    assert.match(received, /"code":"shutting-down"/);
  } finally {
    await t.cleanup();
  }
});
