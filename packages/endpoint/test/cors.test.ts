import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { join } from 'node:path';
import {
  ALLOWED_ORIGIN,
  admin,
  call,
  root,
  startTestServer,
  submit,
  upload,
  validSubmission,
  type TestServer,
} from './helpers.js';

/** Where the agents' desk runs: its own origin, allowed on /api/admin only. */
const DESK_ORIGIN = 'http://desk.example';

describe('CORS and security headers', () => {
  let t: TestServer;
  let receipt: { reference: string; trackingCode: string };
  before(async () => {
    t = await startTestServer({ adminOrigins: [DESK_ORIGIN] });
    receipt = (await submit(t.url, 'demande-test', validSubmission())).body;
  });
  after(() => t.cleanup());

  const routes = () =>
    [
      ['GET', '/api/forms', {}],
      ['GET', '/api/forms/demande-test', {}],
      ['GET', '/api/forms/demande-test/validator.js', {}],
      ['GET', `/api/requests/${receipt.reference}`, { 'X-Guichet-Tracking-Code': receipt.trackingCode }],
      ['GET', '/api/unknown', {}],
    ] as const;

  test("an allowed origin is echoed, with Vary: Origin, on every /api route but the agents'", async () => {
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

  test("the agents' API answers CORS to the desk's origin only, not to the citizens' sites", async () => {
    for (const path of ['/api/admin/requests', `/api/admin/requests/${receipt.reference}`, '/api/%61dmin/requests']) {
      const fromSite = await call(`${t.url}${path}`, { headers: admin({ Origin: ALLOWED_ORIGIN }) });
      assert.equal(fromSite.status, 200, path);
      assert.equal(fromSite.headers.get('access-control-allow-origin'), null, path);
      const fromDesk = await call(`${t.url}${path}`, { headers: admin({ Origin: DESK_ORIGIN }) });
      assert.equal(fromDesk.headers.get('access-control-allow-origin'), DESK_ORIGIN, path);
    }
    const citizens = await call(`${t.url}/api/forms`, { headers: { Origin: DESK_ORIGIN } });
    assert.equal(citizens.headers.get('access-control-allow-origin'), null, "the desk is not a citizens' site");
    // Without GUICHET_ADMIN_ORIGINS, no origin at all.
    const plain = await startTestServer();
    try {
      const answer = await call(`${plain.url}/api/admin/requests`, { headers: admin({ Origin: ALLOWED_ORIGIN }) });
      assert.equal(answer.headers.get('access-control-allow-origin'), null);
    } finally {
      await plain.cleanup();
    }
  });

  test('the definition names its precompiled validator relative to itself, whatever Host says', async () => {
    // node:http, as fetch would not send another Host.
    const named = await new Promise<string | undefined>((resolve, reject) => {
      const url = new URL(`${t.url}/api/forms/demande-test`);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' },
        },
        (res) => {
          res.resume();
          resolve(res.headers['x-guichet-validator'] as string | undefined);
        },
      );
      req.on('error', reject);
      req.end();
    });
    assert.equal(named, 'demande-test/validator.js');
    const answer = await call(`${t.url}/api/forms/demande-test`, { headers: { Origin: ALLOWED_ORIGIN } });
    assert.equal(answer.headers.get('x-guichet-validator'), 'demande-test/validator.js');
    assert.match(answer.headers.get('access-control-expose-headers') ?? '', /X-Guichet-Validator/);
    const validator = new URL(answer.headers.get('x-guichet-validator')!, `${t.url}/api/forms/demande-test`);
    assert.equal(validator.href, `${t.url}/api/forms/demande-test/validator.js`);
    assert.equal((await call(validator.href)).status, 200);
  });

  test('a definition whose conditions decide what is shown says so beside its validator; one without does not', async () => {
    const demo = await startTestServer({ formsDir: join(root, 'schemas', 'forms'), allowedOrigins: [ALLOWED_ORIGIN] });
    try {
      // contact-service asks for a phone number once "Par téléphone" is chosen; signalement-voirie asks the same of everyone.
      const conditional = await call(`${demo.url}/api/forms/contact-service`, { headers: { Origin: ALLOWED_ORIGIN } });
      assert.equal(conditional.headers.get('x-guichet-conditions'), 'yes');
      assert.match(conditional.headers.get('access-control-expose-headers') ?? '', /X-Guichet-Conditions/);
      const plain = await call(`${demo.url}/api/forms/signalement-voirie`, { headers: { Origin: ALLOWED_ORIGIN } });
      assert.equal(plain.status, 200);
      assert.equal(plain.headers.get('x-guichet-conditions'), null);
      assert.equal(plain.headers.get('x-guichet-validator'), 'signalement-voirie/validator.js');
    } finally {
      await demo.cleanup();
    }
  });

  test('security headers follow the route the request reached, however its path is encoded', async () => {
    const { id } = (await upload(t.url)).body;
    for (const path of [
      `/api/admin/attachments/${id}`,
      `/%61pi/admin/attachments/${id}`,
      `/api/%61dmin/attachments/${id}`,
    ]) {
      const download = await call(`${t.url}${path}`, { headers: admin() });
      assert.equal(download.status, 200, path);
      assert.equal(download.headers.get('content-security-policy'), "default-src 'none'; sandbox", path);
    }
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
    for (const [path, origin] of [
      ['/api/forms/demande-test/submissions', ALLOWED_ORIGIN],
      ['/api/admin/requests/X/status', DESK_ORIGIN],
      ['/api/forms/demande-test/attachments', ALLOWED_ORIGIN],
    ] as const) {
      const allowed = await preflight(origin, path);
      assert.equal(allowed.status, 204);
      assert.equal(allowed.headers.get('access-control-allow-origin'), origin);
      const allowedHeaders = (allowed.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of ['content-type', 'idempotency-key', 'authorization'])
        assert.ok(allowedHeaders.includes(header), header);
      assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /POST/);
      for (const other of ['http://evil.example', origin === DESK_ORIGIN ? ALLOWED_ORIGIN : DESK_ORIGIN]) {
        const refused = await preflight(other, path);
        assert.equal(refused.headers.get('access-control-allow-origin'), null, `${path} from ${other}`);
        assert.equal(refused.headers.get('access-control-allow-headers'), null, `${path} from ${other}`);
      }
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
