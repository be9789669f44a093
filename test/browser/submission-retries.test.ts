import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createAdapter, Outbox, registerAdapter, type FormModel } from '@guichet/core';
import { TestSubmissionHost } from '../helpers/submission-host.js';
import '../helpers/submission-host.js';
import { apiUrl, unreachableApi } from '../helpers/admin.js';
import { exampleModel } from '../helpers/example-forms.js';
import { heardDuring } from '../helpers/live-region.js';

const formId = 'signalement-voirie';
const axeTags = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

/**
 * The real guichet adapter, pointed at an address nobody answers (each try fails as a lost
 * connection does) or at the real endpoint, and held at a gate the test opens: a try lasts as
 * long as the test looks at it. Registered as an authority's own adapter would be.
 */
const tries = { count: 0, endpoint: unreachableApi };
let open: () => void = () => {};
let gate = Promise.resolve();
function closeGate(): void {
  gate = new Promise((resolve) => (open = resolve));
}
registerAdapter('gated', (config) => ({
  name: 'gated',
  status: (query, options) => createAdapter('guichet', config).status(query, options),
  async submit(request, options) {
    tries.count++;
    await gate;
    return createAdapter('guichet', { ...config, endpoint: tries.endpoint }).submit(request, options);
  },
}));

let model: FormModel;

function clearOutbox(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('guichet:outbox:')) localStorage.removeItem(key);
}

describe('submission: tries again while the endpoint is away', () => {
  before(async () => {
    model = await exampleModel(formId);
  });
  beforeEach(() => {
    clearOutbox();
    tries.count = 0;
    tries.endpoint = unreachableApi;
    gate = Promise.resolve();
    // Tries 20–40 ms apart, so that a test sees several.
    TestSubmissionHost.nextOutbox = new Outbox({ baseMs: 20, maxMs: 40, random: () => 1 });
  });
  afterEach(() => {
    open();
    TestSubmissionHost.nextOutbox = undefined;
    clearOutbox();
  });

  it('says the failure once, not again at each automatic try; the citizen’s own try shows and keeps focus', async () => {
    const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang="fr"></test-submission-host>`);
    const root = host.shadowRoot!;
    const sending = host.submission.send({
      model,
      data: {
        category: 'eclairage',
        description: `Essais ${crypto.randomUUID()}`,
        address: 'Place du Marché',
        consent: true,
      },
      files: new Map(),
      channel: 'web',
      lang: 'fr',
      endpoint: apiUrl(),
      adapter: 'gated',
    });
    await waitUntil(() => host.submission.phase === 'waiting', 'waiting after the first failure');
    await host.updateComplete;
    const status = root.querySelector('[role="status"]')!;
    const failure = status.textContent!.replace(/\s+/g, ' ').trim();
    expect(failure).to.contain('Votre demande n’est pas encore partie.');
    const retry = root.querySelector<HTMLButtonElement>('button.submission__retry')!;

    const before = tries.count;
    const heard = await heardDuring(status, async () => {
      await waitUntil(() => tries.count >= before + 3, 'three automatic tries', { timeout: 5000 });
      await host.updateComplete;
    });
    expect(heard, 'the status region changed during automatic tries').to.deep.equal([]);
    expect(retry.isConnected, 'Réessayer stayed the same button').to.equal(true);

    // The citizen's own try: it shows at once, and Réessayer stays, inert, with the focus.
    closeGate();
    retry.focus();
    retry.click();
    await host.updateComplete;
    expect(status.textContent!.trim()).to.equal('Envoi en cours…');
    expect(retry.isConnected).to.equal(true);
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    expect(root.activeElement).to.equal(retry);
    await expect(host).to.be.accessible(axeTags);
    const during = tries.count;
    retry.click();
    await host.updateComplete;
    expect(tries.count, 'a second press during the try starts nothing').to.equal(during);

    // That try fails too: the failure is said again (the citizen asked), Réessayer works again.
    open();
    await waitUntil(() => host.submission.phase === 'waiting', 'waiting after the citizen’s try');
    await host.updateComplete;
    expect(status.textContent!.replace(/\s+/g, ' ').trim()).to.equal(failure);
    expect(retry.getAttribute('aria-disabled')).to.equal('false');
    expect(root.activeElement).to.equal(retry);
    await expect(host).to.be.accessible(axeTags);

    // The endpoint is back: the next try (automatic or asked) files the request once.
    tries.endpoint = apiUrl();
    retry.click();
    await sending;
    expect(host.submission.phase).to.equal('sent');
    expect(host.submission.receipt!.reference).to.match(/^[A-Z]+-\d{4}-\d+$/);
  });
});
