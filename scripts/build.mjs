// `npm run build`: declarations with tsc, JavaScript with rollup (see rollup.config.mjs), then
// each package's declarations copied beside its JavaScript.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const started = Date.now();
rmSync('build/types', { recursive: true, force: true });
run('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json']);
run('node_modules/.bin/rollup', ['-c', 'rollup.config.mjs', '--silent']);
// Chunk names carry a content hash: drop what earlier builds left, once the new files are in
// place (a server may be serving dist/ while this runs).
for (const dir of ['dist', ...['core', 'elements', 'endpoint', 'cli'].map((name) => `packages/${name}/dist`)]) {
  if (!existsSync(dir)) continue;
  for (const entry of readdirSync(dir, { recursive: true })) {
    const path = join(dir, entry);
    if (statSync(path).isFile() && statSync(path).mtimeMs < started && /\.js(\.map)?$/.test(path)) rmSync(path);
  }
}
// The themes are host-page stylesheets: served beside the bundle (dist/themes/dsfr.css), so a
// page links them from where it loads guichet.js.
cpSync('packages/elements/themes', 'dist/themes', { recursive: true });
for (const name of ['core', 'elements', 'endpoint', 'cli']) {
  const types = `build/types/packages/${name}/src`;
  if (existsSync(types)) cpSync(types, `packages/${name}/dist`, { recursive: true });
}

// The custom-elements manifest (packages/elements/custom-elements.json), from the elements' JSDoc.
run(process.execPath, [
  'node_modules/@custom-elements-manifest/analyzer/cem.js',
  'analyze',
  '--config',
  'custom-elements-manifest.config.mjs',
  '--quiet',
]);

// Subresource Integrity for the CDN bundle: its hash, the hashes of the chunks it loads lazily
// (one integrity attribute covers one file; an import map can pin the others, see
// docs/embedding.md), and a snippet ready to paste.
const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
const chunks = new Set();
const pending = ['guichet.js'];
while (pending.length > 0) {
  const name = pending.pop();
  for (const [, chunk] of readFileSync(`dist/${name}`, 'utf8').matchAll(/["'`]\.\/(guichet-[\w-]+\.js)["'`]/g)) {
    if (!chunks.has(chunk)) {
      chunks.add(chunk);
      pending.push(chunk);
    }
  }
}
const themes = readdirSync('dist/themes')
  .filter((name) => name.endsWith('.css'))
  .sort()
  .map((name) => `themes/${name}`);
const integrity = sri('dist/guichet.js');
writeFileSync('dist/guichet.js.sri', `${integrity}\n`);
writeFileSync(
  'dist/integrity.json',
  `${JSON.stringify(Object.fromEntries(['guichet.js', ...[...chunks].sort(), ...themes].map((f) => [f, sri(`dist/${f}`)])), null, 2)}\n`,
);
const version = JSON.parse(readFileSync('packages/elements/package.json', 'utf8')).version;
writeFileSync(
  'dist/snippet.html',
  `<!-- Guichet ${version}: paste where the form should appear. Your Guichet endpoint serves this script (and its chunks and themes) under /dist/: replace https://gru.example.org with its address. -->
<script type="module" src="https://gru.example.org/dist/guichet.js"></script>
<guichet-form src="https://gru.example.org/api/forms/signalement-voirie" endpoint="https://gru.example.org/api" lang="fr"></guichet-form>

<!-- Or load this very build from your own copy of dist/ (one folder per version), checked by the browser: -->
<!-- <script type="module" src="https://cdn.example.org/guichet/${version}/guichet.js" integrity="${integrity}" crossorigin="anonymous"></script> -->
`,
);
