// The files written beside the CDN bundle once rollup is done: Subresource Integrity for
// dist/guichet.js and for the chunks it loads (one integrity attribute covers one file; an import
// map can pin the others, see docs/embedding.md), and snippets ready to paste (a form, the follow-up page).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** The chunks `chunk` imports statically (not through import()): they load before it runs. */
function staticImportsOf(dist, chunk) {
  const code = readFileSync(join(dist, chunk), 'utf8');
  return [
    ...new Set([...code.matchAll(/(?:from|import)\s*["'`]\.\/(guichet-[\w-]+\.js)["'`]/g)].map((match) => match[1])),
  ];
}

/** `chunk` and every chunk it needs before it runs, guichet.js (the script tag's) left out. */
function preloadsFor(dist, chunks, prefix, hashes) {
  const first = chunks.find((name) => name.startsWith(prefix));
  if (!first) throw new Error(`dist/: no ${prefix}*.js chunk to preload`);
  const needed = [first];
  for (let i = 0; i < needed.length; i++)
    for (const chunk of staticImportsOf(dist, needed[i]))
      if (chunk !== 'guichet.js' && !needed.includes(chunk)) needed.push(chunk);
  return needed.map((chunk) => ({ chunk, integrity: hashes[chunk] }));
}

const endpoint = 'https://gru.example.org';

function preloadLinks(preloads) {
  return preloads
    .map(
      ({ chunk, integrity }) =>
        `<link rel="modulepreload" href="${endpoint}/dist/${chunk}" integrity="${integrity}" crossorigin="anonymous">`,
    )
    .join('\n');
}

/**
 * The snippet: the script tag, and hints that start, in parallel with guichet.js, the downloads a
 * form needs before its first question shows — the definition reader's chunk (and the chunk it
 * shares with the work chunk) and the definition itself. Without them they would start one after
 * the other, each a round trip later (script, then definition, then chunk): seconds on a slow
 * mobile network. The endpoint serves dist/ under /dist/; a pinned copy elsewhere is checked by
 * its integrity hash.
 */
export function snippetHtml({ version, integrity, preloads }) {
  const form = `${endpoint}/api/forms/signalement-voirie`;
  return `<!-- Guichet ${version}: paste where the form should appear. Your Guichet endpoint serves this script (and its chunks and themes) under /dist/: replace https://gru.example.org with its address. -->
<link rel="preload" as="fetch" href="${form}" crossorigin="anonymous">
<script type="module" src="${endpoint}/dist/guichet.js"></script>
${preloadLinks(preloads)}
<guichet-form src="${form}" endpoint="${endpoint}/api" lang="fr"></guichet-form>

<!-- Or load this very build from your own copy of dist/ (one folder per version), checked by the browser: -->
<!-- <script type="module" src="https://cdn.example.org/guichet/${version}/guichet.js" integrity="${integrity}" crossorigin="anonymous"></script> -->
`;
}

/**
 * The follow-up page's snippet: the tracker draws its look-up form with a chunk of its own (what
 * it does, see tracker/tracking.ts); the hint fetches it beside guichet.js instead of a round trip
 * after it, and its integrity covers it.
 */
export function trackerSnippetHtml({ version, integrity, preloads }) {
  return `<!-- Guichet ${version}: paste on the follow-up page (the receipt's and the mails' links lead there with ?reference=…). Replace https://gru.example.org with your endpoint's address. -->
<script type="module" src="${endpoint}/dist/guichet.js"></script>
${preloadLinks(preloads)}
<guichet-tracker endpoint="${endpoint}/api" lang="fr" from-url></guichet-tracker>

<!-- Or load this very build from your own copy of dist/ (one folder per version), checked by the browser: -->
<!-- <script type="module" src="https://cdn.example.org/guichet/${version}/guichet.js" integrity="${integrity}" crossorigin="anonymous"></script> -->
`;
}

export function writeCdnFiles({ dist, version }) {
  const chunks = chunksOf(dist);
  const themes = existsSync(join(dist, 'themes'))
    ? readdirSync(join(dist, 'themes'))
        .filter((name) => name.endsWith('.css'))
        .sort()
        .map((name) => `themes/${name}`)
    : [];
  const hashes = Object.fromEntries(['guichet.js', ...chunks, ...themes].map((f) => [f, sri(join(dist, f))]));
  writeFileSync(join(dist, 'guichet.js.sri'), `${hashes['guichet.js']}\n`);
  writeFileSync(join(dist, 'integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);
  const integrity = hashes['guichet.js'];
  const preloads = preloadsFor(dist, chunks, 'guichet-lazy-', hashes);
  writeFileSync(join(dist, 'snippet.html'), snippetHtml({ version, integrity, preloads }));
  const trackerPreloads = preloadsFor(dist, chunks, 'guichet-tracking-', hashes);
  writeFileSync(
    join(dist, 'tracker-snippet.html'),
    trackerSnippetHtml({ version, integrity, preloads: trackerPreloads }),
  );
}
