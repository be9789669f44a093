// Writes the definition of every zod and TypeBox model (generator-models.ts) into the folder given
// as argument, one `{id}.json` each, for an endpoint to serve (web-test-runner.config.mjs).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionOf, typeboxModels, zodModels } from './generator-models.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: write-generator-forms.ts <dir>');
for (const model of [...zodModels, ...typeboxModels])
  writeFileSync(join(dir, `${model.id}.json`), JSON.stringify(definitionOf(model), null, 2));
