// `npm start`, as a newcomer runs it: scripts/start.mjs builds what is missing, starts the
// endpoint with the demo town site, prints the URL and the admin token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
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
  const ready = new Promise<{ url: string; token: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /Guichet is running at (http:\/\/\S+)/.exec(output)?.[1];
      const token = /Admin token[^:]*: (\S+)/.exec(output)?.[1];
      if (url && token) resolve({ url, token });
    });
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    ...(await ready),
    async stop() {
      process.kill(child.pid!, 'SIGTERM');
      return exited;
    },
  };
}

test(
  'npm start prints the URL and admin token, serves the demo site and the bundle, and reuses its token',
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
      try {
        assert.equal(first.url, `http://127.0.0.1:${port}`);
        const tokenFile = join(dir, 'admin-token');
        assert.equal(readFileSync(tokenFile, 'utf8').trim(), first.token);
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
          headers: { Authorization: `Bearer ${first.token}` },
        });
        assert.equal(list.status, 200);

        await checkDemoPages(first.url);
        await fileAndFollowARequest(first.url, first.token, join(dir, 'mail'));
      } finally {
        assert.equal(await first.stop(), 0);
      }
      const second = await start(env);
      try {
        assert.equal(second.token, first.token);
      } finally {
        await second.stop();
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
async function eventuallyMails(dir: string, count: number): Promise<ParsedMail[]> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.eml')) : [];
    if (files.length >= count) {
      const mails = await Promise.all(files.map((name) => simpleParser(readFileSync(join(dir, name)))));
      // The receipt first: both may carry the same second in their Date.
      return mails.sort((a, b) => Number(b.subject?.includes('reçue')) - Number(a.subject?.includes('reçue')));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`fewer than ${count} mails in ${dir}`);
}

async function fileAndFollowARequest(url: string, token: string, mailDir: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/demarche.html?id=signalement-voirie`);
    await page.getByLabel('Un trou dans la route (nid-de-poule)').check();
    await page.getByLabel('Décrivez le problème').fill('Trou de 30 cm devant le numéro 12, dangereux pour les vélos.');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel('Où est le problème ?').fill('12 rue des Lilas');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel(/Votre adresse e-mail/).fill('camille@example.fr');
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

    // Without SMTP, the demo writes its mails as .eml files beside the database: the receipt
    // (with the tracking code) and the phase change, each linking to the town's tracking page.
    const mails = await eventuallyMails(mailDir, 2);
    const link = `${url}/suivi.html?reference=${referenceText}`;
    assert.deepEqual(
      mails.map((mail) => mail.subject),
      [
        `Demande ${referenceText} reçue : Signaler un problème dans la rue`,
        `Demande ${referenceText} : Équipe envoyée sur place`,
      ],
    );
    assert.ok(mails[0]!.text?.includes(trackingCode), 'the receipt mail tells the tracking code');
    for (const mail of mails) {
      assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'camille@example.fr');
      assert.ok(mail.text?.includes(link), 'the link to the tracking page');
    }

    await page.goto(link);
    assert.equal(await page.getByLabel('Numéro de la demande').inputValue(), referenceText);
    await page.getByLabel('Code de suivi').fill(trackingCode);
    await page.getByRole('button', { name: 'Suivre ma demande' }).click();
    await page.getByText('Équipe envoyée sur place').first().waitFor();
  } finally {
    await browser.close();
  }
}
