// ajv compiles with `new Function`: it must stay out of what a page loads first, so that a page
// under a strict CSP (using precompiled validators) never loads it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

describe('ajv loads lazily', () => {
  it('nothing statically imported from index.ts imports ajv', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      outdir: 'out',
      write: false,
      metafile: true,
      conditions: ['source'],
      logLevel: 'silent',
    });
    const outputs = Object.entries(result.metafile.outputs);
    const entry = outputs.find(([, o]) => o.entryPoint?.endsWith('index.ts'));
    assert.ok(entry, 'the entry chunk');
    const staticChunks = new Set<string>([entry[0]]);
    for (const name of staticChunks) {
      for (const imported of result.metafile.outputs[name]?.imports ?? []) {
        if (imported.kind === 'import-statement') staticChunks.add(imported.path);
      }
    }
    const eager = [...staticChunks].flatMap((name) => Object.keys(result.metafile.outputs[name]?.inputs ?? {}));
    assert.deepEqual(
      eager.filter((input) => /node_modules\/ajv/.test(input)),
      [],
    );
    const lazy = outputs.filter(([name]) => !staticChunks.has(name)).flatMap(([, o]) => Object.keys(o.inputs));
    assert.ok(
      lazy.some((input) => /node_modules\/ajv\//.test(input)),
      'ajv is in a lazily loaded chunk',
    );
    assert.ok(lazy.some((input) => input.endsWith('runtime-compiler.ts')));
  });
});
