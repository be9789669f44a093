// dist/guichet.d.ts: a page written in TypeScript that imports the CDN bundle gets its public
// API typed, and a misuse is an error (the types are not `any`).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
// Inside the repository, so that `lit`, which the types name, resolves from its node_modules.
const dir = join(root, '.test-results', 'cdn-types');

const page = (
  body: string,
) => `import { GuichetForm, GuichetSubmittedEvent, registerAdapter, EndpointError, type Adapter } from './guichet.js';
${body}
`;

function typecheck(source: string): { ok: boolean; output: string } {
  writeFileSync(join(dir, 'page.ts'), source);
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], {
    encoding: 'utf8',
  });
  return { ok: tsc.status === 0, output: `${tsc.stdout}${tsc.stderr}` };
}

describe('the CDN bundle’s types', () => {
  before(() => {
    if (!existsSync(join(root, 'dist/guichet.d.ts'))) {
      const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
      assert.equal(built.status, 0, built.stderr);
    }
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(root, 'dist/guichet.d.ts'), join(dir, 'guichet.d.ts'));
    // A page's own settings: strict, and no ambient types but the DOM's.
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          noEmit: true,
          strict: true,
          target: 'es2022',
          module: 'esnext',
          moduleResolution: 'bundler',
          lib: ['es2022', 'dom', 'dom.iterable'],
          types: [],
        },
        files: ['page.ts'],
      }),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('type a page that registers its adapter and listens to the form', () => {
    const result = typecheck(
      page(`
const adapter: Adapter = {
  name: 'mairie',
  async submit(request) {
    if (!request.data) throw new EndpointError('rejected', 'vide');
    const now = new Date().toISOString();
    return { reference: 'M-1', trackingCode: 'C', receivedAt: now, status: { reference: 'M-1', phase: 'received', code: 'n', label: 'Reçue', final: false, updatedAt: now, history: [] } };
  },
  async status() { throw new EndpointError('not-found', 'inconnue'); },
};
registerAdapter('mairie', () => adapter);
const form = document.querySelector('guichet-form') as GuichetForm;
form.addEventListener(GuichetSubmittedEvent.eventName, (event) => {
  const { reference, trackingCode } = (event as GuichetSubmittedEvent).detail;
  console.log(reference.toUpperCase(), trackingCode, form.answersSnapshot, form.endpoint);
});`),
    );
    assert.ok(result.ok, result.output);
  });

  test('refuse a misuse', () => {
    const result = typecheck(page(`registerAdapter('mairie', 42);\nnew EndpointError('broken-kind', 'x');`));
    assert.equal(result.ok, false);
    assert.match(result.output, /registerAdapter|AdapterFactory/);
    assert.match(result.output, /broken-kind/);
  });
});
