// `npm run build`: an ESM build of each package (its dependencies external, one module per
// source file) and the single-file CDN bundle `dist/guichet.js` (Lit included, minified) with
// its lazily loaded chunks beside it.
import { existsSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import minifyHtml from '@lit-labs/rollup-plugin-minify-html-literals';
import { templateMinifier } from './scripts/lib/template-minifier.mjs';
import { fastUriStandIn } from './scripts/lib/fast-uri-stand-in.mjs';

const packages = {
  core: ['index.ts', 'standalone.ts'],
  elements: ['index.ts', 'guichet-form.ts', 'guichet-tracker.ts'],
  endpoint: ['index.ts', 'main.ts'],
  cli: ['index.ts', 'main.ts'],
};

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');
const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', loaders: { '.json': 'json' } });

const packageBuilds = Object.entries(packages).map(([name, entries]) => ({
  input: entries.map((entry) => `packages/${name}/src/${entry}`).filter((path) => existsSync(path)),
  name,
  external: (id) => isBare(id) || id.startsWith('node:'),
  plugins: name === 'elements' ? [minifyHtml(templateMinifier()), ts()] : [ts()],
  output: {
    dir: `packages/${name}/dist`,
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: `packages/${name}/src`,
    sourcemap: true,
  },
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY') return;
    warn(warning);
  },
}));

/** ajv's default URI resolver, replaced by the platform's URL (see guichet-ajv.ts), stays out. */
const withoutFastUri = () => ({
  name: 'without-fast-uri',
  resolveId: (source) => (source === 'fast-uri' ? fastUriStandIn : null),
});

const cdn = {
  input: 'packages/elements/src/index.ts',
  plugins: [
    withoutFastUri(),
    nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'import', 'default'] }),
    minifyHtml(templateMinifier()),
    ts(),
    // ajv (in the lazily loaded runtime-compiler chunk) is CommonJS and requires JSON meta-schemas.
    json(),
    commonjs({ strictRequires: 'auto' }),
    terser({ format: { comments: false }, ecma: 2020, module: true, compress: { passes: 2 } }),
  ],
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: 'guichet.js',
    chunkFileNames: 'guichet-[name]-[hash].js',
    sourcemap: true,
  },
};

export default [...packageBuilds.filter((build) => build.input.length > 0).map(({ name: _name, ...build }) => build), cdn];
