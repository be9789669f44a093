// The desk as the endpoint serves it at /desk, with the built dist/guichet-desk.js, under the
// site's strict Content-Security-Policy: an agent signs in with a named agent's token and sees
// the inbox, and the browser reports no CSP violation. The desk's file is the only script.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import {
  ADMIN_TOKEN,
  startTestServer,
  submit,
  validSubmission,
  type TestServer,
} from '../../packages/endpoint/test/helpers.js';

const root = join(import.meta.dirname, '..', '..');

describe('/desk, served by the endpoint', () => {
  let t: TestServer;
  let browser: Browser;
  before(async () => {
    if (!existsSync(join(root, 'dist/guichet-desk.js'))) {
      const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
      assert.equal(built.status, 0, built.stderr);
    }
    t = await startTestServer({ distDir: join(root, 'dist') });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.cleanup();
  });

  test('under the strict CSP an agent signs in with a token and sees the inbox; nothing is reported', async () => {
    const created = await fetch(`${t.url}/api/admin/agents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Léa Dupont' }),
    });
    const agent = (await created.json()) as { token: string };
    const receipt = await submit(t.url, 'demande-test', validSubmission({ name: 'Hélène « test » Roux' }));
    assert.equal(receipt.status, 201);

    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = violations;
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    });
    const response = await page.goto(`${t.url}/desk`);
    assert.equal(response?.status(), 200);
    const csp = response?.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe/);

    await page.locator('guichet-desk #token').fill(agent.token);
    await page.locator('guichet-desk #token').press('Enter');
    await page.locator('guichet-desk [part=inbox-row]').first().waitFor();
    assert.match((await page.locator('guichet-desk [part=inbox]').textContent()) ?? '', /Demandes reçues/);
    assert.match(
      (await page.locator('guichet-desk [part=inbox-row]').first().textContent()) ?? '',
      new RegExp(receipt.body.reference),
    );
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    assert.deepEqual(violations, []);
    assert.deepEqual(scripts, ['/dist/guichet-desk.js']);
    await page.close();
  });
});
