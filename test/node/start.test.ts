// `npm start`, as a newcomer runs it: scripts/start.mjs builds what is missing, starts the
// endpoint with the demo town site, prints the URL, and the admin token the one time it made it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

// As in scripts/lib/chromium.mjs (plain JS, untyped): Debian's Chromium, headless, loopback only.
const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const ready = new Promise<{ url: string; token?: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /Guichet is running at (http:\/\/\S+)/.exec(output)?.[1];
      const tokenLine = /Admin token.*\n/.exec(output)?.[0];
      if (url && tokenLine) resolve({ url, token: /shown this once\): (\S+)/.exec(tokenLine)?.[1] });
    });
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    ...(await ready),
    output: () => output,
    async stop() {
      process.kill(child.pid!, 'SIGTERM');
      return exited;
    },
  };
}

test(
  'npm start prints the URL and the admin token it made, serves the demo site and the bundle, and reuses its token without printing it again',
  { timeout: 240_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-start-'));
    const port = await freePort();
    const env = {
      PORT: String(port),
      GUICHET_DB: join(dir, 'guichet.sqlite'),
      GUICHET_ADMIN_TOKEN: '',
      GUICHET_LOG_LEVEL: 'warn',
    };
    try {
      const first = await start(env);
      let token = '';
      try {
        assert.equal(first.url, `http://127.0.0.1:${port}`);
        assert.ok(first.token, `the new token is shown:\n${first.output()}`);
        token = first.token;
        const tokenFile = join(dir, 'admin-token');
        assert.equal(readFileSync(tokenFile, 'utf8').trim(), token);
        assert.equal(statSync(tokenFile).mode & 0o777, 0o600);

        const home = await fetch(`${first.url}/`);
        assert.equal(home.status, 200);
        assert.match(home.headers.get('content-type') ?? '', /text\/html/);
        assert.match(home.headers.get('content-security-policy') ?? '', /script-src 'self'/);
        assert.match(await home.text(), /Ville de Montfleury/);

        const bundle = await fetch(`${first.url}/dist/guichet.js`);
        assert.equal(bundle.status, 200);
        assert.match(bundle.headers.get('content-type') ?? '', /^text\/javascript/);
        assert.equal(bundle.headers.get('access-control-allow-origin'), '*');

        const list = await fetch(`${first.url}/api/admin/requests`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        assert.equal(list.status, 200);

        await checkDemoPages(first.url);
        await fileAndFollowARequest(first.url, token);
      } finally {
        assert.equal(await first.stop(), 0);
      }
      // Started again, it reuses the token in its file and does not print it (service logs keep stdout).
      const second = await start(env);
      try {
        assert.equal(second.token, undefined);
        assert.ok(!second.output().includes(token), 'the kept token is not printed again');
        assert.match(second.output(), /Admin token: in .*admin-token/);
        const list = await fetch(`${second.url}/api/admin/requests`, { headers: { Authorization: `Bearer ${token}` } });
        assert.equal(list.status, 200);
      } finally {
        await second.stop();
      }
      // A token from the environment is the operator's: never printed.
      const fromEnvironment = 'operator-token-from-the-environment-0123456789';
      const third = await start({ ...env, GUICHET_ADMIN_TOKEN: fromEnvironment });
      try {
        assert.ok(!third.output().includes(fromEnvironment), 'the token from the environment is not printed');
        assert.match(third.output(), /Admin token: from GUICHET_ADMIN_TOKEN/);
      } finally {
        await third.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

/**
 * The demo pages in Chromium under their strict CSP: no violation, no script error, the forms
 * listed, the elements defined and rendered, and no axe violation in the town's own markup.
 */
async function checkDemoPages(url: string) {
  const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        problems.push(`console: ${message.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const axe = async () => {
      await page.evaluate(axeSource);
      const results = await page.evaluate(async () => {
        const run = (
          window as unknown as {
            axe: {
              run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
            };
          }
        ).axe;
        return (
          await run.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
        ).violations.map((v) => v.id);
      });
      return results;
    };

    await page.goto(`${url}/`);
    assert.equal(await page.locator('h1').textContent(), 'Bienvenue sur le site de la Ville de Montfleury');
    assert.deepEqual(await axe(), [], 'home page');

    await page.goto(`${url}/demarches.html`);
    const links = page.locator('ul.demarches a');
    await links.first().waitFor();
    const forms = (await (await fetch(`${url}/api/forms`)).json()) as { id: string; title: string }[];
    assert.equal(await links.count(), forms.length);
    assert.deepEqual(await axe(), [], 'list page');

    const first = forms[0]!;
    await page.goto(`${url}/demarche.html?id=${first.id}`);
    assert.equal(await page.locator('h1').textContent(), first.title);
    assert.equal(await page.locator('guichet-form').getAttribute('src'), `/api/forms/${first.id}`);
    await page.waitForFunction(() =>
      Boolean(document.querySelector('guichet-form')?.shadowRoot?.querySelector('input, select, textarea')),
    );

    await page.goto(`${url}/suivi.html`);
    await page.waitForFunction(() =>
      Boolean(document.querySelector('guichet-tracker')?.shadowRoot?.querySelector('input')),
    );

    await page.goto(`${url}/demarche.html?id=..%2Fadmin`);
    assert.equal(await page.locator('h1').textContent(), 'Démarche introuvable');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
}

/**
 * What a newcomer does after `npm start`: file a report on the demo site, read the receipt, then
 * follow the request with its reference and tracking code after an agent moved it on.
 */
async function fileAndFollowARequest(url: string, token: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/demarche.html?id=signalement-voirie`);
    await page.getByLabel('Un trou dans la route (nid-de-poule)').check();
    await page.getByLabel('Décrivez le problème').fill('Trou de 30 cm devant le numéro 12, dangereux pour les vélos.');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel('Où est le problème ?').fill('12 rue des Lilas');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel(/J'accepte que la mairie/).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    const reference = page.getByText(/^VOI-\d{4}-\d{6}$/).first();
    await reference.waitFor();
    const referenceText = (await reference.textContent())!.trim();
    const receipt = await page.locator('guichet-form').evaluate((element) => element.shadowRoot?.textContent ?? '');
    const trackingCode = /[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{5}-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{5}/.exec(receipt)?.[0];
    assert.ok(trackingCode, 'the receipt shows the tracking code');

    const stored = (await (
      await fetch(`${url}/api/admin/requests?formId=signalement-voirie`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json()) as {
      reference: string;
      data: Record<string, unknown>;
    }[];
    assert.deepEqual(
      stored.map((r) => r.reference),
      [referenceText],
    );
    assert.equal(stored[0]!.data.address, '12 rue des Lilas');
    const change = await fetch(`${url}/api/admin/requests/${referenceText}/status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ phase: 'in_progress', label: 'Équipe envoyée sur place' }),
    });
    assert.equal(change.status, 200);

    await page.goto(`${url}/suivi.html`);
    await page.getByLabel('Numéro de la demande').fill(referenceText);
    await page.getByLabel('Code de suivi').fill(trackingCode);
    await page.getByRole('button', { name: 'Suivre ma demande' }).click();
    await page.getByText('Équipe envoyée sur place').first().waitFor();
  } finally {
    await browser.close();
  }
}
