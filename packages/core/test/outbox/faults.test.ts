import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as forwardRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createAdapter, loadDefinition, Outbox, type FormModel, type StoredRequest } from '@guichet/core';

interface RunningEndpoint {
  url: string;
  adminToken: string;
  stop(): Promise<void>;
}
// A computed specifier: the helper is plain JavaScript without declarations.
const endpointProcess = '../../../../scripts/lib/endpoint-process.mjs';
const { startEndpoint } = (await import(endpointProcess)) as { startEndpoint: () => Promise<RunningEndpoint> };

/**
 * A proxy that spoils 30 % of requests the ways real networks do: a reset before the endpoint
 * sees it, a request never answered, a 500, a 429, and the worst one: the endpoint stores the
 * request but its answer never reaches the browser.
 */
function faultyProxy(target: URL): Promise<{ url: string; server: Server; faults: () => number }> {
  let faults = 0;
  let turn = 0;
  const server = createServer((req, res) => {
    const forward = (onAnswer: (answer: import('node:http').IncomingMessage) => void) => {
      const upstream = forwardRequest(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        onAnswer,
      );
      req.pipe(upstream);
    };
    // Deterministic: every 10 requests, the same 3 faults.
    const slot = turn++ % 10;
    if (slot < 3) faults++;
    if (slot === 0) return void req.socket.destroy();
    if (slot === 1) {
      if (turn % 20 === 2) return; // never answered: only the client's timeout ends it
      res.writeHead(turn % 40 < 20 ? 500 : 429, { 'Retry-After': '0' });
      return void res.end();
    }
    if (slot === 2) return forward(() => req.socket.destroy());
    forward((answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, faults: () => faults }),
    ),
  );
}

describe('outbox through a faulty network', () => {
  let endpoint: RunningEndpoint;
  let proxy: Awaited<ReturnType<typeof faultyProxy>>;
  let model: FormModel;

  before(async () => {
    endpoint = await startEndpoint();
    proxy = await faultyProxy(new URL(endpoint.url));
    const loaded = loadDefinition(
      JSON.parse(readFileSync(new URL('../../../../schemas/forms/signalement-voirie.json', import.meta.url), 'utf8')),
    );
    assert.ok(loaded.ok);
    model = loaded.model;
  });
  after(async () => {
    proxy.server.closeAllConnections();
    proxy.server.close();
    await endpoint.stop();
  });

  it('stores each of 40 submissions exactly once when 30 % of requests fail', async () => {
    const outbox = new Outbox({ storage: null, locks: null, baseMs: 20, maxMs: 200 });
    const adapter = createAdapter('guichet', { endpoint: `${proxy.url}/api`, timeoutMs: 2000 });
    const receipts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const data = {
          category: 'eclairage',
          description: `Lampadaire éteint numéro ${i}`,
          address: 'Place du Marché',
          consent: true,
        };
        const entry = outbox.add({
          formId: model.id,
          formVersion: model.version,
          data,
          channel: 'web',
          lang: 'fr',
        });
        return outbox.deliver(entry, { model, adapter });
      }),
    );
    assert.ok(proxy.faults() >= 12, `faults injected: ${proxy.faults()}`);
    assert.equal(new Set(receipts.map((r) => r.reference)).size, 40);
    const response = await fetch(`${endpoint.url}/api/admin/requests?formId=${model.id}&limit=500`, {
      headers: { Authorization: `Bearer ${endpoint.adminToken}` },
    });
    const stored = (await response.json()) as StoredRequest[];
    const descriptions = stored.map((r) => (r.data as { description: string }).description);
    assert.equal(stored.length, 40);
    assert.equal(new Set(descriptions).size, 40);
    assert.deepEqual(outbox.pending(model.id), []);
  });
});
