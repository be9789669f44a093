/**
 * Sends a citizen's answers: uploads the files first (each with its progress), then the
 * submission through the outbox, so nothing is lost when the network or the endpoint fails;
 * then shows the receipt. The form creates one with itself as host (see types.ts).
 */
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import {
  asEndpointError,
  createAdapter,
  EndpointError,
  isAbort,
  Outbox,
  RetryWaits,
  withRetries,
  type Adapter,
  type Attachment,
  type FieldError,
  type FormModel,
  type Language,
  type PendingSubmission,
  type Receipt,
} from '@guichet/core';
import { GuichetSubmittedEvent } from '../events.js';
import { loadTrackingChunk } from '../shared/lazy-chunk.js';
import { forWebTeam, quarterAnnouncements, sendingErrorEvent } from './page-error.js';
import type {
  AdapterSettings,
  ReceiptOptions,
  SendRequest,
  SubmissionControllerApi,
  SubmissionPhase,
  UploadProgress,
} from './types.js';
import { fileSlots } from '../form/file-slots.js';
import { pathOf } from '../form/answers.js';
import { withValuesAt } from './values-at.js';
import { renderSubmissionStatus } from './sending-view.js';
import { renderReceiptView, RECEIPT_HEADING_ID } from './receipt-view.js';
import { submissionText } from './messages.js';
import { tellWebTeam } from '../shared/web-team.js';

interface Target {
  model: FormModel;
  endpoint: string;
  adapterName: string;
  settings: AdapterSettings;
  adapter: Adapter;
}

export class SubmissionController implements ReactiveController, SubmissionControllerApi {
  phase: SubmissionPhase = 'idle';
  uploads: UploadProgress[] = [];
  fieldErrors: FieldError[] = [];
  receipt?: Receipt;
  /** Why the last try failed (waiting) or the endpoint refused (refused). */
  error?: EndpointError;
  /** Polite announcement of upload progress, at 25 % steps. */
  uploadAnnouncement = '';
  /** Shown after an upload was cancelled. */
  cancelled = false;
  /**
   * The try under way is the citizen's own, asked with "Réessayer" (or Send) after a failure: the
   * try shows, and "Réessayer" stays where it was, inert, so that focus is not lost with it. The
   * tries the outbox makes on its own show nothing: a screen reader would otherwise hear the
   * sending message, then the failure again, at every one of them.
   */
  retrying = false;

  private readonly outbox: Outbox;
  private target?: Target;
  /** Diagnoses already written to the console. */
  private readonly told = new Set<string>();
  private lastRequest?: SendRequest;
  private running?: Promise<void>;
  private lifetime = new AbortController();
  private readonly uploadAborts = new Map<string, AbortController>();
  /** Files already uploaded, so a retry or a second Send does not upload them again. */
  private readonly uploaded = new WeakMap<File, Attachment>();
  /** The waits between upload tries (the outbox has its own for the submission). */
  private readonly uploadWaits = new RetryWaits();
  /**
   * Answers whose sending ended `unconfirmed` (the back office may hold them): sending the same
   * answers again would risk a second request, so Send gets the same answer, without sending.
   */
  private readonly unconfirmed = new Map<string, EndpointError>();
  private focusReceipt = false;
  private lang: Language = 'fr';
  /** What a try shows while under way: the files' uploads, then the answers' sending. */
  private trying: 'uploading' | 'sending' = 'sending';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    options: { outbox?: Outbox } = {},
  ) {
    this.outbox = options.outbox ?? new Outbox();
    host.addController(this);
  }

  hostConnected(): void {
    if (this.lifetime.signal.aborted) this.lifetime = new AbortController();
    window.addEventListener('online', this.onOnline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    // Stops retrying from a removed element; what is pending stays in storage for the next page.
    this.lifetime.abort();
  }

  hostUpdated(): void {
    if (!this.focusReceipt) return;
    this.focusReceipt = false;
    (this.host.shadowRoot ?? this.host).querySelector<HTMLElement>(`#${RECEIPT_HEADING_ID}`)?.focus();
  }

  send(request: SendRequest): Promise<void> {
    if (this.running) {
      if (this.phase === 'waiting') {
        this.showTry();
        this.retryNow();
      }
      return this.running;
    }
    this.lastRequest = request;
    // The receipt shows a tracker on the request: its code downloads while the answers travel.
    if (customElements.get('guichet-tracker')) loadTrackingChunk().catch(() => undefined);
    return this.track(this.sendNow(request));
  }

  retry(): Promise<void> {
    return this.tryAgain(true);
  }

  /** A try now: the citizen's (`asked`: it shows) or the browser's, back online (it does not). */
  private async tryAgain(asked: boolean): Promise<void> {
    // "Réessayer" stays on screen during the citizen's try, inert.
    if (asked && this.retrying) return this.running;
    if (this.running) {
      if (asked && this.phase === 'waiting') this.showTry();
      this.retryNow();
      return this.running;
    }
    if (this.lastRequest && (this.phase === 'waiting' || this.phase === 'refused')) {
      this.retrying = asked;
      return this.send(this.lastRequest);
    }
    const target = this.target;
    if (target) return this.resumePending(target.model, target.endpoint, target.adapterName, target.settings);
  }

  /** The citizen's try shows at once, even when it is one the outbox had already started. */
  private showTry(): void {
    this.retrying = true;
    this.set(this.trying);
  }

  cancelUpload(pointer: string): void {
    this.uploadAborts.get(pointer)?.abort();
  }

  async resumePending(
    model: FormModel,
    endpoint: string,
    adapter: string,
    settings: AdapterSettings = {},
  ): Promise<void> {
    if (this.running) return this.running;
    const pending = this.outbox.pending(model.id);
    if (pending.length === 0) return;
    const target = this.connect(model, endpoint, adapter, settings);
    if (!target) return;
    return this.track(
      (async () => {
        for (const entry of pending) {
          await this.deliver(entry, target);
          if (this.phase !== 'sent') return;
        }
      })(),
    );
  }

  renderStatus(lang: Language): TemplateResult {
    return renderSubmissionStatus(this, lang, {
      onRetry: () => void this.retry(),
      onCancel: (pointer) => this.cancelUpload(pointer),
    });
  }

  renderReceipt(lang: Language, options?: ReceiptOptions): TemplateResult {
    return renderReceiptView(this.receipt, this.target, lang, options);
  }

  private track(work: Promise<void>): Promise<void> {
    const running = work.finally(() => {
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }

  private connect(
    model: FormModel,
    endpoint: string,
    adapterName: string,
    settings: AdapterSettings = {},
  ): Target | undefined {
    try {
      const adapter = createAdapter(adapterName || 'guichet', { ...settings, endpoint });
      this.target = { model, endpoint, adapterName: adapterName || 'guichet', settings, adapter };
      return this.target;
    } catch (error) {
      this.fail(
        new EndpointError('configuration', error instanceof Error ? error.message : String(error), {
          code: 'adapter',
        }),
      );
      return undefined;
    }
  }

  /** Whether the form says how to reach a person (its contact block is on screen). */
  get hasContact(): boolean {
    return Boolean(this.target?.model.contact);
  }

  private async sendNow(request: SendRequest): Promise<void> {
    this.lang = request.lang;
    this.uploadAnnouncement = '';
    this.fieldErrors = [];
    this.error = undefined;
    this.cancelled = false;
    this.receipt = undefined;
    const target = this.connect(request.model, request.endpoint, request.adapter, request.settings);
    if (!target) return;
    const data = await this.uploadFiles(request, target);
    if (!data) return;
    const maybeSent = this.unconfirmed.get(sentKey(request.model.id, data));
    if (maybeSent) return this.fail(maybeSent);
    const entry = this.outbox.add({
      formId: request.model.id,
      formVersion: request.model.version,
      data,
      channel: request.channel,
      lang: request.lang,
    });
    await this.deliver(entry, target);
  }

  /** The answers with attachment ids in place of file keys, or undefined when the send stops here. */
  private async uploadFiles(request: SendRequest, target: Target): Promise<Record<string, unknown> | undefined> {
    // Files are found by their field's kind: a text answer that happens to read like a key stays text.
    const slots = fileSlots(request.model.fields, request.data).filter((slot) => request.files.has(slot.key));
    if (slots.length === 0) return request.data;
    const upload = target.adapter.upload?.bind(target.adapter);
    // A back office without file uploads (Open311 takes only a media URL): the files stay out.
    if (!upload) return withValuesAt(request.data, new Map(slots.map((slot) => [slot.pointer, undefined])));
    const ids = new Map<string, string>();
    this.uploads = slots.map(({ key, pointer }) => {
      const file = request.files.get(key)!;
      const done = this.uploaded.get(file);
      return { pointer, name: file.name, sent: done ? file.size : 0, total: file.size };
    });
    this.trying = 'uploading';
    this.set('uploading');
    for (const slot of slots) {
      // Once an outage is over, the next file's upload shows again.
      if (this.phase === 'waiting') this.set('uploading');
      const file = request.files.get(slot.key)!;
      const attachment = await this.uploadOne(slot.pointer, file, request, target, upload);
      if (!attachment) return undefined;
      ids.set(slot.pointer, attachment.id);
    }
    this.uploads = [];
    return withValuesAt(request.data, ids);
  }

  private async uploadOne(
    pointer: string,
    file: File,
    request: SendRequest,
    target: Target,
    upload: NonNullable<Adapter['upload']>,
  ): Promise<Attachment | undefined> {
    const known = this.uploaded.get(file);
    if (known) return known;
    try {
      const attachment = await withRetries(() => this.uploadOnce(pointer, file, request, target, upload), {
        signal: this.lifetime.signal,
        waits: this.uploadWaits,
        // The page hears about an outage once, not at every retry.
        onRetry: (failure, _delay, failed) => this.fail(failure, failed === 0),
      });
      this.uploaded.set(file, attachment);
      return attachment;
    } catch (error) {
      if (isAbort(error)) {
        // Cancelled by the citizen (the element going away leaves the state as it is).
        if (!this.lifetime.signal.aborted) {
          this.uploads = [];
          this.cancelled = true;
          this.set('idle');
        }
        return undefined;
      }
      const failure = asEndpointError(error);
      this.fieldErrors = failure.details.fieldErrors?.length
        ? failure.details.fieldErrors
        : [{ pointer, code: failure.details.code ?? 'file', message: failure.message }];
      this.uploads = [];
      this.set('invalid');
      return undefined;
    }
  }

  /** One try at uploading a file, with its progress; "Annuler" aborts it. */
  private async uploadOnce(
    pointer: string,
    file: File,
    request: SendRequest,
    target: Target,
    upload: NonNullable<Adapter['upload']>,
  ): Promise<Attachment> {
    const abort = new AbortController();
    const stop = () => abort.abort();
    this.lifetime.signal.addEventListener('abort', stop, { once: true });
    this.uploadAborts.set(pointer, abort);
    const announce = quarterAnnouncements((step) => {
      const t = submissionText(request.lang);
      this.uploadAnnouncement = step >= 100 ? t.uploadDone(file.name) : t.uploadAnnounce(file.name, step);
    });
    try {
      return await upload(
        {
          model: target.model,
          file,
          field: pathOf(pointer),
          lang: request.lang,
          onProgress: (sent, total) => {
            this.progress(pointer, sent, total);
            announce(sent, total);
          },
        },
        { signal: abort.signal },
      );
    } finally {
      this.lifetime.signal.removeEventListener('abort', stop);
      this.uploadAborts.delete(pointer);
    }
  }

  private async deliver(entry: PendingSubmission, target: Target): Promise<void> {
    this.lang = entry.lang;
    this.trying = 'sending';
    this.set('sending');
    let failedOnce = false;
    try {
      const receipt = await this.outbox.deliver(entry, {
        model: target.model,
        adapter: target.adapter,
        signal: this.lifetime.signal,
        onRetry: (error) => {
          // The page hears about an outage once, not at every retry.
          this.fail(error, !failedOnce);
          failedOnce = true;
        },
      });
      this.receipt = receipt;
      this.error = undefined;
      this.fieldErrors = [];
      this.focusReceipt = true;
      this.set('sent');
      this.host.dispatchEvent(
        new GuichetSubmittedEvent({
          reference: receipt.reference,
          trackingCode: receipt.trackingCode,
          status: receipt.status,
        }),
      );
    } catch (error) {
      if (isAbort(error)) return;
      const failure = asEndpointError(error);
      if (failure.kind === 'unconfirmed') this.unconfirmed.set(sentKey(entry.formId, entry.data), failure);
      if (failure.kind === 'validation') {
        this.error = failure;
        this.fieldErrors = failure.details.fieldErrors ?? [];
        this.set('invalid');
        return;
      }
      this.fail(failure);
    }
  }

  /**
   * Shows a failure (waiting when it will be retried, refused otherwise) and tells the page; what
   * only the web team can fix (a setting; a request whose fate is unknown) also goes to the console.
   */
  private fail(error: EndpointError, tell = true): void {
    this.error = error;
    this.set(error.retryable ? 'waiting' : 'refused');
    if (!tell) return;
    if (forWebTeam(error)) tellWebTeam(this.host, error.message);
    this.host.dispatchEvent(sendingErrorEvent(error, this.lang, this.target?.endpoint ?? '', this.told));
  }

  private retryNow(): void {
    this.outbox.retryNow();
    this.uploadWaits.wakeAll();
  }

  private readonly onOnline = () => {
    if (this.phase === 'waiting') void this.tryAgain(false);
  };

  private progress(pointer: string, sent: number, total: number): void {
    this.uploads = this.uploads.map((u) => (u.pointer === pointer ? { ...u, sent, total } : u));
    this.host.requestUpdate();
  }

  private set(phase: SubmissionPhase): void {
    if (phase !== 'uploading' && phase !== 'sending') this.retrying = false;
    this.phase = phase;
    this.host.requestUpdate();
  }
}

/** What identifies a submission whose fate is unknown: the same answers to the same form. */
const sentKey = (formId: string, data: Record<string, unknown>) => `${formId}\n${JSON.stringify(data)}`;
