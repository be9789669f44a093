import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../packages/elements/src/guichet-form.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import { endpointUrl } from '../helpers/env.js';
import {
  exampleDefinition,
  fillStepWithKeyboard,
  focused,
  modelOf,
  shadow,
  textOfIds,
  validAnswers,
  whenReady,
} from './form-helpers.js';

const tidyText = (text: string) => text.replace(/\s+/g, ' ');

async function mount(id: string, lang = 'fr'): Promise<GuichetForm> {
  const el = await fixture<GuichetForm>(
    html`<guichet-form lang=${lang} draft="none" src=${`${endpointUrl()}/api/forms/${id}`}></guichet-form>`,
  );
  await whenReady(el);
  return el;
}

async function pressContinue(el: GuichetForm): Promise<void> {
  shadow(el).querySelector<HTMLElement>('#guichet-title')?.focus();
  const root = shadow(el);
  for (
    let i = 0;
    i < 100 && !(root.activeElement instanceof HTMLButtonElement && root.activeElement.type === 'submit');
    i++
  )
    await sendKeys({ press: 'Tab' });
  await sendKeys({ press: 'Enter' });
  await waitUntil(
    () => root.activeElement?.id === 'guichet-error-summary' || root.activeElement?.id === 'guichet-step-title',
    'focus did not move',
    { timeout: 10000 },
  );
}

describe('<guichet-form> errors, GOV.UK style', () => {
  it('shows nothing while the citizen types before a first attempt', async () => {
    const el = await mount('signalement-voirie');
    shadow(el).querySelector<HTMLTextAreaElement>('#guichet-description')?.focus();
    await sendKeys({ type: 'Trou' });
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).querySelector('.error')).to.equal(null);
    expect(shadow(el).querySelector('#guichet-error-summary')).to.equal(null);
  });

  it('a failed Continue focuses the error summary; its links focus the fields; a fix clears that field only', async () => {
    const el = await mount('signalement-voirie');
    const root = shadow(el);
    let validation: CustomEvent | undefined;
    el.addEventListener('guichet-error', (event) => (validation = event));
    await pressContinue(el);
    const summary = root.querySelector<HTMLElement>('#guichet-error-summary');
    expect(focused(el)).to.equal(summary);
    expect(summary?.getAttribute('role')).to.equal(null);
    expect(summary?.getAttribute('tabindex')).to.equal('-1');
    expect(summary?.querySelector('h3')?.textContent).to.equal('Il y a 2 problèmes');
    expect(validation?.detail.kind).to.equal('validation');
    const links = [...(summary?.querySelectorAll('a') ?? [])];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#guichet-category', '#guichet-description']);

    // Keyboard: Tab to the first link, Enter → the first radio of the group has focus.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(links[0]);
    await sendKeys({ press: 'Enter' });
    expect(focused(el)?.id).to.equal('guichet-category');
    expect((focused(el) as HTMLInputElement).type).to.equal('radio');

    links[1]?.click();
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('guichet-description');
    expect(root.querySelector('#guichet-description')?.getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ type: 'Un trou profond devant l’école.' });
    expect(root.querySelector('#guichet-description__error')).to.equal(null);
    expect(root.querySelector('#guichet-description')?.getAttribute('aria-invalid')).to.equal(null);
    // The other field still shows its error, and focus stayed where the citizen types.
    expect(root.querySelector('#guichet-category__error')?.textContent).to.match(/^Erreur\u00a0:/);
    expect(focused(el)?.id).to.equal('guichet-description');
  });

  it('says it in English too', async () => {
    const el = await mount('signalement-voirie', 'en');
    await pressContinue(el);
    expect(shadow(el).querySelector('#guichet-error-summary h3')?.textContent).to.equal('There are 2 problems');
    expect(shadow(el).querySelector('#guichet-category__error')?.textContent).to.match(/^Error:/);
    expect(shadow(el).querySelector('.progress')?.textContent).to.equal('Step 1 of 3');
  });

  it('switching language after a failed attempt says the problems again in the new language', async () => {
    const el = await mount('signalement-voirie');
    await pressContinue(el);
    const before = shadow(el).querySelector('#guichet-category__error')?.textContent;
    el.setAttribute('lang', 'en');
    await waitUntil(
      () => shadow(el).querySelector('#guichet-error-summary h3')?.textContent === 'There are 2 problems',
      'heading in English',
    );
    const after = shadow(el).querySelector('#guichet-category__error')?.textContent;
    expect(after).to.match(/^Error:/);
    expect(after).to.not.equal(before);
    expect(shadow(el).querySelector('#guichet-error-summary a')?.textContent).to.equal(after?.replace(/^Error: /, ''));
  });

  it('a textarea counts characters left, in words', async () => {
    const el = await mount('signalement-voirie');
    const root = shadow(el);
    root.querySelector<HTMLTextAreaElement>('#guichet-description')?.focus();
    expect(root.querySelector('.count')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'Il vous reste 1 000 caractères',
    );
    await sendKeys({ type: 'Trou' });
    expect(root.querySelector('.count')?.textContent?.trim()).to.equal('Il vous reste 996 caractères');
    // The visible count is hidden from screen readers; a polite live region says it once typing pauses.
    expect(root.querySelector('.count')?.getAttribute('aria-hidden')).to.equal('true');
    expect(root.querySelector('#guichet-live')?.getAttribute('aria-live')).to.equal('polite');
    await waitUntil(
      () => root.querySelector('#guichet-live')?.textContent === 'Il vous reste 996 caractères',
      'count announced',
      { timeout: 5000 },
    );
    expect(
      tidyText(textOfIds(root, root.querySelector('#guichet-description')?.getAttribute('aria-describedby') ?? null)),
    ).to.contain('Vous pouvez saisir jusqu’à 1 000 caractères.');
  });
});

describe('<guichet-form> repeatable group', () => {
  it('Add moves focus to the new item’s first field; Remove to the previous item', async () => {
    const id = 'inscription-cantine';
    const model = modelOf(await exampleDefinition(id));
    const el = await mount(id);
    const root = shadow(el);
    await fillStepWithKeyboard(el, model, await validAnswers(id));
    expect(root.querySelectorAll('.group__item').length).to.equal(1);
    // minItems 1: the only child cannot be removed.
    expect(root.querySelector('[data-action="remove-item"]')).to.equal(null);
    const add = root.querySelector<HTMLButtonElement>('#guichet-children__add');
    expect(add?.textContent?.trim()).to.equal('Ajouter un enfant');
    add?.focus();
    await sendKeys({ press: 'Enter' });
    expect(root.querySelectorAll('.group__item').length).to.equal(2);
    expect(focused(el)?.id).to.equal('guichet-children-1-firstName');
    expect(root.querySelector('.group__item:nth-of-type(2) legend')?.textContent).to.equal('Enfant 2');
    await waitUntil(() => root.querySelector('#guichet-live')?.textContent?.includes('Enfant 2 ajouté'), 'announced');
    await sendKeys({ type: 'Emma' });

    const remove = [...root.querySelectorAll<HTMLButtonElement>('[data-action="remove-item"]')];
    expect(remove.map((b) => b.textContent?.trim())).to.deep.equal(['Retirer Enfant 1', 'Retirer Enfant 2']);
    remove[1]?.focus();
    await sendKeys({ press: 'Enter' });
    expect(root.querySelectorAll('.group__item').length).to.equal(1);
    expect(focused(el)?.id).to.equal('guichet-children-0-firstName');
    await waitUntil(() => root.querySelector('#guichet-live')?.textContent?.includes('Enfant 2 retiré'), 'announced');
    expect(el.answersSnapshot.children).to.have.length(1);
  });
});
