import { loadDefinition, type Field, type FormModel } from '@guichet/core';
import { apiUrl } from './admin.js';
import { samplePdf, samplePng } from './sample-files.js';

/** The example forms the running endpoint serves. */
export async function exampleFormIds(): Promise<string[]> {
  const list = (await (await fetch(`${apiUrl()}/forms`)).json()) as { id: string }[];
  return list.map((form) => form.id);
}

export async function exampleModel(id: string): Promise<FormModel> {
  const result = loadDefinition(await (await fetch(`${apiUrl()}/forms/${id}`)).json());
  if (!result.ok) throw new Error(`${id}: ${result.error.message}`);
  return result.model;
}

function fileField(fields: readonly Field[], path: string[]): Field | undefined {
  const [name, ...rest] = path;
  const field = fields.find((f) => f.name === name);
  if (!field || rest.length === 0) return field;
  return fileField(field.fields ?? [], rest);
}

/**
 * The fixture's first valid answers, with each attachment id (which only a real upload can
 * produce) replaced by a file key and a real file of an accepted type, as <guichet-form> hands them over.
 */
export async function exampleAnswers(
  model: FormModel,
): Promise<{ data: Record<string, unknown>; files: Map<string, File> }> {
  const fixture = (await (await fetch(`/test/fixtures/forms-data/${model.id}.json`)).json()) as {
    valid: Record<string, unknown>[];
  };
  const files = new Map<string, File>();
  const walk = (value: unknown, path: string[]): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, path));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k])]));
    const field = fileField(model.fields, path);
    if (typeof value !== 'string' || field?.kind !== 'file') return value;
    const key = `file-${files.size + 1}`;
    files.set(key, field.constraints.accept?.some((type) => type.includes('pdf')) ? samplePdf() : samplePng());
    return key;
  };
  const data = walk(fixture.valid[0], []) as Record<string, unknown>;
  return { data, files };
}
