/**
 * The seam between <guichet-form> (the citizen's answers, up to "Send") and the submission
 * pipeline (uploads, outbox, adapter, receipt). The form creates one `SubmissionController` with
 * itself as host and calls `send` once its answers are valid and `guichet-submit` was not
 * cancelled; it renders `renderStatus` above its buttons and, once sent, `renderReceipt` instead of
 * the form. The controller fires `guichet-submitted` and `guichet-error` (network, server,
 * configuration) itself, and writes what only the web team can fix to the console;
 * on a 422 it exposes `fieldErrors` and the form shows them with its own error summary.
 */
import type { TemplateResult } from 'lit';
import type { Channel, FieldError, FormModel, Language, Receipt } from '@guichet/core';

export type SubmissionPhase =
  /** Nothing sent yet. */
  | 'idle'
  /** Files are uploading (see `uploads`). */
  | 'uploading'
  /** The submission is on its way ("Envoi en cours…"). */
  | 'sending'
  /** It failed for now (offline, timeout, 5xx, 429): the answers are kept and it will be retried. */
  | 'waiting'
  /** The server refused the answers (422): `fieldErrors` point at the fields. */
  | 'invalid'
  /** The server refused for another reason (4xx): not retried; `error` says why. */
  | 'refused'
  /** Acknowledged: `receipt` is set. */
  | 'sent';

export interface UploadProgress {
  /** JSON pointer of the file field in the data. */
  pointer: string;
  name: string;
  sent: number;
  total: number;
}

export interface SendRequest {
  model: FormModel;
  /** Cleaned answers; file fields hold the key of their entry in `files`. */
  data: Record<string, unknown>;
  /** Files the citizen chose, keyed by the value their field holds in `data`. */
  files: Map<string, File>;
  channel: Channel;
  lang: Language;
  /** The element's `endpoint` attribute. */
  endpoint: string;
  /** The element's `adapter` attribute (`guichet` by default). */
  adapter: string;
  /** Settings for the adapter from the element's attributes (`open311`: apiKey, jurisdictionId, multiValue). */
  settings?: AdapterSettings;
}

/** What the adapter gets besides the endpoint, as `createAdapter`'s config; unset ones are left out. */
export type AdapterSettings = Readonly<Record<string, string>>;

export interface SubmissionControllerApi {
  readonly phase: SubmissionPhase;
  readonly uploads: readonly UploadProgress[];
  readonly fieldErrors: readonly FieldError[];
  readonly receipt?: Receipt;
  /** Sends (or resumes) a submission. Pressing Send twice never sends twice. */
  send(request: SendRequest): Promise<void>;
  /** "Réessayer": tries a waiting submission now. */
  retry(): Promise<void>;
  /** Cancels an upload in progress (the citizen may pick another file). */
  cancelUpload(pointer: string): void;
  /** Resends any submission a closed tab or lost connection left pending for this form. */
  resumePending(model: FormModel, endpoint: string, adapter: string, settings?: AdapterSettings): Promise<void>;
  renderStatus(lang: Language): TemplateResult;
  renderReceipt(lang: Language, options?: ReceiptOptions): TemplateResult;
}

/** What the page said about the receipt's surroundings. */
export interface ReceiptOptions {
  /** The page of the site that holds the tracker: the receipt links to it with `?reference=…`. */
  trackerUrl?: string;
  /** The level of the element's top headings (the receipt's title), 2 unless the page says. */
  headingLevel?: number;
}
