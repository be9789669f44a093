import { expect, fixture, html, waitUntil, fixtureCleanup } from '@open-wc/testing';
import { Outbox, type FormModel } from '@guichet/core';
import { TestSubmissionHost } from '../helpers/submission-host.js';
import '../helpers/submission-host.js';
import type { ErrorDetail } from '../../packages/elements/src/events.js';
import { apiUrl, storedWith, unreachableApi } from '../helpers/admin.js';
import { exampleModel } from '../helpers/example-forms.js';

const formId = 'signalement-voirie';
let model: FormModel;

function answers(marker: string): Record<string, unknown> {
  return { category: 'nid-de-poule', description: marker, address: '12 rue des Lilas', consent: true };
}

const mount = () => fixture<TestSubmissionHost>(html`<test-submission-host lang="fr"></test-submission-host>`);

function clearOutbox(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('guichet:outbox:')) localStorage.removeItem(key);
}

describe('submission when the endpoint is unreachable', () => {
  before(async () => {
    model = await exampleModel(formId);
  });
  beforeEach(clearOutbox);
  afterEach(clearOutbox);

  it('keeps the answers, says so, and after a reload sends them once and shows the receipt', async () => {
    const marker = `Hors ligne ${crypto.randomUUID()}`;
    const first = await mount();
    const errors: ErrorDetail[] = [];
    first.addEventListener('guichet-error', (e) => errors.push(e.detail));
    const sending = first.submission.send({
      model,
      data: answers(marker),
      files: new Map(),
      channel: 'web',
      lang: 'fr',
      endpoint: unreachableApi,
      adapter: 'guichet',
    });
    await waitUntil(() => first.submission.phase === 'waiting', 'waiting after the first failure');
    await first.updateComplete;
    const status = first.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent).to.contain(
      'Vos réponses sont conservées sur cet appareil et seront envoyées dès que possible',
    );
    expect(first.shadowRoot!.querySelector('button.submission__retry')!.textContent).to.equal('Réessayer');
    expect(errors.map((e) => e.kind)).to.deep.equal(['network']);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('guichet:outbox:'))).to.have.length(1);

    // Closing the tab: the element goes away, the submission stays in localStorage.
    fixtureCleanup();
    await sending;

    // The next visit, with the endpoint reachable again.
    const second = await mount();
    await second.submission.resumePending(model, apiUrl(), 'guichet');
    expect(second.submission.phase).to.equal('sent');
    await second.updateComplete;
    expect(second.shadowRoot!.querySelector('h2')!.textContent).to.contain('Demande envoyée');
    expect(second.shadowRoot!.querySelector('.receipt__code')!.textContent).to.equal(
      second.submission.receipt!.reference,
    );
    expect(await storedWith(formId, 'description', marker)).to.have.length(1);
    expect(
      Object.keys(localStorage).filter(
        (k) => k.startsWith('guichet:outbox:') && localStorage.getItem(k)!.includes(marker),
      ),
    ).to.deep.equal([]);
  });

  it('sends once when Send is pressed twice', async () => {
    const marker = `Double clic ${crypto.randomUUID()}`;
    const host = await mount();
    const request = {
      model,
      data: answers(marker),
      files: new Map(),
      channel: 'web' as const,
      lang: 'fr' as const,
      endpoint: apiUrl(),
      adapter: 'guichet',
    };
    await Promise.all([host.submission.send(request), host.submission.send(request)]);
    expect(host.submission.phase).to.equal('sent');
    expect(await storedWith(formId, 'description', marker)).to.have.length(1);
  });

  it('puts the server’s refusal (422) on the field it concerns, and does not retry', async () => {
    const host = await mount();
    await host.submission.send({
      model,
      data: { ...answers('Latitude impossible ici'), latitude: 123.5 },
      files: new Map(),
      channel: 'web',
      lang: 'en',
      endpoint: apiUrl(),
      adapter: 'guichet',
    });
    expect(host.submission.phase).to.equal('invalid');
    const latitude = host.submission.fieldErrors.find((e) => e.pointer === '/latitude');
    expect(latitude?.message).to.be.a('string').and.not.equal('');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('guichet:outbox:'))).to.deep.equal([]);
  });

  it('tries again at once when “Réessayer” is pressed', async () => {
    const marker = `Réessayer ${crypto.randomUUID()}`;
    // Left alone, the next try would come a minute later.
    TestSubmissionHost.nextOutbox = new Outbox({ baseMs: 60_000, random: () => 1 });
    const host = await mount();
    TestSubmissionHost.nextOutbox = undefined;
    const sending = host.submission.send({
      model,
      data: answers(marker),
      files: new Map(),
      channel: 'web',
      lang: 'fr',
      endpoint: unreachableApi,
      adapter: 'guichet',
    });
    await waitUntil(() => host.submission.phase === 'waiting');
    const attemptsBefore = JSON.parse(localStorage.getItem(`guichet:outbox:${formId}`)!).pending[0].attempts as number;
    await host.updateComplete;
    host.shadowRoot!.querySelector<HTMLButtonElement>('button.submission__retry')!.click();
    await waitUntil(
      () => JSON.parse(localStorage.getItem(`guichet:outbox:${formId}`)!).pending[0].attempts > attemptsBefore,
      'a new try right away',
    );
    fixtureCleanup();
    await sending;
  });

  it('tries again at once when the browser comes back online', async () => {
    TestSubmissionHost.nextOutbox = new Outbox({ baseMs: 60_000, random: () => 1 });
    const host = await mount();
    TestSubmissionHost.nextOutbox = undefined;
    const sending = host.submission.send({
      model,
      data: answers(`En ligne ${crypto.randomUUID()}`),
      files: new Map(),
      channel: 'web',
      lang: 'fr',
      endpoint: unreachableApi,
      adapter: 'guichet',
    });
    await waitUntil(() => host.submission.phase === 'waiting');
    const attempts = () => JSON.parse(localStorage.getItem(`guichet:outbox:${formId}`)!).pending[0].attempts as number;
    const before = attempts();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => attempts() > before, 'a new try right away');
    fixtureCleanup();
    await sending;
  });
});
