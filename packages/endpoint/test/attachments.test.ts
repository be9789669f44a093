import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  ALLOWED_ORIGIN,
  PNG,
  admin,
  call,
  startTestServer,
  submit,
  upload,
  validSubmission,
  type TestServer,
} from './helpers.js';

/** Rows of attachments in the test server's database. */
function storedAttachments(t: TestServer): number {
  const db = new Database(join(t.dir, 'guichet.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM attachments').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('attachments', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.cleanup());

  test('a PNG is accepted, typed by its content, kept in the database (no file beside it)', async () => {
    const answer = await upload(t.url, PNG, 'photo du trou.png', 'image/png', '?field=photo', {
      Origin: ALLOWED_ORIGIN,
    });
    assert.equal(answer.status, 201);
    assert.match(answer.body.id, /^att_[A-Za-z0-9_-]{16,}$/);
    assert.equal(answer.body.type, 'image/png');
    assert.equal(answer.body.size, PNG.length);
    assert.equal(answer.body.name, 'photo du trou.png');
    assert.equal(answer.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
    assert.deepEqual(
      readdirSync(t.dir).filter((name) => !name.startsWith('guichet.sqlite')),
      [],
      'nothing is written beside the database',
    );
  });

  test('a name that reorders itself (right-to-left override) reaches agents neutralised, its real ending shown', async () => {
    const rlo = '\u202e';
    const answer = await upload(t.url, PNG, `facture${rlo}gnp.exe`, 'image/png');
    assert.equal(answer.status, 201);
    assert.equal(answer.body.name, 'facturegnp.exe');
    // A name kept before uploads were cleaned is neutralised where agents see it.
    const db = new Database(join(t.dir, 'guichet.sqlite'));
    try {
      db.prepare('UPDATE attachments SET name = ? WHERE id = ?').run(`devis${rlo}fdp.exe`, answer.body.id);
    } finally {
      db.close();
    }
    const receipt = await submit(t.url, 'demande-test', validSubmission({ photo: answer.body.id }));
    assert.equal(receipt.status, 201);
    const stored = await call(`${t.url}/api/admin/requests/${receipt.body.reference}`, { headers: admin() });
    assert.equal(stored.body.attachments[0].name, 'devisfdp.exe');
    const download = await fetch(`${t.url}/api/admin/attachments/${answer.body.id}`, { headers: admin() });
    const disposition = download.headers.get('content-disposition') ?? '';
    assert.ok(!disposition.includes('%E2%80%AE'), disposition);
    assert.match(disposition, /devisfdp\.exe/);
  });

  test('the field can come as a part before the file; a form with one file field needs none', async () => {
    const form = new FormData();
    form.append('field', 'photo');
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'a.png');
    const withPart = await call(`${t.url}/api/forms/demande-test/attachments`, { method: 'POST', body: form });
    assert.equal(withPart.status, 201);
    const withNone = await upload(t.url, PNG, 'b.png', 'image/png', '');
    assert.equal(withNone.status, 201);
  });

  test('a text file renamed .png is refused by its magic bytes', async () => {
    const answer = await upload(t.url, Buffer.from('Ceci est un texte, pas une image.\n'), 'photo.png', 'image/png');
    assert.equal(answer.status, 415);
    assert.equal(answer.body.code, 'file-type-not-accepted');
    assert.match(answer.body.message, /image\/png/);
  });

  test('a real file of a type the field does not accept is refused', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const answer = await upload(t.url, pdf, 'scan.png', 'image/png');
    assert.equal(answer.status, 415);
  });

  test("a file over the field's maxSize is refused with 413, and nothing is kept", async () => {
    const before = storedAttachments(t);
    const big = Buffer.concat([PNG, Buffer.alloc(70_000)]);
    const answer = await upload(t.url, big, 'big.png', 'image/png');
    assert.equal(answer.status, 413);
    assert.equal(answer.body.code, 'file-too-large');
    assert.match(answer.body.message, /64\sko/, 'the size as the page writes it');
    assert.equal(storedAttachments(t), before);
  });

  test('no file, an unknown field, a non-multipart body and an unknown form are refused', async () => {
    const empty = new FormData();
    empty.append('field', 'photo');
    assert.equal(
      (await call(`${t.url}/api/forms/demande-test/attachments`, { method: 'POST', body: empty })).status,
      400,
    );
    assert.equal((await upload(t.url, PNG, 'a.png', 'image/png', '?field=name')).status, 400);
    const json = await call(`${t.url}/api/forms/demande-test/attachments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(json.status, 415);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)]), 'a.png');
    assert.equal((await call(`${t.url}/api/forms/nope/attachments`, { method: 'POST', body: form })).status, 404);
  });

  test('an attachment is linked to its request and readable through the agents API only', async () => {
    const uploaded = (await upload(t.url, PNG, 'trou.png', 'image/png')).body;
    const receipt = await submit(t.url, 'demande-test', validSubmission({ photo: uploaded.id }));
    assert.equal(receipt.status, 201);
    const stored = await call(`${t.url}/api/admin/requests/${receipt.body.reference}`, { headers: admin() });
    assert.deepEqual(stored.body.attachments, [uploaded]);
    assert.equal(stored.body.data.photo, uploaded.id);

    const file = await fetch(`${t.url}/api/admin/attachments/${uploaded.id}`, { headers: admin() });
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'image/png');
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment;/);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), PNG);
    assert.equal((await call(`${t.url}/api/admin/attachments/${uploaded.id}`)).status, 401);
    for (const path of [
      `/attachments/${uploaded.id}`,
      `/data/attachments/${uploaded.id}`,
      `/dist/../attachments/${uploaded.id}`,
    ]) {
      const answer = await call(`${t.url}${path}`);
      assert.notEqual(answer.status, 200, path);
    }

    const again = await submit(t.url, 'demande-test', validSubmission({ photo: uploaded.id }));
    assert.equal(again.status, 422, 'an attachment belongs to one request');
    assert.equal(again.body.errors[0].code, 'unknown-attachment');
  });

  test('the sweep deletes uploads no request claimed within 24 hours, and keeps linked ones', async () => {
    const abandoned = (await upload(t.url, PNG, 'oublie.png', 'image/png')).body;
    const claimed = (await upload(t.url, PNG, 'garde.png', 'image/png')).body;
    await submit(t.url, 'demande-test', validSubmission({ photo: claimed.id }));
    // A second instance on the same database, started 25 hours later, sweeps at start-up.
    const later = new Date(Date.now() + 25 * 3_600_000);
    const sweeping = await startTestServer({ dir: t.dir, now: () => later });
    await sweeping.stop();
    const download = (id: string) => call(`${t.url}/api/admin/attachments/${id}`, { headers: admin() });
    assert.equal((await download(abandoned.id)).status, 404);
    assert.equal((await download(claimed.id)).status, 200);
    const stale = await submit(t.url, 'demande-test', validSubmission({ photo: abandoned.id }));
    assert.equal(stale.status, 422);
  });
});
