// Every story of Storybook, as a designer opens it: rendered in Chromium from the static build,
// with no console error, no page error, no story error, and no axe violation (WCAG 2.1 A/AA,
// shadow roots included).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../helpers/static-server.js';
import { launchChromium, wcagTags } from '../helpers/chromium.js';

const root = join(import.meta.dirname, '..', '..');
const out = join(root, 'storybook-static');
const inputs = [
  'stories',
  '.storybook',
  'packages/elements/src',
  'packages/core/src',
  'schemas/forms',
  'packages/elements/custom-elements.json',
  'package-lock.json',
];

function newest(path: string): number {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const info = statSync(full);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(full).map((name) => newest(join(path, name))));
}

/** Builds Storybook unless the build on disk is newer than everything it is made of. */
function ensureBuild(): void {
  const index = join(out, 'index.json');
  if (existsSync(index) && statSync(index).mtimeMs > Math.max(...inputs.map(newest))) return;
  const built = spawnSync(
    process.execPath,
    [join(root, 'node_modules/storybook/dist/bin/dispatcher.js'), 'build', '-o', out, '--quiet'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    },
  );
  assert.equal(built.status, 0, `storybook build failed:\n${built.stdout}\n${built.stderr}`);
}

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

ensureBuild();
const entries = Object.values(
  (JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> }).entries,
);
const stories = entries.filter((entry) => entry.type === 'story');
const docsPages = entries.filter((entry) => entry.type === 'docs');
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

describe('Storybook: every story renders cleanly and passes axe', { timeout: 240_000 }, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page | undefined;
  let problems: string[] = [];

  before(async () => {
    server = await serveStatic({ '/': out });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * One page for every story: the first loads Storybook's iframe, the next ones switch story the
   * way the Storybook UI does (its channel's setCurrentStory), which saves reloading a megabyte
   * of JavaScript per story. The a11y addon's own run is turned off (`a11y.manual`): axe runs
   * below instead, with the same tags. A page where a story failed is not reused.
   */
  let pageLang = '';
  async function show(storyId: string, lang: string): Promise<Page> {
    problems = [];
    if (page && pageLang !== lang) {
      await page.close();
      page = undefined;
    }
    if (!page) {
      pageLang = lang;
      // French at a desktop width; English on the smallest phones (the toolbar's 320 px viewport).
      page = await browser.newPage({
        viewport: lang === 'en' ? { width: 320, height: 640 } : { width: 1024, height: 768 },
      });
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await page.goto(
        `${server.url}iframe.html?id=${encodeURIComponent(storyId)}&viewMode=story&globals=a11y.manual:!true;lang:${lang}`,
      );
    } else {
      await page.evaluate(
        (id) =>
          (
            window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit: (event: string, args: unknown) => void } }
          ).__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId: id, viewMode: 'story' }),
        storyId,
      );
    }
    // The story has rendered, played and run its afterEach.
    const phase = await page.waitForFunction(
      (id) => {
        const render = (
          window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } } }
        ).__STORYBOOK_PREVIEW__?.currentRender;
        return render?.id === id && ['finished', 'errored', 'aborted'].includes(render.phase ?? '')
          ? render.phase
          : undefined;
      },
      storyId,
      { timeout: 15_000 },
    );
    assert.equal(await phase.jsonValue(), 'finished', 'the story did not finish');
    return page;
  }

  test('the index lists the stories a designer needs', () => {
    const titles = new Set(stories.map((s) => s.title));
    for (const title of [
      'Form/States',
      'Form/Field kinds',
      'Form/Errors',
      'Form/Example forms',
      'Tracker/States',
      'Desk/States',
      'Playground',
    ])
      assert.ok(titles.has(title), title);
    assert.ok(stories.length >= 50, `${stories.length} stories`);
  });

  /** The docs pages, built from custom-elements.json: their tables list the element's contract. */
  const documented: Record<string, string[]> = {
    'Form/States': [
      'src',
      'endpoint',
      'definition',
      'data',
      'guichet-submitted',
      'error-summary',
      '--guichet-color-primary',
    ],
    'Tracker/States': ['reference', 'code', 'refresh', 'guichet-status-change', 'timeline', '--guichet-color-primary'],
    'Desk/States': ['endpoint', 'sign-in-url', 'guichet-desk-signed-in', 'inbox-row', '--guichet-color-primary'],
  };
  for (const [title, words] of Object.entries(documented)) {
    test(`docs page of ${title} lists the element's attributes, events, parts and custom properties`, async () => {
      const entry = docsPages.find((d) => d.title === title);
      assert.ok(entry, `no docs page for ${title}`);
      const docs = await browser.newPage();
      const errors: string[] = [];
      docs.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      docs.on('pageerror', (error) => errors.push(error.message));
      try {
        await docs.goto(`${server.url}iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs`);
        await docs.locator('.docblock-argstable').first().waitFor({ timeout: 20_000 });
        const text = await docs.locator('#storybook-docs').innerText();
        for (const word of words) assert.ok(text.includes(word), `${word} is not on the docs page`);
        assert.deepEqual(errors, []);
      } finally {
        await docs.close();
      }
    });
  }

  test('the playground: pick an example form, edit it beside its preview on a wide screen, one above the other on a phone', async () => {
    const playground = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await playground.goto(`${server.url}iframe.html?id=playground--edit-a-definition&viewMode=story`);
      const editor = playground.locator('guichet-definition-playground #definition');
      const form = playground.locator('guichet-definition-playground guichet-form');
      await form.getByRole('heading', { name: 'Écrire à un service de la mairie' }).waitFor();
      const box = async (selector: string) =>
        (await playground.locator(`guichet-definition-playground ${selector}`).boundingBox())!;
      const [left, right] = [await box('#definition'), await box('guichet-form')];
      assert.ok(right.x >= left.x + left.width, `side by side at 1280 px: ${JSON.stringify({ left, right })}`);

      // Every form of schemas/forms is offered; loading one shows it at once.
      const options = await playground
        .locator('guichet-definition-playground #example option')
        .evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
      const files = readdirSync(join(root, 'schemas/forms'))
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.replace(/\.json$/, ''));
      assert.deepEqual([...options].sort(), files.sort());
      await playground.getByLabel('Partir d’un exemple').selectOption('signalement-voirie');
      await playground.getByRole('button', { name: 'Charger l’exemple' }).click();
      await form.getByRole('heading', { name: 'Signaler un problème dans la rue' }).waitFor();
      assert.match(await editor.inputValue(), /"id": "signalement-voirie"/);
      await playground.getByText('Exemple chargé : Signaler un problème dans la rue.').waitFor();

      await playground.setViewportSize({ width: 375, height: 800 });
      const [top, below] = [await box('#definition'), await box('guichet-form')];
      assert.ok(below.y >= top.y + top.height, 'one above the other at 375 px');
    } finally {
      await playground.close();
    }
  });

  // Every story in French (the default), then in English through the toolbar's `lang` global, at 320 px.
  for (const [lang, story] of [...stories.map((s) => ['fr', s] as const), ...stories.map((s) => ['en', s] as const)]) {
    test(`${story.title} › ${story.name}${lang === 'en' ? ' (en, 320 px)' : ''}`, async () => {
      let ok = false;
      try {
        const page = await show(story.id, lang);
        assert.equal(
          await page.evaluate(() => document.querySelector('#storybook-root [lang]')?.getAttribute('lang')),
          lang,
        );
        const shown = await page.evaluate(() =>
          document.body.classList.contains('sb-show-errordisplay')
            ? document.querySelector('#error-message')?.textContent
            : '',
        );
        assert.equal(shown, '', 'Storybook shows an error');
        assert.ok(
          await page
            .locator('#storybook-root guichet-form, #storybook-root guichet-tracker, #storybook-root guichet-desk')
            .count(),
          'no Guichet element on the canvas',
        );
        if (lang === 'en') {
          // Reflow (WCAG 1.4.10): at 320 CSS px nothing scrolls sideways.
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 320, `the page is ${width} px wide at 320 px`);
        }

        if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
        const violations = (await page.evaluate(async (tags) => {
          const axe = (
            window as unknown as {
              axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> };
            }
          ).axe;
          return (await axe.run('#storybook-root', { runOnly: { type: 'tag', values: tags } })).violations;
        }, wcagTags)) as AxeViolation[];
        const described = violations.map(
          (v) =>
            `${v.id} (${v.help}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('; ')}`,
        );
        assert.deepEqual(described, [], 'axe violations');
        assert.deepEqual(problems, [], 'console or page errors');
        ok = true;
      } finally {
        if (!ok) {
          await page?.close();
          page = undefined;
        }
      }
    });
  }
});
