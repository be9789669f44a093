import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { localize } from '@guichet/core';
import '../../packages/elements/src/guichet-form.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import type { GuichetSubmitEvent, GuichetSubmittedEvent } from '../../packages/elements/src/events.js';
import { endpointUrl } from '../helpers/env.js';
import {
  exampleDefinition,
  exampleForms,
  fillStepWithKeyboard,
  focused,
  modelOf,
  shadow,
  validAnswers,
  whenReady,
  withoutFileValues,
} from './form-helpers.js';

describe('<guichet-form> example forms, completed with the keyboard only', () => {
  for (const id of exampleForms) {
    for (const source of ['endpoint', 'definition'] as const) {
      const how =
        source === 'endpoint'
          ? 'served by the endpoint (precompiled validator)'
          : 'given as an object (validator compiled in the page)';
      it(`${id}, ${how}: every step, the summary, then Send fires guichet-submit with the cleaned answers`, async () => {
        const definition = await exampleDefinition(id);
        const model = modelOf(definition);
        const answers = await validAnswers(id);
        const el =
          source === 'endpoint'
            ? await fixture<GuichetForm>(
                html`<guichet-form draft="none" channel="counter" src=${`${endpointUrl()}/api/forms/${id}`}></guichet-form>`,
              )
            : await fixture<GuichetForm>(
                html`<guichet-form draft="none" channel="counter" .definition=${definition}></guichet-form>`,
              );
        await whenReady(el);
        const root = shadow(el);
        for (let step = 0; step < model.steps.length; step++) {
          if (model.steps.length > 1)
            expect(root.querySelector('.progress')?.textContent).to.equal(
              `Étape ${step + 1} sur ${model.steps.length}`,
            );
          await fillStepWithKeyboard(el, model, answers);
        }
        expect(root.querySelector('#guichet-step-title')?.textContent).to.equal('Vérifiez vos réponses');
        expect(focused(el)?.id).to.equal('guichet-step-title');
        // Tab to Send through the "Modifier" links.
        let guard = 0;
        while (
          !(focused(el) instanceof HTMLButtonElement && (focused(el) as HTMLButtonElement).type === 'submit') &&
          guard++ < 200
        ) {
          await sendKeys({ press: 'Tab' });
        }
        const send = focused(el);
        expect(send, 'Tab reached a submit button').to.be.instanceOf(HTMLButtonElement);
        expect(send?.textContent?.trim(), 'the button Tab reached').to.equal(
          localize(model.submitLabel, 'fr') || 'Envoyer',
        );
        el.addEventListener('guichet-submit', (event) => event.preventDefault(), { once: true });
        const submitted = oneEvent(el, 'guichet-submit') as Promise<GuichetSubmitEvent>;
        await sendKeys({ press: 'Enter' });
        const event = await submitted;
        expect(event.cancelable).to.equal(true);
        expect(event.composed).to.equal(true);
        expect(event.detail.formId).to.equal(model.id);
        expect(event.detail.channel).to.equal('counter');
        expect(withoutFileValues(model, event.detail.data)).to.deep.equal(withoutFileValues(model, answers));
        for (const field of model.fields) {
          if (field.kind === 'file' && answers[field.name] !== undefined) {
            const key = event.detail.data[field.name];
            expect(key).to.be.a('string');
            expect(el.chosenFiles.get(key as string)).to.be.instanceOf(File);
          }
        }
      });
    }
  }
});

describe('<guichet-form> sending to the reference endpoint', () => {
  it('signalement-voirie: Send uploads the photo, fires guichet-submitted with a reference and shows the receipt', async () => {
    const id = 'signalement-voirie';
    const model = modelOf(await exampleDefinition(id));
    const answers = await validAnswers(id);
    const api = `${endpointUrl()}/api`;
    const el = await fixture<GuichetForm>(
      html`<guichet-form draft="none" endpoint=${api} src=${`${api}/forms/${id}`}></guichet-form>`,
    );
    await whenReady(el);
    for (let step = 0; step < model.steps.length; step++) await fillStepWithKeyboard(el, model, answers);
    const submitted = oneEvent(el, 'guichet-submitted') as Promise<GuichetSubmittedEvent>;
    shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const event = await submitted;
    expect(event.detail.reference).to.match(/^VOI-/);
    expect(event.detail.trackingCode).to.be.a('string').and.not.equal('');
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain(event.detail.reference);
    expect(shadow(el).querySelector('form')).to.equal(null);
  });
});
