import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../packages/elements/src/guichet-form.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import { drawnWhole } from '../../packages/elements/src/form/field-chunks.js';
import { exampleDefinition, exampleForms, labelText, shadow, whenReady } from './form-helpers.js';

const wcag21aa = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

async function withTheme<T>(name: string, run: () => Promise<T>): Promise<T> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = `/packages/elements/themes/${name}.css`;
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  await loaded;
  try {
    return await run();
  } finally {
    link.remove();
  }
}

describe('<guichet-form> layout and themes', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const id of exampleForms) {
    it(`${id}: reflows at 320 px wide without horizontal scrolling, with 24 px targets`, async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await fixture<GuichetForm>(
        html`<guichet-form draft="none" .definition=${await exampleDefinition(id)}></guichet-form>`,
      );
      await whenReady(el);
      expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
      const root = shadow(el);
      for (const node of root.querySelectorAll<HTMLElement>('input, select, textarea, .fieldset, .actions')) {
        expect(node.getBoundingClientRect().right, `${node.className || node.tagName} right edge`).to.be.at.most(320.5);
      }
      for (const target of root.querySelectorAll<HTMLElement>(
        'button, input[type=radio], input[type=checkbox], details > summary',
      )) {
        const box = target.getBoundingClientRect();
        expect(
          Math.min(box.width, box.height),
          `${target.tagName} ${target.textContent?.trim() ?? ''} target size`,
        ).to.be.at.least(24);
      }
    });
  }

  it('in forced-colors mode, borders use system colours and axe stays quiet', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      const el = await fixture<GuichetForm>(
        html`<guichet-form draft="none" .definition=${await exampleDefinition('signalement-voirie')}></guichet-form>`,
      );
      await whenReady(el);
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      await expect(el).to.be.accessible(wcag21aa);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  for (const theme of ['dsfr', 'high-contrast']) {
    it(`the ${theme} theme applies through custom properties and keeps axe quiet`, async () => {
      await withTheme(theme, async () => {
        const el = await fixture<GuichetForm>(
          html`<guichet-form draft="none" .definition=${await exampleDefinition('signalement-voirie')}></guichet-form>`,
        );
        await whenReady(el);
        const primary = shadow(el).querySelector<HTMLButtonElement>('button.primary');
        const expected = theme === 'dsfr' ? 'rgb(0, 0, 145)' : 'rgb(0, 0, 0)';
        expect(getComputedStyle(primary as Element).backgroundColor).to.equal(expected);
        await expect(el).to.be.accessible(wcag21aa);
        // With errors shown: an underlined message would read as a link.
        primary!.click();
        await waitUntil(() => shadow(el).querySelector('.error'), 'no error shown after Continue');
        const messages = [...shadow(el).querySelectorAll('.error')];
        expect(messages.map((node) => getComputedStyle(node).textDecorationLine)).to.deep.equal(
          messages.map(() => 'none'),
        );
        await expect(el).to.be.accessible(wcag21aa);
      });
    });
  }
});

/** One step of `count` short questions, all required. */
function longStep(count: number): Record<string, unknown> {
  const names = Array.from({ length: count }, (_, i) => `q${i + 1}`);
  return {
    id: 'long-step',
    version: '1.0.0',
    title: 'Recensement des besoins',
    schema: {
      type: 'object',
      properties: Object.fromEntries(
        names.map((name, i) => [name, { type: 'string', title: `Question ${i + 1}`, maxLength: 100 }]),
      ),
      required: names,
    },
    ui: { steps: [{ title: 'Vos réponses', fields: names }] },
  };
}

describe('<guichet-form> long steps', () => {
  const drawn = (input: HTMLElement) => input.checkVisibility({ contentVisibilityAuto: true });
  const twoFrames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

  it('draws a step of one chunk whole, its last question included', async () => {
    const el = await fixture<GuichetForm>(
      html`<guichet-form draft="none" lang="en" .definition=${longStep(drawnWhole)}></guichet-form>`,
    );
    await whenReady(el);
    await twoFrames();
    const inputs = [...shadow(el).querySelectorAll<HTMLInputElement>('input')];
    expect(inputs.length).to.equal(drawnWhole);
    expect(drawn(inputs.at(-1)!), 'the last question, far below the screen').to.equal(true);
  });

  it('draws only the fields near the screen, yet every field is in the page, the tab order and reach of the error summary', async () => {
    const count = drawnWhole + 30;
    const el = await fixture<GuichetForm>(
      html`<guichet-form draft="none" lang="en" .definition=${longStep(count)}></guichet-form>`,
    );
    await whenReady(el);
    const root = shadow(el);
    const inputs = [...root.querySelectorAll<HTMLInputElement>('input')];
    const last = inputs[count - 1]!;
    expect(inputs.map((input) => input.name)).to.deep.equal(Array.from({ length: count }, (_, i) => `/q${i + 1}`));
    expect(inputs.every((input) => labelText(root, input).startsWith('Question '))).to.equal(true);
    await twoFrames();
    expect(drawn(inputs[0]!), 'the first question').to.equal(true);
    expect(drawn(last), 'the last question, far below the screen').to.equal(false);
    await expect(el).to.be.accessible(wcag21aa);
    // A printed form shows every question.
    await emulateMedia({ media: 'print' });
    try {
      await waitUntil(() => drawn(last), 'the last question is not printed', { timeout: 2000 });
    } finally {
      await emulateMedia({ media: 'screen' });
    }

    // Keyboard: from the 25th question to the 26th, across the boundary of what was drawn.
    inputs[24]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(inputs[25]);
    await sendKeys({ type: 'oui' });
    expect(inputs[25]!.value).to.equal('oui');

    // The error summary's link to the last question brings it on screen, focused and drawn.
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    // Continue waits for the checking rules, which may still be compiling on a loaded machine.
    await waitUntil(() => root.querySelector('.error-summary'), 'the error summary', { timeout: 10000 });
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.error-summary a')];
    expect(links.length, 'one link per unanswered question').to.equal(count - 1);
    const link = links.at(-1)!;
    expect(link.getAttribute('href')).to.equal(`#${last.id}`);
    link.click();
    await el.updateComplete;
    await twoFrames();
    expect(root.activeElement).to.equal(last);
    const box = last.getBoundingClientRect();
    expect(box.top, 'top of the last question').to.be.at.least(0);
    expect(box.bottom, 'bottom of the last question').to.be.at.most(window.innerHeight);
    expect(drawn(last)).to.equal(true);
    await expect(el).to.be.accessible(wcag21aa);
  });
});
