/**
 * How the browser talks to a back office. An adapter turns Guichet's submissions and status
 * look-ups into one back office's protocol (`guichet`, `open311`, or one an authority registers).
 */
import type { FormModel, FieldError, Language } from '../model/types.js';
import type { Receipt } from '../generated/protocol/receipt.js';
import type { RequestStatus } from '../generated/protocol/request-status.js';
import type { Attachment } from '../generated/protocol/attachment.js';
import type { Channel } from '../generated/protocol/channel.js';

export type { Receipt, RequestStatus, Attachment, Channel };

export interface AdapterConfig {
  /** Base URL of the back office's API, as in the element's `endpoint` attribute. */
  endpoint: string;
  /** Defaults to the global fetch; tests and hosts may wrap it. */
  fetch?: typeof fetch;
  /** Gives up on a call after this long (default 20 s); the outbox then retries. */
  timeoutMs?: number;
}

export interface SubmitRequest {
  model: FormModel;
  /** The cleaned answers (inactive fields and empty values removed), file fields holding attachment ids. */
  data: Record<string, unknown>;
  channel: Channel;
  lang: Language;
  /** A UUID, the same for every retry of one submission; sent as `Idempotency-Key`. */
  idempotencyKey: string;
  /**
   * True when an earlier try of this submission may have reached the back office without its
   * answer reaching the page (the connection dropped, the page closed). A back office that cannot
   * deduplicate (no idempotency key) must not get it again: throw `unconfirmed` instead.
   */
  maybeDelivered?: boolean;
  /**
   * Tells the outbox, just before the request leaves, that the back office may now hold it
   * (`true`); and, when its answer proves it does not (429, 503), that it does not (`false`).
   * Only adapters whose back office cannot deduplicate need it.
   */
  markDelivered?: (maybe: boolean) => void;
}

export interface UploadRequest {
  model: FormModel;
  file: Blob & { name?: string };
  /** Path of the file field ("a/b"), so the server checks the file against that field's rules. */
  field?: string;
  lang: Language;
  /** Called with bytes sent so far and the total, as the upload goes. */
  onProgress?: (sent: number, total: number) => void;
}

export interface StatusQuery {
  reference: string;
  trackingCode: string;
  lang: Language;
}

/** A file for a reply to a request that waits for the citizen (action_required). */
export interface ReplyUploadRequest {
  reference: string;
  trackingCode: string;
  file: Blob & { name?: string };
  lang: Language;
  onProgress?: (sent: number, total: number) => void;
}

/** The citizen's reply from the tracker: a message, files uploaded before, or both. */
export interface ReplyToRequest {
  reference: string;
  trackingCode: string;
  message?: string;
  /** Ids of files uploaded with `uploadForReply`. */
  attachments: string[];
  lang: Language;
  /** A UUID, the same for every retry of one reply; sent as `Idempotency-Key`. */
  idempotencyKey: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface Adapter {
  readonly name: string;
  submit(request: SubmitRequest, options?: CallOptions): Promise<Receipt>;
  /** Absent when the back office takes no files. */
  upload?(request: UploadRequest, options?: CallOptions): Promise<Attachment>;
  status(query: StatusQuery, options?: CallOptions): Promise<RequestStatus>;
  /** Absent when the back office takes no replies: the tracker then offers none. */
  uploadForReply?(request: ReplyUploadRequest, options?: CallOptions): Promise<Attachment>;
  /** Sends a reply; answers where the request stands, the reply in its `replies`. */
  reply?(request: ReplyToRequest, options?: CallOptions): Promise<RequestStatus>;
}

export type AdapterFactory = (config: AdapterConfig) => Adapter;

/**
 * Why a call failed, in terms the element can act on:
 * - `network`: no answer (offline, DNS, reset, CORS) — retry later, answers kept;
 * - `timeout`: no answer in time — retry;
 * - `rate-limited`: 429 — retry after `retryAfter` seconds;
 * - `server`: 5xx — retry;
 * - `validation`: 422 — not retried; `fieldErrors` point at the fields;
 * - `not-found`: unknown reference or wrong tracking code (never told apart);
 * - `rejected`: any other 4xx — not retried;
 * - `configuration`: refused because of how the page is set up (API key, jurisdiction, service
 *   code, CORS…) — not retried; not the citizen's to fix: the message tells the web team what to change;
 * - `unconfirmed`: the request may have been stored but its answer could not be read, and the back
 *   office cannot deduplicate — not retried (it would risk a second request); the reference is unknown.
 */
export type EndpointErrorKind =
  | 'network'
  | 'timeout'
  | 'rate-limited'
  | 'server'
  | 'validation'
  | 'not-found'
  | 'rejected'
  | 'configuration'
  | 'unconfirmed';

export class EndpointError extends Error {
  override readonly name = 'EndpointError';
  constructor(
    readonly kind: EndpointErrorKind,
    message: string,
    readonly details: {
      status?: number;
      retryAfter?: number;
      fieldErrors?: FieldError[];
      code?: string;
      /** For `network`: the page's origin, which the endpoint answers but does not allow (CORS). */
      refusedOrigin?: string;
    } = {},
  ) {
    super(message);
  }

  /** Whether trying again later may succeed. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'rate-limited' || this.kind === 'server';
  }
}
