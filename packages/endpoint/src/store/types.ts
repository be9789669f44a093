/**
 * Where everything the endpoint keeps lives: requests, their history, attachments and the
 * citizen's replies, the outbox of mails and webhooks, the tracking-code secret, rate-limit counters. Every instance of the endpoint talks to the same
 * store, so several processes on one database behave as one; nothing an instance holds in memory
 * is needed by another.
 *
 * Two implementations, SQLite (the embedded default) and PostgreSQL (several instances), pass the
 * same contract tests (test/store-contract.test.ts). Reads on `Store` see committed data; writes
 * go through `transaction()`, a unit of work that commits or rolls back as a whole. Each part
 * (requests, attachments, settings…) is a small repository reached from the transaction, so a
 * later part (an outbox, agents, an audit log) is one more repository written in the same
 * transaction as the change it records.
 */
import type { Attachment, Channel, HistoryEntry, Language, Phase } from '@guichet/core';

export interface NewRequest {
  formId: string;
  formVersion: string;
  formTitle: string;
  channel: Channel;
  lang: Language;
  data: Record<string, unknown>;
  /** HMAC of the Idempotency-Key: the key itself is a bearer of the receipt, so it is not kept. */
  idempotencyKeyHash: Buffer;
  /** HMAC of the submission as sent: a replay of the key with another body is refused. */
  submissionHash: Buffer;
  /** Whether an agent's credentials came with the submission (else its channel was only declared). */
  byAgent: boolean;
  trackingCodeHash: Buffer;
  /** First part of the reference, e.g. "VOI". */
  referencePrefix: string;
  receivedAt: Date;
  expectedBy?: string;
  firstStatus: StatusEntry;
  /** Attachments uploaded before, to link to the new request; each must still be unlinked. */
  attachmentIds: string[];
}

export type StatusEntry = HistoryEntry & { code: string };

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
  /** Absent for requests stored before it was kept. */
  submissionHash?: Buffer;
  byAgent: boolean;
  /** Oldest first; never empty. */
  history: HistoryEntry[];
  attachments: Attachment[];
}

export interface AttachmentRecord extends Attachment {
  formId: string;
  /** Path of the file field it was uploaded for, as in `ui.fields`; REPLY_FIELD for a reply's file. */
  field: string;
  createdAt: string;
  /** Reference of the request it belongs to, once linked. */
  reference?: string;
  /** For a reply's file: the request it was uploaded for (linked to it once the reply is sent). */
  forReference?: string;
}

/** What an upload may add to the files no request has claimed yet. */
export interface UnclaimedQuota {
  /** HMAC of the client's address: whose uploads count together. */
  clientKey: string;
  /** Most bytes of unclaimed uploads one client may hold. */
  perClient: number;
  /** Most bytes of unclaimed uploads of everyone together. */
  total: number;
}

export type UploadOutcome = 'stored' | 'client-quota' | 'total-quota';

export type InsertResult =
  | { outcome: 'created' | 'replayed'; record: RequestRecord }
  /** Some attachment ids are unknown, for another form, or already linked to another request. */
  | { outcome: 'attachments-unavailable'; attachmentIds: string[] };

export interface ListQuery {
  formId?: string;
  /** The current phase. */
  phase?: Phase;
  channel?: Channel;
  /** Received on or after / before these instants (ISO 8601). */
  from?: string;
  to?: string;
  /** Words that must all appear in the answers (case-insensitive). */
  text?: string;
  /** Keyset pagination: only requests older than the one with this reference. */
  before?: string;
  limit: number;
  offset: number;
}

export interface RequestReads {
  findByIdempotencyKey(formId: string, idempotencyKeyHash: Buffer): Promise<RequestRecord | undefined>;
  getByReference(reference: string): Promise<RequestRecord | undefined>;
  /**
   * Only the tracking code's hash: a status look-up does this same single read whether the
   * reference exists or not, and reads the rest only once the code matched.
   */
  getTrackingCodeHash(reference: string): Promise<Buffer | undefined>;
  /** Newest first; a fixed number of queries whatever the page size. */
  list(query: ListQuery): Promise<RequestRecord[]>;
}

export interface RequestWrites {
  /**
   * Stores a new request with the next reference of its prefix and year (no gap, no duplicate),
   * or returns the one stored before under the same form and idempotency key. The database
   * decides (a unique constraint): one request per key, whichever instance each retry reaches.
   */
  insertOrGet(request: NewRequest): Promise<InsertResult>;
  /**
   * The request as it stands, kept from changing by other units until this one commits (a row
   * lock on PostgreSQL; SQLite's units hold the file's write lock anyway): what a status change
   * decides from stays true until it is appended.
   */
  getForUpdate(reference: string): Promise<RequestRecord | undefined>;
  /** Appends to the history (never rewrites it); undefined for an unknown reference. */
  appendStatus(reference: string, entry: StatusEntry): Promise<RequestRecord | undefined>;
}

export interface AttachmentReads {
  get(id: string): Promise<AttachmentRecord | undefined>;
  /** The file's bytes, from any instance. */
  content(id: string): Promise<Buffer | undefined>;
}

export interface AttachmentWrites {
  /**
   * Stores an upload; with a quota, only when the unclaimed uploads of its client and of everyone
   * stay within it, decided under a lock every instance takes (so two instances cannot both
   * fill the last free bytes).
   */
  insert(attachment: AttachmentRecord, content: Buffer, quota?: UnclaimedQuota): Promise<UploadOutcome>;
  /** Deletes attachments never linked to a request and uploaded before `before`; their number. */
  deleteAbandoned(before: Date): Promise<number>;
}

/** Named values the instances share, each written once (the first writer wins). */
export interface Settings {
  get(name: string): Promise<Buffer | undefined>;
  /** Stores `value` unless `name` has one already; answers the value in place either way. */
  putIfMissing(name: string, value: Buffer): Promise<Buffer>;
}

/** Definitions of the versions of each form this endpoint has served, kept for late submissions. */
export interface FormVersionReads {
  /** The definition of `version` of form `formId` as it was served, as JSON text. */
  get(formId: string, version: string): Promise<string | undefined>;
}

export interface FormVersionWrites {
  /** Keeps a served version's definition unless that version is kept already; answers the one kept. */
  putIfMissing(formId: string, version: string, definition: string, at: Date): Promise<string>;
}

/** Fixed-window counters shared by every instance (rate limits, quotas). */
export interface Counters {
  /**
   * Counts one hit of `key` in its current window of `windowMs` (a window starts at its first
   * hit); answers the hits so far in the window and when it ends. One atomic statement.
   */
  hit(key: string, windowMs: number, now: Date): Promise<{ count: number; resetAt: Date }>;
  /** The hits of `key` in its current window, without counting one; undefined when none. */
  peek(key: string, now: Date): Promise<{ count: number; resetAt: Date } | undefined>;
  /** Forgets windows that ended before `now`; their number. */
  deleteExpired(now: Date): Promise<number>;
}

export interface NewReply {
  reference: string;
  /** rep_…, shown to agents and in webhooks. */
  id: string;
  at: string;
  message?: string;
  lang: Language;
  /** HMAC of the Idempotency-Key: a retried reply is stored once. */
  idempotencyKeyHash: Buffer;
  /** Uploaded for replies to this request (see AttachmentRecord.field), each still unlinked. */
  attachmentIds: string[];
}

export interface ReplyRecord {
  id: string;
  reference: string;
  at: string;
  message?: string;
  lang: Language;
  attachments: Attachment[];
}

export type ReplyInsertResult =
  | { outcome: 'created' | 'replayed'; reply: ReplyRecord }
  | { outcome: 'request-not-found' }
  /** Some attachment ids are unknown, of another request, not uploaded for a reply, or linked already. */
  | { outcome: 'attachments-unavailable'; attachmentIds: string[] };

/** `field` of an attachment uploaded for a reply rather than for a form's file field. */
export const REPLY_FIELD = '';

export interface ReplyReads {
  /** A request's replies, oldest first. */
  ofRequest(reference: string): Promise<ReplyRecord[]>;
  /** The replies of several requests (a page of the list) in one query, oldest first. */
  ofRequests(references: string[]): Promise<Map<string, ReplyRecord[]>>;
  /** Every request's replies, newest first. */
  list(query: { limit: number; offset: number }): Promise<ReplyRecord[]>;
}

export interface ReplyWrites {
  /** Stores a reply (append-only), or answers the one stored before under the same key. */
  insertOrGet(reply: NewReply): Promise<ReplyInsertResult>;
}

/** What an outbox item carries to: the citizen's mailbox or the authority's back office. */
export type OutboxChannel = 'mail' | 'webhook';
export type OutboxState = 'pending' | 'sent' | 'failed';
export type OutboxEvent = 'request.created' | 'request.status_changed' | 'request.replied';

/** A mail or webhook to send, written in the same unit of work as the change it announces. */
export interface NewOutboxItem {
  /** evt_…: the webhook event's id, and the mail's Message-ID, the same on every attempt. */
  id: string;
  channel: OutboxChannel;
  reference: string;
  event: OutboxEvent;
  /** The mail's address; none for a webhook (sent to the URL configured when it is sent). */
  recipient?: string;
  /** What the sender needs to build the message: a mail's template and texts, a webhook's body. */
  payload: Record<string, unknown>;
  /** A secret only the sender may read (the receipt's tracking code, encrypted); wiped once done. */
  sealed?: Buffer;
  createdAt: string;
}

export interface OutboxItem extends NewOutboxItem {
  state: OutboxState;
  attempts: number;
  /** When a pending item may be tried again. */
  nextAttemptAt: string;
  lastAttemptAt?: string;
  /** Why the last attempt failed (the SMTP answer, the HTTP status): for agents and operators. */
  lastError?: string;
  /** When it was sent, or given up on (a mailbox refused for good). */
  doneAt?: string;
}

export interface DeliveryOutcome {
  id: string;
  /** sent; failed for good (an address refused with 5xx); retry at `nextAttemptAt`. */
  outcome: 'sent' | 'failed' | 'retry';
  at: Date;
  error?: string;
  nextAttemptAt?: Date;
}

export interface OutboxQuery {
  state?: OutboxState;
  channel?: OutboxChannel;
  limit: number;
  offset: number;
}

export interface OutboxReads {
  /** A request's mails and webhooks, oldest first. */
  ofRequest(reference: string): Promise<OutboxItem[]>;
  /** Newest first. */
  list(query: OutboxQuery): Promise<OutboxItem[]>;
  /** How many items wait (pending) and how many were given up on (failed), per channel. */
  counts(): Promise<Record<OutboxChannel, { pending: number; failed: number }>>;
}

export interface OutboxWrites {
  add(item: NewOutboxItem): Promise<void>;
}

export interface OutboxDelivery {
  /**
   * Claims up to `limit` items of `channel` that are due at `now` — for each request only its
   * oldest pending item of the channel, so a request's mails and webhooks go out in order — and
   * none another instance is sending; hands them to `send` (which may take the network's time)
   * and records the outcomes it answers. One sender per item across instances: PostgreSQL holds
   * the claimed rows `FOR UPDATE SKIP LOCKED` until the outcomes are written (a sender that dies
   * lets go at once); SQLite marks them claimed for `leaseMs`. Resolves with the number claimed.
   */
  deliver(
    channel: OutboxChannel,
    options: { now: Date; limit: number; leaseMs: number },
    send: (items: OutboxItem[]) => Promise<DeliveryOutcome[]>,
  ): Promise<number>;
}

/** What a unit of work may read and write; all of it commits or rolls back together. */
export interface StoreTransaction {
  readonly requests: RequestReads & RequestWrites;
  readonly attachments: AttachmentReads & AttachmentWrites;
  readonly settings: Settings;
  readonly agents: AgentReads & AgentWrites;
  readonly audit: AuditWrites;
  readonly sessions: SessionWrites;
  readonly replies: ReplyReads & ReplyWrites;
  readonly outbox: OutboxWrites;
  readonly formVersions: FormVersionReads & FormVersionWrites;
}

export interface DatabaseHealth {
  ok: boolean;
  kind: 'sqlite' | 'postgresql';
  /** Time of a trivial query, in milliseconds. */
  latencyMs?: number;
  /** Why the database is not reachable, when it is not. */
  error?: string;
}

export interface UnitOptions {
  /**
   * The contended row this unit locks, e.g. the reference counter of a form's prefix and year
   * (`VOI-2026`). Units of different keys never share a transaction: two instances' transactions
   * could otherwise each hold one counter and wait for the other's, a deadlock PostgreSQL only
   * breaks after a second.
   */
  lockKey?: string;
}

export interface Store {
  readonly kind: DatabaseHealth['kind'];
  /** Committed data only. */
  readonly requests: RequestReads;
  readonly attachments: AttachmentReads;
  readonly settings: Pick<Settings, 'get'>;
  readonly agents: AgentReads;
  readonly audit: AuditReads;
  readonly sessions: SessionReads;
  readonly replies: ReplyReads;
  readonly outbox: OutboxReads & OutboxDelivery;
  readonly formVersions: FormVersionReads;
  /** Atomic on their own: no transaction needed. */
  readonly counters: Counters;
  /**
   * Runs `work` as one unit: everything it does through `tx` commits together, or nothing does
   * when it throws (the error is rethrown). Units arriving together share one database
   * transaction, so one commit (one fsync) covers them; a unit's promise settles only once its
   * work is committed. `work` must only use `tx` (no network call while the database waits) and
   * may run more than once: when another unit of its transaction fails, or when PostgreSQL
   * resolves a deadlock or a concurrent insert of the same idempotency key by aborting it.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, options?: UnitOptions): Promise<T>;
  /**
   * A unit that files a new request (`insertOrGet`) and then runs `then` with the outcome (to
   * announce it), as `transaction` would run both. PostgreSQL files the requests of one
   * transaction in one statement: its reference counter stays locked for one round trip, not one
   * per request, which is what lets several instances file side by side. Without `then` (a
   * filing that announces nothing), that statement commits on its own, in one round trip.
   */
  fileRequest(request: NewRequest, then: undefined, options?: UnitOptions): Promise<InsertResult>;
  fileRequest<T>(
    request: NewRequest,
    then: (tx: StoreTransaction, inserted: InsertResult) => Promise<T>,
    options?: UnitOptions,
  ): Promise<T>;
  health(): Promise<DatabaseHealth>;
  /**
   * Whether `error` says the database cannot be reached or cannot take a write just now (down,
   * restarting, unreachable, locked, full): asking again later may succeed, unlike a bug's error.
   */
  unavailable(error: unknown): boolean;
  close(): Promise<void>;
}

/** Who did something through the agents' API: the admin token, a named agent, or an OpenID sign-in. */
export interface Actor {
  kind: 'admin' | 'agent' | 'oidc';
  /** The agent's id (agt_…), or the provider's subject; none for the admin token. */
  id?: string;
  /** The agent's name, or the signed-in person's name or e-mail address. */
  name: string;
}

export interface AgentRecord {
  /** agt_…, the handle the admin revokes it by. */
  id: string;
  name: string;
  createdAt: string;
  revokedAt?: string;
}

export interface AgentReads {
  /** The agent whose token hashes to `tokenHash`, unless revoked: checked on every call, so a revocation holds at once. */
  byTokenHash(tokenHash: Buffer): Promise<AgentRecord | undefined>;
  /** Oldest first, revoked ones included. */
  list(): Promise<AgentRecord[]>;
}

export interface AgentWrites {
  /** The token itself is never stored: only its SHA-256 (it is 256 random bits, so a fast hash suffices). */
  insert(agent: AgentRecord & { tokenHash: Buffer }): Promise<void>;
  /** Revokes a live agent; undefined when unknown or revoked already. */
  revoke(id: string, at: string): Promise<AgentRecord | undefined>;
}

/** One action of the agents' API, kept for good (append-only): who, what, when, on which request. */
export interface AuditEntry {
  at: string;
  actor: Actor;
  /** e.g. `status.changed`, `attachment.downloaded`, `requests.exported`, `agent.created`. */
  action: string;
  reference?: string;
  /** What the action was about: a phase and note, an agent's id, an export's filters. */
  detail?: Record<string, unknown>;
}

export interface AuditRecord extends AuditEntry {
  /** Increasing: the newest entries have the largest. */
  id: number;
}

export interface AuditReads {
  /** Newest first; `before` is the id of the last entry of the previous page. */
  list(query: { limit: number; before?: number; reference?: string }): Promise<AuditRecord[]>;
}

export interface AuditWrites {
  record(entry: AuditEntry): Promise<void>;
}

/** An agent signed in through OpenID Connect: the cookie holds the id, the database its hash. */
export interface SessionRecord {
  actor: Actor;
  /** Sent back in `X-CSRF-Token` with every state-changing call the cookie authorises. */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface SessionReads {
  /** The session, unless it expired before `now`. */
  get(idHash: Buffer, now: Date): Promise<SessionRecord | undefined>;
}

export interface SessionWrites {
  insert(idHash: Buffer, session: SessionRecord): Promise<void>;
  delete(idHash: Buffer): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}
