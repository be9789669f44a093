import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Says short messages to assistive technology through a polite live region the host renders
 * (an empty element the host never binds text into, found by `selector`): "Enfant 2 ajouté",
 * "Il vous reste 12 caractères", "Votre demande a changé d'étape".
 */
export class Announcer implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly selector: string,
  ) {
    host.addController(this);
  }

  private get region(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(this.selector);
  }

  announce(message: string): void {
    const region = this.region;
    if (!region) return;
    if (region.textContent !== message) {
      region.textContent = message;
      return;
    }
    // The same words again: emptied first, then written in the next frame, so they are read again.
    region.textContent = '';
    requestAnimationFrame(() => {
      const again = this.region;
      if (again) again.textContent = message;
    });
  }

  /**
   * Announces what `message()` says once the citizen paused for `delay` ms: a count read at every
   * keystroke would drown what they type.
   */
  announceAfterPause(message: () => string, delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.announce(message()), delay);
  }

  /** Empties the region (a new question: what was said about the old one no longer holds). */
  clear(): void {
    clearTimeout(this.timer);
    const region = this.region;
    if (region) region.textContent = '';
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }
}
