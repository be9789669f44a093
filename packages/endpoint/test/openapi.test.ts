import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, startTestServer, type TestServer } from './helpers.js';

describe('OpenAPI document', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.cleanup());

  test('it is served, standalone, and documents every /api route the server has', async () => {
    const answer = await call(`${t.url}/api/openapi.json`);
    assert.equal(answer.status, 200);
    const document = answer.body;
    assert.equal(document.openapi, '3.1.0');
    for (const [name, schema] of Object.entries(
      document.components.schemas as Record<string, Record<string, unknown>>,
    )) {
      assert.equal(schema.$ref, undefined, `${name} is inline`);
    }
    assert.equal(document.components.schemas.Receipt.$id, 'https://guichet.dev/schemas/protocol/receipt.schema.json');

    // Every reference resolves: local ones inside the document, file names to an inlined schema's $id.
    const ids = new Set(
      Object.values(document.components.schemas as Record<string, { $id?: string }>)
        .map((schema) => schema.$id)
        .filter(Boolean),
    );
    const pending: [unknown, string][] = [[document, 'https://guichet.dev/schemas/protocol/openapi.json']];
    while (pending.length) {
      const [node, base] = pending.pop()!;
      if (node === null || typeof node !== 'object') continue;
      const here = typeof (node as { $id?: unknown }).$id === 'string' ? (node as { $id: string }).$id : base;
      const ref = (node as { $ref?: unknown }).$ref;
      if (typeof ref === 'string') {
        if (ref.startsWith('#/')) {
          // Inside an inlined schema, "#/…" points into that schema: ajv checked those at codegen.
          if (here.endsWith('openapi.json')) {
            const target = ref
              .slice(2)
              .split('/')
              .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], document);
            assert.ok(target, `${ref} resolves`);
          }
        } else {
          assert.ok(ids.has(new URL(ref, here).href), `${ref} (from ${here}) resolves to an inlined schema`);
        }
      }
      for (const value of Object.values(node)) pending.push([value, here]);
    }

    const routes = t.server.routes.filter(
      (r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && r.method !== 'OPTIONS',
    );
    assert.equal(routes.length, 15);
    for (const { method, url } of routes) {
      const path = url.replace(/:(\w+)/g, '{$1}');
      assert.ok(document.paths[path]?.[method.toLowerCase()], `${method} ${path} is documented`);
    }
    const documented = Object.values(document.paths as Record<string, object>).reduce(
      (n, item) => n + Object.keys(item).length,
      0,
    );
    assert.equal(documented, routes.length, 'nothing documented that the server does not answer');
  });
});
