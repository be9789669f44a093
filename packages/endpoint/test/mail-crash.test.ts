// The endpoint SIGKILLed between the write of its mails and their send: the outbox is in the
// database, so the next start sends each of them, exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fixtureForms, freePort, root, validSubmission } from './helpers.js';
import { eventually, startInbox } from './smtp.js';

interface OutboxRow {
  event_id: string;
  state: string;
  attempts: number;
  claimed_until: string | null;
  next_attempt_at: string;
}

function startEndpoint(port: number, dbPath: string, smtpUrl: string): ChildProcess {
  return spawn(
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
        GUICHET_SMTP_URL: smtpUrl,
        GUICHET_MAIL_FROM: 'Mairie <guichet@mairie.example>',
        GUICHET_TRACKER_URL: 'https://mairie.example/suivi',
      },
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  );
}

async function up(url: string) {
  await eventually(
    () =>
      fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      ),
    60_000,
  );
}

test('SIGKILL after the mails were written and before they were sent: each arrives once after the restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-mail-kill-'));
  const dbPath = join(dir, 'guichet.sqlite');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const inbox = await startInbox();
  await inbox.stop(); // down while the requests come in
  let child = startEndpoint(port, dbPath, inbox.url);
  const outbox = () => {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare('SELECT event_id, state, attempts, claimed_until, next_attempt_at FROM outbox ORDER BY id')
        .all() as OutboxRow[];
    } finally {
      db.close();
    }
  };
  try {
    await up(url);
    const references: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${url}/api/forms/demande-test/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify(validSubmission({ email: `citoyen${i}@example.fr` })),
      });
      assert.equal(response.status, 201);
      references.push(((await response.json()) as { reference: string }).reference);
    }
    // Every mail written and tried once (the server was down), none held by a sender, none due
    // for a while: the process dies with all of them waiting in the outbox.
    await eventually(async () => {
      const rows = outbox();
      const soon = Date.now() + 500;
      return (
        rows.length === 5 &&
        rows.every((r) => r.attempts >= 1 && r.claimed_until === null && Date.parse(r.next_attempt_at) > soon)
      );
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    assert.equal(inbox.accepted, 0);
    const written = outbox();
    assert.ok(written.every((r) => r.state === 'pending'));

    await inbox.start();
    child = startEndpoint(port, dbPath, inbox.url);
    await up(url);
    await inbox.waitFor(5, 60_000);
    await eventually(async () => outbox().every((r) => r.state === 'sent'), 60_000);
    // Everything is recorded sent: nothing more can go out; count what came.
    const ids = inbox.mails.map((mail) => /^<(evt_[^@]+)@/.exec(mail.messageId ?? '')?.[1]);
    assert.equal(inbox.accepted, 5, 'five mails, none twice');
    assert.deepEqual(new Set(ids), new Set(written.map((r) => r.event_id)));
    for (const reference of references)
      assert.equal(inbox.mails.filter((mail) => mail.subject?.includes(reference)).length, 1, reference);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await inbox.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
