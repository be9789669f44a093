// docs/first-form.md stays true: its definition is one the endpoint serves, and `guichet check`
// names the mistake the walkthrough shows where the walkthrough says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDefinition } from '@guichet/core';

const root = join(import.meta.dirname, '..', '..');
const walkthrough = readFileSync(join(root, 'docs/first-form.md'), 'utf8');

test('the walkthrough’s definition is valid, and guichet check points at the mistake it shows', () => {
  const json = /```json\n([^]*?)```/.exec(walkthrough)?.[1];
  assert.ok(json, 'no JSON block in docs/first-form.md');
  const definition = JSON.parse(json) as { id: string; schema: { properties: Record<string, { type: string }> } };
  const loaded = loadDefinition(definition);
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
  assert.ok(walkthrough.includes(`schemas/forms/${definition.id}.json`));

  const dir = mkdtempSync(join(tmpdir(), 'guichet-first-form-'));
  try {
    const file = join(dir, `${definition.id}.json`);
    definition.schema.properties.firstName!.type = 'texte';
    writeFileSync(file, JSON.stringify(definition));
    const checked = spawnSync(process.execPath, [join(root, 'packages/cli/bin/guichet.js'), 'check', file], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'fr_FR.UTF-8' },
    });
    assert.notEqual(checked.status, 0);
    const shown = /```\n(schemas\/forms\/[^`]+?)\n```/.exec(walkthrough)?.[1];
    assert.ok(shown, 'no check output in the walkthrough');
    assert.equal(
      (checked.stdout + checked.stderr).trim().replaceAll(file, `schemas/forms/${definition.id}.json`),
      shown,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
