import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { TestFormPartsHost, twoSteps } from '../../../../test/helpers/form-parts-host.js';

const key = 'guichet:draft:essai-etapes@1.0.0';

async function host(draft = 'local'): Promise<TestFormPartsHost> {
  const el = await fixture<TestFormPartsHost>(html`<test-form-parts-host lang="fr"></test-form-parts-host>`);
  el.draft = draft;
  await el.parts.definition.load(structuredClone(twoSteps), undefined);
  return el;
}

const stored = () =>
  JSON.parse(localStorage.getItem(key) ?? 'null') as { data: Record<string, unknown>; step: number } | null;

describe('DraftController', () => {
  beforeEach(() => localStorage.removeItem(key));
  afterEach(() => localStorage.removeItem(key));

  it('saves the answers a moment after the last change, not at every keystroke', async () => {
    const el = await host();
    el.parts.answers.set('/name', 'Cam');
    el.parts.drafts.schedule();
    el.parts.answers.set('/name', 'Camille');
    el.parts.drafts.schedule();
    expect(stored(), 'nothing yet while typing').to.equal(null);
    await waitUntil(() => stored() !== null, 'saved after the delay');
    expect(stored()!.data).to.deep.equal({ name: 'Camille' });
    expect(stored()!.step).to.equal(0);
  });

  it('saves at once when the page is hidden or the element removed', async () => {
    const el = await host();
    el.parts.answers.set('/name', 'Camille');
    el.parts.drafts.schedule();
    dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(stored()?.data).to.deep.equal({ name: 'Camille' });
    el.parts.answers.set('/name', 'Camille Martin');
    el.parts.drafts.schedule();
    el.remove();
    expect(stored()?.data).to.deep.equal({ name: 'Camille Martin' });
  });

  it('stores nothing when drafts are off', async () => {
    const el = await host('none');
    el.parts.answers.set('/name', 'Camille');
    el.parts.drafts.schedule();
    el.parts.drafts.flush();
    dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(stored()).to.equal(null);
  });

  it('offers a draft found on arrival, saves nothing over it while offered, and forgets it on request', async () => {
    localStorage.setItem(key, JSON.stringify({ data: { name: 'Ancien' }, step: 1, savedAt: new Date().toISOString() }));
    const el = await host();
    el.parts.drafts.look();
    expect(el.parts.drafts.offer?.data).to.deep.equal({ name: 'Ancien' });
    el.parts.drafts.schedule();
    el.parts.drafts.flush();
    expect(stored()?.data, 'the draft on offer is not overwritten').to.deep.equal({ name: 'Ancien' });
    const taken = el.parts.drafts.take();
    expect(taken?.step).to.equal(1);
    expect(el.parts.drafts.offer).to.equal(undefined);
    el.parts.drafts.forget();
    expect(stored()).to.equal(null);
  });

  it('does not offer a draft older than its days', async () => {
    const old = new Date(Date.now() - 8 * 86_400_000).toISOString();
    localStorage.setItem(key, JSON.stringify({ data: { name: 'Ancien' }, step: 0, savedAt: old }));
    const el = await host();
    el.parts.drafts.look();
    expect(el.parts.drafts.offer).to.equal(undefined);
  });
});
