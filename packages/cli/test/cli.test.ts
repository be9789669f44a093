import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkCatalogues } from '../../../test/helpers/catalogues.js';
import { texts } from '../src/texts.js';
import { loadServiceForm } from '@guichet/core/open311';
import { startGeoReportSimulator } from '../../../test/helpers/georeport/simulator.mjs';

const forms = readdirSync('schemas/forms')
  .filter((file) => file.endsWith('.json'))
  .map((file) => join('schemas/forms', file));

function guichet(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'packages/cli/src/main.ts', ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C' },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('guichet check accepts every example form', () => {
  assert.ok(forms.length >= 6, 'the example forms are there');
  const { code, stdout, stderr } = guichet('check', '--lang', 'en', ...forms);
  assert.equal(stderr, '');
  assert.equal(code, 0);
  for (const form of forms) assert.match(stdout, new RegExp(`${form}: valid`));
});

test('guichet check prints each problem with its pointer and exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-cli-'));
  try {
    const broken = join(dir, 'broken.json');
    writeFileSync(
      broken,
      JSON.stringify({
        id: 'broken',
        version: '1.0.0',
        title: 'Cassé',
        schema: { type: 'object', properties: { name: { type: 'string', patternProperties: {} } } },
        ui: { steps: [{ title: 'Étape', fields: ['name', 'ghost'] }] },
      }),
    );
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '{ "id": ');
    const { code, stderr } = guichet('check', '--lang', 'fr', broken, notJson, join(dir, 'missing.json'));
    assert.equal(code, 1);
    assert.match(
      stderr,
      /broken\.json:\/schema\/properties\/name\/patternProperties: .*patternProperties.*\[unsupported-keyword\]/,
    );
    assert.match(stderr, /broken\.json:\/ui\/steps\/0\/fields\/1: .*ghost.*\[unknown-step-field\]/);
    assert.match(stderr, /not-json\.json:\/: .*\[invalid-json\]/);
    assert.match(stderr, /missing\.json:\/: Le fichier ne peut pas être lu \(ENOENT\)\. \[unreadable-file\]/);
    // Each file's problems end with their count, and the run with the total.
    assert.match(stderr, /broken\.json: 2 problèmes\n/);
    assert.match(stderr, /not-json\.json: 1 problème\n/);
    assert.match(stderr, /3 fichiers sur 3 en erreur, 4 problèmes en tout\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("guichet check speaks each definition's language, unless told otherwise", () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-cli-'));
  try {
    const english = join(dir, 'english.json');
    writeFileSync(
      english,
      JSON.stringify({
        id: 'english',
        version: '1.0.0',
        lang: 'en',
        title: 'Report',
        schema: {
          $schema: 'http://json-schema.org/draft-07/schema#',
          type: 'object',
          additionalProperties: false,
          properties: { kind: { type: 'string' } },
          if: { properties: { kind: { const: 'other' } }, required: ['kind'] },
          then: { properties: { details: { type: 'string' } } },
        },
      }),
    );
    const { code, stderr } = guichet('check', english);
    assert.equal(code, 1);
    assert.deepEqual(stderr.trimEnd().split('\n'), [
      `${english}:/schema/$schema: This schema is written in JSON Schema draft-07, Guichet reads 2020-12: declare it in “$schema” and write \`definitions\` → \`$defs\`, \`dependencies\` → \`dependentRequired\`/\`dependentSchemas\` [unsupported-draft]`,
      `${english}:/schema/additionalProperties: “additionalProperties: false” sees only the properties declared beside it and would always refuse “details”: declare it beside (branches show or hide it with true and false), or write “unevaluatedProperties: false” [hidden-by-additional-properties]`,
      `${english}: 2 problems`,
    ]);
    assert.match(guichet('check', '--lang', 'fr', english).stderr, /english\.json: 2 problèmes\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('guichet compile writes a standalone validator without eval and the type of the answers', async () => {
  const out = mkdtempSync(join(tmpdir(), 'guichet-cli-out-'));
  try {
    const form = forms.find((file) => file.includes('contact-service')) ?? forms[0]!;
    const id = JSON.parse(readFileSync(form, 'utf8')).id as string;
    const { code, stderr } = guichet('compile', form, '--out', out);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const validatorSource = readFileSync(join(out, `${id}.validator.js`), 'utf8');
    assert.doesNotMatch(validatorSource, /new Function|eval\(/);
    const types = readFileSync(join(out, `${id}.d.ts`), 'utf8');
    assert.match(types, /export interface \w+Data \{/);
    // The module really validates: an empty object misses the required answers.
    const validator = (await import(pathToFileURL(join(out, `${id}.validator.js`)).href)) as {
      validate: ((data: unknown) => boolean) & { errors?: unknown[] };
    };
    assert.equal(validator.validate({}), false);
    assert.ok((validator.validate.errors ?? []).length > 0);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('guichet compile handles every example form and its types compile', () => {
  const out = mkdtempSync(join(tmpdir(), 'guichet-cli-all-'));
  try {
    const { code, stderr } = guichet('compile', ...forms, '--out', out);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const declarations = readdirSync(out).filter((file) => file.endsWith('.d.ts'));
    assert.equal(declarations.length, forms.length);
    const tsc = spawnSync(
      process.execPath,
      [
        'node_modules/typescript/bin/tsc',
        '--noEmit',
        '--strict',
        '--types',
        'node',
        ...declarations.map((file) => join(out, file)),
      ],
      { encoding: 'utf8' },
    );
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('guichet without a command prints its usage and exits 2', () => {
  const { code, stdout } = guichet('--lang', 'en');
  assert.equal(code, 2);
  assert.match(stdout, /Usage:/);
});

test('guichet check warns about autocomplete tokens that do not fit their field, and still passes the definition', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-cli-'));
  try {
    const file = join(dir, 'address.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'address',
        version: '1.0.0',
        title: 'Adresse',
        schema: {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          type: 'object',
          properties: {
            home: { type: 'object', properties: { street: { type: 'string' } } },
            phone: { type: 'string' },
            notes: { type: 'string' },
            email: { type: 'string', format: 'email' },
          },
        },
        ui: {
          fields: {
            'home/street': { widget: 'text', autocomplete: 'street-address' },
            phone: { widget: 'tel', autocomplete: 'email' },
            notes: { widget: 'textarea', autocomplete: 'shipping street-address' },
            email: { autocomplete: 'section-work email' },
          },
        },
      }),
    );
    const { code, stdout, stderr } = guichet('check', '--lang', 'fr', file);
    assert.equal(code, 0);
    assert.equal(stdout, `${file}: valide\n`);
    assert.deepEqual(stderr.trimEnd().split('\n'), [
      `${file}:/ui/fields/home~1street/autocomplete: avertissement\u00a0: autocomplete\u00a0«\u00a0street-address\u00a0» attend une adresse sur plusieurs lignes (une zone de texte)\u00a0; pour un champ d’une ligne, écrivez «\u00a0address-line1\u00a0» [autocomplete-multiline]`,
      `${file}:/ui/fields/phone/autocomplete: avertissement\u00a0: autocomplete\u00a0«\u00a0email\u00a0» ne convient pas à un champ tel\u00a0: le navigateur ne proposera rien ou proposera une réponse d’une autre sorte [autocomplete-control]`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the CLI's own texts are complete in every language", () => {
  checkCatalogues('cli', (lang) => texts[lang]);
});

/** The CLI run without blocking this process, which serves the GeoReport v2 simulator it reads. */
function guichetAsync(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'packages/cli/src/main.ts', ...args],
      { encoding: 'utf8', env: { ...process.env, LANG: 'C' } },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

test('guichet compile --open311 writes the definition the element builds from the service, with its validator and type', async () => {
  const server = await startGeoReportSimulator();
  const out = mkdtempSync(join(tmpdir(), 'guichet-cli-open311-'));
  try {
    const { code, stdout, stderr } = await guichetAsync(
      'compile',
      '--open311',
      server.url,
      '--service',
      'DEPOT',
      '--lang',
      'en',
      '--out',
      out,
    );
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.match(stdout, /open311-depot\.json/);
    const written = JSON.parse(readFileSync(join(out, 'open311-depot.json'), 'utf8'));
    assert.deepEqual(written, await loadServiceForm({ endpoint: server.url, serviceCode: 'DEPOT', lang: 'en' }));
    assert.equal(written.title, 'Fly-tipping');
    assert.equal(written.adapters?.open311?.serviceCode, 'DEPOT');
    // A web team refines it and checks it with the same tool.
    const check = await guichetAsync('check', '--lang', 'en', join(out, 'open311-depot.json'));
    assert.equal(check.code, 0, check.stderr);
    assert.match(readFileSync(join(out, 'open311-depot.d.ts'), 'utf8'), /export interface Open311DepotData \{/);
  } finally {
    await server.stop();
    rmSync(out, { recursive: true, force: true });
  }
});

test('guichet compile --open311 names what to fix when the server does not know the service', async () => {
  const server = await startGeoReportSimulator();
  const out = mkdtempSync(join(tmpdir(), 'guichet-cli-open311-'));
  try {
    const { code, stderr } = await guichetAsync(
      'compile',
      '--open311',
      server.url,
      '--service',
      'NOPE',
      '--out',
      out,
      '--lang',
      'fr',
    );
    assert.equal(code, 1);
    assert.match(stderr, /NOPE: Le serveur Open311 ne connaît pas ce service/);
    assert.deepEqual(readdirSync(out), []);
    const usage = guichet('compile', '--open311', server.url, '--out', out);
    assert.equal(usage.code, 2, 'a service code is needed');
  } finally {
    await server.stop();
    rmSync(out, { recursive: true, force: true });
  }
});
