import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALLOWED_ORIGIN, admin, call, startTestServer, submit, validSubmission, type TestServer } from './helpers.js';

describe('CORS and security headers', () => {
  let t: TestServer;
  let receipt: { reference: string; trackingCode: string };
  before(async () => {
    t = await startTestServer();
    receipt = (await submit(t.url, 'demande-test', validSubmission())).body;
  });
  after(() => t.cleanup());

  const routes = () =>
    [
      ['GET', '/api/forms', {}],
      ['GET', '/api/forms/demande-test', {}],
      ['GET', '/api/forms/demande-test/validator.js', {}],
      ['GET', `/api/requests/${receipt.reference}?code=${receipt.trackingCode}`, {}],
      ['GET', '/api/admin/requests', admin()],
      ['GET', '/api/unknown', {}],
    ] as const;

  test('an allowed origin is echoed, with Vary: Origin, on every /api route', async () => {
    for (const [method, path, headers] of routes()) {
      const answer = await call(`${t.url}${path}`, { method, headers: { ...headers, Origin: ALLOWED_ORIGIN } });
      assert.equal(answer.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN, path);
      assert.match(answer.headers.get('vary') ?? '', /Origin/, path);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(answer.headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(answer.headers.get('cross-origin-resource-policy'), 'cross-origin', path);
    }
    const submission = await submit(t.url, 'demande-test', validSubmission(), { Origin: ALLOWED_ORIGIN });
    assert.equal(submission.status, 201);
    assert.equal(submission.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
  });

  test('the definition names its precompiled validator, readable across origins', async () => {
    const answer = await call(`${t.url}/api/forms/demande-test`, { headers: { Origin: ALLOWED_ORIGIN } });
    assert.equal(answer.headers.get('x-guichet-validator'), `${t.url}/api/forms/demande-test/validator.js`);
    assert.match(answer.headers.get('access-control-expose-headers') ?? '', /X-Guichet-Validator/);
  });

  test('a preflight with Idempotency-Key, Authorization and Content-Type is allowed for an allowed origin only', async () => {
    const preflight = (origin: string, path: string) =>
      call(`${t.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,idempotency-key,authorization',
        },
      });
    for (const path of [
      '/api/forms/demande-test/submissions',
      '/api/admin/requests/X/status',
      '/api/forms/demande-test/attachments',
    ]) {
      const allowed = await preflight(ALLOWED_ORIGIN, path);
      assert.equal(allowed.status, 204);
      assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
      const allowedHeaders = (allowed.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of ['content-type', 'idempotency-key', 'authorization'])
        assert.ok(allowedHeaders.includes(header), header);
      assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /POST/);
      const other = await preflight('http://evil.example', path);
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      assert.equal(other.headers.get('access-control-allow-headers'), null);
    }
  });

  test('another origin gets no CORS header', async () => {
    for (const [method, path, headers] of routes()) {
      const answer = await call(`${t.url}${path}`, { method, headers: { ...headers, Origin: 'http://evil.example' } });
      assert.equal(answer.headers.get('access-control-allow-origin'), null, path);
    }
  });

  test('logs hold no tracking code, token, query string or body', async () => {
    const lines: string[] = [];
    const logged = await startTestServer({
      logLevel: 'debug',
      logStream: { write: (line: string) => void lines.push(line) },
    });
    try {
      const answer = await submit(logged.url, 'demande-test', validSubmission({ name: 'Dominique Secret' }));
      await call(`${logged.url}/api/requests/${answer.body.reference}?code=${answer.body.trackingCode}`);
      await call(`${logged.url}/api/admin/requests`, { headers: admin() });
      const all = lines.join('');
      assert.ok(all.includes('/api/requests/:reference'), 'the route pattern is logged');
      for (const secret of [answer.body.trackingCode, 'Dominique', 'camille@example.fr', 'test-admin-token', 'code=']) {
        assert.ok(!all.includes(secret), `logs hold ${secret}`);
      }
    } finally {
      await logged.cleanup();
    }
  });
});
