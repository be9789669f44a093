// Precompiled validators (for pages under a strict CSP) give the same verdicts and the same
// messages as the ones compiled in the page, on every example form and its sample answers.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileRuntimeValidators, createValidator, loadStandaloneValidators, type Language } from '@guichet/core';
import { compileStandalone } from '@guichet/core/standalone';
import { load } from './helpers/forms.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const formsDir = join(root, 'schemas/forms');
const dataDir = join(root, 'test/fixtures/forms-data');
const tmp = mkdtempSync(join(tmpdir(), 'guichet-standalone-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface Fixtures {
  valid: unknown[];
  invalid: { data: unknown; errors: string[] }[];
}

const forms = readdirSync(formsDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('standalone validators', () => {
  it('there are example forms to compare on', () => assert.ok(forms.length >= 6, `${forms.length} forms`));

  for (const file of forms) {
    it(`${file}: same verdicts and errors as the runtime validator`, async () => {
      const model = load(readFileSync(join(formsDir, file), 'utf8'));
      const source = await compileStandalone(model.definition);
      assert.ok(!source.includes('new Function'), 'no new Function');
      assert.ok(!source.includes('eval('), 'no eval(');
      // ajv's runtime helpers keep a `code` string naming their require(); a call would not be quoted.
      assert.ok(!/(?<!['"])\brequire\(/.test(source), 'no require() left');
      const path = join(tmp, `${model.id}.mjs`);
      writeFileSync(path, source);
      const standalone = await loadStandaloneValidators(pathToFileURL(path).href);
      const runtime = await compileRuntimeValidators(model);
      assert.deepEqual(Object.keys(standalone.conditions).sort(), Object.keys(runtime.conditions).sort());
      const a = createValidator(model, runtime);
      const b = createValidator(model, standalone);
      const fixtures = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as Fixtures;
      const samples = [...fixtures.valid, ...fixtures.invalid.map((i) => i.data)];
      assert.ok(samples.length > 0);
      for (const data of samples) {
        assert.equal(runtime.validate(a.activeData(data)), standalone.validate(b.activeData(data)));
        for (const lang of ['fr', 'en'] as Language[]) {
          assert.deepEqual(b.validate(data, { lang }), a.validate(data, { lang }));
        }
      }
      for (const data of fixtures.valid) assert.deepEqual(b.validate(data, { lang: 'fr' }), []);
      for (const { data, errors } of fixtures.invalid) {
        assert.deepEqual(
          b
            .validate(data, { lang: 'fr' })
            .map((e) => e.pointer)
            .sort(),
          [...errors].sort(),
        );
      }
    });
  }

  it('a form without conditions exports an empty conditions map', async () => {
    const model = load({
      id: 'simple',
      version: '1.0.0',
      title: 'Simple',
      schema: { type: 'object', properties: { a: { type: 'string', pattern: '^a' } } },
    });
    const path = join(tmp, 'simple.mjs');
    writeFileSync(path, await compileStandalone(model.definition));
    const compiled = await loadStandaloneValidators(pathToFileURL(path).href);
    assert.deepEqual(compiled.conditions, {});
    assert.equal(compiled.validate({ a: 'b' }), false);
    assert.equal(compiled.validate({ a: 'ab' }), true);
  });

  it('refuses a module that is not a validator', async () => {
    const path = join(tmp, 'other.mjs');
    writeFileSync(path, 'export const x = 1;\n');
    await assert.rejects(loadStandaloneValidators(pathToFileURL(path).href), /not a Guichet validator/);
  });
});

describe('standalone conditions', () => {
  it('include an if nested in a dependentSchemas branch, like the runtime ones', async () => {
    const model = load({
      id: 'nested',
      version: '1.0.0',
      title: 'Nested',
      schema: {
        type: 'object',
        properties: { quotient: { type: 'integer' } },
        dependentSchemas: {
          quotient: {
            properties: { hasCaf: { type: 'boolean' } },
            if: { properties: { hasCaf: { const: true } }, required: ['hasCaf'] },
            then: { properties: { caf: { type: 'string' } } },
          },
        },
      },
    });
    const path = join(tmp, 'nested.mjs');
    writeFileSync(path, await compileStandalone(model.definition));
    const standalone = await loadStandaloneValidators(pathToFileURL(path).href);
    const runtime = await compileRuntimeValidators(model);
    for (const compiled of [standalone, runtime]) {
      const condition = compiled.conditions['/dependentSchemas/quotient/if'];
      assert.ok(condition);
      assert.equal(condition({ hasCaf: true }), true);
      assert.equal(condition({ hasCaf: false }), false);
    }
  });
});

describe('who installs esbuild', () => {
  const manifest = (name: string) =>
    JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };

  it('only the packages that compile: a page consuming @guichet/core installs no native binary', () => {
    assert.equal(manifest('core').dependencies?.esbuild, undefined);
    assert.equal(manifest('core').peerDependenciesMeta?.esbuild?.optional, true);
    assert.ok(manifest('endpoint').dependencies?.esbuild, 'the endpoint compiles the validators it serves');
    assert.ok(manifest('cli').dependencies?.esbuild, 'the CLI compiles validators at build time');
    assert.ok(!manifest('elements').dependencies?.esbuild);
  });
});
