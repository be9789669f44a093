import { expect, fixture, html, waitUntil, fixtureCleanup } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { createAdapter, registerAdapter, type FormModel, type Language } from '@guichet/core';
import '../helpers/submission-host.js';
import '../../packages/elements/src/guichet-tracker.js';
import type { TestSubmissionHost } from '../helpers/submission-host.js';
import { apiUrl, unreachableApi } from '../helpers/admin.js';
import { exampleModel } from '../helpers/example-forms.js';
import { samplePng } from '../helpers/sample-files.js';

const formId = 'signalement-voirie';
const axeTags = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

/**
 * The real guichet adapter with a hold the test releases: the sending and uploading states last
 * as long as the test looks at them. Registered like an authority's own adapter would be.
 */
let release: () => void = () => {};
let hold = Promise.resolve();
function holdNext(): void {
  hold = new Promise((resolve) => (release = resolve));
}
registerAdapter('held', (config) => {
  const real = createAdapter('guichet', config);
  return {
    name: 'held',
    status: (query, options) => real.status(query, options),
    async submit(request, options) {
      await hold;
      return real.submit(request, options);
    },
    async upload(request, options) {
      // Report what a slow uplink reports, then wait for the test before really uploading.
      for (const sent of [100, 300, 550]) request.onProgress?.(sent, 1000);
      await Promise.race([
        hold,
        new Promise((_, reject) =>
          options?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
        ),
      ]);
      return real.upload!(request, options);
    },
  };
});

let model: FormModel;
const answers = (marker: string, photo?: string) => ({
  category: 'eclairage',
  description: marker,
  address: 'Place du Marché',
  consent: true,
  ...(photo ? { photo } : {}),
});

function clearOutbox(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('guichet:outbox:')) localStorage.removeItem(key);
}

describe('submission states', () => {
  before(async () => {
    model = await exampleModel(formId);
  });
  beforeEach(clearOutbox);
  afterEach(() => {
    release();
    clearOutbox();
  });

  for (const lang of ['fr', 'en'] as Language[]) {
    it(`${lang}: uploading, sending, waiting and the receipt pass axe`, async () => {
      const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang=${lang}></test-submission-host>`);
      const root = host.shadowRoot!;
      holdNext();
      const files = new Map([['photo-1', samplePng('lampadaire.png', 4000)]]);
      const sending = host.submission.send({
        model,
        data: answers(`États ${lang} ${crypto.randomUUID()}`, 'photo-1'),
        files,
        channel: 'web',
        lang,
        endpoint: apiUrl(),
        adapter: 'held',
      });

      await waitUntil(() => host.submission.phase === 'uploading' && host.submission.uploads[0]!.sent > 0);
      await host.updateComplete;
      const progress = root.querySelector('progress')!;
      expect(progress.value).to.equal(55);
      expect(root.querySelector('.upload__percent')!.textContent).to.equal(lang === 'fr' ? '55\u00a0%' : '55%');
      // Announced at 25 % steps only: 10 % said nothing, 30 % said 25, 55 % said 50.
      expect(root.querySelector('[role="status"]')!.textContent).to.contain(
        lang === 'fr' ? '50\u00a0% envoyés' : '50% sent',
      );
      expect(root.querySelector('[aria-busy="true"]')).to.not.equal(null);
      await expect(host).to.be.accessible(axeTags);

      release();
      holdNext();
      await waitUntil(() => host.submission.phase === 'sending');
      await host.updateComplete;
      expect(root.querySelector('[role="status"]')!.textContent!.trim()).to.equal(
        lang === 'fr' ? 'Envoi en cours…' : 'Sending…',
      );
      expect(root.querySelector('[aria-busy="true"]')).to.not.equal(null);
      await expect(host).to.be.accessible(axeTags);

      release();
      await sending;
      expect(host.submission.phase).to.equal('sent');
      await host.updateComplete;
      const receipt = root.querySelector('.receipt')!;
      expect(receipt.querySelector('h2')!.textContent).to.contain(lang === 'fr' ? 'Demande envoyée' : 'Request sent');
      const text = receipt.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain(lang === 'fr' ? 'Et maintenant ?' : 'What happens next?');
      expect(text).to.contain(lang === 'fr' ? 'Une équipe va voir sur place' : 'A team goes to look on site');
      expect(text).to.contain(lang === 'fr' ? 'au plus tard le' : 'at the latest');
      expect(text).to.contain('01 23 45 67 89');
      expect(receipt.querySelector('button.receipt__print')).to.not.equal(null);
      await expect(host).to.be.accessible(axeTags);
    });

    it(`${lang}: the waiting state passes axe and offers to try again`, async () => {
      const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang=${lang}></test-submission-host>`);
      const sending = host.submission.send({
        model,
        data: answers(`Attente ${lang}`),
        files: new Map(),
        channel: 'web',
        lang,
        endpoint: unreachableApi,
        adapter: 'guichet',
      });
      await waitUntil(() => host.submission.phase === 'waiting');
      await host.updateComplete;
      expect(host.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain(
        lang === 'fr' ? 'Vos réponses sont conservées sur cet appareil' : 'Your answers are kept on this device',
      );
      expect(host.shadowRoot!.querySelector('button.submission__retry')!.textContent).to.equal(
        lang === 'fr' ? 'Réessayer' : 'Try again',
      );
      await expect(host).to.be.accessible(axeTags);
      fixtureCleanup();
      await sending;
    });
  }

  it('cancels an upload: nothing is sent, and the citizen can choose another file', async () => {
    const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang="fr"></test-submission-host>`);
    holdNext();
    const files = new Map([['photo-1', samplePng('floue.png')]]);
    const sending = host.submission.send({
      model,
      data: answers('Annulé avant la fin', 'photo-1'),
      files,
      channel: 'web',
      lang: 'fr',
      endpoint: apiUrl(),
      adapter: 'held',
    });
    await waitUntil(() => host.submission.phase === 'uploading');
    await host.updateComplete;
    const cancel = host.shadowRoot!.querySelector<HTMLButtonElement>('button.upload__cancel')!;
    expect(cancel.textContent).to.contain('Annuler l’envoi de «\u00a0floue.png\u00a0»');
    cancel.click();
    await sending;
    expect(host.submission.phase).to.equal('idle');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('guichet:outbox:'))).to.deep.equal([]);
    await host.updateComplete;
    expect(host.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('choisir un autre fichier');
  });

  it('shows the tracker below the receipt, ready with the reference and code', async () => {
    const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang="fr"></test-submission-host>`);
    await host.submission.send({
      model,
      data: answers('Suivre ma demande ensuite'),
      files: new Map(),
      channel: 'web',
      lang: 'fr',
      endpoint: apiUrl(),
      adapter: 'guichet',
    });
    expect(host.submission.phase, JSON.stringify(host.submission.fieldErrors)).to.equal('sent');
    await host.updateComplete;
    const tracker = host.shadowRoot!.querySelector('guichet-tracker')!;
    expect(tracker.getAttribute('reference')).to.equal(host.submission.receipt!.reference);
    expect(tracker.getAttribute('code')).to.equal(host.submission.receipt!.trackingCode);
    expect(tracker.getAttribute('endpoint')).to.equal(apiUrl());
    await waitUntil(
      () => tracker.shadowRoot?.textContent?.includes('Reçue'),
      'the tracker shows the new request as received',
    );
  });

  it('copies the codes, and prints the receipt without its buttons', async () => {
    const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang="fr"></test-submission-host>`);
    await host.submission.send({
      model,
      data: answers('Imprimer le récépissé ensuite'),
      files: new Map(),
      channel: 'web',
      lang: 'fr',
      endpoint: apiUrl(),
      adapter: 'guichet',
    });
    await host.updateComplete;
    const root = host.shadowRoot!;
    const [copyReference, copyCode] = root.querySelectorAll<HTMLButtonElement>('button.receipt__copy');
    // Each button says what it copies, in a sentence (the reference is feminine: "copiée").
    expect(copyReference!.textContent!.trim()).to.equal('Copier la référence');
    expect(copyCode!.textContent!.trim()).to.equal('Copier le code de suivi');
    copyReference!.click();
    // The clipboard may be refused to a page (permissions): the code is then selected for the citizen to copy.
    await waitUntil(
      () =>
        root.querySelector('.receipt__copied')!.textContent === 'Référence copiée dans le presse-papiers.' ||
        String(window.getSelection()) === host.submission.receipt!.reference,
      'copied or selected',
    );

    await emulateMedia({ media: 'print' });
    try {
      const shown = (selector: string) => getComputedStyle(root.querySelector(selector)!).display !== 'none';
      expect(shown('button.receipt__print')).to.equal(false);
      expect(shown('button.receipt__copy')).to.equal(false);
      expect(shown('.receipt__code')).to.equal(true);
      expect(shown('.contact')).to.equal(true);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});
