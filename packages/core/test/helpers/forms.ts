import assert from 'node:assert/strict';
import {
  compileRuntimeValidators,
  createValidator,
  loadDefinition,
  type FormModel,
  type FormValidator,
} from '@guichet/core';

/** A minimal valid definition around `schema` (the data schema) and optional `ui`/`translations`. */
export function definition(
  schema: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { id: 'essai', version: '1.0.0', title: 'Essai', schema: { type: 'object', ...schema }, ...extra };
}

export function load(def: unknown): FormModel {
  const result = loadDefinition(def);
  if (!result.ok) assert.fail(`definition rejected: ${JSON.stringify(result.error.problems, null, 1)}`);
  return result.model;
}

export async function setup(
  schema: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<{ model: FormModel; validator: FormValidator }> {
  const model = load(definition(schema, extra));
  return { model, validator: createValidator(model, await compileRuntimeValidators(model)) };
}
