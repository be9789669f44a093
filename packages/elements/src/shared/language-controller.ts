import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Language } from '@guichet/core';
import { resolveLanguage } from './language.js';

/**
 * Keeps a host's language in step with its own `lang` and the page's: a CMS that switches the
 * page language (or an agent who switches it) sees the element follow without a reload.
 */
export class LanguageController implements ReactiveController {
  value: Language = 'fr';
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.update();
    this.observer = new MutationObserver(() => this.update());
    // `lang` may change on the element or on any ancestor; observing the document subtree for
    // that one attribute is cheap.
    this.observer.observe(this.host.ownerDocument.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private update(): void {
    const next = resolveLanguage(this.host);
    if (next !== this.value) {
      this.value = next;
      this.host.requestUpdate();
    }
  }
}
