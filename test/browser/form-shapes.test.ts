/**
 * A form written in standard JSON Schema 2020-12 as authors write it — fields declared once at
 * the root and switched on and off by `if`/`then`/`else` with `true`/`false`, the root closed
 * with `additionalProperties: false`, an answer that may be null, a conditional inside each item
 * of a group — filled with the keyboard only, axe clean in every state: the fields a branch
 * forbids are not shown, errors name their question, an empty required fieldset marks each of
 * its missing fields at once, and what is sent is what a standard validator accepts.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../packages/elements/src/guichet-form.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import type { GuichetSubmitEvent } from '../../packages/elements/src/events.js';
import {
  exampleDefinition,
  fillStepWithKeyboard,
  focused,
  modelOf,
  shadow,
  validAnswers,
  whenReady,
} from './form-helpers.js';

const definition = {
  id: 'acte-racine',
  version: '1.0.0',
  title: 'Demander un acte',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://mairie.example/formulaires/acte-racine.json',
    type: 'object',
    required: ['delivery', 'phone'],
    additionalProperties: false,
    properties: {
      delivery: {
        type: 'string',
        title: 'Comment recevoir l’acte ?',
        oneOf: [
          { const: 'post', title: 'Par courrier' },
          { const: 'email', title: 'Par e-mail' },
        ],
      },
      postalAddress: {
        type: 'object',
        title: 'Votre adresse postale',
        required: ['street', 'city'],
        properties: {
          street: { type: 'string', title: 'Numéro et rue' },
          city: { type: 'string', title: 'Ville' },
        },
      },
      email: { type: 'string', format: 'email', title: 'Votre adresse e-mail' },
      phone: { type: ['string', 'null'], title: 'Votre téléphone', examples: ['0612345678'] },
    },
    if: { properties: { delivery: { const: 'post' } }, required: ['delivery'] },
    then: { properties: { postalAddress: true, email: false }, required: ['postalAddress'] },
    else: { properties: { postalAddress: false, email: true }, required: ['email'] },
  },
  ui: { steps: [{ title: 'Votre demande', fields: ['delivery', 'postalAddress', 'email', 'phone'] }] },
};

const shownLegends = (root: ShadowRoot) =>
  [...root.querySelectorAll('label, legend')].map((l) => l.textContent?.replace(/\s+/g, ' ').trim() ?? '');

async function press(key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
}

async function tabTo(el: GuichetForm, found: (element: HTMLElement) => boolean): Promise<void> {
  for (let guard = 0; guard < 100; guard++) {
    const active = focused(el);
    if (active && found(active)) return;
    await press('Tab');
  }
  throw new Error('not reached with Tab');
}

/** On "Vérifiez vos réponses", Tab to Send and press Enter: what `guichet-submit` carries. */
async function sendWithKeyboard(el: GuichetForm): Promise<GuichetSubmitEvent['detail']> {
  await tabTo(el, (e) => e instanceof HTMLButtonElement && e.type === 'submit');
  el.addEventListener('guichet-submit', (event) => event.preventDefault(), { once: true });
  const submitted = oneEvent(el, 'guichet-submit') as Promise<GuichetSubmitEvent>;
  await press('Enter');
  return (await submitted).detail;
}

describe('<guichet-form> with the root + boolean-branch + additionalProperties: false shape', () => {
  it('switches fields with the branch that applies, names each question, and sends what the schema accepts', async () => {
    const model = modelOf(definition);
    const el = await fixture<GuichetForm>(html`<guichet-form draft="none" .definition=${definition}></guichet-form>`);
    await whenReady(el);
    const root = shadow(el);
    await expect(el).to.be.accessible();
    // Nothing chosen yet: the else branch applies (by JSON Schema's rules), the address is hidden.
    expect(shownLegends(root).some((t) => t.startsWith('Votre adresse postale'))).to.equal(false);
    expect(shownLegends(root).some((t) => t.startsWith('Votre adresse e-mail'))).to.equal(true);
    expect(shownLegends(root).find((t) => t.startsWith('Votre téléphone'))).to.not.match(/obligatoire/);

    // "Par courrier" with the keyboard: the address shows, the e-mail hides.
    root.querySelector<HTMLElement>('#guichet-title')?.focus();
    await tabTo(el, (e) => e instanceof HTMLInputElement && e.type === 'radio');
    await press('Space');
    await waitUntil(() => shownLegends(root).some((t) => t.startsWith('Votre adresse postale')), 'the address shows');
    expect(shownLegends(root).some((t) => t.startsWith('Votre adresse e-mail'))).to.equal(false);
    await expect(el).to.be.accessible();

    // Continue with the address empty: each of its missing fields is marked at once, by name.
    await tabTo(el, (e) => e instanceof HTMLButtonElement && e.type === 'submit');
    await press('Enter');
    await waitUntil(() => focused(el)?.id === 'guichet-error-summary', 'the error summary takes focus');
    const links = [...root.querySelectorAll('#guichet-error-summary a')].map((a) => a.textContent?.trim());
    expect(links).to.deep.equal([
      'Numéro et rue (Votre adresse postale)\u00a0: ce champ est obligatoire',
      'Ville (Votre adresse postale)\u00a0: ce champ est obligatoire',
    ]);
    await expect(el).to.be.accessible();

    // Fill the address, leave the phone empty (it may be null), and send.
    await fillStepWithKeyboard(el, model, {
      delivery: 'post',
      postalAddress: { street: '5 allée des Peupliers', city: 'Montfleury' },
    });
    expect(root.querySelector('#guichet-step-title')?.textContent).to.equal('Vérifiez vos réponses');
    await expect(el).to.be.accessible();
    const detail = await sendWithKeyboard(el);
    expect(detail.data).to.deep.equal({
      delivery: 'post',
      postalAddress: { street: '5 allée des Peupliers', city: 'Montfleury' },
      phone: null,
    });
  });
});

describe('<guichet-form> with a field declared at the root and required by a branch with no else', () => {
  it("contact-service's phone shows right after the call-back choice, only then, to be answered", async () => {
    const definition = await exampleDefinition('contact-service');
    const answers = await validAnswers('contact-service', 0);
    expect(answers.preferredContact).to.equal('email');
    const el = await fixture<GuichetForm>(
      html`<guichet-form draft="none" .data=${answers} .definition=${definition}></guichet-form>`,
    );
    await whenReady(el);
    const root = shadow(el);
    root.querySelector<HTMLElement>('#guichet-title')?.focus();
    await tabTo(el, (e) => e instanceof HTMLButtonElement && e.type === 'submit');
    await press('Enter');
    await waitUntil(() => root.querySelector('#guichet-step-title')?.textContent === 'Vos coordonnées', 'step 2');
    const phoneShown = () => shownLegends(root).some((t) => t.startsWith('Votre téléphone'));
    expect(phoneShown()).to.equal(false);
    await expect(el).to.be.accessible();

    // "Par téléphone" with the arrow key: the phone question appears next, named without "(facultatif)".
    await tabTo(el, (e) => e instanceof HTMLInputElement && e.type === 'radio' && e.checked);
    await press('ArrowDown');
    await waitUntil(phoneShown, 'the phone shows');
    const labels = shownLegends(root);
    const at = (start: string) => labels.findIndex((t) => t.startsWith(start));
    expect(labels[at('Votre téléphone')]).to.equal('Votre téléphone');
    expect(at('Comment voulez-vous recevoir la réponse')).to.be.lessThan(at('Votre téléphone'));
    expect(at('Votre téléphone')).to.be.lessThan(at('Êtes-vous satisfait'));
    await press('Tab');
    expect((focused(el) as HTMLInputElement | null)?.name).to.equal('/phone');
    await expect(el).to.be.accessible();

    // Continue without it: the summary names it.
    await tabTo(el, (e) => e instanceof HTMLButtonElement && e.type === 'submit');
    await press('Enter');
    await waitUntil(() => focused(el)?.id === 'guichet-error-summary', 'the error summary takes focus');
    const links = [...root.querySelectorAll('#guichet-error-summary a')].map((a) => a.textContent?.trim());
    expect(links).to.deep.equal(['Votre téléphone\u00a0: ce champ est obligatoire']);
    await expect(el).to.be.accessible();

    // Back to "Par e-mail": the question goes, and nothing of it is sent.
    await tabTo(el, (e) => e instanceof HTMLInputElement && e.type === 'radio' && e.checked);
    await press('ArrowUp');
    await waitUntil(() => !phoneShown(), 'the phone hides');
    await tabTo(el, (e) => e instanceof HTMLButtonElement && e.type === 'submit');
    await press('Enter');
    await waitUntil(
      () => root.querySelector('#guichet-step-title')?.textContent === 'Vérifiez vos réponses',
      'the summary',
    );
    await expect(el).to.be.accessible();
    const detail = await sendWithKeyboard(el);
    expect(detail.data).to.not.have.property('phone');
    expect(detail.data.preferredContact).to.equal('email');
  });
});
