import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
// @ts-expect-error: a plain ESM script without declarations
import { generate } from '../../scripts/codegen.mjs';

test('generated types and validators match their schemas (run `npm run codegen` when this fails)', async () => {
  const files: Map<string, string> = await generate();
  assert.ok(files.size >= 2);
  for (const [path, contents] of files) {
    assert.ok(existsSync(path), `${path} is missing`);
    assert.equal(readFileSync(path, 'utf8'), contents, `${path} is stale`);
  }
});
