import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_TOKEN, admin, call, startTestServer, submit, validSubmission, type TestServer } from './helpers.js';

describe('submissions', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.cleanup());

  test('a valid submission gets a 201 receipt with a readable reference and a tracking code', async () => {
    const answer = await submit(t.url, 'demande-test', validSubmission());
    assert.equal(answer.status, 201);
    const receipt = answer.body;
    assert.match(receipt.reference, new RegExp(`^TST-${new Date().getUTCFullYear()}-\\d{6}$`));
    assert.match(receipt.trackingCode, /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{5}-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{5}$/);
    assert.equal(receipt.status.phase, 'received');
    assert.equal(receipt.status.code, 'received');
    assert.equal(receipt.status.label, 'Reçue');
    assert.equal(receipt.status.final, false);
    assert.equal(receipt.status.history.length, 1);
    const expected = new Date(Date.parse(receipt.receivedAt) + 10 * 86_400_000).toISOString().slice(0, 10);
    assert.equal(receipt.expectedBy, expected);
  });

  test('references count up per prefix; a form without prefix uses its id', async () => {
    const first = await submit(t.url, 'demande-test', validSubmission());
    const second = await submit(t.url, 'demande-test', validSubmission());
    const sequence = (reference: string) => Number(reference.split('-')[2]);
    assert.equal(sequence(second.body.reference), sequence(first.body.reference) + 1);
    const other = await submit(t.url, 'sans-prefixe', {
      formVersion: '1.0.0',
      channel: 'web',
      data: { message: 'Bonjour' },
    });
    assert.equal(other.status, 201);
    assert.match(other.body.reference, /^SAN-\d{4}-000001$/);
  });

  test('an English submission gets English labels and English errors', async () => {
    const ok = await submit(t.url, 'demande-test', validSubmission({}, 'en'));
    assert.equal(ok.body.status.label, 'Received');
    const bad = await submit(t.url, 'demande-test', validSubmission({ name: 'X' }, 'en'));
    assert.equal(bad.status, 422);
    assert.equal(bad.body.message, 'Some answers need to be corrected.');
  });

  test('a replay of the same Idempotency-Key answers the same receipt and stores nothing new', async () => {
    const key = crypto.randomUUID();
    const first = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key });
    const replay = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key });
    assert.equal(first.status, 201);
    assert.equal(replay.status, 200);
    assert.deepEqual(replay.body, first.body);
    const list = await call(`${t.url}/api/admin/requests?formId=demande-test&limit=500`, { headers: admin() });
    assert.equal(list.body.filter((r: { reference: string }) => r.reference === first.body.reference).length, 1);
  });

  test('20 concurrent submissions with one key store exactly one request and answer identical receipts', async () => {
    const key = crypto.randomUUID();
    const before = (await call(`${t.url}/api/admin/requests?limit=500`, { headers: admin() })).body.length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        submit(t.url, 'demande-test', validSubmission({ name: 'Concurrent' }), { 'Idempotency-Key': key }),
      ),
    );
    assert.equal(answers.filter((a) => a.status === 201).length, 1);
    assert.ok(answers.every((a) => a.status === 200 || a.status === 201));
    for (const answer of answers) assert.deepEqual(answer.body, answers[0]!.body);
    const afterList = (await call(`${t.url}/api/admin/requests?limit=500`, { headers: admin() })).body;
    assert.equal(afterList.length, before + 1);
  });

  test('invalid answers: 422 with pointers and messages in the submission language', async () => {
    const answer = await submit(t.url, 'demande-test', validSubmission({ name: 'X', email: 'not-an-email' }));
    assert.equal(answer.status, 422);
    assert.equal(answer.body.code, 'invalid-data');
    assert.equal(answer.body.message, 'Certaines réponses sont à corriger.');
    const pointers = answer.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    assert.deepEqual(pointers, ['/email', '/name']);
    for (const error of answer.body.errors) assert.ok(error.message.length > 0);
  });

  test('unknown fields are refused: the server never trusts the browser', async () => {
    const answer = await submit(t.url, 'demande-test', validSubmission({ isAdmin: true }));
    assert.equal(answer.status, 422);
  });

  test('a missing required answer is refused', async () => {
    const answer = await submit(t.url, 'demande-test', { formVersion: '1.2.0', channel: 'web', data: {} });
    assert.equal(answer.status, 422);
    assert.deepEqual(
      answer.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/name'],
    );
  });

  test('an unknown attachment id is a 422 on its field', async () => {
    const answer = await submit(t.url, 'demande-test', validSubmission({ photo: 'att_AAAAAAAAAAAAAAAAAAAAAAAA' }));
    assert.equal(answer.status, 422);
    assert.deepEqual(
      answer.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]),
      [['/photo', 'unknown-attachment']],
    );
  });

  test('no Idempotency-Key: 400 idempotency-key-required', async () => {
    const answer = await call(`${t.url}/api/forms/demande-test/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(validSubmission()),
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.code, 'idempotency-key-required');
  });

  test('malformed JSON: 400', async () => {
    const answer = await submit(t.url, 'demande-test', '{"formVersion": "1.2.0", "data": {');
    assert.equal(answer.status, 400);
    assert.equal(answer.body.code, 'malformed-json');
    assert.ok(answer.body.message.length > 0);
  });

  test('a body that is not a submission: 400 with pointers', async () => {
    const answer = await submit(t.url, 'demande-test', { formVersion: 1, channel: 'carrier-pigeon', data: [] });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.code, 'invalid-submission');
    assert.deepEqual(answer.body.errors.map((e: { pointer: string }) => e.pointer).sort(), [
      '/channel',
      '/data',
      '/formVersion',
    ]);
  });

  test('a body over 1 MB: 413', async () => {
    const answer = await submit(t.url, 'demande-test', validSubmission({ name: 'x'.repeat(1_100_000) }));
    assert.equal(answer.status, 413);
    assert.equal(answer.body.code, 'too-large');
  });

  test('a wrong content type: 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const answer = await call(`${t.url}/api/forms/demande-test/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': type, 'Idempotency-Key': crypto.randomUUID() },
        body: 'name=x',
      });
      assert.equal(answer.status, 415, type);
      assert.equal(answer.body.code, 'unsupported-media-type');
    }
  });

  test('an unknown form: 404', async () => {
    const answer = await submit(t.url, 'nope', validSubmission());
    assert.equal(answer.status, 404);
    assert.equal(answer.body.code, 'form-not-found');
  });

  test('the error message follows Accept-Language', async () => {
    const fr = await call(`${t.url}/api/nothing-here`);
    const en = await call(`${t.url}/api/nothing-here`, { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
    assert.equal(fr.status, 404);
    assert.equal(fr.body.message, "Cette adresse n'existe pas.");
    assert.equal(en.body.message, 'There is nothing at this address.');
  });

  test('the admin token is never needed to submit, and an agent can list what came in', async () => {
    const answer = await submit(t.url, 'demande-test', validSubmission({ name: 'Agent visible' }), {
      Authorization: 'Bearer nope',
    });
    assert.equal(answer.status, 201);
    const list = await call(`${t.url}/api/admin/requests`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    assert.equal(list.body[0].reference, answer.body.reference);
    assert.equal(list.body[0].data.name, 'Agent visible');
    assert.equal(list.body[0].byAgent, false);
  });

  test('agents see whether an agent entered a request: a page may declare "counter", only credentials prove it', async () => {
    const declared = await submit(t.url, 'demande-test', { ...validSubmission(), channel: 'counter' });
    const entered = await submit(t.url, 'demande-test', { ...validSubmission(), channel: 'counter' }, admin());
    assert.equal(declared.status, 201);
    assert.equal(entered.status, 201);
    const seen = async (reference: string) =>
      (await call(`${t.url}/api/admin/requests/${reference}`, { headers: admin() })).body;
    assert.deepEqual(
      [(await seen(declared.body.reference)).channel, (await seen(declared.body.reference)).byAgent],
      ['counter', false],
    );
    assert.deepEqual(
      [(await seen(entered.body.reference)).channel, (await seen(entered.body.reference)).byAgent],
      ['counter', true],
    );
  });
});

describe('Idempotency-Key, as payment APIs treat theirs', () => {
  let t: TestServer;
  let clock = new Date('2026-05-04T09:00:00.000Z');
  before(async () => {
    t = await startTestServer({ now: () => clock });
  });
  after(() => t.cleanup());

  test('a key weaker than a UUID is refused: 400 saying what to send', async () => {
    for (const key of ['12345678', 'k'.repeat(31), 'a b c d e f g h i j k l m n o p q r s']) {
      const answer = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key });
      assert.equal(answer.status, 400, key);
      assert.equal(answer.body.code, 'idempotency-key-invalid');
      assert.match(answer.body.message, /UUID/);
    }
    const uuid = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': crypto.randomUUID() });
    assert.equal(uuid.status, 201);
  });

  test('a replay with another body is refused (422, saying so); the stored request stays as it was', async () => {
    const key = crypto.randomUUID();
    const first = await submit(t.url, 'demande-test', validSubmission({ name: 'Première' }), {
      'Idempotency-Key': key,
    });
    assert.equal(first.status, 201);
    // The same answers in another key order are the same submission.
    const reordered = await submit(
      t.url,
      'demande-test',
      { lang: 'fr', data: { email: 'camille@example.fr', name: 'Première' }, channel: 'web', formVersion: '1.2.0' },
      { 'Idempotency-Key': key },
    );
    assert.equal(reordered.status, 200);
    assert.deepEqual(reordered.body, first.body);
    for (const other of [validSubmission({ name: 'Autre chose' }), { ...validSubmission(), data: { name: 1 } }]) {
      const answer = await submit(t.url, 'demande-test', other, { 'Idempotency-Key': key });
      assert.equal(answer.status, 422);
      assert.equal(answer.body.code, 'idempotency-key-reused');
      assert.match(answer.body.message, /autre envoi/);
      assert.ok(!answer.text.includes(first.body.trackingCode), 'no tracking code for another body');
    }
    const stored = await call(`${t.url}/api/admin/requests/${first.body.reference}`, { headers: admin() });
    assert.equal(stored.body.data.name, 'Première');
  });

  test('a key answers its receipt again for 24 hours, then no longer (422 idempotency-key-expired)', async () => {
    const key = crypto.randomUUID();
    const first = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key });
    assert.equal(first.status, 201);
    clock = new Date(clock.getTime() + 23 * 3_600_000);
    const within = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key });
    assert.equal(within.status, 200);
    assert.deepEqual(within.body, first.body);
    clock = new Date(clock.getTime() + 2 * 3_600_000);
    const expired = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key });
    assert.equal(expired.status, 422);
    assert.equal(expired.body.code, 'idempotency-key-expired');
    assert.match(expired.body.message, /24 heures/);
    assert.ok(!expired.text.includes(first.body.trackingCode));
    const list = await call(`${t.url}/api/admin/requests?limit=500`, { headers: admin() });
    assert.equal(list.body.filter((r: { reference: string }) => r.reference === first.body.reference).length, 1);
  });
});
