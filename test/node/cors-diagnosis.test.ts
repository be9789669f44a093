// A web team forgot to allow its site's origin on the endpoint. The citizen is told the service
// cannot be reached right now and sees how to reach a person; the web team reads, in the
// `guichet-error` event and in the console, which origin to add to GUICHET_ALLOWED_ORIGINS.
// Served for real: the page on an origin of its own, the endpoint on another that does not allow it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../helpers/static-server.js';
import { launchChromium } from '../helpers/chromium.js';
import { startEndpoint, type RunningEndpoint } from '../helpers/endpoint.js';
import { freePort } from '../../packages/endpoint/test/helpers.js';

const root = join(import.meta.dirname, '..', '..');

// The host page: an element configured from the query, every guichet-error kept for the test.
const pageScript = `
const query = new URLSearchParams(location.search);
const endpoint = query.get('endpoint');
window.guichetErrors = [];
document.addEventListener('guichet-error', (event) => window.guichetErrors.push(event.detail));
const here = document.querySelector('main');
if (query.get('element') === 'form-src') {
  const form = document.createElement('guichet-form');
  form.setAttribute('src', endpoint + '/api/forms/contact-service');
  form.setAttribute('endpoint', endpoint + '/api');
  here.append(form);
} else if (query.get('element') === 'form') {
  const form = document.createElement('guichet-form');
  form.setAttribute('endpoint', endpoint + '/api');
  form.setAttribute('draft', 'none');
  form.definition = await (await fetch('/schemas/forms/contact-service.json')).json();
  here.append(form);
} else {
  const tracker = document.createElement('guichet-tracker');
  tracker.contact = { name: 'Accueil de la mairie', phone: '01 23 45 67 89' };
  tracker.setAttribute('endpoint', endpoint + '/api');
  tracker.setAttribute('reference', 'CON-2026-000001');
  tracker.setAttribute('code', 'ABCDE-FGHJK');
  here.append(tracker);
}
`;

interface Detail {
  kind: string;
  message: string;
  refusedOrigin?: string;
  diagnosis?: string;
}

describe('an endpoint that does not allow the page’s origin', { timeout: 120_000 }, () => {
  let pages: string;
  let server: StaticServer;
  let endpoint: RunningEndpoint;
  let browser: Browser;

  before(async () => {
    if (!existsSync(join(root, 'dist/guichet.js'))) {
      const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
      assert.equal(built.status, 0, built.stderr);
    }
    pages = mkdtempSync(join(tmpdir(), 'guichet-cors-'));
    writeFileSync(
      join(pages, 'index.html'),
      '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Mairie</title>' +
        '<script type="module" src="/dist/guichet.js"></script><script type="module" src="/page.js"></script>' +
        '</head><body><main><h1>Mairie</h1></main></body></html>',
    );
    writeFileSync(join(pages, 'page.js'), pageScript);
    server = await serveStatic({ '/': pages, '/dist/': join(root, 'dist'), '/schemas/': join(root, 'schemas') });
    endpoint = await startEndpoint({ allowedOrigins: ['https://www.another-town.example'] });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await endpoint?.stop();
    await server?.close();
    if (pages) rmSync(pages, { recursive: true, force: true });
  });

  async function open(
    element: 'form' | 'form-src' | 'tracker',
    api: string,
  ): Promise<{ page: Page; console: string[] }> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const messages: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') messages.push(message.text());
    });
    await page.goto(`${server.url}?element=${element}&endpoint=${encodeURIComponent(api)}`);
    return { page, console: messages };
  }

  // The console message comes over its own channel: it may reach the test after the page's event.
  async function logged(messages: string[], text: string): Promise<boolean> {
    for (const deadline = Date.now() + 10_000; !messages.includes(text) && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 50));
    return messages.includes(text);
  }

  const errors = (page: Page) => page.evaluate(() => (window as unknown as { guichetErrors: Detail[] }).guichetErrors);

  test('the form: the citizen keeps the contact and a plain message; the event and the console name the origin', async () => {
    const { page, console } = await open('form', endpoint.url);
    try {
      const form = page.locator('guichet-form');
      await form.getByLabel('Quel service voulez-vous joindre ?').selectOption({ label: 'Voirie et éclairage' });
      await form.getByLabel('Sujet de votre message').fill('Lampadaire');
      await form.getByRole('textbox', { name: /^Votre message/ }).fill('Le lampadaire de la place clignote.');
      await form.getByRole('button', { name: 'Continuer' }).click();
      await form.getByLabel('Votre prénom').fill('Amina');
      await form.getByLabel('Votre nom').fill('Benali');
      await form.getByLabel('Votre adresse e-mail').fill('amina.benali@exemple.fr');
      await form.getByRole('radio', { name: 'Par e-mail' }).check();
      await form.getByRole('checkbox', { name: /J'accepte que la mairie garde mon message/ }).check();
      await form.getByRole('button', { name: 'Continuer' }).click();
      await form.locator('[part~="summary"] button[type="submit"]').click();
      await page.waitForFunction(() => (window as unknown as { guichetErrors: unknown[] }).guichetErrors.length > 0);
      const [detail] = await errors(page);
      assert.equal(detail!.kind, 'network');
      assert.equal(detail!.refusedOrigin, server.origin);
      assert.match(detail!.diagnosis ?? '', new RegExp(`add ${server.origin} to its GUICHET_ALLOWED_ORIGINS`));
      assert.ok(detail!.diagnosis!.includes(endpoint.url), detail!.diagnosis);
      assert.ok(await logged(console, detail!.diagnosis!), `console: ${console.join('\n')}`);

      // The outbox's own tries leave the failure on screen (they change nothing that is said).
      await form.getByText('Le service est momentanément indisponible.').waitFor();
      const text = (await form.evaluate((el) => el.shadowRoot!.textContent ?? '')).replace(/\s+/g, ' ');
      assert.match(text, /Votre demande n’est pas encore partie\. Le service est momentanément indisponible\./);
      assert.doesNotMatch(text, /connexion à internet/);
      await form.getByText('01 23 45 67 89').first().waitFor();
    } finally {
      await page.close();
    }
  });

  test('a definition fetched from the endpoint: the diagnosis comes with the definition error', async () => {
    const { page, console } = await open('form-src', endpoint.url);
    try {
      await page.waitForFunction(() => (window as unknown as { guichetErrors: unknown[] }).guichetErrors.length > 0);
      const [detail] = await errors(page);
      assert.equal(detail!.kind, 'definition');
      assert.equal(detail!.refusedOrigin, server.origin);
      assert.match(detail!.diagnosis ?? '', new RegExp(`add ${server.origin} to its GUICHET_ALLOWED_ORIGINS`));
      assert.ok(await logged(console, detail!.diagnosis!), `console: ${console.join('\n')}`);
    } finally {
      await page.close();
    }
  });

  test('the tracker: the same diagnosis, the citizen told the service is unavailable, the contact shown', async () => {
    const { page, console } = await open('tracker', endpoint.url);
    try {
      await page.waitForFunction(() => (window as unknown as { guichetErrors: unknown[] }).guichetErrors.length > 0);
      const [detail] = await errors(page);
      assert.equal(detail!.kind, 'network');
      assert.equal(detail!.refusedOrigin, server.origin);
      assert.ok(await logged(console, detail!.diagnosis!), `console: ${console.join('\n')}`);
      const tracker = page.locator('guichet-tracker');
      await tracker.getByText('01 23 45 67 89').first().waitFor();
      const text = (await tracker.evaluate((el) => el.shadowRoot!.textContent ?? '')).replace(/\s+/g, ' ');
      assert.doesNotMatch(text, /Vérifiez votre connexion internet/);
    } finally {
      await page.close();
    }
  });

  test('an endpoint that is down is not taken for a refused origin', async () => {
    const { page } = await open('tracker', `http://127.0.0.1:${await freePort()}`);
    try {
      await page.waitForFunction(() => (window as unknown as { guichetErrors: unknown[] }).guichetErrors.length > 0);
      const [detail] = await errors(page);
      assert.equal(detail!.kind, 'network');
      assert.equal(detail!.refusedOrigin, undefined);
      assert.equal(detail!.diagnosis, undefined);
      const text = await page.locator('guichet-tracker').evaluate((el) => el.shadowRoot!.textContent ?? '');
      assert.match(text.replace(/\s+/g, ' '), /Vérifiez votre connexion internet/);
    } finally {
      await page.close();
    }
  });
});
