// `npm run build`: an ESM build of each package (its dependencies external, one module per
// source file) and the single-file CDN bundle `dist/guichet.js` (Lit included, minified) with
// its lazily loaded chunks beside it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import commonjs from '@rollup/plugin-commonjs';
import esbuild from 'rollup-plugin-esbuild';
import minifyHtml from '@lit-labs/rollup-plugin-minify-html-literals';
import { templateMinifiers } from './scripts/lib/template-minifier.mjs';
import { ajvCommonJsDependencies, bundleGuichetAjv, guichetAjvSource } from './scripts/lib/ajv-for-pages.mjs';
import { publicEntry } from './scripts/lib/public-entry.mjs';
import { preloadImports } from './scripts/lib/preload-imports.mjs';
import { retryImports } from './scripts/lib/retry-imports.mjs';
import { dts } from 'rollup-plugin-dts';

const packages = {
  core: ['index.ts', 'standalone.ts', 'open311/index.ts'],
  elements: ['index.ts', 'guichet-form.ts', 'guichet-tracker.ts', 'guichet-desk.ts'],
  endpoint: ['index.ts', 'main.ts'],
  cli: ['index.ts', 'main.ts'],
};

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');
const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', loaders: { '.json': 'json' } });

const packageBuilds = Object.entries(packages).map(([name, entries]) => ({
  input: entries.map((entry) => `packages/${name}/src/${entry}`).filter((path) => existsSync(path)),
  name,
  external: (id) => isBare(id) || id.startsWith('node:'),
  plugins: name === 'elements' ? [...templateMinifiers().map(minifyHtml), ts()] : [ts()],
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

/** Pages get ajv as ES modules built from its sources (see scripts/lib/ajv-for-pages.mjs). */
const ajvForPages = () => ({
  name: 'ajv-for-pages',
  load: (id) => (id === guichetAjvSource ? bundleGuichetAjv({ commonJsExternal: true }) : null),
});

const cdn = {
  input: 'packages/elements/src/index.ts',
  // The lazily loaded chunks import what they share with the entry from guichet.js itself, so a
  // page loads one file before the elements work, not a stub and then the real code.
  preserveEntrySignatures: 'allow-extension',
  plugins: [
    ajvForPages(),
    nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'import', 'default'] }),
    ...templateMinifiers().map(minifyHtml),
    ts(),
    // ajv's two CommonJS dependencies, hoisted as plain functions (no runtime wrapper).
    commonjs({ include: ajvCommonJsDependencies.map((name) => `**/node_modules/${name}/**`) }),
    terser({ format: { comments: false }, ecma: 2022, module: true, compress: { passes: 2 } }),
    // Exports the public API only: the chunks get what they share with the entry another way.
    publicEntry({ entry: 'guichet.js', input: resolve('packages/elements/src/index.ts'), anchor: 'registerAdapter' }),
    preloadImports({ entry: 'guichet.js' }),
    retryImports(),
  ],
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: 'guichet.js',
    chunkFileNames: 'guichet-[name]-[hash].js',
    sourcemap: true,
  },
};

/**
 * The agents' desk as its own file, `dist/guichet-desk.js` (Lit included): the citizens' bundle
 * does not carry a byte of it, and the desk's page loads nothing else.
 */
const desk = {
  input: 'packages/elements/src/guichet-desk.ts',
  plugins: [
    // Core's index reaches ajv; tree-shaking leaves none of it in the desk, but rollup reads it.
    ajvForPages(),
    nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'import', 'default'] }),
    ...templateMinifiers().map(minifyHtml),
    ts(),
    commonjs({ include: ajvCommonJsDependencies.map((name) => `**/node_modules/${name}/**`) }),
    terser({ format: { comments: false }, ecma: 2022, module: true, compress: { passes: 2 } }),
  ],
  output: { file: 'dist/guichet-desk.js', format: 'es', sourcemap: true, inlineDynamicImports: true },
};

/**
 * The CDN bundle's types (dist/guichet.d.ts), for a page written in TypeScript that imports it
 * by URL: its public API with what it names from @guichet/core inlined; Lit's stay Lit's. Made
 * from the declarations scripts/build.mjs has tsc write first.
 */
const cdnTypesInput = 'build/types/packages/elements/src/index.d.ts';
const cdnTypes = {
  input: cdnTypesInput,
  external: (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/'),
  plugins: [
    dts({
      compilerOptions: {
        baseUrl: '.',
        paths: { '@guichet/core': ['build/types/packages/core/src/index.d.ts'] },
      },
    }),
  ],
  output: { file: 'dist/guichet.d.ts', format: 'es' },
};

export default [
  ...packageBuilds.filter((build) => build.input.length > 0).map(({ name: _name, ...build }) => build),
  cdn,
  desk,
  ...(existsSync(cdnTypesInput) ? [cdnTypes] : []),
];
