/**
 * The error of a group or a fieldset disappears as soon as the citizen fills what it asks for,
 * without another attempt: "Vos enfants : ajoutez au moins un élément" once an item is filled in,
 * "Précisions : répondez à au moins une des questions" once one is answered.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../packages/elements/src/guichet-form.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import { focused, shadow, whenReady } from './form-helpers.js';

const definition = {
  id: 'groupes',
  version: '1.0.0',
  title: 'Groupes',
  schema: {
    type: 'object',
    required: ['children', 'extra'],
    properties: {
      children: {
        type: 'array',
        title: 'Vos enfants',
        items: {
          type: 'object',
          required: ['firstName'],
          properties: { firstName: { type: 'string', title: 'Prénom' } },
        },
      },
      extra: { type: 'object', title: 'Précisions', properties: { note: { type: 'string', title: 'Note' } } },
    },
  },
};

/** The inline errors on screen. */
const inlineErrors = (root: ShadowRoot) =>
  [...root.querySelectorAll('[id$="__error"]')].map((e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '');

describe('<guichet-form> group and fieldset errors', () => {
  it('go away as soon as what they ask for is filled in, with the keyboard', async () => {
    const el = await fixture<GuichetForm>(html`<guichet-form draft="none" .definition=${definition}></guichet-form>`);
    await whenReady(el);
    const root = shadow(el);
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.id === 'guichet-error-summary', 'the error summary takes focus');
    expect(inlineErrors(root)).to.deep.equal([
      'Erreur : Vos enfants : ajoutez au moins un élément',
      'Erreur : Précisions : répondez à au moins une des questions',
    ]);
    await expect(el).to.be.accessible();

    root.querySelector<HTMLElement>('[name="/extra/note"]')!.focus();
    await sendKeys({ type: 'Rien' });
    await waitUntil(() => inlineErrors(root).length === 1, 'the fieldset error goes');
    expect(inlineErrors(root)).to.deep.equal(['Erreur : Vos enfants : ajoutez au moins un élément']);

    root.querySelector<HTMLElement>('[data-action="add-item"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelector('[name="/children/0/firstName"]'), 'an item');
    root.querySelector<HTMLElement>('[name="/children/0/firstName"]')!.focus();
    await sendKeys({ type: 'Léa' });
    await waitUntil(() => inlineErrors(root).length === 0, 'the group error goes');
    await expect(el).to.be.accessible();
  });
});
