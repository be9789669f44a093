/**
 * What packages/endpoint/test/hostile.test.ts does not cover: unknown fields (in the answers and
 * in the envelope), and hostile bodies arriving together with honest clients — a 10 MB body
 * trickled in, 10,000-deep nesting, a client that sends headers and then nothing — while 20
 * citizens submit: they all get their receipt, and only their rows are stored.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { request } from 'node:http';
import { startEndpoint, storedRequests, type RunningEndpoint } from '../helpers/endpoint.js';

const form = 'signalement-voirie';
const answers = {
  category: 'eclairage',
  description: 'Lampadaire éteint rue des Écoles',
  address: '12 rue des Écoles',
  consent: true,
};
const envelope = (data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  formVersion: '1.0.0',
  channel: 'web',
  lang: 'fr',
  data,
  ...extra,
});

describe('the endpoint under hostile bodies, beside honest clients', () => {
  let endpoint: RunningEndpoint;
  const submit = async (body: unknown) => {
    const response = await fetch(`${endpoint.url}/api/forms/${form}/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        code?: string;
        message?: string;
        errors?: { pointer: string }[];
        reference?: string;
      },
    };
  };

  before(async () => {
    endpoint = await startEndpoint();
  });
  after(() => endpoint?.stop());

  it('refuses unknown fields with a clear error and stores nothing', async () => {
    const unknownAnswer = await submit(envelope({ ...answers, isAdmin: true }));
    assert.equal(unknownAnswer.status, 422);
    assert.deepEqual(
      unknownAnswer.body.errors?.map((e) => e.pointer),
      ['/isAdmin'],
    );
    assert.ok(unknownAnswer.body.message);
    // A client cannot choose its reference or its status.
    const unknownEnvelope = await submit(
      envelope(answers, { reference: 'VOI-2026-000001', status: { phase: 'completed' } }),
    );
    assert.equal(unknownEnvelope.status, 400);
    assert.deepEqual(unknownEnvelope.body.errors?.map((e) => e.pointer).sort(), ['/reference', '/status']);
    assert.equal((await storedRequests(endpoint, form)).length, 0);
  });

  it('keeps answering 20 citizens while hostile bodies arrive', { timeout: 60_000 }, async () => {
    const before = (await storedRequests(endpoint, form)).length;
    const url = new URL(`${endpoint.url}/api/forms/${form}/submissions`);

    // 10 MB trickled in 1 MB pieces, one every 100 ms.
    const trickled = new Promise<number>((resolve, reject) => {
      const big = Buffer.from(JSON.stringify(envelope({ ...answers, description: 'x'.repeat(10 * 1024 * 1024) })));
      const req = request(
        url,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': crypto.randomUUID(),
            'Content-Length': big.length,
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve(413) : reject(error),
      );
      let offset = 0;
      const next = () => {
        if (offset >= big.length) return void req.end();
        const piece = big.subarray(offset, offset + 1024 * 1024);
        offset += piece.length;
        if (req.destroyed) return;
        req.write(piece, () => setTimeout(next, 100));
      };
      next();
    });
    // Headers, then silence: the connection is held open while others are served.
    const silent = connect(Number(url.port), url.hostname, () =>
      silent.write(
        `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"formVersion":`,
      ),
    );
    silent.on('error', () => {});
    const deep =
      '{"formVersion":"1.0.0","channel":"web","lang":"fr","data":{"description":' +
      '['.repeat(10_000) +
      ']'.repeat(10_000) +
      '}}';
    const nested = Array.from({ length: 10 }, () =>
      fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: deep,
      }).then((r) => r.status),
    );
    const citizens = Array.from({ length: 20 }, (_, i) =>
      submit(envelope({ ...answers, description: `Lampadaire éteint numéro ${i}` })),
    );

    const honest = await Promise.all(citizens);
    assert.deepEqual(
      honest.map((a) => a.status),
      Array(20).fill(201),
      'every citizen got a receipt',
    );
    for (const status of await Promise.all(nested)) assert.equal(status, 400);
    const bigStatus = await trickled;
    assert.equal(bigStatus, 413);
    silent.destroy();

    assert.equal((await fetch(`${endpoint.url}/api/health`)).status, 200);
    const stored = await storedRequests(endpoint, form);
    assert.equal(stored.length, before + 20, 'only the honest requests are stored');
    assert.deepEqual(new Set(stored.map((r) => r.reference)), new Set(honest.map((a) => a.body.reference)));
  });
});
