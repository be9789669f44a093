import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clearDraft, loadDraft, saveDraft, type Draft, type DraftKey } from '@guichet/core';

export interface DraftSource {
  /** Whether drafts are kept (`draft="local"`). */
  enabled(): boolean;
  /** Days a draft is kept; undefined for the default (7). */
  maxAgeDays(): number | undefined;
  /** The form's id and version, once a definition is loaded. */
  key(): DraftKey | undefined;
  /** What to save now: the answers without files, and the step. */
  snapshot(): Omit<Draft, 'savedAt'>;
}

const saveDelay = 400;

/**
 * Saves the answers in the browser as the citizen goes (debounced), offers them back on return,
 * and forgets them on request or once sent. While an offer waits for an answer nothing is saved,
 * so the draft on offer is not overwritten by an empty form.
 */
export class DraftController implements ReactiveController {
  /** A draft found on arrival, waiting for "Reprendre" or "Recommencer". */
  offer?: Draft;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: DraftSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // A closing tab, a link followed or a phone switching apps never disconnects the element: the
    // page is hidden, then maybe gone, with a save still waiting. Save it then.
    addEventListener('pagehide', this.onHidden);
    document.addEventListener('visibilitychange', this.onHidden);
  }

  hostDisconnected(): void {
    removeEventListener('pagehide', this.onHidden);
    document.removeEventListener('visibilitychange', this.onHidden);
    // A page that removes the element must not lose the last keystrokes.
    this.flush();
  }

  private readonly onHidden = (event: Event): void => {
    if (event.type === 'pagehide' || document.visibilityState === 'hidden') this.flush();
  };

  /** Looks for a draft of this form and version to offer. */
  look(): void {
    const key = this.source.key();
    // A missing, zero or unreadable `draft-days` keeps the default rather than every draft or none.
    const days = this.source.maxAgeDays();
    const maxAgeDays = typeof days === 'number' && days > 0 ? days : undefined;
    this.offer = this.source.enabled() && key ? loadDraft(key, { maxAgeDays }) : undefined;
    this.host.requestUpdate();
  }

  /** Takes the offer: returns it, and saving starts again. */
  take(): Draft | undefined {
    const offer = this.offer;
    this.dismiss();
    return offer;
  }

  /** The citizen starts again (or typed without answering): the offer goes, saving starts again. */
  dismiss(): void {
    if (!this.offer) return;
    this.offer = undefined;
    this.host.requestUpdate();
  }

  schedule(): void {
    if (!this.source.enabled() || this.offer) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), saveDelay);
  }

  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const key = this.source.key();
    if (!this.source.enabled() || !key || this.offer) return;
    saveDraft(key, this.source.snapshot());
  }

  /** Forgets the saved draft and any pending save. */
  forget(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const key = this.source.key();
    if (key) clearDraft(key);
    this.dismiss();
  }
}
