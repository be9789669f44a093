// A form author edits the forms directory while the endpoint runs: a new definition is served, a
// changed one replaces the old, a broken edit keeps the last good version and the log says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, fixtureForms, startTestServer } from './helpers.js';

/** Polls until `check` holds (the watcher settles ~150 ms after the last write). */
async function eventually(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const base = JSON.parse(readFileSync(join(fixtureForms, 'demande-test.json'), 'utf8')) as Record<string, unknown>;

test('the endpoint serves new and changed definitions without a restart, and keeps the last good one', async () => {
  const lines: Record<string, unknown>[] = [];
  const logStream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
  // A forms directory of our own, in the test's temp folder.
  const dir = mkdtempSync(join(tmpdir(), 'guichet-forms-watch-'));
  const forms = join(dir, 'forms');
  mkdirSync(forms, { recursive: true });
  writeFileSync(join(forms, 'demande-test.json'), JSON.stringify(base));
  const running = await startTestServer({ dir, formsDir: forms, logLevel: 'info', logStream });
  const served = async (id: string) => call(`${running.url}/api/forms/${id}`);
  try {
    assert.equal((await served('demande-test')).body.version, '1.2.0');
    assert.equal((await served('nouvelle-demande')).status, 404);

    // A new file, written the way editors save (a temporary file renamed into place).
    writeFileSync(join(forms, '.tmp'), JSON.stringify({ ...base, id: 'nouvelle-demande', title: 'Nouvelle demande' }));
    renameSync(join(forms, '.tmp'), join(forms, 'nouvelle-demande.json'));
    await eventually('the new form is served', async () => (await served('nouvelle-demande')).status === 200);
    const list = await call(`${running.url}/api/forms`);
    assert.deepEqual(
      (list.body as { id: string }[]).map((form) => form.id),
      ['demande-test', 'nouvelle-demande'],
    );

    // A changed definition replaces the old one.
    writeFileSync(join(forms, 'demande-test.json'), JSON.stringify({ ...base, version: '1.3.0', title: 'Demande v2' }));
    await eventually('the changed form is served', async () => (await served('demande-test')).body.version === '1.3.0');
    assert.equal((await served('demande-test')).body.title, 'Demande v2');

    // A broken edit: the last good version stays, and the log names the file and the problem.
    writeFileSync(join(forms, 'demande-test.json'), '{ "id": "demande-test", "version": ');
    await eventually('the broken edit is logged', () =>
      lines.some(
        (line) => line.file === 'demande-test.json' && /last good version is still served/.test(String(line.msg)),
      ),
    );
    const kept = await served('demande-test');
    assert.equal(kept.status, 200);
    assert.equal(kept.body.version, '1.3.0');
    const logged = lines.find((line) => /last good version/.test(String(line.msg)))!;
    assert.equal(logged.level, 50);
    assert.match(String(logged.reason), /JSON/);

    // A definition with problems: the same, with the problems listed.
    writeFileSync(join(forms, 'demande-test.json'), JSON.stringify({ ...base, version: '1.4.0', title: 42 }));
    await eventually('the invalid definition is logged', () =>
      lines.some(
        (line) => /its definition has \d+ problems?/.test(String(line.msg)) && line.file === 'demande-test.json',
      ),
    );
    assert.equal((await served('demande-test')).body.version, '1.3.0');
    const problems = lines.find((line) => /its definition has \d+ problems?/.test(String(line.msg)))!
      .problems as string[];
    assert.ok(
      problems.some((problem) => problem.startsWith('/title')),
      problems.join('\n'),
    );

    // Fixed again: served at once.
    writeFileSync(join(forms, 'demande-test.json'), JSON.stringify({ ...base, version: '1.5.0' }));
    await eventually('the fixed form is served', async () => (await served('demande-test')).body.version === '1.5.0');

    // A removed file withdraws its form.
    rmSync(join(forms, 'nouvelle-demande.json'));
    await eventually('the removed form is withdrawn', async () => (await served('nouvelle-demande')).status === 404);
  } finally {
    await running.cleanup();
  }
});
