// The custom-elements manifest is what editors, Storybook's docs pages and web teams read: it
// must be up to date with the JSDoc of the elements and document the whole public contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const committedPath = join(root, 'packages/elements/custom-elements.json');

interface Named {
  name: string;
  description?: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: Named[];
  members?: (Named & { kind: string; privacy?: string })[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const committed = JSON.parse(readFileSync(committedPath, 'utf8')) as Manifest;

function element(tag: string): Declaration {
  const found = committed.modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.customElement && d.tagName === tag);
  assert.ok(found, `<${tag}> is not in custom-elements.json`);
  return found;
}

const names = (list: Named[] | undefined) => (list ?? []).map((x) => x.name);

test('custom-elements.json is what `npm run manifest` makes of the sources today', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-cem-'));
  try {
    // The analyzer joins --outdir to the working directory, so it is given relative to it.
    const result = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
        'analyze',
        '--config',
        'custom-elements-manifest.config.mjs',
        '--outdir',
        relative(root, dir),
        '--quiet',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    const fresh = readFileSync(join(dir, 'custom-elements.json'), 'utf8');
    // `npm run build` rewrites the file in place, so the one that counts is the committed one
    // (in a git checkout); elsewhere, the file on disk.
    const head = spawnSync('git', ['show', 'HEAD:packages/elements/custom-elements.json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const committedText = head.status === 0 ? head.stdout : readFileSync(committedPath, 'utf8');
    assert.ok(
      fresh === committedText,
      'packages/elements/custom-elements.json is stale: run `npm run manifest` and commit it',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('@guichet/elements names its manifest and publishes it', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'packages/elements/package.json'), 'utf8')) as {
    customElements?: string;
    files?: string[];
  };
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(pkg.files?.includes('custom-elements.json'));
});

test('<guichet-form> documents its attributes, properties, events, parts and custom properties', () => {
  const form = element('guichet-form');
  assert.ok(form.summary);
  for (const attribute of ['src', 'endpoint', 'adapter', 'lang', 'channel', 'draft'])
    assert.ok(names(form.attributes).includes(attribute), `attribute ${attribute}`);
  const publicFields = (form.members ?? []).filter(
    (m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected',
  );
  for (const property of ['definition', 'data']) {
    const member = publicFields.find((m) => m.name === property);
    assert.ok(member?.description, `property ${property} with a description`);
  }
  for (const event of ['guichet-submit', 'guichet-submitted', 'guichet-error']) {
    const found = (form.events ?? []).find((e) => e.name === event);
    assert.ok(found?.description, `event ${event} with a description`);
  }
  assert.deepEqual(
    (form.events ?? []).filter((e) => !e.name),
    [],
    'no nameless event',
  );
  for (const part of [
    'base',
    'form',
    'field',
    'label',
    'hint',
    'error',
    'input',
    'error-summary',
    'summary',
    'button',
    'contact',
    'definition-error',
  ]) {
    assert.ok(names(form.cssParts).includes(part), `part ${part}`);
  }
  assert.ok((form.cssProperties ?? []).length >= 10);
  for (const property of form.cssProperties ?? []) {
    assert.match(property.name, /^--guichet-/);
    assert.ok(property.description, `${property.name} is described`);
  }
});

test('<guichet-tracker> documents its attributes, events, parts and custom properties', () => {
  const tracker = element('guichet-tracker');
  assert.ok(tracker.summary);
  for (const attribute of ['endpoint', 'reference', 'code', 'refresh', 'adapter', 'lang'])
    assert.ok(names(tracker.attributes).includes(attribute), `attribute ${attribute}`);
  for (const event of ['guichet-error', 'guichet-status-change'])
    assert.ok(names(tracker.events).includes(event), `event ${event}`);
  for (const part of ['lookup', 'status', 'phase', 'timeline', 'contact', 'error'])
    assert.ok(names(tracker.cssParts).includes(part), `part ${part}`);
  assert.ok((tracker.cssProperties ?? []).length >= 10);
  for (const property of tracker.cssProperties ?? []) assert.match(property.name, /^--guichet-/);
});

test('docs/elements.md and docs/theming.md mention everything the manifest documents', () => {
  const elementsDoc = readFileSync(join(root, 'docs/elements.md'), 'utf8');
  const themingDoc = readFileSync(join(root, 'docs/theming.md'), 'utf8');
  for (const tag of ['guichet-form', 'guichet-tracker']) {
    const declaration = element(tag);
    for (const name of [
      ...names(declaration.attributes),
      ...names(declaration.events),
      ...names(declaration.cssParts),
    ]) {
      assert.ok(elementsDoc.includes(`\`${name}\``), `docs/elements.md does not mention ${name} of <${tag}>`);
    }
    for (const name of names(declaration.cssProperties))
      assert.ok(themingDoc.includes(`\`${name}\``), `docs/theming.md does not mention ${name}`);
  }
});
