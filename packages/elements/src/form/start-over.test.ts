import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { TestFormPartsHost, twoSteps } from '../../../../test/helpers/form-parts-host.js';

const key = 'guichet:draft:essai-etapes@1.0.0';
const button = (el: TestFormPartsHost, text: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text);

async function host(): Promise<TestFormPartsHost> {
  const el = await fixture<TestFormPartsHost>(html`<test-form-parts-host lang="fr"></test-form-parts-host>`);
  await el.parts.definition.load(structuredClone(twoSteps), undefined);
  el.parts.drafts.look();
  await el.updateComplete;
  return el;
}

describe('StartOver', () => {
  beforeEach(() => localStorage.removeItem(key));
  afterEach(() => localStorage.removeItem(key));

  it('"Reprendre" brings back the draft’s answers and its step', async () => {
    localStorage.setItem(
      key,
      JSON.stringify({ data: { name: 'Camille' }, step: 1, savedAt: new Date().toISOString() }),
    );
    const el = await host();
    button(el, 'Reprendre')!.click();
    await el.updateComplete;
    expect(el.parts.answers.data).to.deep.equal({ name: 'Camille' });
    expect(el.steps.index).to.equal(1);
    expect(button(el, 'Reprendre')).to.equal(undefined);
  });

  it('"Recommencer" forgets the draft and starts from an empty form', async () => {
    localStorage.setItem(
      key,
      JSON.stringify({ data: { name: 'Camille' }, step: 1, savedAt: new Date().toISOString() }),
    );
    const el = await host();
    button(el, 'Recommencer')!.click();
    await el.updateComplete;
    expect(localStorage.getItem(key)).to.equal(null);
    expect(el.parts.answers.data).to.deep.equal({});
    expect(el.steps.index).to.equal(0);
  });

  it('"Effacer mes réponses" asks in the page first; "Non" keeps everything, "Oui" clears answers and draft', async () => {
    const el = await host();
    el.parts.answers.set('/name', 'Camille');
    el.parts.drafts.schedule();
    el.parts.drafts.flush();
    button(el, 'Effacer mes réponses')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'guichet-clear-question', 'the question takes focus');
    button(el, 'Non, les garder')!.click();
    await el.updateComplete;
    expect(el.parts.answers.data).to.deep.equal({ name: 'Camille' });
    button(el, 'Effacer mes réponses')!.click();
    await el.updateComplete;
    button(el, 'Oui, effacer mes réponses')!.click();
    await el.updateComplete;
    expect(el.parts.answers.data).to.deep.equal({});
    expect(localStorage.getItem(key)).to.equal(null);
  });
});
