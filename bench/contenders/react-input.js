/* global HTMLTextAreaElement, HTMLInputElement, InputEvent */
// React tracks an input's value itself: set it through the native setter so onChange fires.
export function typeInto(input, text) {
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value').set.call(input, text);
  input.dispatchEvent(new InputEvent('input', { bubbles: true, data: text, inputType: 'insertText' }));
}
