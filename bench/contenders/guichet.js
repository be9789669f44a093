/* global InputEvent */
// Guichet as a CMS page uses it: the CDN bundle from dist/, one <guichet-form>.
import '/dist/guichet.js';

const root = (container) => container.firstElementChild?.shadowRoot;

export const contender = {
  name: 'guichet',
  async prepare(container) {
    const form = document.createElement('guichet-form');
    form.setAttribute('draft', 'none');
    form.setAttribute('lang', 'en');
    container.replaceChildren(form);
    await form.updateComplete;
  },
  async mount(container, _specs, payload) {
    const form = container.firstElementChild;
    form.definition = payload.definition;
    await form.updateComplete;
  },
  unmount(container) {
    container.replaceChildren();
  },
  controlCount(container) {
    return root(container)?.querySelectorAll('input, select, textarea').length ?? 0;
  },
  async submit(container) {
    root(container).querySelector('form button[type=submit]').click();
  },
  hasError(container, name) {
    return root(container)?.getElementById(`guichet-${name}__error`) != null;
  },
  fix(container, name) {
    const input = root(container).querySelector(`[name="/${name}"]`);
    input.value = 'x';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: 'x', inputType: 'insertText' }));
  },
};
