/**
 * A citizen who opened version 1.2.0 of a form and sends after the authority published 1.3.0 is
 * checked against 1.2.0: every instance keeps in the store the versions it served. A version the
 * endpoint never served is refused with a message that says what to do.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { admin, call, fixtureForms, startTestServer, submit, type TestServer } from './helpers.js';

const original = JSON.parse(readFileSync(join(fixtureForms, 'demande-test.json'), 'utf8')) as {
  version: string;
  schema: { required: string[]; properties: Record<string, unknown> };
};
/** 1.3.0 asks for a phone number as well. */
const newer = {
  ...original,
  version: '1.3.0',
  schema: {
    ...original.schema,
    required: [...original.schema.required, 'phone'],
    properties: { ...original.schema.properties, phone: { type: 'string', title: 'Votre téléphone', minLength: 10 } },
  },
};

const folders: string[] = [];
/** A forms folder holding one definition. */
const folder = (definition: object) => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-forms-'));
  writeFileSync(join(dir, 'demande-test.json'), JSON.stringify(definition));
  folders.push(dir);
  return dir;
};

let data: string;
let served: TestServer;
before(async () => {
  data = mkdtempSync(join(tmpdir(), 'guichet-versions-'));
  // An instance that served 1.2.0 (it may have stopped since).
  const earlier = await startTestServer({ dir: data, formsDir: folder(original) });
  await earlier.stop();
  // The instance that serves 1.3.0 now, on the same database.
  served = await startTestServer({ dir: data, formsDir: folder(newer) });
});
after(async () => {
  await served.cleanup();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const answers = { name: 'Camille Martin', email: 'camille@example.fr' };

test('a submission made against the earlier version is checked against that version and stored with it', async () => {
  const late = await submit(served.url, 'demande-test', { formVersion: '1.2.0', data: answers });
  assert.equal(late.status, 201);
  const stored = await call(`${served.url}/api/admin/requests/${late.body.reference}`, { headers: admin() });
  assert.equal(stored.body.formVersion, '1.2.0');
  assert.deepEqual(stored.body.data, answers);
  // Still checked: 1.2.0's own rules apply.
  const wrong = await submit(served.url, 'demande-test', { formVersion: '1.2.0', data: { name: 'X' } });
  assert.equal(wrong.status, 422);
  assert.deepEqual(
    wrong.body.errors.map((e: { pointer: string }) => e.pointer),
    ['/name'],
  );
});

test('the current version asks what it asks', async () => {
  const missing = await submit(served.url, 'demande-test', { formVersion: '1.3.0', data: answers });
  assert.equal(missing.status, 422);
  assert.deepEqual(
    missing.body.errors.map((e: { pointer: string }) => e.pointer),
    ['/phone'],
  );
  const complete = await submit(served.url, 'demande-test', {
    formVersion: '1.3.0',
    data: { ...answers, phone: '01 23 45 67 89' },
  });
  assert.equal(complete.status, 201);
});

test("a version this endpoint never served: 409 saying to reload the page, in the submission's language", async () => {
  for (const [version, lang, words] of [
    ['0.9.0', 'fr', /Rechargez la page/],
    ['2.0.0', 'en', /Reload the page/],
  ] as const) {
    const answer = await call(`${served.url}/api/forms/demande-test/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ formVersion: version, lang, data: answers }),
    });
    assert.equal(answer.status, 409, version);
    assert.equal(answer.body.code, 'form-version-unknown');
    assert.match(answer.body.message, words);
  }
});
