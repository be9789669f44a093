// The files written beside the CDN bundle once rollup is done: Subresource Integrity for
// dist/guichet.js and for the chunks it loads (one integrity attribute covers one file; an import
// map can pin the others, see docs/embedding.md), and a snippet ready to paste.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;

/** The chunks guichet.js can load, followed through their imports. */
function chunksOf(dist) {
  const chunks = new Set();
  const pending = ['guichet.js'];
  while (pending.length > 0) {
    const name = pending.pop();
    for (const [, chunk] of readFileSync(join(dist, name), 'utf8').matchAll(/["'`]\.\/(guichet-[\w-]+\.js)["'`]/g)) {
      if (!chunks.has(chunk)) {
        chunks.add(chunk);
        pending.push(chunk);
      }
    }
  }
  return [...chunks].sort();
}

/**
 * The snippet: the script tag, and hints that start, in parallel with guichet.js, the two
 * downloads a form needs before its first question shows — the definition reader's chunk and the
 * definition itself. The script tag comes before the chunk's hint, which imports guichet.js: the
 * file is then fetched once, by the tag that carries its integrity. Without them they would start one after the other, each a round trip later
 * (script, then definition, then chunk): seconds on a slow mobile network.
 */
export function snippetHtml({ version, integrity, lazyChunk, lazyIntegrity }) {
  const cdn = `https://cdn.example.org/guichet/${version}`;
  const form = 'https://gru.example.org/api/forms/signalement-voirie';
  return `<!-- Guichet ${version}: paste where the form should appear; replace the URLs with your copy of dist/ and your endpoint's (the form's address twice). -->
<link rel="preload" as="fetch" href="${form}" crossorigin="anonymous">
<script type="module" src="${cdn}/guichet.js" integrity="${integrity}" crossorigin="anonymous"></script>
<link rel="modulepreload" href="${cdn}/${lazyChunk}" integrity="${lazyIntegrity}" crossorigin="anonymous">
<guichet-form src="${form}" endpoint="https://gru.example.org/api"></guichet-form>
`;
}

export function writeCdnFiles({ dist, version }) {
  const chunks = chunksOf(dist);
  const hashes = Object.fromEntries(['guichet.js', ...chunks].map((f) => [f, sri(join(dist, f))]));
  writeFileSync(join(dist, 'guichet.js.sri'), `${hashes['guichet.js']}\n`);
  writeFileSync(join(dist, 'integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);
  const lazyChunk = chunks.find((name) => name.startsWith('guichet-lazy-'));
  if (!lazyChunk) throw new Error('dist/: no guichet-lazy-*.js chunk to preload');
  writeFileSync(
    join(dist, 'snippet.html'),
    snippetHtml({ version, integrity: hashes['guichet.js'], lazyChunk, lazyIntegrity: hashes[lazyChunk] }),
  );
}
