/**
 * States the reference endpoint cannot be made to produce on demand without disturbing the other
 * tests (a 429 would rate-limit every look-up of the run; it has no switch for a 500): they come
 * from an adapter registered the way an authority registers its own back office's.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { EndpointError, registerAdapter, type RequestStatus } from '@guichet/core';
import '../guichet-tracker.js';
import type { GuichetTracker } from './guichet-tracker.js';

type Answer = () => Promise<RequestStatus>;
let answer: Answer = () => Promise.reject(new Error('no answer set'));
registerAdapter('test-states', () => ({
  name: 'test-states',
  submit: () => Promise.reject(new EndpointError('rejected', 'not used here')),
  status: () => answer(),
}));

const wcag = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

function text(el: GuichetTracker, selector = '.tracker'): string {
  return (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function tracker(lang = 'fr'): Promise<GuichetTracker> {
  return fixture<GuichetTracker>(
    html`<guichet-tracker adapter="test-states" endpoint="https://gru.example/api" reference="VOI-2026-000042" code="H4KQ7-MXP2D" lang=${lang}></guichet-tracker>`,
  );
}

function status(): RequestStatus {
  return {
    reference: 'VOI-2026-000042',
    phase: 'received',
    code: 'new',
    label: 'Demande reçue',
    final: false,
    updatedAt: '2026-11-28T09:30:00Z',
    history: [{ at: '2026-11-28T09:30:00Z', phase: 'received', label: 'Demande reçue' }],
  };
}

describe('<guichet-tracker> states', () => {
  it('is never blank while looking: a busy message, then the answer', async () => {
    let resolve!: (value: RequestStatus) => void;
    answer = () => new Promise((r) => (resolve = r));
    const el = await tracker();
    expect(el.shadowRoot!.querySelector('.tracker')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(el, '[part=loading]')).to.equal('Recherche de votre demande…');
    await expect(el).to.be.accessible(wcag);
    // The look-up starts once the client's chunk has loaded.
    await waitUntil(() => resolve !== undefined);
    resolve(status());
    await waitUntil(() => el.shadowRoot!.querySelector('[part=title]'));
    expect(el.shadowRoot!.querySelector('.tracker')!.getAttribute('aria-busy')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[part=loading]')).to.equal(null);
  });

  it('finishes its look-up when the page moves it elsewhere meanwhile', async () => {
    let resolve!: (value: RequestStatus) => void;
    const pending = new Promise<RequestStatus>((r) => (resolve = r));
    answer = () => pending;
    const el = await tracker();
    const elsewhere = document.createElement('div');
    el.parentElement!.append(elsewhere);
    elsewhere.append(el);
    resolve(status());
    await waitUntil(() => el.shadowRoot!.querySelector('[part=title]'), 'the moved tracker should show the answer');
    expect(el.shadowRoot!.querySelector('[part=loading]')).to.equal(null);
  });

  it('says how long to wait when the back office rate-limits, and offers a retry', async () => {
    answer = () => Promise.reject(new EndpointError('rate-limited', 'Too many', { status: 429, retryAfter: 90 }));
    const errorEvent = oneEvent(document as unknown as HTMLElement, 'guichet-error');
    const el = await tracker();
    const event = await errorEvent;
    expect(event.detail.kind).to.equal('rate-limited');
    expect(event.detail.retryAfter).to.equal(90);
    await el.updateComplete;
    expect(text(el, '[part=error]')).to.contain('Patientez 2 minutes, puis réessayez.');
    expect(el.shadowRoot!.querySelector('[part=retry-button]')).not.to.equal(null);
    await expect(el).to.be.accessible(wcag);
  });

  it('counts the wait in English, singular and plural', async () => {
    answer = () => Promise.reject(new EndpointError('rate-limited', 'Too many', { status: 429, retryAfter: 1 }));
    const el = await tracker('en');
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'));
    expect(text(el, '[part=error]')).to.contain('Wait 1 second, then try again.');
  });

  it('says plainly when the back office fails, offers a retry, and shows the answer once it works', async () => {
    answer = () => Promise.reject(new EndpointError('server', 'Internal error', { status: 500 }));
    const el = await tracker();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'));
    expect(text(el, '[part=error]')).to.contain(
      'Le service de suivi rencontre un problème. Réessayez dans quelques minutes.',
    );
    answer = () => Promise.resolve(status());
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=title]'));
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('[part=title]'));
    expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
  });

  it('keeps a failure on screen, retry button and focus included, while a background refresh runs', async () => {
    answer = () => Promise.reject(new EndpointError('network', 'offline'));
    const el = await tracker();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=retry-button]'));
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry-button]')!;
    retry.focus();
    let resolve!: (value: RequestStatus) => void;
    answer = () => new Promise((r) => (resolve = r));
    const refreshed = el.refreshNow();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=loading]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    resolve(status());
    await refreshed;
    expect(el.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal('Demande reçue');
  });

  it('keeps the last status on screen when a refresh fails, and says it may be out of date', async () => {
    answer = () => Promise.resolve(status());
    const el = await tracker();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=title]'));
    answer = () => Promise.reject(new EndpointError('network', 'offline'));
    await el.refreshNow();
    expect(el.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal('Demande reçue');
    const problem = el.shadowRoot!.querySelector('[part=error]')!;
    expect(problem.querySelector('[role=alert]')).to.not.equal(null);
    expect(text(el, '[part=error]')).to.contain('Les informations ci-dessous n’ont pas pu être actualisées.');
  });

  it('asks again when the citizen sends the look-up form unchanged after "not found"', async () => {
    let asked = 0;
    answer = () => {
      asked += 1;
      return Promise.reject(new EndpointError('not-found', 'Not found', { status: 404 }));
    };
    const el = await tracker();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'));
    expect(asked).to.equal(1);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#code')!.value).to.equal('H4KQ7-MXP2D');
    answer = () => {
      asked += 1;
      return Promise.resolve(status());
    };
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=title]'));
    expect(asked).to.equal(2);
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('[part=title]'));
  });

  it('lets no exception escape, whatever the adapter throws or answers', async () => {
    const escaped: unknown[] = [];
    const onError = (event: ErrorEvent) => escaped.push(event.error);
    const onRejection = (event: PromiseRejectionEvent) => escaped.push(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      for (const broken of [
        () => Promise.reject(new TypeError('adapter bug')),
        () => Promise.resolve(null as unknown as RequestStatus),
        () => Promise.resolve({ reference: 'X' } as unknown as RequestStatus),
        () => {
          throw new Error('synchronous throw');
        },
      ] as Answer[]) {
        answer = broken;
        const el = await tracker();
        await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'));
        expect(text(el, '[part=error]')).to.contain('Le service de suivi rencontre un problème');
        await el.refreshNow();
      }
      // Let any stray rejection surface before looking.
      await new Promise((r) => setTimeout(r, 0));
      expect(escaped).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});
