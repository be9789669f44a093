import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter, EndpointError, parseRetryAfter, type FormModel } from '@guichet/core';

/** What the server received, for the tests that look at how the client asked. */
const received: { url: string; headers: Record<string, string | string[] | undefined> }[] = [];

/** A server that answers each path its own way, over real HTTP on 127.0.0.1. */
function startServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    received.push({ url: req.url ?? '', headers: req.headers });
    if (req.url?.startsWith('/silent/')) return; // never answers: only the client's timeout ends it
    if (req.url?.startsWith('/busy/')) {
      res.writeHead(429, { 'Retry-After': '7', 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ code: 'rate-limited', message: 'Trop de demandes' }));
    }
    if (req.url?.startsWith('/unavailable/')) {
      res.writeHead(503, { 'Retry-After': '5', 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ code: 'unavailable', message: 'Service momentanément indisponible' }));
    }
    if (req.url?.startsWith('/broken/')) {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      return res.end('<h1>Bad gateway</h1>');
    }
    if (req.url?.startsWith('/envelope/')) {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      return res.end(
        JSON.stringify({
          code: 'invalid-submission',
          message: 'Envoi mal formé',
          errors: [{ pointer: '/formVersion', code: 'required', message: 'must be a string' }],
        }),
      );
    }
    if (req.url?.startsWith('/invalid/')) {
      res.writeHead(422, { 'Content-Type': 'application/json' });
      return res.end(
        JSON.stringify({
          code: 'invalid-data',
          message: 'Réponses invalides',
          errors: [{ pointer: '/email', code: 'format', message: 'Adresse invalide' }],
        }),
      );
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ code: 'not-found', message: 'Demande introuvable' }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

const model = { id: 'f', version: '1.0.0' } as unknown as FormModel;
const submit = (endpoint: string, timeoutMs?: number) =>
  createAdapter('guichet', { endpoint, timeoutMs }).submit({
    model,
    data: {},
    channel: 'web',
    lang: 'fr',
    idempotencyKey: crypto.randomUUID(),
  });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('expected a failure'),
    (e: unknown) => e as EndpointError,
  );

describe('guichet adapter error mapping over real HTTP', () => {
  let url = '';
  let server: Server;
  before(async () => ({ url, server } = await startServer()));
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('gives up after its timeout, as a retryable timeout', async () => {
    const error = await failure(submit(`${url}/silent`, 200));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.retryable, true);
  });

  it('reads 429 with its Retry-After', async () => {
    const error = await failure(submit(`${url}/busy`));
    assert.equal(error.kind, 'rate-limited');
    assert.equal(error.details.retryAfter, 7);
    assert.equal(error.message, 'Trop de demandes');
  });

  it('reads a 503’s Retry-After: the outbox comes back when the endpoint said', async () => {
    const error = await failure(submit(`${url}/unavailable`));
    assert.equal(error.kind, 'server');
    assert.equal(error.details.status, 503);
    assert.equal(error.details.retryAfter, 5);
    assert.equal(error.retryable, true);
  });

  it('takes a 5xx with an HTML body as a retryable server error', async () => {
    const error = await failure(submit(`${url}/broken`));
    assert.equal(error.kind, 'server');
    assert.equal(error.details.status, 502);
    assert.equal(error.details.retryAfter, undefined);
    assert.equal(error.retryable, true);
  });

  it('keeps a 422’s pointers as field errors, not retried', async () => {
    const error = await failure(submit(`${url}/invalid`));
    assert.equal(error.kind, 'validation');
    assert.deepEqual(error.details.fieldErrors, [{ pointer: '/email', code: 'format', message: 'Adresse invalide' }]);
    assert.equal(error.retryable, false);
  });

  it('does not take a 400’s envelope pointers for field errors', async () => {
    const error = await failure(submit(`${url}/envelope`));
    assert.equal(error.kind, 'rejected');
    assert.equal(error.details.fieldErrors, undefined);
  });

  it('answers an unknown reference with not-found', async () => {
    const error = await failure(
      createAdapter('guichet', { endpoint: url }).status({
        reference: 'VOI-2026-000001',
        trackingCode: 'X',
        lang: 'fr',
      }),
    );
    assert.equal(error.kind, 'not-found');
  });

  it('sends the tracking code in a header, never in the URL that proxies log', async () => {
    received.length = 0;
    await failure(
      createAdapter('guichet', { endpoint: url }).status({
        reference: 'VOI-2026-000001',
        trackingCode: 'H4KQ7-MXP2D',
        lang: 'fr',
      }),
    );
    assert.equal(received.length, 1);
    assert.equal(received[0]!.url, '/requests/VOI-2026-000001');
    assert.equal(received[0]!.headers['x-guichet-tracking-code'], 'H4KQ7-MXP2D');
  });

  it('refuses an unknown adapter name plainly', () => {
    assert.throws(() => createAdapter('inconnu', { endpoint: url }), /Unknown adapter "inconnu"/);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    const now = Date.parse('2026-11-29T10:00:00Z');
    assert.equal(parseRetryAfter('120', now), 120);
    assert.equal(parseRetryAfter('Sun, 29 Nov 2026 10:00:30 GMT', now), 30);
    assert.equal(parseRetryAfter('Sun, 29 Nov 2026 09:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('bientôt', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });
});
