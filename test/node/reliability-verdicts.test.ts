/**
 * One validation, three places: for random definitions as authors write them (every common
 * conditional shape, nested ones, answers that may be null: test/helpers/arbitrary-definition.ts)
 * and random answers, the standalone validator (compiled by compileStandalone, imported from a
 * file as a page under a strict CSP would), the runtime validator, the runtime validator as pages
 * build it (ajv from its TypeScript sources, see scripts/lib/ajv-for-pages.mjs) and the endpoint
 * (201 or 422) agree; and so does any standard validator (ajv's own Ajv2020 on the schema as
 * written) on what Guichet sends. What is sent follows the rule of docs/definition-format.md
 * ("when a field shows"), written out for each shape by the generator: a switched field's answer
 * is sent exactly when the field shows.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { build } from 'esbuild';
import {
  compileRuntimeValidators,
  createValidator,
  isEmpty,
  isRecord,
  loadDefinition,
  loadStandaloneValidators,
  type Field,
  type FormValidator,
} from '@guichet/core';
import { compileStandalone } from '@guichet/core/standalone';
import type { FormDefinition } from '../../packages/core/src/generated/form-definition.js';
import type { CompiledValidators } from '../../packages/core/src/validation/compiled.js';
import { ajvFromSources } from '../../scripts/lib/ajv-for-pages.mjs';
import { generatedForm, type GeneratedForm, type Visible } from '../helpers/arbitrary-definition.js';
import { standardValidator } from '../helpers/standard-validator.js';
import { startEndpoint, type RunningEndpoint } from '../helpers/endpoint.js';

const formCount = 16;
const answersPerForm = 60;
const seed = 20261129;

describe('the same verdict from the standalone validator, the runtime validator and the endpoint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-verdicts-'));
  const forms: GeneratedForm[] = fc
    .sample(generatedForm('x'), { numRuns: formCount, seed })
    .map((form, i) => ({ ...form, definition: { ...form.definition, id: `aleatoire-${i}` } }));
  let endpoint: RunningEndpoint;
  let compileInPage: (definition: FormDefinition) => CompiledValidators;

  before(async () => {
    // The page's compiler, bundled as the CDN build bundles it, run here on the same forms.
    const pageCompiler = join(dir, 'page-compiler.mjs');
    await build({
      entryPoints: ['packages/core/src/validation/runtime-compiler.ts'],
      plugins: [ajvFromSources],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: pageCompiler,
      logLevel: 'silent',
    });
    ({ compileRuntime: compileInPage } = (await import(pathToFileURL(pageCompiler).href)) as {
      compileRuntime: typeof compileInPage;
    });
    mkdirSync(join(dir, 'forms'));
    for (const form of forms)
      writeFileSync(join(dir, 'forms', `${form.definition.id}.json`), JSON.stringify(form.definition, null, 2));
    endpoint = await startEndpoint({ formsDir: join(dir, 'forms') });
  });
  after(async () => {
    await endpoint?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${formCount} random forms × ${answersPerForm} random answers`, { timeout: 120_000 }, async () => {
    const verdicts = { 201: 0, 422: 0 };
    const switched = { shown: 0, hidden: 0 };
    for (const [i, form] of forms.entries()) {
      const loaded = loadDefinition(form.definition);
      assert.ok(loaded.ok, `form ${i} is within the subset: ${JSON.stringify(!loaded.ok && loaded.error.problems)}`);
      const model = loaded.model;
      const modulePath = join(dir, `${model.id}.mjs`);
      writeFileSync(modulePath, await compileStandalone(form.definition as unknown as FormDefinition));
      const standalone: FormValidator = createValidator(
        model,
        await loadStandaloneValidators(pathToFileURL(modulePath).href),
      );
      const runtime: FormValidator = createValidator(model, await compileRuntimeValidators(model));
      const inPage: FormValidator = createValidator(model, compileInPage(form.definition as unknown as FormDefinition));
      const standard = standardValidator(form.definition.schema);

      await fc.assert(
        fc.asyncProperty(form.answers, async (data) => {
          const inStandalone = standalone.validate(data, { lang: 'fr' });
          const inRuntime = runtime.validate(data, { lang: 'fr' });
          assert.deepEqual(inStandalone, inRuntime, 'standalone and runtime errors');
          assert.deepEqual(inPage.validate(data, { lang: 'fr' }), inRuntime, "the page's and Node's runtime errors");
          const sent = runtime.activeData(data);
          for (const { path, shown } of form.shows(sent)) {
            const field = fieldAt(model.fields, path);
            assert.equal(
              runtime.isActive(field, at(data, path.slice(0, -1))),
              shown,
              `the page shows /${path.join('/')}`,
            );
            // Shown and answered, it is sent; hidden, it is not (shown and left empty, it may be sent as null).
            if (shown && isEmpty(at(data, path))) continue;
            assert.equal(
              at(sent, path) !== undefined,
              shown,
              `/${path.join('/')} ${shown ? 'shows' : 'is hidden'}: sent ${JSON.stringify(sent)} from ${JSON.stringify(data)}`,
            );
            switched[shown ? 'shown' : 'hidden']++;
          }
          assert.equal(
            standard(sent),
            inRuntime.length === 0,
            `a standard validator's verdict on ${JSON.stringify(sent)}`,
          );
          const response = await fetch(`${endpoint.url}/api/forms/${model.id}/submissions`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
            body: JSON.stringify({ formVersion: model.version, channel: 'web', lang: 'fr', data }),
          });
          const body = (await response.json()) as { errors?: { pointer: string }[] };
          const expected = inRuntime.length === 0 ? 201 : 422;
          verdicts[expected]++;
          assert.equal(
            response.status,
            expected,
            `endpoint verdict for ${JSON.stringify(data)} on ${JSON.stringify(form.definition.schema)}: ${JSON.stringify(body)}`,
          );
          if (expected === 422) {
            assert.deepEqual(
              new Set((body.errors ?? []).map((e) => e.pointer)),
              new Set(inRuntime.map((e) => e.pointer)),
              'the same fields in error',
            );
          }
        }),
        { numRuns: answersPerForm, seed: seed + i },
      );
    }
    // Both verdicts were exercised, not only one, and so were the shapes authors write.
    assert.ok(verdicts[201] >= 20 && verdicts[422] >= 20, JSON.stringify(verdicts));
    assert.ok(switched.shown >= 50 && switched.hidden >= 50, JSON.stringify(switched));
    const schemas = JSON.stringify(forms.map((f) => f.definition.schema));
    for (const shape of [
      '"then":{"properties":{',
      '"then":{"required":[',
      '"dependentRequired"',
      '"dependentSchemas"',
      '"null"',
      '"additionalProperties":false',
      '"items":{"type":"object"',
    ])
      assert.ok(schemas.includes(shape), `a random form uses ${shape}`);
  });
});

/** The value at `path` (names and item indexes), or undefined. */
function at(data: unknown, path: Visible['path']): unknown {
  let node = data;
  for (const step of path) {
    if (typeof step === 'number') node = Array.isArray(node) ? node[step] : undefined;
    else node = isRecord(node) && Object.hasOwn(node, step) ? node[step] : undefined;
  }
  return node;
}

/** The field at `path` (item indexes left out). */
function fieldAt(fields: Field[], path: Visible['path']): Field {
  let field: Field | undefined;
  let level = fields;
  for (const step of path) {
    if (typeof step === 'number') continue;
    field = level.find((f) => f.name === step);
    assert.ok(field, `a field at /${path.join('/')}`);
    level = field.fields ?? [];
  }
  assert.ok(field);
  return field;
}
