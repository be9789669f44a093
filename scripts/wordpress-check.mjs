// `node scripts/wordpress-check.mjs [--keep]`: Guichet in a real WordPress, as a town's web team
// would publish it, and a citizen's journey there. Not part of `npm test`: it installs Debian
// packages (as root: wordpress, its default block theme, mariadb-server, php-cli, php-mysql) when
// they are missing, and takes a minute or two.
//
// On 127.0.0.1 and free ports, each stopped by its PID at the end: a throwaway MariaDB, the
// Guichet endpoint (allowing the WordPress origin), Debian's WordPress under `php -S`. WordPress
// is installed with an editor and an author; the plugin of examples/wordpress/ is activated; then
// it publishes, as the docs (examples/wordpress-drupal.md) say:
//   - as the editor, a page with the documented Custom HTML snippet, and a tracker page with the
//     documented tracker snippet;
//   - as the author, a post with the [guichet] shortcode, and the page with [guichet_suivi]
//     (as the editor: authors cannot publish pages);
//   - as the author, a post with the Custom HTML snippet, to report what WordPress kept of it.
// A citizen then files a street problem on the snippet page and on the shortcode post, keyboard
// only, at 1280 and 375 px, reads the receipt, and follows the request on the tracker page. Every
// console message of Guichet's is reported. Exits non-zero when a step fails. `--keep` leaves the
// servers running (their PIDs are printed) and the temporary folder in place.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, assertChromium } from './lib/chromium.mjs';
import { startEndpoint } from './lib/endpoint-process.mjs';
import { freePort } from './lib/free-port.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const steps = [];
let failed = false;

function say(line) {
  console.log(line);
}

function step(name, ok, detail = '') {
  steps.push({ name, ok, detail });
  if (!ok) failed = true;
  say(`${ok ? '✔' : '✘'} ${name}${detail ? `: ${detail}` : ''}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

async function waitForPort(port, what, child) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child?.exitCode !== null && child?.exitCode !== undefined)
      throw new Error(`${what} exited (${child.exitCode})`);
    const open = await new Promise((resolve) => {
      import('node:net').then(({ connect }) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${what} did not listen on ${port} within a minute`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A child process stopped by its PID at the end. */
const children = [];
function start(command, args, options) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  children.push(child);
  return { child, output: () => output };
}

function installPackages() {
  const present = {
    wordpress: () => existsSync('/usr/share/wordpress/wp-load.php'),
    'wordpress-theme-twentytwentythree': () => existsSync('/usr/share/wordpress/wp-content/themes/twentytwentythree'),
    'mariadb-server': () => existsSync('/usr/sbin/mariadbd'),
    'php-cli': () => existsSync('/usr/bin/php'),
    'php-mysql': phpHasMysqli,
  };
  const names = Object.keys(present).filter((name) => !present[name]());
  if (names.length === 0) return;
  say(`Installing ${names.join(', ')} (apt-get)…`);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...names], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

function phpHasMysqli() {
  if (!existsSync('/usr/bin/php')) return false;
  return spawnSync('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']).status === 0;
}

/** The first ```html block after `heading` in the WordPress docs. */
function documentedSnippet(docs, heading, nth = 0) {
  const section = docs.slice(docs.indexOf(heading));
  const blocks = [...section.matchAll(/```html\n([^]*?)```/g)].map((match) => match[1].trim());
  if (!blocks[nth]) throw new Error(`no HTML block ${nth} after "${heading}" in examples/wordpress-drupal.md`);
  return blocks[nth];
}

/**
 * The order in which a page asks for and receives guichet.js and the files `name` names (a name for
 * a URL, or none), until `drawn` holds: "request script, request definition, finished …".
 */
async function requestOrder(browser, url, name, drawn) {
  const page = await browser.newPage();
  const events = [];
  const named = (address) => (address.endsWith('/dist/guichet.js') ? 'script' : name(address));
  const record = (stage) => (request) => named(request.url()) && events.push(`${stage} ${named(request.url())}`);
  page.on('request', record('request'));
  page.on('requestfinished', record('finished'));
  await page.goto(url);
  await page.waitForFunction(drawn);
  await page.close();
  return events;
}

const count = (events, event) => events.filter((e) => e === event).length;

/** Whether the page asked for `file` before guichet.js had finished arriving. */
const askedBeforeScript = (events, file) =>
  events.includes(`request ${file}`) && events.indexOf(`request ${file}`) < events.indexOf('finished script');

/** The documented shortcode `name` ([guichet …] or [guichet_suivi …]). */
function documentedShortcode(docs, name) {
  const found = new RegExp(`\\n(\\[${name}(?: [^\\n]*)?\\])\\n`).exec(docs)?.[1];
  if (!found) throw new Error(`no [${name}] shortcode in examples/wordpress-drupal.md`);
  return found;
}

/** The deep focused element, as a keyboard user's screen reader would name it. */
function focusedName() {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  if (!element || element === document.body) return '';
  const rootNode = element.getRootNode();
  const label = element.id ? rootNode.querySelector?.(`label[for="${globalThis.CSS.escape(element.id)}"]`) : null;
  const own = ['BUTTON', 'A', 'SUMMARY'].includes(element.tagName) ? element.textContent : '';
  const name = (label?.textContent || element.getAttribute('aria-label') || own || '').replace(/\s+/g, ' ').trim();
  const type = element.getAttribute('type');
  return `${element.tagName.toLowerCase()}${type ? `[${type}]` : ''} ${name}`;
}

async function tabTo(page, pattern, limit = 120) {
  for (let presses = 0; presses < limit; presses++) {
    const name = await page.evaluate(focusedName);
    if (pattern.test(name)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${pattern} (last: ${await page.evaluate(focusedName)})`);
}

async function shadowText(page, selector) {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Files a street problem with the keyboard alone; returns the receipt's reference and code. */
async function fileAReport(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('guichet-form')?.shadowRoot?.querySelector('input'));
  const title = 'Signaler un problème dans la rue';
  const headings = await page.evaluate((text) => {
    const all = [];
    const walk = (node) => {
      for (const element of node.querySelectorAll('h1, h2, h3, h4, h5, h6')) all.push(element.textContent.trim());
      for (const host of node.querySelectorAll('*')) if (host.shadowRoot) walk(host.shadowRoot);
    };
    walk(document);
    return all.filter((heading) => heading === text).length;
  }, title);
  await tabTo(page, /^input\[radio\] Un trou dans la route/);
  await page.keyboard.press('Space');
  await tabTo(page, /^textarea Décrivez le problème/);
  await page.keyboard.type('Trou de 30 cm devant le numéro 12, dangereux pour les vélos.');
  await tabTo(page, /^button(\[\w+\])? Continuer/);
  await page.keyboard.press('Enter');
  await tabTo(page, /^input\[text\] Où est le problème/);
  await page.keyboard.type('12 rue des Lilas');
  await tabTo(page, /^button(\[\w+\])? Continuer/);
  await page.keyboard.press('Enter');
  await tabTo(page, /^input\[checkbox\] J'accepte que la mairie/);
  await page.keyboard.press('Space');
  await tabTo(page, /^button(\[\w+\])? Continuer/);
  await page.keyboard.press('Enter');
  await tabTo(page, /^button(\[\w+\])? Envoyer le signalement/);
  await page.keyboard.press('Enter');
  await page.locator('guichet-form [part~="receipt"]').waitFor({ timeout: 30_000 });
  const receipt = await shadowText(page, 'guichet-form');
  const reference = /[A-Z]{3}-\d{4}-\d{6}/.exec(receipt)?.[0];
  const code = /[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{5}-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{5}/.exec(receipt)?.[0];
  if (!reference || !code) throw new Error(`no reference or code on the receipt: ${receipt.slice(0, 300)}`);
  const contactBlocks = await page
    .locator('guichet-form')
    .evaluate((element) => element.shadowRoot.querySelectorAll('[part~="contact"]').length);
  return { reference, code, titleHeadings: headings, contactBlocks, receipt };
}

/**
 * Follows the request with the keyboard: the receipt's link to the tracker page when the page has
 * one (it carries the reference), else the tracker page typed in; then the tracking code.
 */
async function followIt(page, trackerUrl, { reference, code }) {
  const link = page.locator('guichet-form a[href*="reference="]');
  const viaReceipt = (await link.count()) > 0;
  if (viaReceipt) {
    await tabTo(page, /^a .*page de suivi de cette demande/);
    await Promise.all([page.waitForURL(/reference=/), page.keyboard.press('Enter')]);
  } else {
    await page.goto(trackerUrl);
  }
  await page.waitForFunction(() => document.querySelector('guichet-tracker')?.shadowRoot?.querySelector('input'));
  if (!viaReceipt) {
    await tabTo(page, /^input\[text\] Numéro de la demande/);
    await page.keyboard.type(reference);
  }
  await tabTo(page, /^input\[text\] Code de suivi/);
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await page.locator('guichet-tracker [part~="title"]').waitFor({ timeout: 20_000 });
  const status = await shadowText(page, 'guichet-tracker');
  if (!status.includes(reference)) throw new Error(`the tracker does not show ${reference}: ${status.slice(0, 200)}`);
  return { viaReceipt, title: (await page.locator('guichet-tracker [part~="title"]').textContent())?.trim() };
}

async function main() {
  if (process.getuid?.() !== 0) throw new Error('run as root: it installs packages and starts MariaDB as root');
  assertChromium();
  installPackages();
  if (!existsSync(join(root, 'dist/guichet.js'))) run(process.execPath, ['scripts/build.mjs'], { cwd: root });

  const work = mkdtempSync(join(tmpdir(), 'guichet-wordpress-'));
  chmodSync(work, 0o755);
  const configName = `guichetcheck${process.pid}`;
  const configFile = `/etc/wordpress/config-${configName}.php`;
  const cleanup = [];
  try {
    // MariaDB, throwaway, without grant tables: nothing but this check can reach 127.0.0.1:port.
    const dbPort = await freePort();
    run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${join(work, 'db')}`,
      '--user=root',
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ]);
    const db = start('/usr/sbin/mariadbd', [
      '--no-defaults',
      `--datadir=${join(work, 'db')}`,
      `--socket=${join(work, 'mysqld.sock')}`,
      `--pid-file=${join(work, 'mysqld.pid')}`,
      `--port=${dbPort}`,
      '--bind-address=127.0.0.1',
      '--user=root',
      '--skip-grant-tables',
      '--skip-log-bin',
    ]);
    await waitForPort(dbPort, 'MariaDB', db.child);
    run('mariadb', ['--no-defaults', '-h', '127.0.0.1', '-P', String(dbPort), '-e', 'CREATE DATABASE wordpress']);
    step('MariaDB', true, `127.0.0.1:${dbPort}`);

    // The Guichet endpoint, allowing the WordPress origin.
    const wpPort = await freePort();
    const site = `http://127.0.0.1:${wpPort}`;
    const endpoint = await startEndpoint({ allowedOrigins: [site] });
    cleanup.push(() => endpoint.stop());
    step('Guichet endpoint', true, endpoint.url);

    // WordPress's wp-content in the work folder: the default theme, the plugin as documented.
    const content = join(work, 'wp-content');
    mkdirSync(join(content, 'plugins'), { recursive: true });
    mkdirSync(join(content, 'uploads'), { recursive: true });
    cpSync('/usr/share/wordpress/wp-content/themes', join(content, 'themes'), { recursive: true, dereference: true });
    cpSync(join(root, 'examples/wordpress/guichet'), join(content, 'plugins/guichet'), { recursive: true });
    const trackerSlug = 'suivre-ma-demande';
    const key = () => randomBytes(32).toString('base64');
    writeFileSync(
      configFile,
      `<?php
// Written by Guichet's scripts/wordpress-check.mjs (pid ${process.pid}); removed when it ends.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1:${dbPort}');
define('WP_HOME', '${site}');
define('WP_SITEURL', '${site}');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', '${site}/wp-content');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${join(work, 'debug.log')}');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTH_KEY', '${key()}'); define('SECURE_AUTH_KEY', '${key()}'); define('LOGGED_IN_KEY', '${key()}');
define('NONCE_KEY', '${key()}'); define('AUTH_SALT', '${key()}'); define('SECURE_AUTH_SALT', '${key()}');
define('LOGGED_IN_SALT', '${key()}'); define('NONCE_SALT', '${key()}');
define('GUICHET_ENDPOINT', '${endpoint.url}');
define('GUICHET_TRACKER_PAGE', '/?pagename=${trackerSlug}');
`,
    );
    cleanup.push(() => rmSync(configFile, { force: true }));
    const phpEnv = { ...process.env, GUICHET_WP_CONFIG: configName, GUICHET_WP_CONTENT: content };

    // What the docs tell a web team to paste, pointed at this endpoint.
    // This WordPress keeps plain permalinks: the docs' tracking page is reached by its slug.
    const docs = readFileSync(join(root, 'examples/wordpress-drupal.md'), 'utf8')
      .replaceAll('https://gru.example.org', endpoint.url)
      .replaceAll(`"/${trackerSlug}/"`, `"/?pagename=${trackerSlug}"`);
    const formSnippet = documentedSnippet(docs, '### A "Custom HTML" block');
    // "On the follow-up page, the same script and:" the tracker's tag.
    const scriptTag = /<script [^>]*><\/script>/.exec(formSnippet)?.[0] ?? '';
    const trackerSnippet = `${scriptTag}\n${documentedSnippet(docs, '### A "Custom HTML" block', 1)}`;
    const block = (html) => `<!-- wp:html -->\n${html}\n<!-- /wp:html -->`;
    const shortcode = (text) => `<!-- wp:shortcode -->\n${text}\n<!-- /wp:shortcode -->`;
    const contents = {
      snippetPage: {
        as: 'editor',
        type: 'page',
        slug: 'signaler',
        title: 'Signaler un problème dans la rue',
        content: block(formSnippet),
      },
      snippetTracker: {
        as: 'editor',
        type: 'page',
        slug: 'suivi-bloc',
        title: 'Suivre ma demande (bloc)',
        content: block(trackerSnippet),
      },
      shortcodePost: {
        as: 'author',
        type: 'post',
        slug: 'signaler-shortcode',
        title: 'Signaler un problème dans la rue',
        content: shortcode(documentedShortcode(docs, 'guichet')),
      },
      shortcodeTracker: {
        as: 'editor',
        type: 'page',
        slug: trackerSlug,
        title: 'Suivre ma demande',
        content: shortcode(documentedShortcode(docs, 'guichet_suivi')),
      },
      authorSnippet: {
        as: 'author',
        type: 'post',
        slug: 'bloc-auteur',
        title: 'Le bloc d’un auteur',
        content: block(formSnippet),
      },
    };
    const contentsFile = join(work, 'contents.json');
    writeFileSync(contentsFile, JSON.stringify(contents));
    const report = JSON.parse(
      run('php', [join(root, 'scripts/wordpress/setup.php'), site, contentsFile], { env: phpEnv }),
    );
    step(
      `WordPress ${report.wordpress}, theme ${report.theme}`,
      true,
      report.blockTheme ? 'a block theme' : 'a classic theme',
    );
    step(
      'the plugin activates',
      report.pluginActivated === true,
      `${report.pluginRequirements}; ${report.scriptModulesApi ? 'script modules API (6.5+)' : 'no script modules API: the wp_footer fallback'}`,
    );
    const author = report.pages.authorSnippet;
    const kept = author.saved.replace(/<!--[^]*?-->/g, '').trim();
    step(
      'an Author’s Custom HTML block, as the docs say',
      !author.canUnfilteredHtml && !kept.includes('<guichet-form') && !kept.includes('<script'),
      kept ? `WordPress kept only: ${JSON.stringify(kept)}` : 'WordPress kept nothing of it',
    );
    const editorSaved = report.pages.snippetPage.saved;
    step(
      'an Editor’s Custom HTML block is kept',
      editorSaved.includes('<guichet-form') && editorSaved.includes('<script type="module"'),
    );

    const php = start(
      'php',
      ['-S', `127.0.0.1:${wpPort}`, '-t', '/usr/share/wordpress', join(root, 'scripts/wordpress/router.php')],
      {
        env: phpEnv,
      },
    );
    await waitForPort(wpPort, 'WordPress (php -S)', php.child);
    const home = await fetch(`${site}/`);
    step('WordPress answers', home.status === 200, `${site}/ → ${home.status}`);

    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    cleanup.push(() => browser.close());
    const journeys = [
      { name: 'Custom HTML snippet', url: report.pages.snippetPage.url, tracker: report.pages.snippetTracker.url },
      { name: 'shortcode', url: report.pages.shortcodePost.url, tracker: report.pages.shortcodeTracker.url },
    ];
    {
      // The shortcode's hints: the definition asked for beside guichet.js, not once it has run.
      const events = await requestOrder(
        browser,
        report.pages.shortcodePost.url,
        (url) => (new URL(url).pathname === '/api/forms/signalement-voirie' ? 'definition' : ''),
        () => document.querySelector('guichet-form')?.shadowRoot?.querySelector('input'),
      );
      // Chromium does not always hand a fetch() the response of a preload still in flight (when the
      // script runs first, seen on loopback); the hint has done its job once the request has started.
      step(
        'shortcode: the definition asked for beside guichet.js, not once it has run',
        askedBeforeScript(events, 'definition') && count(events, 'request script') === 1,
        events.join(', '),
      );
    }
    {
      // [guichet_suivi]'s hints: the tracker's chunk asked for before guichet.js has arrived, once.
      const events = await requestOrder(
        browser,
        report.pages.shortcodeTracker.url,
        (url) => (/\/dist\/guichet-tracking-[\w-]+\.js$/.test(url) ? 'tracking' : ''),
        () => document.querySelector('guichet-tracker')?.shadowRoot?.querySelector('input'),
      );
      step(
        "shortcode: the tracker's chunk asked for beside guichet.js, once",
        askedBeforeScript(events, 'tracking') && count(events, 'request tracking') === 1,
        events.join(', '),
      );
    }
    {
      // After an endpoint upgrade (new chunk names), the copy of the hints past its time is still
      // written at once, and WordPress's cron (here called as a server's crontab would) reads the
      // file again: the next page has the new ones.
      run('php', [join(root, 'scripts/wordpress/stale-hints.php'), site], { env: phpEnv });
      const tracker = report.pages.shortcodeTracker.url;
      const before = await (await fetch(tracker)).text();
      const cron = await fetch(`${site}/wp-cron.php`);
      const after = await (await fetch(tracker)).text();
      step(
        'shortcode: hints past their time served at once, then read again by cron',
        before.includes('guichet-tracking-0ld.js') &&
          cron.ok &&
          !after.includes('guichet-tracking-0ld.js') &&
          /guichet-tracking-[\w-]+\.js" integrity="sha384-/.test(after),
        `before: ${before.includes('guichet-tracking-0ld.js') ? 'the old chunk' : 'not the old chunk'}; wp-cron.php ${cron.status}; after: ${/guichet-tracking-[\w-]+\.js" integrity/.test(after) ? 'the new chunk' : 'no new chunk'}`,
      );
    }
    {
      // A site whose cron does not run (DISABLE_WP_CRON, no crontab): a copy past its time by more
      // than a day is read again by the page itself.
      run('php', [join(root, 'scripts/wordpress/stale-hints.php'), site, '2'], { env: phpEnv });
      const page = await (await fetch(report.pages.shortcodeTracker.url)).text();
      step(
        'shortcode: hints past their time by days (no cron) read again by the page',
        !page.includes('guichet-tracking-0ld.js') && /guichet-tracking-[\w-]+\.js" integrity="sha384-/.test(page),
        page.includes('guichet-tracking-0ld.js') ? 'the old chunk' : 'no old chunk',
      );
    }
    for (const journey of journeys) {
      for (const width of [1280, 375]) {
        const label = `${journey.name} at ${width} px`;
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        const messages = [];
        page.on('console', (message) => {
          if (['error', 'warning'].includes(message.type())) messages.push(`${message.type()}: ${message.text()}`);
        });
        page.on('pageerror', (error) => messages.push(`page error: ${error.message}`));
        try {
          const filed = await fileAReport(page, journey.url);
          await page.screenshot({
            path: join(work, `receipt-${journey.name.replace(/\W+/g, '-')}-${width}.png`),
            fullPage: true,
          });
          step(
            `${label}: filed keyboard only`,
            true,
            `${filed.reference}; the procedure's title as a heading ${filed.titleHeadings}×; contact blocks on the receipt: ${filed.contactBlocks}`,
          );
          const followed = await followIt(page, journey.tracker, filed);
          step(
            `${label}: followed on the tracker page`,
            true,
            `${followed.viaReceipt ? 'through the receipt’s link' : 'tracker page opened by hand (no link on the receipt)'}; status “${followed.title}”`,
          );
          const guichet = messages.filter((text) => /guichet|127\.0\.0\.1:\d+\/(api|dist)/i.test(text));
          step(`${label}: no console message from Guichet`, guichet.length === 0, guichet.join(' | '));
          const others = messages.filter((text) => !guichet.includes(text));
          if (others.length) say(`  (other console messages: ${others.join(' | ')})`);
        } catch (error) {
          await page.screenshot({ path: join(work, `failure-${Date.now()}.png`), fullPage: true }).catch(() => {});
          step(label, false, error.message.split('\n')[0]);
        } finally {
          await page.close();
        }
      }
    }
    {
      const left = JSON.parse(run('php', [join(root, 'scripts/wordpress/remove-plugin.php'), site], { env: phpEnv }));
      step(
        'the plugin deactivated unschedules its read, deleted leaves nothing behind',
        left.keptBefore > 0 && left.scheduledBefore && !left.scheduledAfterDeactivation && left.keptAfterDeletion === 0,
        JSON.stringify(left),
      );
    }
    const debugLog = join(work, 'debug.log');
    if (existsSync(debugLog)) {
      const notices = readFileSync(debugLog, 'utf8').trim();
      step(
        'WordPress debug.log has nothing from the plugin',
        !/guichet/i.test(notices),
        notices.split('\n').slice(0, 5).join(' | '),
      );
    } else step('WordPress logged no PHP notice, warning or error', true);
    say(`\nScreenshots and logs: ${work}`);
  } catch (error) {
    step('wordpress check', false, error.stack ?? String(error));
  } finally {
    if (keep) {
      say(`--keep: servers left running (PIDs ${children.map((child) => child.pid).join(', ')}), files in ${work}`);
    } else {
      for (const stop of cleanup.reverse()) await Promise.resolve(stop()).catch(() => {});
      for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      // The database goes; the screenshots and logs stay for whoever reads the report.
      rmSync(join(work, 'db'), { recursive: true, force: true });
    }
  }
  say(`\n${steps.filter((s) => s.ok).length} passed, ${steps.filter((s) => !s.ok).length} failed`);
  process.exitCode = failed ? 1 : 0;
}

await main();
