// Agents sign in with the authority's OpenID Connect provider: a real provider (oidc-provider)
// on 127.0.0.1, the endpoint serving /desk with the built desk, Chromium clicking through. An
// agent on the allow-list gets a session cookie (HttpOnly, SameSite=Strict) and the inbox; a
// change made with the cookie needs the CSRF token; signing out ends the session. A user not on
// the list, an ID token for another audience and an expired ID token are refused.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type GuichetServer } from '@guichet/endpoint';
import { launchChromium } from '../helpers/chromium.js';
import { startOidcProvider, type TestProvider } from '../helpers/oidc-provider.js';
import { ADMIN_TOKEN, fixtureForms, freePort, submit, validSubmission } from '../../packages/endpoint/test/helpers.js';

const root = join(import.meta.dirname, '..', '..');

describe('OpenID Connect sign-in at /desk', () => {
  let provider: TestProvider;
  let server: GuichetServer;
  let url: string;
  let dir: string;
  let browser: Browser;

  before(async () => {
    if (!existsSync(join(root, 'dist/guichet-desk.js'))) {
      const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
      assert.equal(built.status, 0, built.stderr);
    }
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider(`${url}/desk/callback`);
    dir = mkdtempSync(join(tmpdir(), 'guichet-oidc-'));
    server = await createServer({
      dbPath: join(dir, 'guichet.sqlite'),
      formsDir: fixtureForms,
      adminToken: ADMIN_TOKEN,
      logLevel: 'silent',
      protocolDir: join(root, 'schemas', 'protocol'),
      distDir: join(root, 'dist'),
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        allowedEmails: ['lea@ville.example', '@services.ville.example'],
      },
    });
    await server.listen({ port, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await provider?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens /desk in a fresh context and signs in at the provider as `login`. */
  async function signInAs(login: string): Promise<{ page: Page; status: number | undefined }> {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    // The provider's development pages import a web font: no network here.
    await page.route(/^https:/, (route) => route.abort());
    await page.goto(`${url}/desk`);
    await page.locator('guichet-desk [part=provider-link]').click();
    await page.locator('input[name=login]').fill(login);
    await page.locator('input[name=password]').fill('any password');
    await page.locator('button[type=submit]').click();
    const callback = page.waitForResponse((response) => response.url().startsWith(`${url}/desk/callback`));
    await page.locator('button[type=submit]', { hasText: 'Continue' }).click();
    const status = (await callback).status();
    return { page, status };
  }

  test('an agent on the list signs in, works with the CSRF token, and signs out', async () => {
    const receipt = await submit(url, 'demande-test', validSubmission());
    const { page, status } = await signInAs('lea@ville.example');
    assert.equal(status, 303);
    await page.locator('guichet-desk [part=inbox-row]').first().waitFor();
    assert.equal(await page.locator('guichet-desk [part=agent]').textContent(), 'Connecté\u00a0: Agent lea');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'guichet_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.secure, false, 'plain HTTP on 127.0.0.1: Secure only behind HTTPS');

    const change = (csrf: string | undefined) =>
      page.evaluate(
        async ({ reference, csrf }) => {
          const response = await fetch(`/api/admin/requests/${reference}/status`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
            body: JSON.stringify({ phase: 'in_progress' }),
          });
          return { status: response.status, body: (await response.json()) as { code?: string } };
        },
        { reference: receipt.body.reference as string, csrf },
      );
    const forged = await change(undefined);
    assert.equal(forged.status, 403);
    assert.equal(forged.body.code, 'csrf-failed');
    assert.equal((await change('wrong-token')).status, 403);
    const session = await page.evaluate(
      async () => (await (await fetch('/api/admin/session')).json()) as { csrfToken: string },
    );
    assert.equal((await change(session.csrfToken)).status, 200);
    const agents = await page.evaluate(async () => (await fetch('/api/admin/agents')).status);
    assert.equal(agents, 403, 'a signed-in agent does not manage agents');

    const audit = await fetch(`${url}/api/admin/audit?limit=3`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const entries = (await audit.json()) as { action: string; actor: { kind: string; name: string } }[];
    assert.deepEqual(
      entries.slice(0, 2).map((entry) => [entry.action, entry.actor.kind, entry.actor.name]),
      [
        ['status.changed', 'oidc', 'Agent lea'],
        ['session.started', 'oidc', 'Agent lea'],
      ],
    );

    await page.locator('guichet-desk .desk__header button').click();
    await page.locator('guichet-desk [part=sign-in]').waitFor();
    await page.waitForFunction(async () => (await fetch('/api/admin/session')).status === 401);
    await page.context().close();
  });

  test('a domain on the list lets its users in', async () => {
    const { page, status } = await signInAs('noe@services.ville.example');
    assert.equal(status, 303);
    await page.locator('guichet-desk [part=inbox]').waitFor();
    await page.context().close();
  });

  test('a user not on the list is refused with a page saying so, and gets no session', async () => {
    const { page, status } = await signInAs('intrus@ailleurs.example');
    assert.equal(status, 403);
    assert.match((await page.locator('main').textContent()) ?? '', /n’a pas accès à l’espace agents/);
    assert.equal(
      (await page.context().cookies()).find((c) => c.name === 'guichet_session'),
      undefined,
    );
    await page.context().close();
  });

  test('an ID token for another audience is refused', async () => {
    provider.tamper((claims) => ({ ...claims, aud: 'another-application' }));
    try {
      const { page, status } = await signInAs('lea@ville.example');
      assert.equal(status, 401);
      assert.match((await page.locator('main').textContent()) ?? '', /La connexion a été refusée/);
      assert.equal(
        (await page.context().cookies()).find((c) => c.name === 'guichet_session'),
        undefined,
      );
      await page.context().close();
    } finally {
      provider.tamper(undefined);
    }
  });

  test('an expired ID token is refused', async () => {
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    provider.tamper((claims) => ({ ...claims, iat: hourAgo - 600, exp: hourAgo }));
    try {
      const { page, status } = await signInAs('lea@ville.example');
      assert.equal(status, 401);
      assert.equal(
        (await page.context().cookies()).find((c) => c.name === 'guichet_session'),
        undefined,
      );
      await page.context().close();
    } finally {
      provider.tamper(undefined);
    }
  });
});
