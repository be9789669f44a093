// What a repeat visit downloads again: the definition and its validator answer 304 to the copy the
// browser holds (ETag), the bundle's hashed chunks may be kept for good, guichet.js is revalidated.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './helpers.js';

describe('HTTP caching of what pages download', () => {
  let t: TestServer;
  let dist: string;

  before(async () => {
    dist = mkdtempSync(join(tmpdir(), 'guichet-dist-'));
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'guichet.js'), 'export {};\n');
    writeFileSync(join(dist, 'guichet-lazy-TGG0X2ex.js'), 'export const lazy = 1;\n');
    t = await startTestServer({ distDir: dist });
  });

  after(async () => {
    await t?.cleanup();
    rmSync(dist, { recursive: true, force: true });
  });

  for (const [what, path] of [
    ['definition', '/api/forms/demande-test'],
    ['validator', '/api/forms/demande-test/validator.js'],
  ] as const) {
    test(`the ${what} answers 304 without a body to the copy the browser holds, 200 to any other`, async () => {
      const first = await fetch(`${t.url}${path}`);
      assert.equal(first.status, 200);
      const body = await first.text();
      const tag = first.headers.get('etag');
      assert.match(tag ?? '', /^"[\w-]{27}"$/);
      assert.equal(first.headers.get('cache-control'), 'no-cache');

      const again = await fetch(`${t.url}${path}`, { headers: { 'If-None-Match': tag! } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), tag);
      // A proxy that compressed the answer may have weakened the tag: still the same content.
      const weak = await fetch(`${t.url}${path}`, { headers: { 'If-None-Match': `"other", W/${tag}` } });
      assert.equal(weak.status, 304);

      const stale = await fetch(`${t.url}${path}`, { headers: { 'If-None-Match': '"an-older-version"' } });
      assert.equal(stale.status, 200);
      assert.equal(await stale.text(), body);
      const other = await fetch(`${t.url}/api/forms/sans-prefixe${path.endsWith('.js') ? '/validator.js' : ''}`);
      assert.notEqual(other.headers.get('etag'), tag);
    });
  }

  test('a chunk whose name carries its hash is immutable; guichet.js is revalidated', async () => {
    const chunk = await fetch(`${t.url}/dist/guichet-lazy-TGG0X2ex.js`);
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const entry = await fetch(`${t.url}/dist/guichet.js`);
    assert.equal(entry.status, 200);
    assert.equal(entry.headers.get('cache-control'), 'no-cache');
    assert.ok(entry.headers.get('etag'));
  });
});
