// `npm run build`: declarations with tsc, JavaScript with rollup (see rollup.config.mjs), then
// each package's declarations copied beside its JavaScript.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeCdnFiles } from './lib/cdn-files.mjs';
import { writeCompressedCopies } from './lib/precompress.mjs';

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
    if (statSync(path).isFile() && statSync(path).mtimeMs < started && /\.(js|js\.map|br|gz)$/.test(path)) rmSync(path);
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

// Subresource Integrity, and the snippet to paste (scripts/lib/cdn-files.mjs).
writeCdnFiles({
  dist: 'dist',
  version: JSON.parse(readFileSync('packages/elements/package.json', 'utf8')).version,
});

// What the endpoint sends a browser that accepts compression (scripts/lib/precompress.mjs).
writeCompressedCopies('dist');
