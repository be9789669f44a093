/**
 * The OpenAPI document as served: `schemas/protocol/openapi.json` refers to the protocol schemas
 * by file name (handy in the repository and for tools reading files); the served copy carries
 * them inline under components.schemas, each keeping its `$id`, so it stands alone.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

type Schemas = Record<string, { $ref?: string }>;

export async function loadOpenApi(protocolDir: string): Promise<unknown> {
  const document = JSON.parse(await readFile(join(protocolDir, 'openapi.json'), 'utf8')) as {
    components: { schemas: Schemas };
  };
  const schemas = document.components.schemas;
  for (const [name, schema] of Object.entries(schemas)) {
    if (typeof schema.$ref === 'string' && schema.$ref.endsWith('.json')) {
      schemas[name] = JSON.parse(await readFile(join(protocolDir, schema.$ref), 'utf8')) as Schemas[string];
    }
  }
  return document;
}
