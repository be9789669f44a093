// `npm start`, as a newcomer runs it: scripts/start.mjs builds what is missing, starts the
// endpoint with the demo town site, prints the URL, and the admin token the one time it made it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { freePort } from '../../scripts/lib/free-port.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { launchChromium } from '../helpers/chromium.js';

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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
        // The themes the docs link, beside the bundle.
        for (const theme of ['dsfr', 'high-contrast']) {
          const sheet = await fetch(`${first.url}/dist/themes/${theme}.css`);
          assert.equal(sheet.status, 200, `/dist/themes/${theme}.css`);
          assert.match(sheet.headers.get('content-type') ?? '', /^text\/css/);
          assert.match(await sheet.text(), /--guichet-color-primary/);
        }

        const list = await fetch(`${first.url}/api/admin/requests`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        assert.equal(list.status, 200);

        await checkDemoPages(first.url);
        await fileAndFollowARequest(first.url, token, join(dir, 'mail'));
      } finally {
        assert.equal(await first.stop(), 0);
      }
      // Started again, it reuses the token in its file and does not print it (service logs keep
      // stdout); as in a terminal: readable lines, none per successful request.
      const second = await start({ ...env, GUICHET_LOG_LEVEL: 'info', GUICHET_LOG_FORMAT: 'pretty' });
      try {
        assert.equal(second.token, undefined);
        assert.ok(!second.output().includes(token), 'the kept token is not printed again');
        assert.match(second.output(), /Admin token: in .*admin-token/);
        const list = await fetch(`${second.url}/api/admin/requests`, { headers: { Authorization: `Bearer ${token}` } });
        assert.equal(list.status, 200);
        for (let i = 0; i < 20; i++) await fetch(`${second.url}/api/forms`);
        const missing = await fetch(`${second.url}/api/forms/nothing-here`);
        assert.equal(missing.status, 404);
        const lines = () => second.output().trimEnd().split('\n');
        await waitFor(() => lines().some((line) => line.includes('route=/api/forms/:id')), 'the 404 logged');
        const afterBanner = lines()
          .slice(lines().findIndex((line) => line.startsWith('Stop with Ctrl+C.')) + 1)
          .filter(Boolean);
        assert.equal(afterBanner.length, 1, `only the 404 follows the banner:\n${afterBanner.join('\n')}`);
        assert.match(
          afterBanner[0]!,
          /^\d\d:\d\d:\d\d info {2}request method=GET route=\/api\/forms\/:id status=404 ms=/,
        );
        assert.ok(
          lines().every((line) => !line.startsWith('{')),
          'no JSON line in a terminal',
        );
        assert.ok(
          lines().some((line) => / info {2}forms loaded forms=acte-etat-civil, /.test(line)),
          second.output(),
        );
        assert.match(
          second.output(),
          /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/dist\/guichet\.js"><\/script>/,
        );
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
  const browser = await launchChromium();
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

    // Every page, in French and in English: one header and one footer, a language switch to the
    // same page in the other language, room above the heading, no axe violation.
    const forms = (await (await fetch(`${url}/api/forms`)).json()) as { id: string; title: string }[];
    const first = forms[0]!;
    const pages = [
      {
        fr: '/',
        en: '/en/index.html',
        h1: ['Bienvenue sur le site de la Ville de Montfleury', 'Welcome to the Town of Montfleury'],
      },
      { fr: '/demarches.html', en: '/en/procedures.html', h1: ['Démarches en ligne', 'Online services'] },
      { fr: `/demarche.html?id=${first.id}`, en: `/en/procedure.html?id=${first.id}`, h1: [first.title, undefined] },
      { fr: '/suivi.html', en: '/en/track.html', h1: ['Suivre ma demande', 'Track my request'] },
    ];
    for (const spec of pages) {
      for (const [lang, path, other, otherPath, h1] of [
        ['fr', spec.fr, 'en', spec.en, spec.h1[0]],
        ['en', spec.en, 'fr', spec.fr, spec.h1[1]],
      ] as const) {
        await page.goto(`${url}${path}`);
        const where = `${path}`;
        assert.equal(await page.locator('html').getAttribute('lang'), lang, where);
        if (h1) {
          // A procedure's page names it once its definition has come: waited for, then checked.
          await page
            .locator('h1', { hasText: h1 })
            .waitFor({ timeout: 10_000 })
            .catch(() => undefined);
          assert.equal(await page.locator('h1').textContent(), h1, where);
        }
        assert.equal(await page.locator('header.site-header').count(), 1, where);
        assert.equal(await page.locator('footer.site-footer').count(), 1, where);
        const skip = page.locator('a.skip-link');
        assert.equal(await skip.getAttribute('href'), `#${await page.locator('main').getAttribute('id')}`, where);
        const switchLink = page.locator(`header a[hreflang="${other}"]`);
        assert.equal(await switchLink.getAttribute('lang'), other, where);
        const target = otherPath === '/' ? '/index.html' : otherPath;
        assert.equal(await switchLink.getAttribute('href'), target, where);
        const padding = await page.locator('main').evaluate((main) => parseFloat(getComputedStyle(main).paddingTop));
        assert.ok(padding >= 16, `${where}: main's top padding is ${padding}px`);
        assert.deepEqual(await axe(), [], where);
      }
    }

    await page.goto(`${url}/demarches.html`);
    const links = page.locator('ul.demarches a');
    await links.first().waitFor();
    assert.equal(await links.count(), forms.length);
    await page.goto(`${url}/en/procedures.html`);
    await page.locator('ul.demarches a').first().waitFor();
    // The forms' English titles, from their translations.
    assert.ok((await page.locator('ul.demarches a').allTextContents()).includes('Report a problem in the street'));

    await page.goto(`${url}/demarche.html?id=${first.id}`);
    assert.equal(await page.locator('guichet-form').getAttribute('src'), `/api/forms/${first.id}`);
    await page.waitForFunction(() =>
      Boolean(document.querySelector('guichet-form')?.shadowRoot?.querySelector('input, select, textarea')),
    );
    // The widget in the town's colours, through the theme's custom properties.
    const colours = await page.evaluate(() => {
      const button = document.querySelector('guichet-form')!.shadowRoot!.querySelector('button.primary')!;
      const siteButton = document.createElement('a');
      siteButton.className = 'button';
      document.body.append(siteButton);
      const site = getComputedStyle(siteButton).backgroundColor;
      siteButton.remove();
      return { widget: getComputedStyle(button).backgroundColor, site };
    });
    assert.equal(colours.widget, colours.site);
    await page.goto(`${url}/en/procedure.html?id=signalement-voirie`);
    await page.waitForFunction(() =>
      Boolean(document.querySelector('guichet-form')?.shadowRoot?.querySelector('input, select, textarea')),
    );
    assert.equal(await page.locator('h1').textContent(), 'Report a problem in the street');
    assert.equal(await page.locator('guichet-form').getAttribute('lang'), 'en');

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
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/demarche.html?id=signalement-voirie`);
    // The page's h1 names the procedure; the form's own title is there for screen readers only.
    await page.getByLabel('Un trou dans la route (nid-de-poule)').waitFor();
    const titleArea = await page.locator('guichet-form').evaluate((form) => {
      const box = form.shadowRoot!.querySelector('#guichet-title')!.getBoundingClientRect();
      return box.width * box.height;
    });
    assert.ok(titleArea <= 1, `the form's title takes ${titleArea} px² beside the page's h1`);
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
        `Demande ${referenceText} reçue\u00a0: Signaler un problème dans la rue`,
        `Demande ${referenceText}\u00a0: Équipe envoyée sur place`,
      ],
    );
    assert.ok(mails[0]!.text?.includes(trackingCode), 'the receipt mail tells the tracking code');
    for (const mail of mails) {
      assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'camille@example.fr');
      assert.ok(mail.text?.includes(link), 'the link to the tracking page');
    }

    // The receipt's link opens the tracking page on this request: the reference travels in the
    // address, the tracking code never does (the citizen types it, here in lower case).
    await page.getByRole('link', { name: /page de suivi de cette demande/ }).click();
    await page.waitForURL(/\/suivi\.html\?/);
    assert.equal(page.url(), link);
    const address = new URL(page.url());
    assert.deepEqual([...address.searchParams], [['reference', referenceText]]);
    assert.equal(await page.getByLabel('Numéro de la demande').inputValue(), referenceText);
    await page.getByLabel('Code de suivi').fill(` ${trackingCode.toLowerCase()} `);
    await page.getByRole('button', { name: 'Suivre ma demande' }).click();
    await page.getByText('Équipe envoyée sur place').first().waitFor();

    // The service needs a photo: the citizen reads the mail, follows its link and answers from
    // the tracker with a file; the agent sees the reply.
    const asked = await fetch(`${url}/api/admin/requests/${referenceText}/status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        phase: 'action_required',
        label: 'Photo à envoyer',
        note: 'Envoyez-nous une photo du trou.',
      }),
    });
    assert.equal(asked.status, 200);
    const mail = (await eventuallyMails(mailDir, 3)).find((parsed) => parsed.subject?.includes('Photo à envoyer'));
    const mailText = mail?.text ?? '';
    assert.ok(mailText.includes('Envoyez-nous une photo du trou.'), "the agent's note is in the mail");
    assert.ok(!mailText.includes(trackingCode), 'a phase change never repeats the tracking code');
    const followed = /https?:\/\/\S+\/suivi\.html\?reference=[\w-]+/.exec(mailText)?.[0];
    assert.equal(followed, link);
    await page.goto(followed!);
    await page.getByLabel('Code de suivi').fill(trackingCode);
    await page.getByRole('button', { name: 'Suivre ma demande' }).click();
    await page.getByLabel('Votre message').fill('Voici la photo du trou.');
    await page.getByLabel('Documents (facultatif)').setInputFiles({
      name: 'trou.png',
      mimeType: 'image/png',
      buffer: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
        'base64',
      ),
    });
    await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
    await page.getByText('Votre réponse a été envoyée.').waitFor();
    const seen = (await (
      await fetch(`${url}/api/admin/requests/${referenceText}`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { replies: { message?: string; attachments: { name: string }[] }[] };
    assert.deepEqual(
      seen.replies.map((reply) => [reply.message, reply.attachments.map((file) => file.name)]),
      [['Voici la photo du trou.', ['trou.png']]],
    );
  } finally {
    await browser.close();
  }
}
