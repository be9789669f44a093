import { toLanguage, type Language } from '@guichet/core';

/**
 * The element's language: its own `lang`, else the closest `lang` in the page (crossing shadow
 * roots, so an element inside another component follows the page), else French.
 */
export function resolveLanguage(element: Element): Language {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      // The closest declared language decides, even an unsupported one (then French).
      return toLanguage(node.getAttribute('lang')) ?? 'fr';
    }
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return 'fr';
}
