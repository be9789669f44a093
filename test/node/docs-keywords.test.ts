/**
 * docs/definition-format.md says what Guichet does with each JSON Schema 2020-12 keyword: every
 * keyword of the 2020-12 vocabularies (read from the meta-schemas ajv ships) has its row, and so
 * has every keyword the definition meta-schema lets a schema node use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const metaDir = join(
  dirname(createRequire(import.meta.url).resolve('ajv/package.json')),
  'dist/refs/json-schema-2020-12/meta',
);
const docs = readFileSync('docs/definition-format.md', 'utf8');
/** The keywords named in the first column of the keyword tables. */
const rows = new Set(
  docs
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([$\w]+)/g)].map((m) => m[1])),
);

test('every keyword of the 2020-12 vocabularies has its row in the docs', () => {
  const vocabularies = readdirSync(metaDir).filter((file) => file.endsWith('.json'));
  assert.deepEqual(vocabularies.sort(), [
    'applicator.json',
    'content.json',
    'core.json',
    'format-annotation.json',
    'meta-data.json',
    'unevaluated.json',
    'validation.json',
  ]);
  const keywords = vocabularies.flatMap((file) =>
    Object.keys((JSON.parse(readFileSync(join(metaDir, file), 'utf8')) as { properties: object }).properties),
  );
  assert.ok(keywords.length >= 50, `${keywords.length} keywords`);
  assert.deepEqual(
    keywords.filter((keyword) => !rows.has(keyword)),
    [],
  );
});

test('every keyword a schema node may use is in the docs', () => {
  const meta = JSON.parse(readFileSync('schemas/form-definition.schema.json', 'utf8')) as {
    $defs: { schemaNode: { properties: object } };
  };
  assert.deepEqual(
    Object.keys(meta.$defs.schemaNode.properties).filter((keyword) => !rows.has(keyword)),
    [],
  );
});
