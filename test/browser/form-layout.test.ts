import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../packages/elements/src/guichet-form.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import { exampleDefinition, exampleForms, shadow, whenReady } from './form-helpers.js';

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
      const el = await fixture<GuichetForm>(html`<guichet-form draft="none" .definition=${await exampleDefinition(id)}></guichet-form>`);
      await whenReady(el);
      expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
      const root = shadow(el);
      for (const node of root.querySelectorAll<HTMLElement>('input, select, textarea, .fieldset, .actions')) {
        expect(node.getBoundingClientRect().right, `${node.className || node.tagName} right edge`).to.be.at.most(320.5);
      }
      for (const target of root.querySelectorAll<HTMLElement>('button, input[type=radio], input[type=checkbox], details > summary')) {
        const box = target.getBoundingClientRect();
        expect(Math.min(box.width, box.height), `${target.tagName} ${target.textContent?.trim() ?? ''} target size`).to.be.at.least(24);
      }
    });
  }

  it('in forced-colors mode, borders use system colours and axe stays quiet', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      const el = await fixture<GuichetForm>(html`<guichet-form draft="none" .definition=${await exampleDefinition('signalement-voirie')}></guichet-form>`);
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
        const el = await fixture<GuichetForm>(html`<guichet-form draft="none" .definition=${await exampleDefinition('signalement-voirie')}></guichet-form>`);
        await whenReady(el);
        const primary = shadow(el).querySelector<HTMLButtonElement>('button.primary');
        const expected = theme === 'dsfr' ? 'rgb(0, 0, 145)' : 'rgb(0, 0, 0)';
        expect(getComputedStyle(primary as Element).backgroundColor).to.equal(expected);
        await expect(el).to.be.accessible(wcag21aa);
      });
    });
  }
});
