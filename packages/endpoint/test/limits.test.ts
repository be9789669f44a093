/**
 * What one anonymous client can make the endpoint do is bounded: uploads, submissions (replays
 * included), look-ups (every method in one bucket), wrong admin credentials, bytes of unclaimed
 * uploads (its own and everyone's), nothing new on a disk under its floor of free space, and no
 * request held open a byte at a time. The servers trust 127.0.0.1 as their reverse proxy, so
 * each test plays its own clients through X-Forwarded-For, as nginx on the same host would.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PNG,
  admin,
  call,
  startTestServer,
  submit,
  upload,
  validSubmission,
  type Answer,
  type TestServer,
} from './helpers.js';

const HOUR = 3_600_000;
/** As nginx writes it: what the client sent, then the address nginx saw. */
const client = (n: number, sent = 'anything') => ({ 'X-Forwarded-For': `${sent}, 203.0.113.${n}` });

describe('per-client allowances', () => {
  let t: TestServer;
  const lines: string[] = [];
  before(async () => {
    t = await startTestServer({
      trustProxy: ['127.0.0.1'],
      limits: {
        lookups: { max: 4, windowMs: 60_000 },
        submissions: { max: 3, windowMs: HOUR },
        uploads: { max: 3, windowMs: HOUR },
        adminFailures: { max: 3, windowMs: 15 * 60_000 },
      },
      logLevel: 'warn',
      logStream: { write: (line: string) => void lines.push(line) },
    });
  });
  after(() => t.cleanup());

  const limited = (answer: Answer) => {
    assert.equal(answer.status, 429);
    assert.equal(answer.body.code, 'rate-limited');
    assert.ok(Number(answer.headers.get('retry-after')) > 0, 'Retry-After');
  };

  test('uploads: past the allowance, 429 with Retry-After; another client still uploads', async () => {
    for (let i = 0; i < 3; i++)
      assert.equal((await upload(t.url, PNG, 'a.png', 'image/png', '?field=photo', client(1))).status, 201);
    limited(await upload(t.url, PNG, 'a.png', 'image/png', '?field=photo', client(1)));
    assert.equal((await upload(t.url, PNG, 'a.png', 'image/png', '?field=photo', client(2))).status, 201);
  });

  test("submissions: replays of an Idempotency-Key count too; an agent's do not", async () => {
    const key = crypto.randomUUID();
    assert.equal(
      (await submit(t.url, 'demande-test', validSubmission(), { ...client(3), 'Idempotency-Key': key })).status,
      201,
    );
    for (let i = 0; i < 2; i++) {
      const replay = await submit(t.url, 'demande-test', validSubmission(), { ...client(3), 'Idempotency-Key': key });
      assert.equal(replay.status, 200);
    }
    limited(await submit(t.url, 'demande-test', validSubmission(), { ...client(3), 'Idempotency-Key': key }));
    limited(await submit(t.url, 'demande-test', validSubmission(), client(3)));
    assert.equal((await submit(t.url, 'demande-test', validSubmission(), client(4))).status, 201);
    // An agent entering requests from that address is known by their credentials: not counted.
    for (let i = 0; i < 4; i++)
      assert.equal((await submit(t.url, 'demande-test', validSubmission(), { ...client(3), ...admin() })).status, 201);
  });

  test('look-ups: HEAD and GET draw on one allowance', async () => {
    // fetch, as a HEAD answer has no body to read.
    const lookUp = (method: string) =>
      fetch(`${t.url}/api/requests/TST-1999-000001`, {
        method,
        headers: { ...client(5), 'X-Guichet-Tracking-Code': 'AAAAA-AAAAA' },
      });
    for (const method of ['HEAD', 'GET', 'HEAD', 'GET']) assert.equal((await lookUp(method)).status, 404, method);
    const refused = await lookUp('HEAD');
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    limited(await call(`${t.url}/api/requests/TST-1999-000001`, { headers: client(5) }));
  });

  /** Look-ups with a rotated left-most X-Forwarded-For until refused; how many passed. */
  const lookUpsWithRotatedAddress = async (url: string, n: number) => {
    let allowed = 0;
    for (let i = 0; i < 12; i++) {
      const answer = await call(`${url}/api/requests/TST-1999-000001`, {
        headers: { ...client(n, `198.51.100.${i}`), 'X-Guichet-Tracking-Code': 'AAAAA-AAAAA' },
      });
      if (answer.status === 429) return allowed;
      allowed++;
    }
    assert.fail('a rotated left-most X-Forwarded-For escaped the limit');
  };

  test('the client cannot choose its address: what it writes left of X-Forwarded-For is not read', async () => {
    // The proxies named by their addresses…
    assert.equal(await lookUpsWithRotatedAddress(t.url, 6), 4);
    // …or counted in hops (nginx in front: 1).
    const hops = await startTestServer({ trustProxy: 1, limits: { lookups: { max: 4, windowMs: 60_000 } } });
    try {
      assert.equal(await lookUpsWithRotatedAddress(hops.url, 6), 4);
    } finally {
      await hops.cleanup();
    }
  });

  test('wrong admin credentials: 401, then 429 for that address even with the right token; each is logged', async () => {
    const list = (headers: Record<string, string>) => call(`${t.url}/api/admin/requests`, { headers });
    for (let i = 0; i < 3; i++) {
      const wrong = await list({ ...client(7), Authorization: `Bearer guess-${i}` });
      assert.equal(wrong.status, 401);
    }
    limited(await list({ ...client(7), Authorization: 'Bearer guess-3' }));
    limited(await list({ ...client(7), ...admin() }));
    assert.equal((await list({ ...client(8), ...admin() })).status, 200, 'another address is not locked out');
    // No credentials at all is not a guess: it does not count.
    for (let i = 0; i < 5; i++) assert.equal((await list(client(9))).status, 401);
    assert.equal((await list({ ...client(9), ...admin() })).status, 200);

    const failures = lines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg === 'failed admin authentication');
    assert.equal(failures.length, 3);
    for (const entry of failures) {
      assert.equal(entry.address, '203.0.113.7');
      assert.ok(!Number.isNaN(Date.parse(entry.at)));
    }
    assert.ok(!lines.join('').includes('guess-'), 'the guessed tokens are not logged');
  });

  test("a wrong agent token on a submission is a failed authentication too; the citizen's request goes on", async () => {
    for (let i = 0; i < 3; i++) {
      const answer = await submit(t.url, 'demande-test', validSubmission(), {
        ...client(10),
        Authorization: `Bearer guess-s${i}`,
      });
      assert.equal(answer.status, 201);
      const stored = await call(`${t.url}/api/admin/requests/${answer.body.reference}`, { headers: admin() });
      assert.equal(stored.body.byAgent, false);
    }
    // The address is now locked out of the agents' API…
    limited(await call(`${t.url}/api/admin/requests`, { headers: { ...client(10), ...admin() } }));
    // …and the right token from it no longer passes a submission for an agent's: counted, refused.
    limited(await submit(t.url, 'demande-test', validSubmission(), { ...client(10), ...admin() }));
    const failures = lines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg === 'failed admin authentication' && entry.address === '203.0.113.10');
    assert.deepEqual(
      failures.map((entry) => entry.route),
      Array(3).fill('/api/forms/:id/submissions'),
    );
  });
});

describe('bytes of uploads no request claimed yet', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({
      trustProxy: ['127.0.0.1'],
      limits: { unclaimedBytesPerClient: 2 * PNG.length, unclaimedBytesTotal: 3 * PNG.length },
    });
  });
  after(() => t.cleanup());

  const send = (n: number) => upload(t.url, PNG, 'trou.png', 'image/png', '?field=photo', client(n));

  test('per client (429 upload-quota, until a request claims them) and in all (507 storage-full)', async () => {
    const first = await send(1);
    assert.equal(first.status, 201);
    assert.equal((await send(1)).status, 201);
    const over = await send(1);
    assert.equal(over.status, 429);
    assert.equal(over.body.code, 'upload-quota');
    assert.match(over.body.message, /fichiers/);

    const claimed = await submit(t.url, 'demande-test', validSubmission({ photo: first.body.id }), client(1));
    assert.equal(claimed.status, 201);
    assert.equal((await send(1)).status, 201, 'a claimed file no longer counts');

    assert.equal((await send(2)).status, 201);
    const full = await send(3);
    assert.equal(full.status, 507);
    assert.equal(full.body.code, 'storage-full');
    assert.equal((await submit(t.url, 'demande-test', validSubmission(), client(3))).status, 201, 'submissions go on');
  });
});

test('under the floor of free space, uploads get 507 and everything else goes on', async () => {
  const t = await startTestServer({ limits: { minFreeBytes: Number.MAX_SAFE_INTEGER } });
  try {
    const refused = await upload(t.url);
    assert.equal(refused.status, 507);
    assert.equal(refused.body.code, 'storage-full');
    assert.ok(refused.body.message.length > 0);
    const receipt = await submit(t.url, 'demande-test', validSubmission());
    assert.equal(receipt.status, 201);
    const status = await call(`${t.url}/api/requests/${receipt.body.reference}`, {
      headers: { 'X-Guichet-Tracking-Code': receipt.body.trackingCode },
    });
    assert.equal(status.status, 200);
    assert.equal((await call(`${t.url}/api/health`)).status, 200);
    assert.equal((await call(`${t.url}/api/forms/demande-test`)).status, 200);
  } finally {
    await t.cleanup();
  }
});

describe('a request sent a byte at a time', () => {
  let t: TestServer;
  let uploads: string;
  before(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'guichet-slow-'));
    t = await startTestServer({
      tempDir: uploads,
      limits: { timeouts: { headersMs: 1_000, requestMs: 1_500, idleMs: 30_000 } },
    });
  });
  after(async () => {
    await t.cleanup();
    rmSync(uploads, { recursive: true, force: true });
  });

  /**
   * Writes `head` at once, then `trickle` one byte every 200 ms; resolves with what came back and
   * how many bytes of the trickle went out before the server closed the connection.
   */
  const slowly = (head: string, trickle: string) =>
    new Promise<{ answer: string; sent: number }>((resolve, reject) => {
      const { port } = new URL(t.url);
      const socket = connect(Number(port), '127.0.0.1');
      let answer = '';
      let sent = 0;
      let timer: NodeJS.Timeout | undefined;
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => (answer += chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ answer, sent });
      });
      socket.on('connect', () => {
        socket.write(head);
        timer = setInterval(() => {
          if (sent === trickle.length) {
            clearInterval(timer);
            socket.end();
            return;
          }
          if (!socket.destroyed) socket.write(trickle[sent++]!);
        }, 200);
      });
      socket.on('timeout', () => reject(new Error('no close')));
    });

  test('a body: the server gives up (408), closes, and leaves no temporary file', async () => {
    const boundary = 'guichetboundary';
    const head =
      `POST /api/forms/demande-test/attachments?field=photo HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 100000\r\n\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="trou.png"\r\nContent-Type: image/png\r\n\r\n`;
    const { answer, sent } = await slowly(head, 'x'.repeat(100));
    assert.ok(sent < 100, `the server waited for all ${sent} bytes`);
    assert.match(answer, /^HTTP\/1\.1 408/);
    // The upload's temporary folder goes once its stream fails.
    for (let i = 0; i < 100 && readdirSync(uploads).length; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(readdirSync(uploads), []);
  });

  test('headers: the same', async () => {
    const { answer, sent } = await slowly(
      'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      'X-Slow: ' + 'y'.repeat(92),
    );
    assert.ok(sent < 100, `the server waited for all ${sent} bytes`);
    assert.match(answer, /^HTTP\/1\.1 408/);
  });

  test('a body that stops coming: the idle timeout closes the connection, and the temporary file goes', async () => {
    const idle = await startTestServer({
      tempDir: uploads,
      limits: { timeouts: { headersMs: 30_000, requestMs: 60_000, idleMs: 1_000 } },
    });
    try {
      const closed = new Promise<string>((resolve, reject) => {
        const socket = connect(Number(new URL(idle.url).port), '127.0.0.1');
        let answer = '';
        // Well past the idle timeout: only a server that never gives up gets here.
        const guard = setTimeout(() => {
          socket.destroy();
          reject(new Error('the server kept a silent upload open 20 s'));
        }, 20_000);
        socket.setEncoding('utf8');
        socket.on('data', (chunk) => (answer += chunk));
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearTimeout(guard);
          resolve(answer);
        });
        socket.on('connect', () =>
          socket.write(
            `POST /api/forms/demande-test/attachments?field=photo HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
              `Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n` +
              `--b\r\nContent-Disposition: form-data; name="file"; filename="trou.png"\r\nContent-Type: image/png\r\n\r\nxx`,
          ),
        );
      });
      assert.doesNotMatch(await closed, /^HTTP\/1\.1 2/);
      for (let i = 0; i < 100 && readdirSync(uploads).length; i++) await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(readdirSync(uploads), []);
    } finally {
      await idle.cleanup();
    }
  });
});
