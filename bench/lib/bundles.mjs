// Builds each contender's page bundle with esbuild, the same way for all (minified ESM,
// production React); Guichet's own bundle is dist/ from the project build.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export async function buildContenders(benchDir) {
  // bench/peers/ is generated (git- and lint-ignored).
  const outdir = join(benchDir, 'peers');
  mkdirSync(outdir, { recursive: true });
  const entries = {
    rjsf: 'contenders/rjsf.jsx',
    jsonforms: 'contenders/jsonforms.jsx',
    floor: 'contenders/floor.js',
    // The time to the first question: each peer's page fetching its definition.
    'first-rjsf': 'first-question/rjsf.jsx',
    'first-jsonforms': 'first-question/jsonforms.jsx',
    'first-floor': 'first-question/floor.js',
  };
  for (const [name, entry] of Object.entries(entries)) {
    await build({
      absWorkingDir: benchDir,
      entryPoints: [join(benchDir, entry)],
      outfile: join(outdir, `${name}.js`),
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      jsx: 'automatic',
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    });
  }
  return outdir;
}
