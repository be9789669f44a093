// The focus controller and the announcer the form and the tracker share, on a tiny host of their own.
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { LitElement, type PropertyDeclarations } from 'lit';
import { FocusController, focusFirstControl } from './focus-controller.js';
import { Announcer } from './announcer.js';

class SharedPartsHost extends LitElement {
  static override properties: PropertyDeclarations = { step: { type: Number } };
  step = 0;
  readonly focusing = new FocusController(this);
  readonly announcer = new Announcer(this, '#live');
  protected override render() {
    return html`<h2 id="title" tabindex="-1">Étape ${this.step}</h2>
      ${this.step > 0 ? html`<p id="later" tabindex="-1">Apparu</p>` : ''}
      <fieldset id="group"><legend>Vos enfants</legend><input type="hidden" /><input id="first" /></fieldset>
      <label for="name">Nom</label><input id="name" />
      <div id="live" aria-live="polite"></div>`;
  }
}
customElements.define('shared-parts-host', SharedPartsHost);

const focused = (el: SharedPartsHost) => el.shadowRoot!.activeElement?.id;
const live = (el: SharedPartsHost) => el.shadowRoot!.querySelector('#live')!.textContent;

describe('FocusController', () => {
  it('moves focus to what the next render draws, then runs what follows', async () => {
    const el = await fixture<SharedPartsHost>(html`<shared-parts-host></shared-parts-host>`);
    let then = 0;
    el.focusing.afterRender('#later', { then: () => then++ });
    el.step = 1;
    await el.updateComplete;
    expect(focused(el)).to.equal('later');
    expect(then).to.equal(1);
    // Made once: a later render leaves focus where the citizen put it.
    el.shadowRoot!.querySelector<HTMLElement>('#name')!.focus();
    el.step = 2;
    await el.updateComplete;
    expect(focused(el)).to.equal('name');
  });

  it('with `until`, tries again after each render until its target is there and the condition holds', async () => {
    const el = await fixture<SharedPartsHost>(html`<shared-parts-host></shared-parts-host>`);
    let answered = false;
    el.focusing.afterRender(() => el.shadowRoot!.querySelector<HTMLElement>(answered ? '#later' : '#title'), {
      until: () => answered,
    });
    await el.updateComplete;
    expect(focused(el)).to.equal('title', 'held on the message meanwhile');
    answered = true;
    el.requestUpdate();
    await el.updateComplete;
    expect(focused(el)).to.equal('title', '#later is not drawn yet');
    el.step = 1;
    await el.updateComplete;
    expect(focused(el)).to.equal('later');
  });

  it('focuses the first control of a fieldset, or the control itself', async () => {
    const el = await fixture<SharedPartsHost>(html`<shared-parts-host></shared-parts-host>`);
    expect(focusFirstControl(el.shadowRoot!, 'group')).to.equal(true);
    expect(focused(el)).to.equal('first');
    expect(focusFirstControl(el.shadowRoot!, 'name')).to.equal(true);
    expect(focused(el)).to.equal('name');
    expect(focusFirstControl(el.shadowRoot!, 'nowhere')).to.equal(false);
  });
});

describe('Announcer', () => {
  it('writes a message into the live region, and the same message again after emptying it', async () => {
    const el = await fixture<SharedPartsHost>(html`<shared-parts-host></shared-parts-host>`);
    const texts: string[] = [];
    const region = el.shadowRoot!.querySelector('#live')!;
    // Each write is one record: what it put in the region (nothing when it emptied it).
    const observer = new MutationObserver((records) =>
      texts.push(...records.map((record) => [...record.addedNodes].map((node) => node.textContent).join(''))),
    );
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    el.announcer.announce('Enfant 2 ajouté');
    el.announcer.announce('Enfant 2 ajouté');
    await nextFrame();
    await nextFrame();
    observer.disconnect();
    expect(texts).to.deep.equal(['Enfant 2 ajouté', '', 'Enfant 2 ajouté']);
  });

  it('says only the last of messages asked for in quick succession, once the citizen paused', async () => {
    const el = await fixture<SharedPartsHost>(html`<shared-parts-host></shared-parts-host>`);
    let count = 10;
    el.announcer.announceAfterPause(() => `Il vous reste ${count} caractères`, 20);
    count = 9;
    el.announcer.announceAfterPause(() => `Il vous reste ${count} caractères`, 20);
    expect(live(el)).to.equal('');
    await waitUntil(() => live(el) !== '', 'the count should be said after the pause');
    expect(live(el)).to.equal('Il vous reste 9 caractères');
    el.announcer.clear();
    expect(live(el)).to.equal('');
  });
});
