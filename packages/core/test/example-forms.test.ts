// Every definition in schemas/forms/ loads with no problem, in both languages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDefinition, readServedDefinition, type Field } from '@guichet/core';

const formsDir = fileURLToPath(new URL('../../../schemas/forms/', import.meta.url));

const walk = (fields: Field[]): Field[] => fields.flatMap((f) => [f, ...walk(f.fields ?? [])]);

describe('example forms', () => {
  for (const file of readdirSync(formsDir).filter((f) => f.endsWith('.json'))) {
    it(`${file} loads`, () => {
      const result = loadDefinition(readFileSync(formsDir + file, 'utf8'));
      assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.error.problems, null, 1));
      const { model } = result;
      assert.ok(model.steps.length >= 1);
      for (const field of walk(model.fields)) {
        assert.ok(field.label.fr && field.label.en, `${field.path} has a label in both languages`);
      }
    });

    it(`${file} served by the endpoint: the page builds the same model without the checks`, () => {
      const text = readFileSync(formsDir + file, 'utf8');
      const checked = loadDefinition(text);
      assert.ok(checked.ok);
      assert.deepEqual(readServedDefinition(text), checked.model);
      assert.deepEqual(readServedDefinition(JSON.parse(text)), checked.model);
    });
  }

  it('a served definition whose model cannot be built is left to the full reader', () => {
    for (const mangled of ['{"id": "x"', '[]', 'null', '{"id": "x", "schema": 3}'])
      assert.equal(readServedDefinition(mangled), undefined, JSON.stringify(mangled));
  });
});
