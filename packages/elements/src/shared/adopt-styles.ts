import { supportsAdoptingStyleSheets, type CSSResult } from 'lit';

/**
 * Styles that come with a lazily loaded part, added once to the element's shadow root the way Lit
 * adds its static styles: as constructable stylesheets, which a strict Content-Security-Policy
 * allows, else (old browsers) as `<style>` elements carrying the page's `litNonce`.
 */
export function adoptStyles(root: ShadowRoot | null, ...styles: CSSResult[]): void {
  if (!root) return;
  for (const style of styles) {
    const sheet = supportsAdoptingStyleSheets ? style.styleSheet : undefined;
    if (sheet) {
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      continue;
    }
    if ([...root.querySelectorAll('style')].some((element) => element.textContent === style.cssText)) continue;
    const element = document.createElement('style');
    const nonce = (globalThis as { litNonce?: string }).litNonce;
    if (nonce) element.setAttribute('nonce', nonce);
    element.textContent = style.cssText;
    root.appendChild(element);
  }
}
