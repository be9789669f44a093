// Issue 18's first observation: the open311 adapter worked configured from JavaScript, but
// embedded as the docs say, on a CMS page, it failed. Here the Open311 snippet of
// docs/adapters.md is pasted into a page served from an origin of its own, loading the built
// dist/guichet.js (its lazily loaded chunks beside it), against a GeoReport v2 simulator on
// another origin that needs an api key and a jurisdiction.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../helpers/static-server.js';
import { launchChromium } from '../helpers/chromium.js';
import { startGeoReportSimulator, type GeoReportSimulator } from '../helpers/georeport/simulator.mjs';

const root = join(import.meta.dirname, '..', '..');
const apiKey = 'cle-du-site';

function ensureBuild(): void {
  if (existsSync(join(root, 'dist/guichet.js'))) return;
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(built.status, 0, `npm run build failed:\n${built.stdout}\n${built.stderr}`);
}

/** The HTML block of the "Open311 (GeoReport v2)" section of docs/adapters.md. */
function documentedSnippet(): string {
  const docs = readFileSync(join(root, 'docs/adapters.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## Open311'));
  const block = /```html\n([^]*?)```/.exec(section)?.[1];
  assert.ok(block, 'no HTML snippet in the Open311 section of docs/adapters.md');
  return block;
}

describe('the Open311 snippet of docs/adapters.md on a CMS page, with dist/guichet.js', { timeout: 180_000 }, () => {
  let simulator: GeoReportSimulator;
  let server: StaticServer;
  let browser: Browser;
  let pages: string;

  before(async () => {
    ensureBuild();
    simulator = await startGeoReportSimulator({ apiKey, jurisdictions: ['ville.example', 'bourg.example'] });
    const snippet = documentedSnippet();
    for (const documented of [
      'https://cdn.ville.example/guichet/guichet.js',
      'https://open311.ville.example/open311/v2',
    ])
      assert.ok(snippet.includes(documented), `the snippet no longer names ${documented}`);
    pages = mkdtempSync(join(tmpdir(), 'guichet-open311-cms-'));
    writeFileSync(
      join(pages, 'index.html'),
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Signaler un dépôt sauvage</title></head><body><main><h1>Signaler un dépôt sauvage</h1>\n${snippet
        .replace('https://cdn.ville.example/guichet/guichet.js', '/dist/guichet.js')
        .replaceAll('https://open311.ville.example/open311/v2', simulator.url)
        .replace('3b7e…', apiKey)}</main></body></html>`,
    );
    server = await serveStatic({ '/dist/': join(root, 'dist'), '/': pages });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await simulator?.stop();
    if (pages) rmSync(pages, { recursive: true, force: true });
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    await page.goto(`${server.url}${path}`);
    return { page, errors };
  }

  test('a citizen files a report built from the service definition, once, and follows it by its number', async () => {
    const { page, errors } = await open('');
    try {
      const form = page.locator('guichet-form');
      await form.getByRole('heading', { name: 'Dépôt sauvage' }).waitFor();
      await form.getByRole('radio', { name: 'Meubles, électroménager' }).check();
      await form.getByRole('checkbox', { name: 'bloque la chaussée' }).check();
      await form.getByRole('textbox', { name: /^Décrivez la situation/ }).fill('Un canapé sur le trottoir.');
      await form.getByRole('button', { name: 'Continuer' }).click();
      await form.getByRole('textbox', { name: /^Adresse ou lieu/ }).fill('12 rue des Lilas');
      await form.getByRole('button', { name: 'Continuer' }).click();
      await form.getByRole('textbox', { name: /^Adresse e-mail/ }).fill('amina.benali@exemple.fr');
      await form.getByRole('button', { name: 'Continuer' }).click();
      await form.locator('[part~="summary"] button[type="submit"]').click();
      await form.locator('[part~="receipt"]').waitFor({ timeout: 20_000 });
      const codes = await form.locator('.receipt__code').allTextContents();
      assert.equal(codes.length, 1, 'the receipt shows the request number only');
      const [reference] = codes;
      assert.match(reference!, /^\d+$/);

      assert.equal(simulator.received.length, 1, 'one POST');
      const body = simulator.received[0]!;
      assert.equal(body.get('api_key'), apiKey);
      assert.equal(body.get('jurisdiction_id'), 'ville.example');
      const request = simulator.requests.get(Number(reference));
      assert.ok(request, 'the request is stored under the number shown');
      assert.equal(request['service_code'], 'DEPOT');
      assert.equal(request['address'], '12 rue des Lilas');
      assert.deepEqual(errors, []);

      // The tracker of the same snippet, reached by the link a citizen keeps (?reference=…).
      simulator.update(reference!, { status: 'action_scheduled', status_notes: 'Enlèvement prévu jeudi.' });
      await page.goto(`${server.url}?reference=${reference}`);
      const tracker = page.locator('guichet-tracker');
      await tracker.locator('[part~="phase"]').waitFor();
      assert.equal(
        (await tracker.locator('[part~="phase"]').textContent())?.replace(/\s+/g, ' ').trim(),
        'Étape : En cours de traitement',
      );
      assert.match((await tracker.locator('[part~="timeline"]').textContent()) ?? '', /Enlèvement prévu jeudi\./);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
