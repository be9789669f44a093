import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/elements/src/guichet-form.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import { endpointUrl } from '../helpers/env.js';
import {
  exampleDefinition,
  exampleForms,
  fillStepWithKeyboard,
  modelOf,
  shadow,
  validAnswers,
  whenReady,
} from './form-helpers.js';

const wcag21aa = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

async function mount(id: string, lang: 'fr' | 'en'): Promise<GuichetForm> {
  const el = await fixture<GuichetForm>(
    html`<guichet-form lang=${lang} draft="none" src=${`${endpointUrl()}/api/forms/${id}`}></guichet-form>`,
  );
  await whenReady(el);
  return el;
}

async function failContinue(el: GuichetForm): Promise<void> {
  shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
  // Continue waits for the validator, which may still be on its way.
  await waitUntil(() => shadow(el).activeElement?.id === 'guichet-error-summary', 'the error summary takes focus', {
    timeout: 10000,
  });
  await el.updateComplete;
}

describe('<guichet-form> passes axe (WCAG 2.1 A and AA)', () => {
  for (const id of exampleForms) {
    for (const lang of ['fr', 'en'] as const) {
      it(`${id} (${lang}): empty, after a failed Continue, and on the summary`, async () => {
        const el = await mount(id, lang);
        await expect(el).to.be.accessible(wcag21aa);

        await failContinue(el);
        expect(shadow(el).querySelector('#guichet-error-summary'), 'error summary').to.not.equal(null);
        await expect(el).to.be.accessible(wcag21aa);

        const definition = await exampleDefinition(id);
        const model = modelOf(definition);
        const answers = await validAnswers(id);
        const summaryEl = await mount(id, lang);
        for (let step = 0; step < model.steps.length; step++) await fillStepWithKeyboard(summaryEl, model, answers);
        expect(shadow(summaryEl).querySelector('.summary dl'), 'summary list').to.not.equal(null);
        await expect(summaryEl).to.be.accessible(wcag21aa);
      });
    }
  }
});
