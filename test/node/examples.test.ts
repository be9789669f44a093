// The embedding examples of examples/, as a web team would put them online: served from an
// origin of their own (with the repository's dist/ beside them), posting to the real reference
// endpoint on another origin. Each form is filled and sent in Chromium; the request must then be
// in the agent API with the right channel.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page, Request } from 'playwright-core';
import type { StoredRequest } from '@guichet/core';
import { serveStatic, type StaticServer } from '../helpers/static-server.js';
import { launchChromium, wcagTags } from '../helpers/chromium.js';
// @ts-expect-error -- plain JS helper without declarations
import { startEndpoint } from '../../scripts/lib/endpoint-process.mjs';

const root = join(import.meta.dirname, '..', '..');
/** The endpoint the examples name; the test serves them pointing at its own endpoint instead. */
const exampleEndpoint = 'http://127.0.0.1:8787';

interface Endpoint {
  url: string;
  adminToken: string;
  stop(): Promise<void>;
}

/**
 * A town's page that sends requests to its own back office: the adapter is registered from the
 * CDN bundle itself (`registerAdapter`), the form comes from the reference endpoint (`src`).
 */
const ownAdapterPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Nous contacter — Montfleury</title></head><body><main>
<h1>Nous contacter</h1>
<guichet-form adapter="mairie" endpoint="https://gru.montfleury.invalid" src="${exampleEndpoint}/api/forms/contact-service" draft="none"></guichet-form>
<script type="module">
  import * as guichet from '/dist/guichet.js';
  window.sent = [];
  guichet.registerAdapter('mairie', () => ({
    name: 'mairie',
    async submit(request) {
      window.sent.push(request.data);
      const now = new Date().toISOString();
      const status = { reference: 'MAIRIE-2026-1', phase: 'received', code: 'nouvelle', label: 'Reçue', final: false, updatedAt: now, history: [] };
      return { reference: 'MAIRIE-2026-1', trackingCode: 'ABCDE-FGHJK', receivedAt: now, status };
    },
    async status() {
      throw new guichet.EndpointError('not-found', 'Inconnue');
    },
  }));
  window.exported = Object.keys(guichet).sort();
</script>
</main></body></html>`;

function ensureBuild(): void {
  if (existsSync(join(root, 'dist/guichet.js')) && existsSync(join(root, 'packages/elements/dist/index.js'))) return;
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(built.status, 0, `npm run build failed:\n${built.stdout}\n${built.stderr}`);
}

/** Bundles a framework host the way its README says (esbuild), into `outdir`. */
async function bundle(entry: string, outdir: string, options: { vue?: boolean } = {}): Promise<void> {
  await build({
    entryPoints: [join(root, entry)],
    outfile: join(outdir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    logLevel: 'silent',
    define: {
      'process.env.NODE_ENV': '"production"',
      ...(options.vue
        ? {
            __VUE_OPTIONS_API__: 'true',
            __VUE_PROD_DEVTOOLS__: 'false',
            __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
          }
        : {}),
    },
    // The template in main.js is compiled in the browser: Vue's build that carries its compiler.
    alias: options.vue ? { vue: 'vue/dist/vue.esm-bundler.js' } : {},
  });
}

/** What the page itself threw, among the errors `open` collects (not the downloads a test failed). */
const thrown = (errors: string[]) => errors.filter((error) => error.startsWith('page error'));

describe('embedding examples, against the reference endpoint from another origin', { timeout: 180_000 }, () => {
  let server: StaticServer;
  let endpoint: Endpoint;
  let browser: Browser;
  let bundles: string;

  before(async () => {
    ensureBuild();
    bundles = mkdtempSync(join(tmpdir(), 'guichet-examples-'));
    await bundle('examples/react/main.jsx', join(bundles, 'react'));
    await bundle('examples/vue/main.js', join(bundles, 'vue'), { vue: true });
    // The WordPress "Custom HTML" block of examples/wordpress-drupal.md, pasted into a page of an
    // English WordPress (its <html lang="en-US">) as the block editor would.
    const block = /```html\n(<script type="module"[^]*?)```/.exec(
      readFileSync(join(root, 'examples/wordpress-drupal.md'), 'utf8'),
    )?.[1];
    assert.ok(block, 'no Custom HTML block in examples/wordpress-drupal.md');
    // A page of the town's site, `content` pasted into its <main> as a web team would.
    const townPage = (folder: string, title: string, content: string, lang = 'fr') => {
      mkdirSync(join(bundles, folder));
      writeFileSync(
        join(bundles, folder, 'index.html'),
        `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title} — Montfleury</title></head><body><main><h1>${title}</h1>\n${content}</main></body></html>`,
      );
    };
    townPage(
      'wordpress',
      'Signaler un problème',
      block.replaceAll('https://gru.example.org', exampleEndpoint),
      'en-US',
    );
    // dist/snippet.html as the build wrote it, pasted into a CMS page (the form's address twice).
    townPage(
      'snippet',
      'Nous écrire',
      readFileSync(join(root, 'dist/snippet.html'), 'utf8')
        .replace(/https:\/\/cdn\.example\.org\/guichet\/[^/]+\//g, '/dist/')
        .replaceAll(
          'https://gru.example.org/api/forms/signalement-voirie',
          `${exampleEndpoint}/api/forms/contact-service`,
        )
        .replaceAll('https://gru.example.org', exampleEndpoint),
    );
    // dist/tracker-snippet.html as the build wrote it, pasted into the town's follow-up page.
    townPage(
      'tracker-snippet',
      'Suivre ma demande',
      readFileSync(join(root, 'dist/tracker-snippet.html'), 'utf8').replaceAll(
        'https://gru.example.org',
        exampleEndpoint,
      ),
    );
    // A town's tracking page: one script, one tag.
    mkdirSync(join(bundles, 'tracker'));
    writeFileSync(
      join(bundles, 'tracker', 'index.html'),
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Suivre ma demande — Montfleury</title>
<script>addEventListener('guichet-error', (event) => (window.heard ??= []).push(event.detail.kind), true);</script>
<script type="module" src="/dist/guichet.js"></script></head>
<body><main><h1>Suivre ma demande</h1><guichet-tracker endpoint="${exampleEndpoint}/api" heading-level="3"></guichet-tracker></main></body></html>`,
    );
    // A page that plugs its own back office in through the bundle's public API, without a build.
    mkdirSync(join(bundles, 'own-adapter'));
    writeFileSync(join(bundles, 'own-adapter', 'index.html'), ownAdapterPage);
    let api = exampleEndpoint;
    server = await serveStatic(
      {
        '/examples/': join(root, 'examples'),
        '/dist/': join(root, 'dist'),
        '/examples/react/build/': join(bundles, 'react'),
        '/examples/vue/build/': join(bundles, 'vue'),
        '/wordpress/': join(bundles, 'wordpress'),
        '/snippet/': join(bundles, 'snippet'),
        '/own-adapter/': join(bundles, 'own-adapter'),
        '/tracker/': join(bundles, 'tracker'),
        '/tracker-snippet/': join(bundles, 'tracker-snippet'),
      },
      (path): Record<string, string> =>
        path.startsWith('/examples/strict-csp/') && path.endsWith('/')
          ? {
              'Content-Security-Policy': `default-src 'self'; script-src 'self' ${api}; style-src 'self'; connect-src ${api}`,
            }
          : {},
      (_path, text) => text.replaceAll(exampleEndpoint, api),
    );
    endpoint = (await startEndpoint({ allowedOrigins: [server.origin] })) as Endpoint;
    api = new URL(endpoint.url).origin;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await endpoint?.stop();
    await server?.close();
    if (bundles) rmSync(bundles, { recursive: true, force: true });
  });

  async function open(
    path: string,
    watch?: (page: Page, scripts: string[]) => void,
  ): Promise<{ page: Page; errors: string[]; scripts: string[] }> {
    const page = await browser.newPage();
    const scripts: string[] = [];
    watch?.(page, scripts);
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    await page.goto(`${server.url}${path}`);
    return { page, errors, scripts };
  }

  /** `open`, keeping in order when guichet.js and each file `names` matches started and finished. */
  async function openRecording(path: string, names: Record<string, RegExp>) {
    const events: string[] = [];
    const known = Object.entries({ 'guichet.js': /\/dist\/guichet\.js$/, ...names });
    const record = (step: string) => (request: Request) => {
      const what = known.find(([, url]) => url.test(request.url()))?.[0];
      if (what) events.push(`${step} ${what}`);
    };
    const opened = await open(path, (page) => {
      page.on('request', record('request'));
      page.on('requestfinished', record('finished'));
    });
    return { ...opened, events };
  }

  /**
   * `open`, with the downloads of one chunk of dist/ (its own URL and its `?retry=N`) failing as
   * offline while `offline()` says so, and what the page itself threw (not those failures).
   */
  async function openOffline(path: string, chunk: string, offline: () => boolean) {
    const opened = await open(path, (page) => {
      void page.route(new RegExp(`/dist/guichet-${chunk}-[\\w-]+\\.js(\\?retry=\\d+)?$`), (route) =>
        offline() ? route.abort('internetdisconnected') : route.continue(),
      );
    });
    return { ...opened, pageErrors: () => thrown(opened.errors) };
  }

  /** The modulepreload links a page holds more than once (the chunks' own hints make no twins). */
  function hintedTwice(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const hinted = [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map(
        (link) => link.href,
      );
      return hinted.filter((href, index) => hinted.indexOf(href) !== index);
    });
  }

  async function axeViolations(page: Page): Promise<string[]> {
    await page.evaluate(readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    return page.evaluate(async (tags) => {
      const { axe } = window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string }[] }> };
      };
      return (await axe.run(document, { runOnly: tags })).violations.map((violation) => violation.id);
    }, wcagTags);
  }

  async function stored(marker: string): Promise<StoredRequest | undefined> {
    const response = await fetch(`${endpoint.url}/api/admin/requests?formId=contact-service&limit=500`, {
      headers: { Authorization: `Bearer ${endpoint.adminToken}` },
    });
    assert.equal(response.status, 200);
    return ((await response.json()) as StoredRequest[]).find(
      (r) => (r.data as Record<string, unknown> | undefined)?.['subject'] === marker,
    );
  }

  /** Fills the town's contact form as a citizen would, by the labels they read, and sends it. */
  async function fillAndSend(
    page: Page,
    marker: string,
    options: { contactKnown?: boolean; receipt?: boolean } = {},
  ): Promise<void> {
    const form = page.locator('guichet-form');
    await form.getByLabel('Quel service voulez-vous joindre ?').selectOption({ label: 'Voirie et éclairage' });
    await form.getByLabel('Sujet de votre message').fill(marker);
    await form
      .getByRole('textbox', { name: /^Votre message/ })
      .fill('Le lampadaire de la place du Marché clignote depuis lundi soir.');
    await form.getByRole('button', { name: 'Continuer' }).click();
    if (!options.contactKnown) {
      await form.getByLabel('Votre prénom').fill('Amina');
      await form.getByLabel('Votre nom').fill('Benali');
      await form.getByLabel('Votre adresse e-mail').fill('amina.benali@exemple.fr');
      await form.getByRole('radio', { name: 'Par e-mail' }).check();
    }
    await form.getByRole('checkbox', { name: /J'accepte que la mairie garde mon message/ }).check();
    await form.getByRole('button', { name: 'Continuer' }).click();
    await form.getByRole('heading', { name: 'Vérifiez vos réponses' }).waitFor();
    await form.locator('[part~="summary"] button[type="submit"]').click();
    if (options.receipt !== false) await form.locator('[part~="receipt"]').waitFor({ timeout: 20_000 });
  }

  test('the build writes the SRI hash of guichet.js, the hashes of its chunks and a ready snippet', () => {
    const sha384 = (file: string) =>
      `sha384-${createHash('sha384')
        .update(readFileSync(join(root, 'dist', file)))
        .digest('base64')}`;
    const sri = readFileSync(join(root, 'dist/guichet.js.sri'), 'utf8').trim();
    assert.equal(sri, sha384('guichet.js'));
    const snippet = readFileSync(join(root, 'dist/snippet.html'), 'utf8');
    // The script from the endpoint, which serves dist/; or a pinned copy, with its integrity.
    assert.ok(
      snippet.includes(`<script type="module" src="https://gru.example.org/dist/guichet.js"></script>`),
      snippet,
    );
    assert.ok(snippet.includes(`<script type="module" src="https://cdn.example.org/guichet/`), snippet);
    assert.ok(snippet.includes(`integrity="${sri}" crossorigin="anonymous"></script>`), snippet);
    assert.match(snippet, /<guichet-form src="[^"]+" endpoint="[^"]+" lang="fr"><\/guichet-form>/);
    const src = /<guichet-form src="([^"]+)"/.exec(snippet)?.[1];
    assert.ok(snippet.includes(`<link rel="preload" as="fetch" href="${src}" crossorigin="anonymous">`), snippet);
    const chunk = /<link rel="modulepreload" href="[^"]+\/(guichet-lazy-[\w-]+\.js)" integrity="([^"]+)"/.exec(snippet);
    assert.ok(chunk, snippet);
    assert.equal(chunk[2], sha384(chunk[1]!));
    const integrity = JSON.parse(readFileSync(join(root, 'dist/integrity.json'), 'utf8')) as Record<string, string>;
    const imported = [
      ...readFileSync(join(root, 'dist/guichet.js'), 'utf8').matchAll(/["'`]\.\/(guichet-[\w-]+\.js)["'`]/g),
    ].map((m) => m[1]!);
    for (const chunk of ['guichet.js', ...imported, 'themes/dsfr.css', 'themes/high-contrast.css'])
      assert.equal(integrity[chunk], sha384(chunk), chunk);
    // The follow-up page's snippet: the tracker's own chunk hinted beside the script, with its hash.
    const trackerSnippet = readFileSync(join(root, 'dist/tracker-snippet.html'), 'utf8');
    assert.ok(trackerSnippet.includes(`<script type="module" src="https://gru.example.org/dist/guichet.js"></script>`));
    assert.match(trackerSnippet, /<guichet-tracker endpoint="[^"]+" lang="fr" from-url><\/guichet-tracker>/);
    const tracking = /<link rel="modulepreload" href="[^"]+\/(guichet-tracking-[\w-]+\.js)" integrity="([^"]+)"/.exec(
      trackerSnippet,
    );
    assert.ok(tracking, trackerSnippet);
    assert.equal(tracking[2], sha384(tracking[1]!));
  });

  test('CMS page: one script, one tag; the request is stored with channel web', async () => {
    const { page, errors } = await open('examples/cms-page/');
    try {
      const marker = `CMS ${Date.now()}`;
      await fillAndSend(page, marker);
      const request = await stored(marker);
      assert.equal(request?.channel, 'web');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('the form appearing does not send Chrome’s autofill through every control again, and its choice list works as before', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cdp = await page.context().newCDPSession(page);
    /**
     * What posted each main-thread task while `work` ran and for a second after. Autofill posts
     * `SelectControlSelectionChanged` when a <select> of the page changes its selection, then reads
     * every control of the form, with a style and layout pass for each (see shared/detached.ts).
     */
    const postersDuring = async (work: () => Promise<unknown>): Promise<string[]> => {
      const events: { args?: { src_func?: string } }[] = [];
      const collect = ({ value }: { value: unknown[] }) => events.push(...(value as typeof events));
      cdp.on('Tracing.dataCollected', collect);
      const ended = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', { categories: 'toplevel', transferMode: 'ReportEvents' });
      await work();
      await page.waitForTimeout(1_000);
      await cdp.send('Tracing.end');
      await ended;
      cdp.off('Tracing.dataCollected', collect);
      assert.ok(events.length > 100, `the trace recorded the page's tasks (${events.length} events)`);
      return events.flatMap((event) => (event.args?.src_func ? [event.args.src_func] : []));
    };
    try {
      const service = page.locator('guichet-form').getByLabel('Quel service voulez-vous joindre ?');
      const appearing = await postersDuring(async () => {
        await page.goto(`${server.url}examples/cms-page/`);
        await service.waitFor();
      });
      assert.ok(
        !appearing.includes('SelectControlSelectionChanged'),
        'autofill was told a choice list changed its selection',
      );
      // The same browser does post that task for a list a script builds in the page's document:
      // the trace would see it (this test is not blind to it).
      const control = await postersDuring(() =>
        page.evaluate(() => {
          const form = document.createElement('form');
          const select = document.createElement('select');
          select.setAttribute('aria-label', 'Témoin');
          for (const value of ['', 'a', 'b']) select.append(new Option(value || '—', value));
          form.append(select);
          document.body.append(form);
        }),
      );
      assert.ok(
        control.includes('SelectControlSelectionChanged'),
        'a list built in the page’s document no longer makes autofill read the form: see shared/detached.ts',
      );
      await page.evaluate(() => document.querySelector('body > form')?.remove());
      // Built in another document, the list now belongs to the page's: what the citizen picks is sent.
      assert.equal(await service.evaluate((select) => select.ownerDocument === document), true);
      const marker = `Choice list ${Date.now()}`;
      await fillAndSend(page, marker);
      assert.equal(((await stored(marker))?.data as Record<string, unknown> | undefined)?.['service'], 'voirie');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('the sending code lost on the way the first time: the citizen sends all the same', async () => {
    // The form downloads it ahead of Send; a connection that drops then must not leave Send broken
    // in browsers that remember a failed module download for the page's life.
    let tries = 0;
    const { page, pageErrors } = await openOffline('examples/cms-page/', 'work', () => tries++ === 0);
    try {
      const marker = `Work chunk ${Date.now()}`;
      await fillAndSend(page, marker);
      assert.equal((await stored(marker))?.channel, 'web');
      assert.equal(tries, 2);
      assert.deepEqual(pageErrors(), []);
    } finally {
      await page.close();
    }
  });

  test('the sending code cannot download when the citizen sends: the form says so, and Send works once it can', async () => {
    let online = false;
    const { page, pageErrors } = await openOffline('examples/cms-page/', 'work', () => !online);
    try {
      const marker = `Offline send ${Date.now()}`;
      const form = page.locator('guichet-form');
      await fillAndSend(page, marker, { receipt: false });
      const status = form.getByRole('status').filter({ hasText: 'Votre demande n’est pas encore partie.' });
      await status.waitFor();
      assert.match(
        (await status.textContent()) ?? '',
        /La connexion à internet semble coupée\. Vérifiez-la, puis envoyez à nouveau/,
      );
      assert.deepEqual(await axeViolations(page), []);
      assert.equal(await stored(marker), undefined);
      online = true;
      await form.locator('[part~="summary"] button[type="submit"]').click();
      await form.locator('[part~="receipt"]').waitFor({ timeout: 20_000 });
      assert.equal((await stored(marker))?.channel, 'web');
      assert.deepEqual(pageErrors(), []);
    } finally {
      await page.close();
    }
  });

  test('the checking rules lost on the way while the citizen answers: the form stays, says so, and checks once it can', async () => {
    let online = false;
    const { page, pageErrors } = await openOffline('examples/cms-page/', 'checks', () => !online);
    try {
      const form = page.locator('guichet-form');
      await form.getByLabel('Quel service voulez-vous joindre ?').selectOption({ label: 'Voirie et éclairage' });
      const marker = `Rules lost ${Date.now()}`;
      await form.getByLabel('Sujet de votre message').fill(marker);
      await form.getByRole('button', { name: 'Continuer' }).click();
      const uncheckable = form.getByRole('alert').filter({ hasText: 'Vos réponses n’ont pas pu être vérifiées' });
      await uncheckable.waitFor();
      // Still the first step, the answers where the citizen left them.
      assert.equal(await form.getByLabel('Sujet de votre message').inputValue(), marker);
      assert.deepEqual(await axeViolations(page), []);
      // Failing again, it is said again: a new alert, which a screen reader announces.
      await uncheckable.evaluate((alert) => (alert.dataset['heard'] = 'once'));
      await form.getByRole('button', { name: 'Continuer' }).click();
      await form.locator('[part~="uncheckable"]:not([data-heard])').waitFor();

      online = true;
      await fillAndSend(page, marker);
      assert.equal(await uncheckable.count(), 0);
      assert.equal((await stored(marker))?.channel, 'web');
      assert.deepEqual(pageErrors(), []);
    } finally {
      await page.close();
    }
  });

  test('the form’s own code cannot download at first: the form says so, offers to try again, and then works', async () => {
    let online = false;
    const { page, pageErrors } = await openOffline('examples/cms-page/', 'lazy', () => !online);
    try {
      const form = page.locator('guichet-form');
      await form.getByRole('alert').filter({ hasText: 'Ce formulaire ne peut pas s’afficher' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      online = true;
      await form.getByRole('button', { name: 'Réessayer' }).click();
      const marker = `Reader retried ${Date.now()}`;
      await fillAndSend(page, marker);
      assert.equal((await stored(marker))?.channel, 'web');
      assert.deepEqual(pageErrors(), []);
    } finally {
      await page.close();
    }
  });

  test('strict CSP (no unsafe-inline, no unsafe-eval): the form loads, is sent, and nothing is reported', async () => {
    const { page, errors, scripts } = await open('examples/strict-csp/', (page, scripts) =>
      page.on('request', (request) => {
        if (request.resourceType() === 'script' && request.url().startsWith(endpoint.url)) scripts.push(request.url());
      }),
    );
    try {
      const csp = (await page.request.get(`${server.url}examples/strict-csp/`)).headers()['content-security-policy'];
      assert.match(csp ?? '', /script-src 'self' http:\/\/127\.0\.0\.1:\d+; style-src 'self'/);
      assert.doesNotMatch(csp ?? '', /unsafe/);
      const marker = `CSP ${Date.now()}`;
      await fillAndSend(page, marker);
      assert.equal((await stored(marker))?.channel, 'web');
      // The validator came precompiled from the endpoint (X-Guichet-Validator), as a module script.
      assert.ok(scripts.length > 0, 'no validator module loaded from the endpoint');
      const violations = await page.evaluate(() => (window as unknown as { cspViolations: unknown[] }).cspViolations);
      assert.deepEqual(violations, []);
      assert.equal(
        await page.locator('#csp-report').textContent(),
        'Aucune violation de la politique de sécurité (CSP) sur cette page.',
      );
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('agent counter: prefilled data, channel counter', async () => {
    const { page, errors } = await open('examples/agent-counter/');
    try {
      const form = page.locator('guichet-form');
      await form.getByLabel('Sujet de votre message').waitFor();
      const marker = `Accueil ${Date.now()}`;
      await form.getByLabel('Sujet de votre message').fill(marker);
      await form.getByLabel('Quel service voulez-vous joindre ?').selectOption({ label: 'Voirie et éclairage' });
      await form
        .getByRole('textbox', { name: /^Votre message/ })
        .fill('Madame Benali signale un lampadaire éteint rue des Lilas.');
      await form.getByRole('button', { name: 'Continuer' }).click();
      assert.equal(await form.getByLabel('Votre prénom').inputValue(), 'Amina');
      assert.equal(await form.getByLabel('Votre adresse e-mail').inputValue(), 'amina.benali@exemple.fr');
      await form.getByRole('checkbox', { name: /J'accepte que la mairie garde mon message/ }).check();
      await form.getByRole('button', { name: 'Continuer' }).click();
      await form.locator('[part~="summary"] button[type="submit"]').click();
      await form.locator('[part~="receipt"]').waitFor({ timeout: 20_000 });
      const request = await stored(marker);
      assert.equal(request?.channel, 'counter');
      assert.equal((request?.data as Record<string, unknown>)['phone'], '06 12 34 56 78');
      assert.match(
        (await page.locator('#journal').textContent()) ?? '',
        new RegExp(`Dernière demande enregistrée : ${request!.reference}`),
      );
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('dist/snippet.html: the definition and the reader chunk download beside guichet.js, once each, the code that sends once the first step is there, and the form is sent', async () => {
    // What each request did, in order: without the snippet's hints the definition could only be
    // asked for once guichet.js had arrived and run, and the chunk once the definition was read.
    const { page, errors, events } = await openRecording('snippet/', {
      definition: /\/api\/forms\/contact-service$/,
      chunk: /\/dist\/guichet-lazy-[\w-]+\.js$/,
      work: /\/dist\/guichet-work-[\w-]+\.js$/,
      checks: /\/dist\/guichet-checks-[\w-]+\.js$/,
      messages: /\/dist\/guichet-format-[\w-]+\.js$/,
      validator: /\/api\/forms\/contact-service\/validator\.js$/,
      conditions: /\/dist\/guichet-conditions-[\w-]+\.js$/,
    });
    try {
      // Until the first question shows (the receipt fetches the form again later, for its contact).
      await page.locator('guichet-form').getByLabel('Quel service voulez-vous joindre ?').waitFor();
      const loading = [...events];
      for (const what of ['definition', 'chunk', 'guichet.js'])
        assert.equal(loading.filter((e) => e === `request ${what}`).length, 1, `${what} once: ${loading.join(', ')}`);
      const guichetArrived = loading.indexOf('finished guichet.js');
      assert.ok(loading.indexOf('request definition') < guichetArrived, loading.join(', '));
      assert.ok(loading.indexOf('request chunk') < guichetArrived, loading.join(', '));
      // This form's conditions decide what its first step shows: it waited for its compiled rules
      // and the code that reads them, both asked for as soon as the definition arrived…
      for (const what of ['validator', 'conditions'])
        assert.ok(loading.includes(`finished ${what}`), `${what}: ${loading.join(', ')}`);
      // …and the checks chunk (the validator's messages, the full reader) follows them, never
      // sharing the network with them.
      for (let waited = 0; !events.includes('finished checks') && waited < 10_000; waited += 50)
        await page.waitForTimeout(50);
      assert.ok(events.indexOf('request checks') > events.indexOf('finished validator'), events.join(', '));
      assert.ok(events.indexOf('request checks') > events.indexOf('finished conditions'), events.join(', '));
      // Its messages are asked for with it, not once it has arrived (one round trip fewer).
      assert.ok(events.indexOf('request messages') < events.indexOf('finished checks'), events.join(', '));
      // The code that sends comes once the first step is there (never competing with the reader),
      // and before the citizen reaches Send, so a connection lost meanwhile loses nothing.
      for (let waited = 0; !events.includes('finished work') && waited < 10_000; waited += 50)
        await page.waitForTimeout(50);
      assert.ok(events.indexOf('request work') > events.indexOf('finished chunk'), events.join(', '));
      assert.ok(events.includes('finished work'), events.join(', '));
      const marker = `Snippet ${Date.now()}`;
      await fillAndSend(page, marker);
      assert.equal((await stored(marker))?.channel, 'web');
      assert.equal(events.filter((e) => e === 'request work').length, 1, events.join(', '));
      assert.equal(events.filter((e) => e === 'request checks').length, 1, events.join(', '));
      // The page's hint and the validator's import are one download.
      assert.equal(events.filter((e) => e === 'request validator').length, 1, events.join(', '));
      // The chunks' own hints add no twin of the snippet's, nor of one another's.
      assert.deepEqual(await hintedTwice(page), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('WordPress Custom HTML block, the script from the endpoint: the form is in French on an English site, and is sent', async () => {
    const { page, errors } = await open('wordpress/');
    try {
      const script = page.locator('script[type="module"]');
      assert.equal(await script.getAttribute('src'), `${endpoint.url}/dist/guichet.js`);
      const form = page.locator('guichet-form');
      await form.getByRole('radio', { name: 'Un lampadaire éteint ou qui clignote' }).check();
      const marker = `WordPress ${Date.now()}`;
      await form.getByRole('textbox', { name: /^Décrivez le problème/ }).fill(marker);
      await form.getByRole('button', { name: 'Continuer' }).click();
      await form.getByRole('textbox', { name: /^Où est le problème/ }).fill('Place du Marché');
      await form.getByRole('button', { name: 'Continuer' }).click();
      await form.getByRole('checkbox', { name: /J'accepte/ }).check();
      await form.getByRole('button', { name: 'Continuer' }).click();
      await form.locator('[part~="summary"] button[type="submit"]').click();
      await form.locator('[part~="receipt"]').waitFor({ timeout: 20_000 });
      const response = await fetch(`${endpoint.url}/api/admin/requests?formId=signalement-voirie&limit=500`, {
        headers: { Authorization: `Bearer ${endpoint.adminToken}` },
      });
      const request = ((await response.json()) as StoredRequest[]).find(
        (r) => (r.data as Record<string, unknown>)['description'] === marker,
      );
      assert.equal(request?.channel, 'web');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('dist/tracker-snippet.html: the tracker’s own code downloads beside guichet.js, once, and the look-up form shows', async () => {
    // Without the hint the chunk could only be asked for once guichet.js had arrived and run.
    const { page, errors, events } = await openRecording('tracker-snippet/', {
      tracking: /\/dist\/guichet-tracking-[\w-]+\.js(\?retry=\d+)?$/,
    });
    try {
      const tracker = page.locator('guichet-tracker');
      await tracker.getByLabel(/Numéro de la demande/).waitFor();
      await tracker.getByLabel(/Code de suivi/).waitFor();
      assert.equal(events.filter((e) => e === 'request tracking').length, 1, events.join(', '));
      assert.ok(events.indexOf('request tracking') < events.indexOf('finished guichet.js'), events.join(', '));
      assert.deepEqual(await hintedTwice(page), []);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('a tracker whose own code does not download says so, offers to try again, then shows the look-up form', async () => {
    // guichet.js holds the element; what it does comes in a chunk of its own (a form page never loads it).
    let tries = 0;
    const { page, pageErrors } = await openOffline('tracker/', 'tracking', () => tries++ === 0);
    try {
      const tracker = page.locator('guichet-tracker');
      await tracker.getByRole('alert').filter({ hasText: 'Connexion impossible' }).waitFor();
      // At the page's level (heading-level="3"), as every other state of the tracker.
      assert.equal(
        await tracker.getByRole('heading', { name: 'Connexion impossible' }).getAttribute('aria-level'),
        '3',
      );
      assert.deepEqual(await page.evaluate(() => (window as unknown as { heard: string[] }).heard), ['network']);
      assert.deepEqual(await axeViolations(page), []);
      await tracker.getByRole('button', { name: 'Réessayer' }).click();
      await tracker.getByLabel(/Numéro de la demande/).waitFor();
      assert.equal(await tracker.getByRole('alert').count(), 0);
      assert.deepEqual(await axeViolations(page), []);
      assert.equal(tries, 2);
      assert.deepEqual(pageErrors(), []);
    } finally {
      await page.close();
    }
  });

  test('dist/tracker-snippet.html: a retried chunk is held to the integrity the snippet gave it', async () => {
    // The chunk's own URL never arrives; its first retry arrives altered (a host that failed the
    // first request and serves something else to the next); the second is the real one.
    const served: string[] = [];
    const { page, errors } = await open('tracker-snippet/', (page) => {
      void page.route(/\/dist\/guichet-tracking-[\w-]+\.js(\?retry=\d+)?$/, (route) => {
        const retry = new URL(route.request().url()).searchParams.get('retry');
        served.push(retry ?? 'own URL');
        if (retry === null) return route.abort('internetdisconnected');
        if (retry === '1')
          return route.fulfill({
            contentType: 'text/javascript',
            headers: { 'Access-Control-Allow-Origin': '*' },
            body: 'window.altered = true; export class Tracking {}',
          });
        return route.continue();
      });
    });
    try {
      const tracker = page.locator('guichet-tracker');
      const unavailable = tracker.getByRole('alert').filter({ hasText: 'Connexion impossible' });
      await unavailable.waitFor();
      await tracker.getByRole('button', { name: 'Réessayer' }).click();
      await page.waitForFunction(() => document.querySelector('link[href$="?retry=1"]'));
      await page.waitForTimeout(500);
      assert.equal(await page.evaluate(() => (window as unknown as { altered?: boolean }).altered), undefined);
      await unavailable.waitFor();
      await tracker.getByRole('button', { name: 'Réessayer' }).click();
      await tracker.getByLabel(/Numéro de la demande/).waitFor();
      assert.equal(await page.evaluate(() => (window as unknown as { altered?: boolean }).altered), undefined);
      assert.deepEqual(served.slice(-2), ['1', '2']);
      assert.deepEqual(thrown(errors), []);
    } finally {
      await page.close();
    }
  });

  test('the CDN bundle exports its public API only, and a page registers its own back office with it', async () => {
    const { page, errors } = await open('own-adapter/');
    try {
      await page.waitForFunction(() => (window as unknown as { exported?: string[] }).exported);
      const exported = await page.evaluate(() => (window as unknown as { exported: string[] }).exported);
      assert.deepEqual(exported, [
        'EndpointError',
        'GuichetErrorEvent',
        'GuichetForm',
        'GuichetReplyEvent',
        'GuichetStatusChangeEvent',
        'GuichetStepEvent',
        'GuichetSubmitEvent',
        'GuichetSubmittedEvent',
        'GuichetTracker',
        'registerAdapter',
      ]);
      const marker = `Adaptateur ${Date.now()}`;
      await fillAndSend(page, marker);
      // The authority's adapter got the answers and gave the receipt: nothing reached the endpoint.
      const sent = await page.evaluate(() => (window as unknown as { sent: Record<string, unknown>[] }).sent);
      assert.equal(sent.length, 1);
      assert.equal(sent[0]!['subject'], marker);
      assert.match((await page.locator('guichet-form [part~="receipt"]').textContent()) ?? '', /MAIRIE-2026-1/);
      assert.equal(await stored(marker), undefined);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  for (const host of ['react', 'vue']) {
    test(`${host} host: properties set, events heard by the host`, async () => {
      const { page, errors } = await open(`examples/${host}/`);
      try {
        const form = page.locator('guichet-form');
        // The host's prefill went through the `data` property.
        const chosen = await form
          .getByLabel('Quel service voulez-vous joindre ?')
          .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent?.trim());
        assert.equal(chosen, host === 'react' ? 'Voirie et éclairage' : 'Urbanisme (permis de construire, travaux)');
        const marker = `${host} ${Date.now()}`;
        await fillAndSend(page, marker);
        const request = await stored(marker);
        assert.equal(request?.channel, 'web');
        assert.equal(
          await page.locator('#host-status').textContent(),
          `Votre demande ${request!.reference} est enregistrée.`,
        );
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }
});
