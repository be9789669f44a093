import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../guichet-form.js';
import type { GuichetForm } from './guichet-form.js';
import { axTree, find } from '../../../../test/helpers/ax-tree.js';

/** A name of five letters at least, and children each with a first name. */
const definition = {
  id: 'essai-erreurs-en-cours',
  version: '1.0.0',
  title: 'Essai',
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Nom', minLength: 5 },
      children: {
        type: 'array',
        title: 'Enfants',
        items: {
          type: 'object',
          title: 'Enfant',
          properties: { firstName: { type: 'string', title: 'Prénom' } },
          required: ['firstName'],
        },
      },
    },
    required: ['name'],
  },
};

const wcag21aa = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

async function mount(): Promise<GuichetForm> {
  const el = await fixture<GuichetForm>(
    html`<guichet-form draft="none" lang="fr" .definition=${structuredClone(definition)}></guichet-form>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('form'), 'the form renders');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element>(el: GuichetForm, selector: string) => el.shadowRoot!.querySelector<T>(selector);

/** Continue, until the error summary has focus again (a round of errors). */
async function continueAndWaitForErrors(el: GuichetForm): Promise<void> {
  $<HTMLElement>(el, '#guichet-name')!.focus();
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await waitUntil(() => el.shadowRoot!.activeElement?.id === 'guichet-error-summary', 'the error summary');
  await el.updateComplete;
}

/** The description a reader gives the text box named `name` (where its error message is read). */
async function describedAs(name: string): Promise<string> {
  const box = find(await axTree(), (node) => node.role === 'textbox' && node.name.startsWith(name));
  expect(box, `a text box named ${name}`).to.not.equal(undefined);
  return box?.description ?? '';
}

describe('<guichet-form> errors while the citizen types', () => {
  it('a message never changes kind under the cursor: it stays until fixed, goes once fixed, and a new kind waits for Continue', async () => {
    const el = await mount();
    await continueAndWaitForErrors(el);
    const missing = await describedAs('Nom');
    expect(missing).to.include('obligatoire');
    $<HTMLInputElement>(el, '#guichet-name')!.focus();
    await sendKeys({ type: 'Cam' });
    await el.updateComplete;
    expect(await describedAs('Nom'), 'still the message the citizen read, not "au moins 5 caractères"').to.equal(
      missing,
    );
    $<HTMLInputElement>(el, '#guichet-name')!.blur();
    await el.updateComplete;
    expect(await describedAs('Nom'), 'leaving the field does not change it either').to.equal(missing);
    $<HTMLInputElement>(el, '#guichet-name')!.focus();
    await sendKeys({ type: 'ille' });
    await waitUntil(() => !$(el, '#guichet-name__error'), 'fixed: the message goes at once');
    expect(await describedAs('Nom')).to.not.include('obligatoire');
    for (let times = 0; times < 3; times++) await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect($(el, '#guichet-name__error'), 'too short again: nothing shows before Continue').to.equal(null);
    await continueAndWaitForErrors(el);
    expect(await describedAs('Nom')).to.include('au moins 5');
    await expect(el).to.be.accessible(wcag21aa);
  });

  it('after an item is removed, the item that moves up shows no error it was never checked for', async () => {
    const el = await mount();
    $<HTMLInputElement>(el, '#guichet-name')!.focus();
    await sendKeys({ type: 'Camille' });
    const add = () => $<HTMLButtonElement>(el, '[data-action=add-item][data-pointer="/children"]')!.click();
    add();
    await waitUntil(() => $(el, '#guichet-children-0-firstName'), 'a first child');
    add();
    await waitUntil(() => $(el, '#guichet-children-1-firstName'), 'a second child');
    await continueAndWaitForErrors(el);
    expect($(el, '#guichet-children-0-firstName__error'), 'checked: the first child has no first name').to.not.equal(
      null,
    );
    expect($(el, '#guichet-children-1-firstName__error'), 'checked: neither has the second').to.not.equal(null);
    add();
    await waitUntil(() => $(el, '#guichet-children-2-firstName'), 'a third child, added after the check');
    $<HTMLButtonElement>(el, '[data-action=remove-item][data-pointer="/children"][data-index="0"]')!.click();
    await waitUntil(() => !$(el, '#guichet-children-2-firstName'), 'two children left');
    await el.updateComplete;
    expect($(el, '#guichet-children-0-firstName__error'), 'the second child moved up with its message').to.not.equal(
      null,
    );
    expect(
      $(el, '#guichet-children-1-firstName__error'),
      'the third child moved up and was never checked: no message',
    ).to.equal(null);
    await expect(el).to.be.accessible(wcag21aa);
  });
});
