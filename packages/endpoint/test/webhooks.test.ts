// Webhooks to the back office, received by a real HTTP server in the test that checks each
// signature the way docs/notifications.md shows: a receiver that fails three times gets each
// event once it answers 200, in order per request; one that stays down leaves them pending.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Protocol } from '../src/protocol.js';
import { admin, call, freePort, root, startTestServer, submit, validSubmission, type TestServer } from './helpers.js';
import { eventually } from './smtp.js';

const SECRET = 'webhook-secret-for-the-tests-0123456789';

/** The receiver's check, as an authority would write it. */
function verified(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  const expected = `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
  return !!header && header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected));
}

interface Delivery {
  id: string;
  type: string;
  reference: string;
  status: number;
  body: Record<string, unknown>;
}

async function startReceiver(failures: number) {
  const deliveries: Delivery[] = [];
  let failuresLeft = failures;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      if (!verified(raw, request.headers['guichet-signature'] as string | undefined, SECRET)) {
        response.writeHead(401).end();
        return;
      }
      const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      const status = failuresLeft-- > 0 ? 500 : 200;
      deliveries.push({
        id: body.id as string,
        type: body.type as string,
        reference: body.reference as string,
        status,
        body,
      });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/guichet`;
  return { url, deliveries, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('webhooks to the back office', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let t: TestServer;
  const isEvent = new Protocol(join(root, 'schemas', 'protocol')).validator('webhook-event.schema.json');
  before(async () => {
    receiver = await startReceiver(3);
    t = await startTestServer({
      webhook: { url: receiver.url, secret: SECRET, timeoutMs: 2_000 },
      outbox: { pollIntervalMs: 100, retryBaseMs: 100, retryMaxMs: 400 },
    });
  });
  after(async () => {
    await t.cleanup();
    await receiver.close();
  });

  test('500 three times then 200: every change arrives signed, once acknowledged, in order', async () => {
    const sent = await submit(t.url, 'demande-test', validSubmission({ email: 'camille@example.fr' }));
    const { reference } = sent.body;
    for (const phase of ['in_progress', 'action_required'] as const) {
      const changed = await call(`${t.url}/api/admin/requests/${reference}/status`, {
        method: 'POST',
        headers: admin({ 'Content-Type': 'application/json' }),
        body: JSON.stringify({ phase, note: `now ${phase}` }),
      });
      assert.equal(changed.status, 200);
    }
    await eventually(async () => receiver.deliveries.filter((d) => d.status === 200).length === 3);

    const tries = receiver.deliveries;
    assert.deepEqual(
      tries.map((d) => [d.type, d.status]),
      [
        ['request.created', 500],
        ['request.created', 500],
        ['request.created', 500],
        ['request.created', 200],
        ['request.status_changed', 200],
        ['request.status_changed', 200],
      ],
      'the first event retried until acknowledged; the next ones waited for it',
    );
    assert.equal(new Set(tries.slice(0, 4).map((d) => d.id)).size, 1, 'the same event id on every attempt');
    for (const delivery of tries) {
      assert.ok(isEvent(delivery.body), JSON.stringify(isEvent.errors));
      assert.equal(delivery.reference, reference);
    }
    const created = tries[3]!.body as { request: { data: Record<string, unknown>; status: { phase: string } } };
    assert.equal(created.request.data.name, 'Camille Martin');
    assert.equal(created.request.status.phase, 'received');
    const [first, second] = tries
      .slice(4)
      .map((d) => d.body as { previousPhase: string; status: { phase: string; note: string } });
    assert.deepEqual(
      [first!.previousPhase, first!.status.phase, first!.status.note],
      ['received', 'in_progress', 'now in_progress'],
    );
    assert.deepEqual([second!.previousPhase, second!.status.phase], ['in_progress', 'action_required']);
    // The receiver records an event before its 200 reaches the endpoint, which only then marks it sent.
    const items = await eventually(async () => {
      const outbox = await t.server.store.outbox.ofRequest(reference);
      return outbox.every((i) => i.state !== 'pending') && outbox;
    });
    assert.deepEqual(
      items.map((i) => [i.channel, i.state]),
      [
        ['webhook', 'sent'],
        ['webhook', 'sent'],
        ['webhook', 'sent'],
      ],
    );
    assert.equal(items[0]!.attempts, 4);
  });
});

describe('a back office that is down for the whole test', () => {
  let t: TestServer;
  before(async () => {
    const port = await freePort();
    t = await startTestServer({
      webhook: { url: `http://127.0.0.1:${port}/down`, secret: SECRET, timeoutMs: 1_000 },
      outbox: { pollIntervalMs: 100, retryBaseMs: 100, retryMaxMs: 400 },
    });
  });
  after(() => t.cleanup());

  test('its events stay pending, with the reason, for the agents to see', async () => {
    const sent = await submit(t.url, 'demande-test', validSubmission());
    const { reference } = sent.body;
    const item = await eventually(async () => {
      const [first] = await t.server.store.outbox.ofRequest(reference);
      return first && first.attempts >= 3 && first;
    });
    assert.equal(item.state, 'pending');
    assert.match(item.lastError ?? '', /ECONNREFUSED/);

    const pending = await call(`${t.url}/api/admin/notifications?state=pending&channel=webhook`, { headers: admin() });
    assert.equal(pending.status, 200);
    const listed = pending.body.find((n: { reference: string }) => n.reference === reference);
    assert.equal(listed.event, 'request.created');
    assert.equal(listed.state, 'pending');
    assert.match(listed.lastError, /ECONNREFUSED/);
    assert.ok(Date.parse(listed.nextAttemptAt) > 0 && listed.attempts >= 3);
    assert.equal(listed.payload, undefined, 'never the body itself');
    const delivered = await call(`${t.url}/api/admin/notifications?state=sent`, { headers: admin() });
    assert.deepEqual(delivered.body, []);
    const opened = await call(`${t.url}/api/admin/requests/${reference}`, { headers: admin() });
    assert.deepEqual(
      opened.body.notifications.map((n: { channel: string; state: string }) => [n.channel, n.state]),
      [['webhook', 'pending']],
    );
    assert.deepEqual(opened.body.replies, []);
    const unauthorized = await call(`${t.url}/api/admin/notifications`);
    assert.equal(unauthorized.status, 401);
  });
});
