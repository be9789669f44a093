/**
 * The ajv that pages run: packages/core/src/validation/guichet-ajv.ts bundled as one ES module,
 * with ajv built from the TypeScript sources its npm package ships (`ajv/lib`) instead of its
 * CommonJS `dist`. Same version, same code (read with Guichet's fixed options as constants, see
 * `fixedOptions`), same verdicts; but as ES modules its internal names are local bindings a
 * minifier can shorten and drop when unused, where CommonJS keeps every `exports.name` and
 * `(0, codegen_1._)` whole: the page's validator chunk is ~4.5 KB gzip smaller.
 * Used by the CDN build and the browser tests alike, so the tests run the ajv that ships.
 * Node (the endpoint, the CLI) keeps ajv's `dist`.
 *
 * Kept because it survives a change of ajv's minor version without porting work: built from ajv
 * 8.18.0 (the minor before 8.20; there is no 8.19 and no later one yet) with this file unchanged,
 * the build passes and so do the page-ajv, verdict, keyword and lazy-ajv tests
 * (`node scripts/ajv-version-check.mjs 8.18.0`). An ajv too old for it (8.6.0) fails the build.
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

/**
 * ajv's advice to developers who pass an option it removed or deprecated ("`validateFormats: false`
 * can be used instead.", …): ~0.3 KB gzip of text no page can ever show, since pages construct
 * ajv in one place only (packages/core/src/validation/ajv-instance.ts) with none of those options.
 * The two tables become empty, so the checks that read them find nothing.
 */
const optionAdvice = {
  'core.ts': ['removedOptions', 'deprecatedOptions'],
};

/**
 * The options Guichet's ajv always runs with, wherever it runs (packages/core/src/validation/
 * ajv-instance.ts passes them or ajv derives them from `strict: false`; a Node test checks each
 * value against a live instance). In the page's build, ajv's compiler reads them as constants:
 * the minifier then drops what only other values need (type coercion, defaults, removing
 * properties, strict-mode warnings, `$comment` hooks, verbose and message errors): ~1.1 KB gzip.
 * Read in ajv's compiler and keywords only (compile/ and vocabularies/, not the code generator,
 * whose own `opts` are another object); each must be read somewhere, or the build stops.
 */
export const fixedOptions = {
  allErrors: true,
  unevaluated: true,
  coerceTypes: false,
  useDefaults: false,
  removeAdditional: false,
  $comment: false,
  messages: false,
  verbose: false,
  passContext: false,
  discriminator: false,
  strictSchema: false,
  strictNumbers: false,
  strictTypes: false,
  strictRequired: false,
};
const optionRead = new RegExp(
  `(?<![\\w$.])(?:(?:it|this)\\.)?opts\\.(${Object.keys(fixedOptions)
    .map((name) => name.replace('$', '\\$'))
    .join('|')})(?![\\w$])(?!\\s*=[^=])`,
  'g',
);
const readsOptions = (relative) =>
  /^(compile|vocabularies)\//.test(relative) && !relative.startsWith('compile/codegen/');

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
    const optionsRead = new Set();
    pluginBuild.onStart(() => optionsRead.clear());
    pluginBuild.onEnd((result) => {
      const unread = Object.keys(fixedOptions).filter((name) => !optionsRead.has(name));
      if (result.errors.length === 0 && unread.length > 0)
        throw new Error(`ajv-for-pages: ajv's compiler no longer reads opts.${unread.join(', opts.')}`);
    });
    for (const filter of unused) {
      pluginBuild.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'unused-by-guichet' }));
    }
    pluginBuild.onLoad({ filter: /.*/, namespace: 'unused-by-guichet' }, () => ({ contents: '{}', loader: 'json' }));
    pluginBuild.onResolve({ filter: /^ajv\/dist\// }, (args) => ({
      path: ajvSourcePath(args.path.slice('ajv/dist/'.length)),
    }));
    pluginBuild.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(ajvLib)) return undefined;
      let contents = readFileSync(args.path, 'utf8');
      const relative = args.path.slice(ajvLib.length + 1);
      for (const name of namespaceImports[relative] ?? []) {
        const from = new RegExp(`import \\* as (\\w+) from "${name}"`);
        if (!from.test(contents))
          throw new Error(`ajv-for-pages: ajv/lib/${relative} no longer imports ${name} as a namespace`);
        contents = contents.replace(from, `import $1 from "${name}"`);
      }
      if (readsOptions(relative)) {
        contents = contents.replace(optionRead, (_read, name) => {
          optionsRead.add(name);
          return JSON.stringify(fixedOptions[name]);
        });
      }
      for (const name of optionAdvice[relative] ?? []) {
        const table = new RegExp(`(const ${name}: [^=]+= )\\{[\\s\\S]*?\\n\\}`);
        if (!table.test(contents))
          throw new Error(`ajv-for-pages: ajv/lib/${relative} no longer holds the table ${name}`);
        contents = contents.replace(table, '$1{} as never');
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
