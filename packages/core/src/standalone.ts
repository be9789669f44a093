/**
 * `@guichet/core/standalone` (Node only): a form's validators as an ES module that runs without
 * `new Function` or `eval`, for pages under a strict Content-Security-Policy. The endpoint serves
 * it; `loadStandaloneValidators(url)` imports it.
 *
 * It bundles with esbuild, a native binary that pages and their build never need: esbuild is an
 * optional peer of @guichet/core, a dependency of the endpoint and the CLI, which compile.
 */
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { fileURLToPath } from 'node:url';
import type { FormDefinition } from './generated/form-definition.js';
import { createAjv, FORM_SCHEMA_ID, fragmentOf } from './validation/ajv-instance.js';
import { prepareSchema } from './validation/prepare-schema.js';
import { conditionPointers } from './model/schema-walk.js';

const standaloneCode = ((standaloneCodeModule as unknown as { default?: typeof standaloneCodeModule }).default ??
  standaloneCodeModule) as typeof standaloneCodeModule;

/** Where ajv's runtime helpers resolve from when the module is bundled. */
const resolveDir = fileURLToPath(new URL('.', import.meta.url));
/** Our formats, bundled in (esbuild finds formats.ts beside the sources, formats.js in dist). */
const formatsModule = fileURLToPath(new URL('./validation/formats.js', import.meta.url));

export async function compileStandalone(definition: FormDefinition): Promise<string> {
  const ajv = createAjv({ source: true, esm: true, optimize: true }, formatsModule);
  const prepared = prepareSchema(definition.schema);
  ajv.addSchema(prepared.schema, FORM_SCHEMA_ID);
  const pointers = conditionPointers(definition.schema);
  const exports: Record<string, string> = { validate: FORM_SCHEMA_ID };
  pointers.forEach((pointer, i) => {
    exports[`condition${i}`] = fragmentOf(prepared.translate(pointer));
  });
  const source =
    standaloneCode(ajv, exports) +
    `\nexport const conditions = {${pointers.map((p, i) => `${JSON.stringify(p)}: condition${i}`).join(', ')}};\n`;
  // ajv's ESM output still require()s its runtime helpers and formats: bundle them in.
  const { build } = await loadEsbuild();
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    write: false,
  });
  const output = result.outputFiles[0]?.text ?? '';
  if (/new Function|\beval\(/.test(output)) throw new Error('The standalone validator would need eval');
  return `// Guichet validator for "${definition.id}" ${definition.version}: generated, do not edit.\n${output}`;
}

async function loadEsbuild(): Promise<typeof import('esbuild')> {
  try {
    return await import('esbuild');
  } catch (error) {
    throw new Error(
      'Compiling a standalone validator needs esbuild: install it beside @guichet/core (npm install esbuild).',
      { cause: error },
    );
  }
}
