/**
 * Property (fast-check): any definition within the supported subset renders in <guichet-form>
 * without an exception, on its first step and after a failed attempt, and passes axe.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import '../../packages/elements/src/index.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import { generatedForm } from '../helpers/arbitrary-definition.js';

describe('random definitions', () => {
  it('render, show their errors and pass axe (25 runs)', async function () {
    this.timeout(120_000);
    const uncaught: string[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.message);
    const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      await fc.assert(
        fc.asyncProperty(
          generatedForm('aleatoire'),
          fc.constantFrom('fr', 'en'),
          async ({ definition, mustAnswer }, lang) => {
            let broken: unknown;
            const form = await fixture<GuichetForm>(
              html`<guichet-form draft="none" lang=${lang} .definition=${definition} @guichet-error=${(
                e: CustomEvent<{ kind: string }>,
              ) => {
                if (e.detail.kind === 'definition') broken = e.detail;
              }}></guichet-form>`,
            );
            await waitUntil(() => form.shadowRoot!.querySelector('form') || broken, 'the first step');
            expect(broken, JSON.stringify(broken)).to.equal(undefined);
            await expect(form).to.be.accessible();
            // A failed attempt: every required field empty.
            const progress = () => form.shadowRoot!.querySelector('.progress')?.textContent;
            const firstProgress = progress();
            form.shadowRoot!.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
            const firstStep = definition.ui.steps[0]!.fields;
            if (mustAnswer.some((name) => firstStep.includes(name))) {
              await waitUntil(
                () => form.shadowRoot!.querySelector('.error-summary, [part~="error-summary"]'),
                'the error summary',
              );
            } else {
              // Nothing to answer on this step: Continue leads on, to the next step or the summary.
              await waitUntil(
                () => form.shadowRoot!.querySelector('.summary') || progress() !== firstProgress,
                'Continue led on',
              );
              expect(form.shadowRoot!.querySelector('.error-summary, [part~="error-summary"]')).to.equal(null);
            }
            await form.updateComplete;
            await expect(form).to.be.accessible();
            expect(uncaught).to.deep.equal([]);
          },
        ),
        { numRuns: 25, seed: 20261129 },
      );
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});
