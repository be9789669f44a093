import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LanguageController } from './language-controller.js';

class TestLanguageHost extends LitElement {
  readonly language = new LanguageController(this);
  renders = 0;
  override render() {
    this.renders++;
    return html`${this.language.value}`;
  }
}
customElements.define('test-language-host', TestLanguageHost);

describe('LanguageController', () => {
  it('speaks the element’s own lang first, else the closest one in the page, else French', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en">
      <test-language-host id="own" lang="fr"></test-language-host>
      <test-language-host id="inherited"></test-language-host>
    </div>`);
    const own = wrapper.querySelector<TestLanguageHost>('#own')!;
    const inherited = wrapper.querySelector<TestLanguageHost>('#inherited')!;
    expect(own.language.value).to.equal('fr');
    expect(inherited.language.value).to.equal('en');
    const bare = await fixture<TestLanguageHost>(html`<test-language-host lang="de"></test-language-host>`);
    expect(bare.language.value, 'a language Guichet does not speak').to.equal('fr');
  });

  it('follows a page that switches its language, and redraws the element', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr"><test-language-host></test-language-host></div>`);
    const host = wrapper.querySelector<TestLanguageHost>('test-language-host')!;
    await host.updateComplete;
    wrapper.lang = 'en';
    await waitUntil(() => host.shadowRoot!.textContent === 'en', 'the element redraws in English');
    expect(host.language.value).to.equal('en');
  });
});
