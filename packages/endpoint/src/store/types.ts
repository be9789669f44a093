/**
 * Where requests live. The server only talks to this interface, so a PostgreSQL store can
 * replace SQLite for authorities that run several endpoint instances; every method is async for
 * that reason even though better-sqlite3 answers synchronously.
 */
import type { Attachment, Channel, HistoryEntry, Language } from '@guichet/core';

export interface NewRequest {
  formId: string;
  formVersion: string;
  formTitle: string;
  channel: Channel;
  lang: Language;
  data: Record<string, unknown>;
  /** HMAC of the Idempotency-Key: the key itself is a bearer of the receipt, so it is not kept. */
  idempotencyKeyHash: Buffer;
  trackingCodeHash: Buffer;
  /** First part of the reference, e.g. "VOI". */
  referencePrefix: string;
  receivedAt: Date;
  expectedBy?: string;
  firstStatus: HistoryEntry & { code: string };
  /** Attachments uploaded before, to link to the new request; each must still be unlinked. */
  attachmentIds: string[];
}

export interface RequestRecord {
  reference: string;
  formId: string;
  formVersion: string;
  formTitle: string;
  channel: Channel;
  lang: Language;
  data: Record<string, unknown>;
  createdAt: string;
  expectedBy?: string;
  trackingCodeHash: Buffer;
  /** Oldest first; never empty. */
  history: HistoryEntry[];
  attachments: Attachment[];
}

export interface AttachmentRecord extends Attachment {
  formId: string;
  /** Path of the file field it was uploaded for, as in `ui.fields`. */
  field: string;
  createdAt: string;
  /** Reference of the request it belongs to, once linked. */
  reference?: string;
}

export type InsertResult =
  | { outcome: 'created' | 'replayed'; record: RequestRecord }
  /** Some attachment ids are unknown, for another form, or already linked to another request. */
  | { outcome: 'attachments-unavailable'; attachmentIds: string[] };

export interface ListQuery {
  formId?: string;
  limit: number;
  offset: number;
}

export interface RequestStore {
  /**
   * Stores a new request, or returns the one stored before under the same form and idempotency
   * key. Exactly one request exists per key, even under concurrent calls.
   */
  insertOrGet(request: NewRequest): Promise<InsertResult>;
  findByIdempotencyKey(formId: string, idempotencyKeyHash: Buffer): Promise<RequestRecord | undefined>;
  getByReference(reference: string): Promise<RequestRecord | undefined>;
  /**
   * Only the tracking code's hash: a status look-up does this same single read whether the
   * reference exists or not, and reads the rest only once the code matched.
   */
  getTrackingCodeHash(reference: string): Promise<Buffer | undefined>;
  /** Newest first. */
  list(query: ListQuery): Promise<RequestRecord[]>;
  /** Appends to the history (never rewrites it); undefined for an unknown reference. */
  appendStatus(reference: string, entry: HistoryEntry & { code: string }): Promise<RequestRecord | undefined>;
  insertAttachment(attachment: AttachmentRecord): Promise<void>;
  getAttachment(id: string): Promise<AttachmentRecord | undefined>;
  /** Attachments never linked to a request and uploaded before `before`. */
  abandonedAttachments(before: Date): Promise<AttachmentRecord[]>;
  /** Deletes the row of an attachment that is still unlinked; false when it got linked meanwhile. */
  deleteAbandonedAttachment(id: string): Promise<boolean>;
  close(): Promise<void>;
}
