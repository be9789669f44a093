import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../guichet-form.js';
import type { GuichetForm } from './guichet-form.js';
import type { StepDetail } from '../events.js';
import { axTree, find, findAll } from '../../../../test/helpers/ax-tree.js';
import { apiUrl } from '../../../../test/helpers/admin.js';
import { twoSteps } from '../../../../test/helpers/form-parts-host.js';

/** The two steps of the controllers' tests, with a third in the middle. */
const threeSteps = {
  ...twoSteps,
  id: 'essai-trois-etapes',
  schema: {
    ...twoSteps.schema,
    properties: { ...twoSteps.schema.properties, town: { type: 'string', title: 'Commune' } },
  },
  ui: {
    steps: [twoSteps.ui.steps[0], { title: 'Votre commune', fields: ['town'] }, twoSteps.ui.steps[1]],
  },
};

const wcag21aa = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

async function mount(attributes: { title?: boolean; history?: boolean; lang?: string } = {}): Promise<GuichetForm> {
  const el = await fixture<GuichetForm>(
    html`<guichet-form
      draft="none"
      lang=${attributes.lang ?? 'fr'}
      ?update-title=${attributes.title}
      ?history=${attributes.history}
      .definition=${structuredClone(threeSteps)}
    ></guichet-form>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('form'), 'the form renders');
  await el.updateComplete;
  return el;
}

const root = (el: GuichetForm) => el.shadowRoot!;
const heading = (el: GuichetForm) => root(el).querySelector('#guichet-step-title')?.textContent?.trim();

async function press(el: GuichetForm, selector: string, expected: string): Promise<void> {
  root(el).querySelector<HTMLButtonElement>(selector)!.click();
  await waitUntil(() => heading(el) === expected, `the step "${expected}"`, { timeout: 5000 });
  await el.updateComplete;
}

const next = (el: GuichetForm, expected: string) => press(el, 'button[type=submit]', expected);
const back = (el: GuichetForm, expected: string) => press(el, '[data-action=back]', expected);

function answer(el: GuichetForm, id: string, value: string): void {
  const input = root(el).querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** The browser's Back button, as far as the page can tell: history.back(), then the popstate it causes. */
async function browserBack(el: GuichetForm, expected: string): Promise<void> {
  const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
  history.back();
  await popped;
  await waitUntil(() => heading(el) === expected, `back on "${expected}"`, { timeout: 5000 });
  await el.updateComplete;
}

describe('<guichet-form> steps as the page and assistive technology see them', () => {
  it('on a step change, the focused heading is read "Étape 2 sur 3 Votre commune", and the position is not read twice', async () => {
    const el = await mount();
    answer(el, 'guichet-name', 'Camille');
    await next(el, 'Votre commune');
    await waitUntil(() => root(el).activeElement?.id === 'guichet-step-title', 'focus on the heading');
    const tree = await axTree();
    const node = find(tree, (n) => n.role === 'heading' && n.properties?.focused === true);
    expect(node?.name).to.equal('Étape 2 sur 3 Votre commune');
    const position = findAll(tree, (n) => n.role === 'StaticText' && n.name.includes('Étape 2 sur 3'));
    expect(position, 'the progress line is read as part of the heading only').to.have.length(0);
    expect(root(el).querySelector('[part=progress]')?.textContent).to.equal('Étape 2 sur 3');
    await expect(el).to.be.accessible(wcag21aa);
  });

  it('tells the page each step shown: guichet-step with its position, count and title', async () => {
    const seen: StepDetail[] = [];
    const listener = (event: Event) => seen.push((event as CustomEvent<StepDetail>).detail);
    document.addEventListener('guichet-step', listener);
    try {
      const el = await mount();
      await waitUntil(() => seen.length === 1, 'the first step is told');
      answer(el, 'guichet-name', 'Camille');
      await next(el, 'Votre commune');
      await back(el, 'Vous');
      await next(el, 'Votre commune');
      await next(el, 'Votre message');
      await next(el, 'Vérifiez vos réponses');
      expect(seen).to.deep.equal([
        { step: 1, count: 3, title: 'Vous', summary: false },
        { step: 2, count: 3, title: 'Votre commune', summary: false },
        { step: 1, count: 3, title: 'Vous', summary: false },
        { step: 2, count: 3, title: 'Votre commune', summary: false },
        { step: 3, count: 3, title: 'Votre message', summary: false },
        { step: 4, count: 3, title: 'Vérifiez vos réponses', summary: true },
      ]);
    } finally {
      document.removeEventListener('guichet-step', listener);
    }
  });

  it('update-title: the page title names the step and the form, says "Erreur :" while errors show, and comes back', async () => {
    const original = document.title;
    const el = await mount({ title: true });
    expect(document.title).to.equal('Vous – Essai');
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => root(el).querySelector('#guichet-error-summary'), 'the errors');
    await el.updateComplete;
    expect(document.title).to.equal('Erreur\u00a0: Vous – Essai');
    answer(el, 'guichet-name', 'Camille');
    await next(el, 'Votre commune');
    expect(document.title).to.equal('Votre commune – Essai');
    el.remove();
    expect(document.title).to.equal(original);
  });

  it('update-title in English says "Error:"; without the attribute the title is the page’s', async () => {
    const original = document.title;
    const plain = await mount();
    plain.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => root(plain).querySelector('#guichet-error-summary'), 'the errors');
    expect(document.title).to.equal(original);
    plain.remove();
    const el = await mount({ title: true, lang: 'en' });
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => document.title.startsWith('Error: '), 'the error title');
    expect(document.title).to.equal('Error: Vous – Essai');
  });

  it('history: the browser’s Back button goes to the previous step, and the form’s Back button walks the same history', async () => {
    const start = history.length;
    const el = await mount({ history: true });
    answer(el, 'guichet-name', 'Camille');
    await next(el, 'Votre commune');
    await next(el, 'Votre message');
    expect(history.length - start, 'one entry per step moved forward').to.equal(2);
    await browserBack(el, 'Votre commune');
    expect(root(el).activeElement?.id, 'the heading is focused, as on any step change').to.equal('guichet-step-title');
    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    await back(el, 'Vous');
    await popped;
    expect(history.state?.guichetStep, 'back on the entry the form started on').to.equal(undefined);
    await next(el, 'Votre commune');
    expect(history.state?.guichetStep?.index).to.equal(1);
  });
});

describe('<guichet-form> steps once the request is sent', () => {
  it('the title is the receipt’s, and the step entries are gone back over so Back leaves the form', async () => {
    const original = document.title;
    const before = JSON.stringify(history.state);
    const answers = {
      category: 'eclairage',
      description: 'Lampadaire éteint',
      address: 'Place du Marché',
      consent: true,
    };
    const el = await fixture<GuichetForm>(
      html`<guichet-form draft="none" update-title history endpoint=${apiUrl()} src=${`${apiUrl()}/forms/signalement-voirie`} .data=${answers}></guichet-form>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('form'), 'the form renders', { timeout: 10_000 });
    const submitted = oneEvent(el, 'guichet-submitted');
    for (let guard = 0; guard < 10 && !root(el).querySelector('.receipt'); guard++) {
      const before = heading(el);
      root(el).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
      await waitUntil(() => heading(el) !== before || root(el).querySelector('.receipt'), 'Continue', {
        timeout: 10_000,
      });
      await el.updateComplete;
    }
    await submitted;
    await waitUntil(() => JSON.stringify(history.state) === before, 'back on the entry the form started on', {
      timeout: 5000,
    });
    await el.updateComplete;
    expect(document.title).to.match(/^Demande envoyée – /);
    const tree = await axTree();
    expect(find(tree, (n) => n.role === 'heading' && n.name.includes('Demande envoyée'))).to.not.equal(undefined);
    el.remove();
    expect(document.title).to.equal(original);
  });
});
