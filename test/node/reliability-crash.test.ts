/**
 * Beyond packages/endpoint/test/shutdown.test.ts (which reads the database right after the kill):
 * the endpoint SIGKILLed under load from citizens whose browsers retry, then restarted on the same
 * file. Every 201 is served back by the agents API, the database passes integrity_check, and the
 * requests whose answer the crash swallowed, sent again with their Idempotency-Key, are stored
 * exactly once each.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = fileURLToPath(new URL('../../', import.meta.url));
const adminToken = 'crash-test-admin-token';
const form = 'signalement-voirie';

// A computed specifier: the helper is plain JavaScript without declarations.
const freePortModule = '../../scripts/lib/free-port.mjs';
const { freePort } = (await import(freePortModule)) as { freePort: () => Promise<number> };

async function start(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
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
        GUICHET_DB: dbPath,
        GUICHET_ADMIN_TOKEN: adminToken,
        GUICHET_LOG_LEVEL: 'warn',
        // Hundreds of submissions from 127.0.0.1: the per-address allowance is not under test here.
        GUICHET_SUBMISSION_LIMIT: '100000',
      },
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let up = false; !up;) {
    if (child.exitCode !== null) throw new Error(`the endpoint exited (${child.exitCode})`);
    up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (!up) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, child };
}

const submission = (marker: string) =>
  JSON.stringify({
    formVersion: '1.0.0',
    channel: 'web',
    lang: 'fr',
    data: { category: 'eclairage', description: marker, address: '12 rue des Écoles', consent: true },
  });

test(
  'SIGKILL under load, restart on the same file: every 201 is served back, every retried request stored once',
  { timeout: 120_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-crash-'));
    const dbPath = join(dir, 'guichet.sqlite');
    let running = await start(dbPath);
    try {
      const acknowledged = new Map<string, string>();
      /** Sent, but the crash swallowed the answer: the outbox would send these again. */
      const unanswered: { key: string; marker: string }[] = [];
      let killed = false;
      const citizen = async (who: number) => {
        for (let i = 0; i < 60 && !killed; i++) {
          const key = crypto.randomUUID();
          const marker = `Lampadaire éteint, citoyen ${who}, demande ${i}`;
          const response = await fetch(`${running.url}/api/forms/${form}/submissions`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
            body: submission(marker),
          }).catch(() => undefined);
          if (response?.status === 201) {
            acknowledged.set(marker, ((await response.json()) as { reference: string }).reference);
            if (acknowledged.size === 100 && !killed) {
              killed = true;
              running.child.kill('SIGKILL');
            }
          } else {
            unanswered.push({ key, marker });
          }
        }
      };
      const exited = new Promise((resolve) => running.child.once('exit', resolve));
      await Promise.all(Array.from({ length: 8 }, (_, who) => citizen(who)));
      await exited;
      assert.ok(killed && acknowledged.size >= 100, `${acknowledged.size} acknowledged before the kill`);

      running = await start(dbPath);
      const db = new Database(dbPath, { readonly: true });
      try {
        assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      } finally {
        db.close();
      }
      for (const { key, marker } of unanswered) {
        const again = await fetch(`${running.url}/api/forms/${form}/submissions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body: submission(marker),
        });
        assert.ok(again.status === 201 || again.status === 200, `replay after restart: ${again.status}`);
      }
      const stored: { reference: string; data: { description: string } }[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = (await (
          await fetch(`${running.url}/api/admin/requests?formId=${form}&limit=500&offset=${offset}`, {
            headers: { Authorization: `Bearer ${adminToken}` },
          })
        ).json()) as typeof stored;
        stored.push(...page);
        if (page.length < 500) break;
      }
      const byMarker = new Map(stored.map((r) => [r.data.description, r.reference]));
      for (const [marker, reference] of acknowledged)
        assert.equal(byMarker.get(marker), reference, `acknowledged ${reference} is served back`);
      assert.equal(stored.length, acknowledged.size + unanswered.length, 'one row per request, none twice');
      assert.equal(byMarker.size, stored.length);
    } finally {
      if (running.child.exitCode === null) running.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
