/**
 * The ajv that pages run: packages/core/src/validation/guichet-ajv.ts bundled as one ES module,
 * with ajv built from the TypeScript sources its npm package ships (`ajv/lib`) instead of its
 * CommonJS `dist`. Same version, same code, same verdicts; but as ES modules its internal names
 * are local bindings a minifier can shorten and drop when unused, where CommonJS keeps every
 * `exports.name` and `(0, codegen_1._)` whole: the page's validator chunk is ~4.5 KB gzip smaller.
 * Used by the CDN build and the browser tests alike, so the tests run the ajv that ships.
 * Node (the endpoint, the CLI) keeps ajv's `dist`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const guichetAjvSource = join(root, 'packages/core/src/validation/guichet-ajv.ts');
const ajvLib = join(dirname(createRequire(import.meta.url).resolve('ajv/package.json')), 'lib');

/**
 * What ajv imports and Guichet's ajv never uses, replaced by empty modules: fast-uri, ajv's
 * default URI resolver (guichet-ajv.ts gives it the platform's URL instead, see uri-resolver.ts),
 * and the `$data` meta-schema, which ajv adds only with both `meta` and `$data` on (Guichet's
 * ajv runs with `meta: false` and without `$data`).
 */
const unused = [/^fast-uri$/, /^\.\/refs\/data\.json$/];

/**
 * ajv's sources import three CommonJS packages as namespaces and call them (`traverse(…)`), which
 * TypeScript's CommonJS output allows and ES modules do not: they become default imports. Each
 * file must still hold what is replaced, so an ajv upgrade that changes them stops the build.
 */
const namespaceImports = {
  'compile/resolve.ts': ['fast-deep-equal', 'json-schema-traverse'],
  'runtime/equal.ts': ['fast-deep-equal'],
  'runtime/uri.ts': ['fast-uri'],
};

function ajvSourcePath(subpath) {
  const base = join(ajvLib, subpath.replace(/\.js$/, ''));
  if (existsSync(`${base}.ts`)) return `${base}.ts`;
  if (existsSync(join(base, 'index.ts'))) return join(base, 'index.ts');
  throw new Error(`ajv-for-pages: no TypeScript source for ajv/dist/${subpath} in ${ajvLib}`);
}

/** esbuild plugin: `ajv/dist/…` imports built from ajv's own TypeScript sources, as pages get them. */
export const ajvFromSources = {
  name: 'ajv-from-sources',
  setup(pluginBuild) {
    for (const filter of unused) {
      pluginBuild.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'unused-by-guichet' }));
    }
    pluginBuild.onLoad({ filter: /.*/, namespace: 'unused-by-guichet' }, () => ({ contents: '{}', loader: 'json' }));
    pluginBuild.onResolve({ filter: /^ajv\/dist\// }, (args) => ({ path: ajvSourcePath(args.path.slice('ajv/dist/'.length)) }));
    pluginBuild.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(ajvLib)) return undefined;
      let contents = readFileSync(args.path, 'utf8');
      const relative = args.path.slice(ajvLib.length + 1);
      for (const name of namespaceImports[relative] ?? []) {
        const from = new RegExp(`import \\* as (\\w+) from "${name}"`);
        if (!from.test(contents)) throw new Error(`ajv-for-pages: ajv/lib/${relative} no longer imports ${name} as a namespace`);
        contents = contents.replace(from, `import $1 from "${name}"`);
      }
      return { contents, loader: 'ts' };
    });
  },
};

/** The two CommonJS packages ajv needs (see `bundleGuichetAjv`). */
export const ajvCommonJsDependencies = ['fast-deep-equal', 'json-schema-traverse'];

/**
 * guichet-ajv.ts and the ajv it needs, as one unminified ES module: `{ code, map }`.
 * With `commonJsExternal`, ajv's two CommonJS dependencies stay imports, for a bundler that
 * converts CommonJS without esbuild's runtime wrappers (the CDN build: @rollup/plugin-commonjs).
 */
export async function bundleGuichetAjv({ commonJsExternal = false } = {}) {
  const result = await build({
    entryPoints: [guichetAjvSource],
    plugins: [ajvFromSources],
    external: commonJsExternal ? ajvCommonJsDependencies : [],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // ajv's classes are written for TypeScript's own class fields (no define semantics).
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
    sourcemap: 'external',
    // Beside its source, so the map's paths resolve from the module's own folder.
    outfile: guichetAjvSource.replace(/\.ts$/, '.js'),
    write: false,
    logLevel: 'silent',
  });
  const file = (suffix) => result.outputFiles.find((output) => output.path.endsWith(suffix)).text;
  return { code: file('.js'), map: JSON.parse(file('.js.map')) };
}
