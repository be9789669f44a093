/* global InputEvent */
// The floor's driver: the same steps as the others, on <floor-form>.
import '../floor/floor-form.js';

const root = (container) => container.firstElementChild?.shadowRoot;

export const contender = {
  name: 'floor',
  async prepare(container) {
    const form = document.createElement('floor-form');
    container.replaceChildren(form);
    await form.updateComplete;
  },
  async mount(container, specs) {
    const form = container.firstElementChild;
    form.specs = specs;
    await form.updateComplete;
  },
  unmount(container) {
    container.replaceChildren();
  },
  controlCount(container) {
    return root(container)?.querySelectorAll('input, select, textarea').length ?? 0;
  },
  submit(container) {
    root(container).querySelector('button[type=submit]').click();
  },
  hasError(container, name) {
    return root(container)?.getElementById(`${name}__error`) != null;
  },
  fix(container, name) {
    const input = root(container).getElementById(name);
    input.value = 'x';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: 'x', inputType: 'insertText' }));
  },
};
