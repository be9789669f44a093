import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  EndpointError,
  RetryWaits,
  withRetries,
  type Adapter,
  type Attachment,
  type Language,
  type RequestStatus,
} from '@guichet/core';
import { formatSize } from '../../shared/intl.js';
import type { SummaryError } from '../../shared/error-summary.js';
import { forgetReplyDraft, readReplyDraft, saveReplyDraft, type ReplyDraft } from './reply-draft.js';
import { replyText } from './reply-text.js';

/** What the endpoint takes in a reply (schemas/protocol/reply-request.schema.json and the upload route). */
export const REPLY_LIMITS = {
  messageLength: 4000,
  files: 5,
  fileSize: 10 * 1024 * 1024,
  accept: ['application/pdf', 'image/png', 'image/jpeg'],
} as const;

/** Where the reply goes: read from the tracker when the citizen sends, so a new look-up is followed. */
export interface ReplyTarget {
  adapter: Adapter;
  reference: string;
  trackingCode: string;
  lang: Language;
}

/** A file chosen on this page: uploaded once, then named by the reply. */
export interface ChosenFile {
  file: File;
  uploaded?: Attachment;
  sent: number;
}

export type ReplyState =
  | { kind: 'editing' }
  | { kind: 'sending'; uploading?: { name: string; percent: number } }
  /** `trying`: the citizen asked for a try now ("Réessayer maintenant") and it is under way. */
  | { kind: 'waiting'; seconds: number; trying?: boolean }
  | { kind: 'sent' }
  | { kind: 'failed'; message: string; stale?: boolean };

/** Which field an error is about: the ids of the form's controls. */
export const MESSAGE_ID = 'reply-message';
export const FILES_ID = 'reply-files';

/**
 * The citizen's reply to a request that waits for them: what they typed (kept on the device until
 * the endpoint has it), the files they chose (uploaded with progress when they send), and the
 * sending, tried again with backoff while the network fails, with one Idempotency-Key per reply.
 */
export class ReplyController implements ReactiveController {
  message = '';
  readonly files: ChosenFile[] = [];
  errors: SummaryError[] = [];
  fileErrors: string[] = [];
  state: ReplyState = { kind: 'editing' };
  private reference = '';
  private draft: ReplyDraft = readReplyDraft('');
  private readonly waits = new RetryWaits();
  private sending?: AbortController;
  /** A try of this sending has failed: "Réessayer maintenant" stays until it ends, so focus on it is not lost. */
  retried = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onSent: (status: RequestStatus) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    // What was typed and uploaded stays in the draft; the next page sends it with the same key.
    this.sending?.abort();
  }

  /** The request the form answers: its draft is read back, a form for another request starts empty. */
  bind(reference: string): void {
    if (reference === this.reference) return;
    this.sending?.abort();
    this.reference = reference;
    this.draft = readReplyDraft(reference);
    this.message = this.draft.message;
    this.files.length = 0;
    this.errors = [];
    this.fileErrors = [];
    this.state = { kind: 'editing' };
  }

  /** Files uploaded by an earlier page for this reply: shown, and named by it. */
  get keptUploads(): readonly Attachment[] {
    return this.draft.uploaded.filter((kept) => !this.files.some((chosen) => chosen.uploaded?.id === kept.id));
  }

  get busy(): boolean {
    return this.state.kind === 'sending' || this.state.kind === 'waiting';
  }

  type(message: string): void {
    this.message = message;
    this.draft.message = message;
    saveReplyDraft(this.reference, this.draft);
    // An error goes as soon as it is fixed; a new one waits for the next Send.
    if (this.errors.length && this.check(this.text()).length === 0) this.errors = [];
    this.host.requestUpdate();
  }

  choose(chosen: readonly File[], lang: Language): void {
    const t = replyText(lang);
    const size = formatSize(REPLY_LIMITS.fileSize, lang);
    this.fileErrors = [];
    for (const file of chosen) {
      if (!REPLY_LIMITS.accept.includes(file.type as (typeof REPLY_LIMITS.accept)[number]))
        this.fileErrors.push(t.wrongType(file.name));
      else if (file.size > REPLY_LIMITS.fileSize) this.fileErrors.push(t.tooBig(file.name, size));
      else if (this.fileCount() >= REPLY_LIMITS.files) this.fileErrors.push(t.tooMany(REPLY_LIMITS.files));
      else this.files.push({ file, sent: 0 });
    }
    this.fileErrors = [...new Set(this.fileErrors)];
    if (this.errors.length && this.check(this.text()).length === 0) this.errors = [];
    this.host.requestUpdate();
  }

  remove(index: number): void {
    this.files.splice(index, 1);
    this.host.requestUpdate();
  }

  forget(id: string): void {
    this.draft.uploaded = this.draft.uploaded.filter((file) => file.id !== id);
    saveReplyDraft(this.reference, this.draft);
    this.host.requestUpdate();
  }

  /**
   * "Réessayer maintenant": the try shows at once (said in the status region) and the failure is
   * said again if it fails; the tries made on their own change nothing that is said.
   */
  retryNow(): void {
    if (this.state.kind !== 'waiting' || this.state.trying) return;
    this.state = { ...this.state, trying: true };
    this.host.requestUpdate();
    this.waits.wakeAll();
  }

  /** Checks, uploads what is not yet, sends. Resolves once done or given up; never rejects. */
  async send(target: ReplyTarget): Promise<void> {
    if (this.busy) return;
    const t = replyText(target.lang);
    this.errors = this.check(this.text(), target.lang);
    if (this.errors.length || this.fileErrors.length) {
      this.host.requestUpdate();
      return;
    }
    const abort = new AbortController();
    this.sending = abort;
    this.retried = false;
    this.state = { kind: 'sending' };
    this.host.requestUpdate();
    const retry = {
      signal: abort.signal,
      waits: this.waits,
      onRetry: (_error: EndpointError, delayMs: number) => {
        this.retried = true;
        this.state = { kind: 'waiting', seconds: Math.max(1, Math.round(delayMs / 1000)) };
        this.host.requestUpdate();
      },
    };
    try {
      for (const chosen of this.files) {
        if (chosen.uploaded) continue;
        chosen.uploaded = await withRetries((failed) => {
          // A try after a failure shows once bytes go out: a refused connection says nothing new.
          if (failed === 0) this.showUpload(chosen, 0);
          return target.adapter.uploadForReply!(
            {
              reference: target.reference,
              trackingCode: target.trackingCode,
              file: chosen.file,
              lang: target.lang,
              onProgress: (sent, total) => {
                if (sent > 0 || this.state.kind !== 'waiting') this.showUpload(chosen, total ? sent / total : 0);
              },
            },
            { signal: abort.signal },
          );
        }, retry);
        this.draft.uploaded.push(chosen.uploaded);
        saveReplyDraft(this.reference, this.draft);
      }
      this.state = { kind: 'sending' };
      this.host.requestUpdate();
      const message = this.text();
      const status = await withRetries(
        () =>
          target.adapter.reply!(
            {
              reference: target.reference,
              trackingCode: target.trackingCode,
              ...(message ? { message } : {}),
              attachments: this.draft.uploaded.map((file) => file.id),
              lang: target.lang,
              idempotencyKey: this.draft.key,
            },
            { signal: abort.signal },
          ),
        retry,
      );
      forgetReplyDraft(this.reference);
      this.draft = readReplyDraft('');
      this.message = '';
      this.files.length = 0;
      this.state = { kind: 'sent' };
      this.onSent(status);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.state = this.failure(error, t);
    } finally {
      if (this.sending === abort) this.sending = undefined;
      this.host.requestUpdate();
    }
  }

  private text(): string {
    return this.message.trim();
  }

  private fileCount(): number {
    return this.files.length + this.keptUploads.length;
  }

  private check(message: string, lang: Language = 'fr'): SummaryError[] {
    const t = replyText(lang);
    if (!message && this.fileCount() === 0) return [{ pointer: MESSAGE_ID, message: t.empty }];
    if (message.length > REPLY_LIMITS.messageLength)
      return [{ pointer: MESSAGE_ID, message: t.tooLong(REPLY_LIMITS.messageLength) }];
    return [];
  }

  private showUpload(chosen: ChosenFile, fraction: number): void {
    chosen.sent = fraction;
    this.state = { kind: 'sending', uploading: { name: chosen.file.name, percent: Math.floor(fraction * 100) } };
    this.host.requestUpdate();
  }

  private failure(error: unknown, t: ReturnType<typeof replyText>): ReplyState {
    const failed = (message: string) => ({ kind: 'failed' as const, message });
    if (!(error instanceof EndpointError)) return failed(t.refused);
    if (error.kind === 'not-found') return failed(t.notFound);
    // The agent moved the request on meanwhile: what was typed stays, the citizen sees the new step when they choose.
    if (error.details.code === 'reply-not-expected') return { ...failed(t.notExpected), stale: true };
    if (error.kind === 'validation' && error.details.fieldErrors?.some((e) => e.code === 'unknown-attachment')) {
      // Uploaded more than a day ago: the files still on this page go again on the next Send.
      this.draft.uploaded = [];
      for (const chosen of this.files) delete chosen.uploaded;
      saveReplyDraft(this.reference, this.draft);
      return failed(t.expired);
    }
    return failed(error.message && error.kind !== 'server' ? error.message : t.refused);
  }
}
