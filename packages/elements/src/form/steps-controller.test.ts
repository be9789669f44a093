import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { TestFormPartsHost, twoSteps } from '../../../../test/helpers/form-parts-host.js';
import type { GuichetErrorEvent } from '../events.js';

async function host(): Promise<TestFormPartsHost> {
  const el = await fixture<TestFormPartsHost>(html`<test-form-parts-host lang="fr"></test-form-parts-host>`);
  await el.parts.definition.load(structuredClone(twoSteps), undefined);
  await waitUntil(() => el.started.length === 1, 'the form starts');
  return el;
}

const continueEvent = () => new SubmitEvent('submit', { cancelable: true });

describe('StepsController', () => {
  it('keeps the citizen on a step whose required answer is missing, says why, and tells the page', async () => {
    const el = await host();
    const error = oneEvent(el, 'guichet-error') as Promise<GuichetErrorEvent>;
    await el.steps.onContinue(continueEvent());
    const { detail } = await error;
    expect(el.steps.index).to.equal(0);
    expect(detail.kind).to.equal('validation');
    expect(detail.problems?.map((p) => p.pointer)).to.deep.equal(['/name']);
    expect(el.parts.errors.summary.map((e) => e.pointer)).to.deep.equal(['/name']);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'guichet-error-summary', 'focus on the summary');
  });

  it('moves on once answered, checks only the step shown, and Back clears the errors', async () => {
    const el = await host();
    await el.steps.onContinue(continueEvent());
    el.parts.answers.set('/name', 'Camille');
    await el.steps.onContinue(continueEvent());
    expect(el.steps.index).to.equal(1);
    expect(el.parts.errors.summary).to.deep.equal([]);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'guichet-step-title', 'focus on the step heading');
    await el.steps.onContinue(continueEvent());
    expect(el.steps.onSummary, 'the optional comment does not hold the citizen back').to.equal(true);
    el.steps.back();
    expect(el.steps.index).to.equal(1);
    el.steps.back();
    el.steps.back();
    expect(el.steps.index, 'never before the first step').to.equal(0);
  });

  it('from the summary, changing an answer leads back to the summary', async () => {
    const el = await host();
    el.parts.answers.set('/name', 'Camille');
    await el.steps.onContinue(continueEvent());
    await el.steps.onContinue(continueEvent());
    expect(el.steps.onSummary).to.equal(true);
    await el.steps.goToField('/name', true);
    expect(el.steps.index).to.equal(0);
    await el.steps.onContinue(continueEvent());
    expect(el.steps.onSummary, 'Continue returns to the summary, not to step 2').to.equal(true);
  });

  it('check() on the whole form finds every missing answer, whatever the step shown', async () => {
    const el = await host();
    el.steps.goTo(1);
    expect(await el.steps.check()).to.equal(undefined);
    expect(el.parts.errors.summary.map((e) => e.pointer)).to.deep.equal(['/name']);
    el.parts.answers.set('/name', 'Camille');
    expect(await el.steps.check()).to.not.equal(undefined);
  });

  it('drops what was about to be said of the old step, such as a character count waiting for a pause', async () => {
    const el = await host();
    const region = el.shadowRoot!.querySelector('#guichet-live')!;
    const said: string[] = [];
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    el.parts.answers.set('/name', 'Camille');
    // The count of a field is said once the citizen paused; here the pause is 20 ms.
    el.parts.announcer.announceAfterPause(() => 'Il vous reste 3 caractères', 20);
    el.steps.goTo(1);
    // Timers run in the order of their deadlines: once this one has run, the count would have been said.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(said.filter((text) => text.includes('caractères'))).to.deep.equal([]);
  });
});
