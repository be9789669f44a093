/* eslint-disable @typescript-eslint/no-explicit-any -- raw answers are read freely */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { admin, call, startTestServer, submit, validSubmission, type TestServer } from './helpers.js';

/** Sends raw bytes (fetch would re-encode them) and reads the answer. */
function rawPost(url: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { ...headers, 'Content-Length': String(body.length) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('hostile bodies', () => {
  let t: TestServer;
  const count = async () => (await call(`${t.url}/api/admin/requests?limit=500`, { headers: admin() })).body.length;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.cleanup());

  test('each gets a clear 4xx, none stores a row, and the server keeps answering', async () => {
    const rows = await count();
    const deep =
      '{"formVersion":"1.2.0","channel":"web","data":{"name":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}}';
    const wide = JSON.stringify(validSubmission({ name: Array.from({ length: 10_001 }, () => 1) }));
    const cases: [string, string | Buffer, number, string][] = [
      ['10,000-deep nesting', deep, 400, 'too-deep'],
      ['an array of 10,001 items', wide, 400, 'too-many-items'],
      ['a 10 MB body', JSON.stringify(validSubmission({ name: 'x'.repeat(10 * 1024 * 1024) })), 413, 'too-large'],
      ['wrong types', JSON.stringify(validSubmission({ name: { $gt: '' }, email: 42 })), 422, 'invalid-data'],
      [
        'a prototype-poisoning key',
        '{"formVersion":"1.2.0","channel":"web","data":{"name":"Camille","__proto__":{"admin":true}}}',
        400,
        'malformed-json',
      ],
      ['an empty body', '', 400, 'malformed-json'],
      ['JSON that is not an object', '"hello"', 400, 'invalid-submission'],
      [
        'invalid UTF-8',
        Buffer.concat([
          Buffer.from('{"formVersion":"1.2.0","channel":"web","data":{"name":"'),
          Buffer.from([0xc3, 0x28, 0xff]),
          Buffer.from('"}}'),
        ]),
        400,
        'invalid-utf8',
      ],
    ];
    for (const [label, body, status, code] of cases) {
      const answer = await rawPost(`${t.url}/api/forms/demande-test/submissions`, Buffer.from(body), {
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
      });
      assert.equal(answer.status, status, label);
      assert.equal(answer.body.code, code, label);
      assert.ok(answer.body.message.length > 0, label);
    }
    assert.equal(await count(), rows);
    const sql = await submit(t.url, 'demande-test', validSubmission({ name: "Robert'); DROP TABLE requests;--" }));
    assert.equal(sql.status, 201);
    const stored = await call(`${t.url}/api/admin/requests/${sql.body.reference}`, { headers: admin() });
    assert.equal(stored.body.data.name, "Robert'); DROP TABLE requests;--");
    assert.equal(await count(), rows + 1);
    assert.equal((await call(`${t.url}/api/health`)).status, 200);
  });

  test('thousands of unknown answers cost bounded work: at most 100 errors, or 400 past 10,000 names', async () => {
    const unknown = (count: number) => {
      const data: Record<string, unknown> = { name: 'Camille Martin' };
      for (let i = 0; i < count; i++) data[`k${i}`] = 1;
      return validSubmission(data);
    };
    const many = await submit(t.url, 'demande-test', unknown(9_000));
    assert.equal(many.status, 422);
    assert.equal(many.body.code, 'invalid-data');
    assert.equal(many.body.errors.length, 100);
    assert.ok(many.body.errors.every((e: { code: string }) => e.code === 'unknown-field'));
    assert.ok(many.text.length < 20_000, `${many.text.length} characters of answer`);
    const tooMany = await submit(t.url, 'demande-test', unknown(10_001));
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.code, 'too-many-keys');
    assert.equal((await call(`${t.url}/api/health`)).status, 200);
  });

  test('a lone surrogate or a NUL is refused, in an answer or a name, before anything is stored', async () => {
    const rows = await count();
    for (const body of [
      '{"formVersion":"1.2.0","data":{"name":"Camille \\ud800 Martin"}}',
      '{"formVersion":"1.2.0","data":{"name":"Camille \\udc00"}}',
      '{"formVersion":"1.2.0","data":{"name":"Camille\\u0000Martin"}}',
      '{"formVersion":"1.2.0","data":{"name":"Camille Martin","\\ud83d":1}}',
    ]) {
      const answer = await rawPost(`${t.url}/api/forms/demande-test/submissions`, Buffer.from(body), {
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
      });
      assert.equal(answer.status, 400, body);
      assert.equal(answer.body.code, 'invalid-characters', body);
    }
    assert.equal(await count(), rows);
    // A character outside the BMP is a pair of surrogates, not a lone one: it is kept.
    const emoji = await submit(t.url, 'demande-test', validSubmission({ name: 'Camille 😀 Martin' }));
    assert.equal(emoji.status, 201);
  });

  test('an over-long or odd Idempotency-Key is refused', async () => {
    const answer = await submit(t.url, 'demande-test', validSubmission(), { 'Idempotency-Key': 'k'.repeat(500) });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.code, 'idempotency-key-invalid');
  });
});
