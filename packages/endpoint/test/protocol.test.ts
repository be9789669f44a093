/**
 * The protocol schemas are the routes' validation, and the answers match them: a limit written in
 * a schema is the limit the endpoint enforces, and what it sends is what the document describes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Protocol } from '../src/protocol.js';
import { admin, call, root, startTestServer, submit, validSubmission, type TestServer } from './helpers.js';

const protocol = new Protocol(join(root, 'schemas', 'protocol'));

/** Asserts `body` matches the protocol schema in `file`. */
function assertMatches(file: string, body: unknown): void {
  const validate = protocol.validator(file);
  assert.ok(validate(body), `${file}: ${JSON.stringify(validate.errors)}`);
}

describe('the protocol schemas as validation and as the shape of answers', () => {
  let t: TestServer;
  let receipt: { reference: string; trackingCode: string };
  before(async () => {
    t = await startTestServer();
    receipt = (await submit(t.url, 'demande-test', validSubmission())).body;
  });
  after(() => t.cleanup());

  const changeStatus = (body: unknown, lang = 'fr') =>
    call(`${t.url}/api/admin/requests/${receipt.reference}/status`, {
      method: 'POST',
      headers: admin({ 'Content-Type': 'application/json', 'Accept-Language': lang }),
      body: JSON.stringify(body),
    });

  test("a status change's limits are the schema's: 200 characters of label, no blank note", async () => {
    const long = await changeStatus({ phase: 'in_progress', label: 'x'.repeat(201), note: '   ' }, 'en');
    assert.equal(long.status, 422);
    assert.equal(long.body.code, 'invalid-status-change');
    assert.deepEqual(long.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['/label', '/note']);
    assert.equal(
      long.body.errors.find((e: { pointer: string }) => e.pointer === '/label').message,
      '200 characters at most.',
    );
    assertMatches('error.schema.json', long.body);
    const french = await changeStatus({ phase: 'in_progress', colour: 'red' });
    assert.deepEqual(french.body.errors, [
      { pointer: '/colour', code: 'additionalProperties', message: "Ce champ n'est pas attendu ici." },
    ]);
    const fits = await changeStatus({ phase: 'in_progress', label: 'x'.repeat(200), code: 'INSTR' });
    assert.equal(fits.status, 200);
    assertMatches('stored-request.schema.json', fits.body);
  });

  test('a submission without channel or lang is a web submission in French, as the schema says', async () => {
    const answer = await submit(t.url, 'demande-test', { formVersion: '1.2.0', data: validSubmission().data });
    assert.equal(answer.status, 201);
    assertMatches('receipt.schema.json', answer.body);
    assert.equal(answer.body.status.label, 'Reçue');
    const stored = await call(`${t.url}/api/admin/requests/${answer.body.reference}`, { headers: admin() });
    assert.equal(stored.body.channel, 'web');
    assert.equal(stored.body.lang, 'fr');
  });

  test("the Idempotency-Key header is checked against the document's pattern and length", async () => {
    for (const key of ['court', 'avec espace dedans', 'é'.repeat(10), 'k'.repeat(201)]) {
      const answer = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': key });
      assert.equal(answer.status, 400, key);
      assert.equal(answer.body.code, 'idempotency-key-invalid', key);
    }
  });

  test('query parameters are coerced and bounded as documented', async () => {
    assert.equal((await call(`${t.url}/api/admin/requests?limit=500`, { headers: admin() })).status, 200);
    const tooMany = await call(`${t.url}/api/admin/requests?limit=501`, { headers: admin() });
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.code, 'invalid-query');
    assert.deepEqual(
      tooMany.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/limit'],
    );
  });

  test('every answer matches its schema: status, stored requests, forms, errors, health', async () => {
    const status = await call(`${t.url}/api/requests/${receipt.reference}?code=${receipt.trackingCode}`);
    assertMatches('request-status.schema.json', status.body);
    const list = await call(`${t.url}/api/admin/requests`, { headers: admin() });
    for (const stored of list.body) assertMatches('stored-request.schema.json', stored);
    for (const path of ['/api/forms/nope', '/api/requests/NOPE?code=X', '/api/admin/requests?offset=-1']) {
      const answer = await call(`${t.url}${path}`, { headers: admin() });
      assert.ok(answer.status >= 400, path);
      assertMatches('error.schema.json', answer.body);
    }
    const health = await call(`${t.url}/api/health`);
    assert.equal(health.status, 200);
    assert.equal(health.body.ok, true);
    assert.equal(health.body.database.kind, 'sqlite');
    assert.equal(health.body.database.ok, true);
  });
});
