import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { TestFormPartsHost } from '../../../../test/helpers/form-parts-host.js';
import { exampleDefinition, validAnswers } from '../../../../test/browser/form-helpers.js';
import { LazySubmission } from '../submission/lazy-submission.js';
import type { GuichetSubmitEvent, GuichetSubmittedEvent } from '../events.js';
import { SendAction } from './send-action.js';

const { endpoint } = (window as unknown as { __GUICHET_TEST__: { endpoint: string } }).__GUICHET_TEST__;

/** The parts host with what Send needs: the attributes, the submission pipeline (lazily loaded), the action. */
class TestSendHost extends TestFormPartsHost {
  channel = 'counter';
  endpoint?: string = `${endpoint}/api`;
  adapter = 'guichet';
  readonly submission = new LazySubmission(this);
  readonly sending = new SendAction(this, this.parts, this.steps, this.submission);
}
customElements.define('test-send-host', TestSendHost);

async function host(): Promise<TestSendHost> {
  const el = await fixture<TestSendHost>(html`<test-send-host lang="fr"></test-send-host>`);
  el.draft = 'none';
  await el.parts.definition.load(await exampleDefinition('contact-service'), undefined);
  await waitUntil(() => el.started.length === 1, 'the form starts');
  return el;
}

const send = () => new SubmitEvent('submit', { cancelable: true });

describe('SendAction', () => {
  it('checks every answer first: nothing is sent while one is missing', async () => {
    const el = await host();
    const events: string[] = [];
    for (const type of ['guichet-submit', 'guichet-error']) el.addEventListener(type, () => events.push(type));
    await el.sending.onSend(send());
    expect(events).to.deep.equal(['guichet-error']);
    expect(el.submission.phase).to.equal('idle');
  });

  it('lets the page cancel: the answers go to the page, not to the endpoint', async () => {
    const el = await host();
    el.parts.answers.replace(el.parts.definition.model!.fields, await validAnswers('contact-service'));
    el.addEventListener('guichet-submit', (event) => event.preventDefault(), { once: true });
    const submit = oneEvent(el, 'guichet-submit') as Promise<GuichetSubmitEvent>;
    await el.sending.onSend(send());
    const { detail } = await submit;
    expect(detail.formId).to.equal('contact-service');
    expect(detail.channel, 'the host’s channel').to.equal('counter');
    expect(el.submission.phase).to.equal('idle');
  });

  it('sends to the endpoint and hands the receipt to the page', async () => {
    const el = await host();
    el.parts.answers.replace(el.parts.definition.model!.fields, await validAnswers('contact-service'));
    const submitted = oneEvent(el, 'guichet-submitted') as Promise<GuichetSubmittedEvent>;
    await el.sending.onSend(send());
    const { detail } = await submitted;
    expect(detail.reference).to.match(/^[A-Z]+-\d{4}-\d{6}$/);
    expect(el.submission.phase).to.equal('sent');
  });
});
