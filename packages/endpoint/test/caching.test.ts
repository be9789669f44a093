// What pages download, and what a repeat visit downloads again: the bundle, the definition and its
// validator go out compressed as the browser accepts; the definition and its validator answer 304
// to the copy the browser holds (ETag), the bundle's hashed chunks may be kept for good, guichet.js
// is revalidated.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { writeCompressedCopies } from '../../../scripts/lib/precompress.mjs';
import { staleCompressedCopies } from '../src/dist-copies.js';
import { root, startTestServer, type TestServer } from './helpers.js';

/** The bytes as they travel (fetch would decode them), with the answer's headers. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (answer: { headers: IncomingHttpHeaders; body: Buffer }): string => {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(answer.body).toString('utf8');
  assert.equal(encoding, undefined);
  return answer.body.toString('utf8');
};

describe('HTTP caching of what pages download', () => {
  let t: TestServer;
  let demo: TestServer | undefined;
  let dist: string;

  before(async () => {
    dist = mkdtempSync(join(tmpdir(), 'guichet-dist-'));
    mkdirSync(dist, { recursive: true });
    // Large enough for compression to matter, as the real bundle is.
    const lines = Array.from({ length: 400 }, (_, i) => `export const question${i} = 'Question ${i}';`).join('\n');
    writeFileSync(join(dist, 'guichet.js'), `${lines}\n`);
    writeFileSync(join(dist, 'guichet-lazy-TGG0X2ex.js'), `export const lazy = 1;\n${lines}\n`);
    writeCompressedCopies(dist);
    t = await startTestServer({ distDir: dist });
  });

  after(async () => {
    await t?.cleanup();
    await demo?.cleanup();
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
      // Weak: the same content goes out compressed or not.
      assert.match(tag ?? '', /^W\/"[\w-]{27}"$/);
      assert.equal(first.headers.get('cache-control'), 'no-cache');

      const again = await fetch(`${t.url}${path}`, { headers: { 'If-None-Match': tag! } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), tag);
      // A copy held under the strong form of the tag is still the same content.
      const strong = await fetch(`${t.url}${path}`, { headers: { 'If-None-Match': `"other", ${tag!.slice(2)}` } });
      assert.equal(strong.status, 304);

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

  for (const [what, path] of [
    ['guichet.js', '/dist/guichet.js'],
    ['a chunk', '/dist/guichet-lazy-TGG0X2ex.js'],
    ['a definition', '/api/forms/signalement-voirie'],
    ['its validator', '/api/forms/signalement-voirie/validator.js'],
  ] as const) {
    test(`${what} goes out as brotli or gzip, as the browser accepts, and as it is to a client that accepts neither`, async () => {
      // A real form's definition (the demo's, 8 KB), not the fixtures' few hundred bytes.
      const server = path.startsWith('/api/')
        ? (demo ??= await startTestServer({ formsDir: join(root, 'schemas', 'forms') }))
        : t;
      const plain = await rawGet(`${server.url}${path}`, {});
      assert.equal(plain.status, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.match(String(plain.headers.vary), /accept-encoding/i);
      const text = decoded(plain);
      // What Chromium sends over https (br) and over http (gzip), and an explicit refusal.
      for (const [accept, expected] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip, deflate', 'gzip'],
        ['br;q=0, gzip', 'gzip'],
        ['identity', undefined],
      ] as const) {
        const answer = await rawGet(`${server.url}${path}`, { 'Accept-Encoding': accept });
        assert.equal(answer.status, 200, accept);
        assert.equal(answer.headers['content-encoding'], expected, accept);
        assert.equal(decoded(answer), text, accept);
        if (expected) assert.ok(answer.body.length < plain.body.length * 0.4, `${accept}: ${answer.body.length} bytes`);
        // A shared cache keeps one copy per encoding: the uncompressed one too, or a cache in
        // front of the endpoint could hand the copy it got for a client that accepts nothing to
        // every phone.
        assert.match(String(answer.headers.vary), /accept-encoding/i, accept);
        assert.doesNotMatch(String(answer.headers.vary), /accept-encoding.*accept-encoding/i, accept);
        assert.equal(answer.headers['content-type'], plain.headers['content-type'], accept);
        assert.equal(answer.headers['cache-control'], plain.headers['cache-control'], accept);
      }
      if (path.endsWith('.js')) assert.equal(plain.headers['content-type'], 'text/javascript; charset=utf-8');
    });
  }

  test('the build leaves compressed copies that say what dist/ says now', () => {
    const dist = join(root, 'dist');
    for (const name of ['guichet.js', 'guichet-desk.js', 'themes/dsfr.css'])
      for (const encoding of ['br', 'gz'])
        assert.ok(existsSync(join(dist, `${name}.${encoding}`)), `${name}.${encoding}`);
    assert.deepEqual(staleCompressedCopies(dist), []);
  });

  test('a copy that no longer says what its file says is never sent: the current file goes out, and the log says so', async () => {
    const changed = mkdtempSync(join(tmpdir(), 'guichet-dist-'));
    const lines: string[] = [];
    let server: TestServer | undefined;
    try {
      writeFileSync(join(changed, 'guichet.js'), `export const version = 'old';\n${'// padding\n'.repeat(200)}`);
      writeCompressedCopies(changed);
      // dist/ updated by hand after the build: the copies still hold the old script.
      const current = `export const version = 'new';\n${'// padding\n'.repeat(200)}`;
      writeFileSync(join(changed, 'guichet.js'), current);
      server = await startTestServer({
        distDir: changed,
        logLevel: 'warn',
        logStream: { write: (line: string) => void lines.push(line) },
      });
      for (const accept of ['gzip, deflate, br, zstd', 'gzip, deflate']) {
        const answer = await rawGet(`${server.url}/dist/guichet.js`, { 'Accept-Encoding': accept });
        assert.equal(answer.status, 200);
        assert.equal(answer.headers['content-encoding'], undefined, accept);
        assert.equal(answer.body.toString('utf8'), current, accept);
      }
      const warning = lines.map((line) => JSON.parse(line) as { msg: string; files?: string[] }).find((l) => l.files);
      assert.deepEqual(warning?.files, ['guichet.js.br', 'guichet.js.gz']);
      assert.match(warning?.msg ?? '', /npm run build/);
    } finally {
      await server?.cleanup();
      rmSync(changed, { recursive: true, force: true });
    }
  });
});
