/**
 * The OpenAPI document as served: `schemas/protocol/openapi.json` refers to the protocol schemas
 * by file name (handy in the repository); the served copy carries them inline under
 * components.schemas, each with its `$id`, so the document stands alone.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function loadOpenApi(protocolDir: string): Promise<unknown> {
  const document = JSON.parse(await readFile(join(protocolDir, 'openapi.json'), 'utf8')) as {
    components?: { schemas?: Record<string, unknown> };
  };
  const schemas: Record<string, unknown> = {};
  for (const file of (await readdir(protocolDir)).filter((name) => name.endsWith('.schema.json')).sort()) {
    const schema = JSON.parse(await readFile(join(protocolDir, file), 'utf8')) as { title?: string };
    schemas[schema.title ?? file] = schema;
  }
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas } };
  return document;
}
