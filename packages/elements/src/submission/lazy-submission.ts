/**
 * The form's handle on the submission pipeline (uploads, outbox, adapters, receipt), which loads
 * in a chunk of its own: once the first step is painted (`prefetch`), at once when this browser
 * holds a submission pending for this form, or at the latest when the citizen reaches the answers
 * summary. Until then it draws what an idle controller draws.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { FieldError, FormModel, Language } from '@guichet/core';
import type { SubmissionController } from './submission-controller.js';
import type { AdapterSettings, ReceiptOptions, SendRequest, SubmissionPhase } from './types.js';
import { loadWorkChunk } from '../shared/lazy-chunk.js';
import { unreachableText } from './unreachable-text.js';

/** Where the outbox keeps a form's pending submissions (see @guichet/core's OutboxStore). */
const OUTBOX_PREFIX = 'guichet:outbox:';

export class LazySubmission {
  private controller?: SubmissionController;
  private loading?: Promise<SubmissionController>;
  /** Send was pressed and the code that sends could not download: the form says so. */
  private unreachable = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {}

  get phase(): SubmissionPhase {
    return this.controller?.phase ?? 'idle';
  }

  get fieldErrors(): readonly FieldError[] {
    return this.controller?.fieldErrors ?? [];
  }

  async send(request: SendRequest): Promise<void> {
    let controller: SubmissionController;
    try {
      controller = await this.load();
    } catch {
      // Nothing was sent nor queued: the answers stay in the form, and Send tries the download again.
      this.unreachable = true;
      this.host.requestUpdate();
      return;
    }
    this.unreachable = false;
    return controller.send(request);
  }

  async resumePending(model: FormModel, endpoint: string, adapter: string, settings?: AdapterSettings): Promise<void> {
    if (!this.controller && !hasStoredSubmission(model.id)) return;
    return (await this.load()).resumePending(model, endpoint, adapter, settings);
  }

  /**
   * Downloads the pipeline ahead of need, without setting it up (the controller comes at the
   * summary, as before); a failed download is tried again at Send.
   */
  prefetch(): void {
    loadWorkChunk().catch(() => undefined);
  }

  renderStatus(lang: Language): TemplateResult {
    if (this.controller) return this.controller.renderStatus(lang);
    // Once Send met a download that failed, the next Send tries again: a download arriving
    // meanwhile would take the message away with nothing sent.
    if (!this.unreachable)
      void this.load().then(
        () => this.host.requestUpdate(),
        () => undefined,
      );
    // What the controller draws while idle: the live region is there before any message.
    const t = unreachableText[lang];
    return html`<div class="submission" part="submission-status">
      <div class="submission__region" aria-busy="false"></div>
      <p class="submission__message submission__message--${this.unreachable ? 'warning' : 'empty'}" role="status">${
        this.unreachable
          ? html`<strong class="submission__title">${t.title}</strong> <span>${t.offline}</span> <span>${t.sendAgain}</span>`
          : nothing
      }</p>
    </div>`;
  }

  renderReceipt(lang: Language, options?: ReceiptOptions): TemplateResult {
    return this.controller ? this.controller.renderReceipt(lang, options) : html``;
  }

  private load(): Promise<SubmissionController> {
    this.loading ??= loadWorkChunk().then(
      ({ SubmissionController }) => (this.controller = new SubmissionController(this.host)),
    );
    this.loading.catch(() => (this.loading = undefined));
    return this.loading;
  }
}

function hasStoredSubmission(formId: string): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(OUTBOX_PREFIX + formId) !== null;
  } catch {
    // Storage switched off: nothing can have been kept from an earlier page.
    return false;
  }
}
