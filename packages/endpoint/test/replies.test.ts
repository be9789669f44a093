// The citizen's reply while a request waits for them: a file uploaded for it, then the message
// and the file, authenticated by reference and tracking code, stored once per key, shown in the
// status, listed for agents and sent to the back office.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { admin, call, startTestServer, submit, validSubmission, type TestServer } from './helpers.js';
import { eventually } from './smtp.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe("the citizen's reply from the tracker", () => {
  let t: TestServer;
  let hooks: Server;
  const events: { type: string; reply?: { message?: string; attachments: { id: string; href: string }[] } }[] = [];
  before(async () => {
    hooks = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        events.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as (typeof events)[number]);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
    t = await startTestServer({
      webhook: { url: `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/`, secret: 'x'.repeat(32) },
      outbox: { pollIntervalMs: 100, retryBaseMs: 100, retryMaxMs: 400 },
    });
  });
  after(async () => {
    await t.cleanup();
    await new Promise<void>((resolve) => hooks.close(() => resolve()));
  });

  const uploadFor = (reference: string, code: string, file = PNG, name = 'justificatif.png') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)], { type: 'image/png' }), name);
    return call(`${t.url}/api/requests/${reference}/attachments`, {
      method: 'POST',
      body: form,
      headers: { 'X-Guichet-Tracking-Code': code },
    });
  };
  const replyTo = (reference: string, code: string, body: unknown, key: string = crypto.randomUUID()) =>
    call(`${t.url}/api/requests/${reference}/replies`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Guichet-Tracking-Code': code, 'Idempotency-Key': key },
      body: JSON.stringify(body),
    });
  const waitForCitizen = (reference: string) =>
    call(`${t.url}/api/admin/requests/${reference}/status`, {
      method: 'POST',
      headers: admin({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ phase: 'action_required', note: 'Envoyez une photo du compteur.' }),
    });

  test('a message and a file: stored once per key, in the status, for agents and the back office', async () => {
    const sent = await submit(t.url, 'demande-test', validSubmission());
    const { reference, trackingCode } = sent.body;

    const early = await replyTo(reference, trackingCode, { message: 'Trop tôt' });
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'reply-not-expected');
    assert.equal((await waitForCitizen(reference)).status, 200);

    const wrongCode = await replyTo(reference, 'AAAAA-AAAAA', { message: 'Intrus' });
    assert.equal(wrongCode.status, 404);
    assert.equal((await uploadFor(reference, 'AAAAA-AAAAA')).status, 404);

    const file = await uploadFor(reference, trackingCode.toLowerCase().replace('-', ' '));
    assert.equal(file.status, 201);
    assert.equal(file.body.type, 'image/png');
    const key = crypto.randomUUID();
    const message = 'Voici la photo <b>demandée</b>.';
    const answered = await replyTo(reference, trackingCode, { message, attachments: [file.body.id] }, key);
    assert.equal(answered.status, 201);
    const [stored] = answered.body.replies;
    assert.match(stored.id, /^rep_/);
    assert.equal(stored.message, message);
    assert.deepEqual(
      stored.attachments.map((a: { name: string }) => a.name),
      ['justificatif.png'],
    );

    const again = await replyTo(reference, trackingCode, { message, attachments: [file.body.id] }, key);
    assert.equal(again.status, 200, 'a retry answers the reply stored');
    assert.equal(again.body.replies.length, 1);
    assert.equal(again.body.replies[0].id, stored.id);

    const status = await call(`${t.url}/api/requests/${reference}?code=${trackingCode}`);
    assert.deepEqual(
      status.body.replies.map((r: { id: string }) => r.id),
      [stored.id],
    );

    const opened = await call(`${t.url}/api/admin/requests/${reference}`, { headers: admin() });
    assert.equal(opened.body.replies[0].message, message);
    assert.deepEqual(opened.body.attachments, [], "a reply's file is not among the request's own");
    const download = await fetch(`${t.url}/api/admin/attachments/${file.body.id}`, { headers: admin() });
    assert.equal(download.status, 200);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), PNG);

    const replied = await eventually(async () => events.find((e) => e.type === 'request.replied'));
    assert.equal(replied.reply?.message, message);
    assert.deepEqual(
      replied.reply?.attachments.map((a) => a.href),
      [`/api/admin/attachments/${file.body.id}`],
    );
  });

  test('refused: an empty reply, a file of another request, a type not accepted', async () => {
    const first = (await submit(t.url, 'demande-test', validSubmission())).body;
    const second = (await submit(t.url, 'demande-test', validSubmission())).body;
    await waitForCitizen(first.reference);
    await waitForCitizen(second.reference);

    const empty = await replyTo(first.reference, first.trackingCode, { message: '   ' });
    assert.equal(empty.status, 422);
    assert.equal(empty.body.code, 'invalid-reply');
    const nothing = await replyTo(first.reference, first.trackingCode, {});
    assert.equal(nothing.status, 422);

    const theirs = await uploadFor(second.reference, second.trackingCode);
    const borrowed = await replyTo(first.reference, first.trackingCode, { attachments: [theirs.body.id] });
    assert.equal(borrowed.status, 422);
    assert.deepEqual(
      borrowed.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]),
      [['/attachments/0', 'unknown-attachment']],
    );
    const script = await uploadFor(
      first.reference,
      first.trackingCode,
      Buffer.from('<script>alert(1)</script>'),
      'x.png',
    );
    assert.equal(script.status, 415);

    const noKey = await call(`${t.url}/api/requests/${first.reference}/replies`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Guichet-Tracking-Code': first.trackingCode },
      body: JSON.stringify({ message: 'Sans clé' }),
    });
    assert.equal(noKey.status, 400);
    assert.equal(noKey.body.code, 'idempotency-key-required');
    const noCode = await call(`${t.url}/api/requests/${first.reference}/replies`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ message: 'Sans code' }),
    });
    assert.equal(noCode.status, 404);
  });
});
