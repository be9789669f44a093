/**
 * The SQLite repositories, on one better-sqlite3 connection: the reader's (committed data) or the
 * writer's (inside the unit of work). better-sqlite3 answers synchronously; the methods are async
 * to share the store's interface with PostgreSQL.
 */
import type Database from 'better-sqlite3';
import { formatReference } from '../../reference-numbers.js';
import {
  byReference,
  toAttachmentRecord,
  toOutboxItem,
  toReplyRecords,
  toRequestRecords,
  UnavailableAttachments,
  type AttachmentRow,
  type HistoryRow,
  type OutboxRow,
  type ReplyRow,
  type RequestRow,
} from '../records.js';
import type {
  AttachmentReads,
  AttachmentRecord,
  AttachmentWrites,
  Counters,
  DeliveryOutcome,
  FormVersionReads,
  FormVersionWrites,
  InsertResult,
  ListQuery,
  NewOutboxItem,
  NewReply,
  NewRequest,
  OutboxChannel,
  OutboxItem,
  OutboxQuery,
  OutboxReads,
  OutboxWrites,
  ReplyInsertResult,
  ReplyReads,
  ReplyRecord,
  ReplyWrites,
  RequestReads,
  RequestRecord,
  RequestWrites,
  Settings,
  StatusEntry,
  UnclaimedQuota,
  UploadOutcome,
} from '../types.js';
import { REPLY_FIELD } from '../types.js';

export class SqliteRequests implements RequestReads, RequestWrites {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      byKey: db.prepare<[string, Buffer], RequestRow>(
        'SELECT * FROM requests WHERE form_id = ? AND idempotency_key_hash = ?',
      ),
      byReference: db.prepare<[string], RequestRow>('SELECT * FROM requests WHERE reference = ?'),
      trackingCodeHash: db
        .prepare<[string], Buffer>('SELECT tracking_code_hash FROM requests WHERE reference = ?')
        .pluck(),
      page: db.prepare<[string | null, string | null, number, number], RequestRow>(
        'SELECT * FROM requests WHERE (? IS NULL OR form_id = ?) ORDER BY id DESC LIMIT ? OFFSET ?',
      ),
      historyOf: db.prepare<[string], HistoryRow>(
        'SELECT * FROM status_history WHERE request_id IN (SELECT value FROM json_each(?)) ORDER BY id',
      ),
      attachmentsOf: db.prepare<[string], AttachmentRow>(
        `SELECT * FROM attachments WHERE request_id IN (SELECT value FROM json_each(?)) AND reply_id IS NULL
         ORDER BY created_at, id`,
      ),
      nextSequence: db.prepare<[string, number], { last: number }>(
        `INSERT INTO reference_sequences (prefix, year, last) VALUES (?, ?, 1)
         ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1 RETURNING last`,
      ),
      insertRequest: db.prepare(
        `INSERT INTO requests (reference, form_id, form_version, form_title, channel, lang, idempotency_key_hash,
           submission_hash, by_agent, tracking_code_hash, data, created_at, expected_by)
         VALUES (@reference, @formId, @formVersion, @formTitle, @channel, @lang, @idempotencyKeyHash,
           @submissionHash, @byAgent, @trackingCodeHash, @data, @createdAt, @expectedBy)`,
      ),
      insertHistory: db.prepare(
        'INSERT INTO status_history (request_id, at, phase, code, label, note) VALUES (@requestId, @at, @phase, @code, @label, @note)',
      ),
      linkAttachment: db.prepare<[number, string, string]>(
        'UPDATE attachments SET request_id = ? WHERE id = ? AND form_id = ? AND request_id IS NULL',
      ),
    };
  }

  async findByIdempotencyKey(formId: string, idempotencyKeyHash: Buffer): Promise<RequestRecord | undefined> {
    return this.records(this.statements.byKey.all(formId, idempotencyKeyHash))[0];
  }

  async getByReference(reference: string): Promise<RequestRecord | undefined> {
    return this.records(this.statements.byReference.all(reference))[0];
  }

  async getTrackingCodeHash(reference: string): Promise<Buffer | undefined> {
    return this.statements.trackingCodeHash.get(reference);
  }

  async list(query: ListQuery): Promise<RequestRecord[]> {
    const formId = query.formId ?? null;
    return this.records(this.statements.page.all(formId, formId, query.limit, query.offset));
  }

  /**
   * Runs inside the writer's transaction (BEGIN IMMEDIATE holds the file's write lock), so the
   * look-up, the next sequence number and the insert see no one else; the UNIQUE constraint on
   * (form_id, idempotency_key_hash) still guards it.
   */
  async insertOrGet(request: NewRequest): Promise<InsertResult> {
    const existing = this.statements.byKey.all(request.formId, request.idempotencyKeyHash);
    if (existing.length) return { outcome: 'replayed', record: this.records(existing)[0]! };
    this.db.exec('SAVEPOINT insert_request');
    try {
      const year = request.receivedAt.getUTCFullYear();
      const sequence = this.statements.nextSequence.get(request.referencePrefix, year)!.last;
      const reference = formatReference(request.referencePrefix, year, sequence);
      const { lastInsertRowid } = this.statements.insertRequest.run({
        reference,
        formId: request.formId,
        formVersion: request.formVersion,
        formTitle: request.formTitle,
        channel: request.channel,
        lang: request.lang,
        idempotencyKeyHash: request.idempotencyKeyHash,
        submissionHash: request.submissionHash,
        byAgent: request.byAgent ? 1 : 0,
        trackingCodeHash: request.trackingCodeHash,
        data: JSON.stringify(request.data),
        createdAt: request.receivedAt.toISOString(),
        expectedBy: request.expectedBy ?? null,
      });
      const requestId = Number(lastInsertRowid);
      this.insertHistory(requestId, request.firstStatus);
      const unavailable = [...new Set(request.attachmentIds)].filter(
        (id) => this.statements.linkAttachment.run(requestId, id, request.formId).changes !== 1,
      );
      if (unavailable.length) throw new UnavailableAttachments(unavailable);
      this.db.exec('RELEASE insert_request');
      return { outcome: 'created', record: this.records(this.statements.byReference.all(reference))[0]! };
    } catch (error) {
      this.db.exec('ROLLBACK TO insert_request; RELEASE insert_request');
      if (error instanceof UnavailableAttachments)
        return { outcome: 'attachments-unavailable', attachmentIds: error.ids };
      throw error;
    }
  }

  /** The writer's unit holds the file's write lock (BEGIN IMMEDIATE): nothing changes meanwhile. */
  async getForUpdate(reference: string): Promise<RequestRecord | undefined> {
    return this.getByReference(reference);
  }

  async appendStatus(reference: string, entry: StatusEntry): Promise<RequestRecord | undefined> {
    const row = this.statements.byReference.get(reference);
    if (!row) return undefined;
    this.insertHistory(row.id, entry);
    return this.records([row])[0];
  }

  private insertHistory(requestId: number, entry: StatusEntry): void {
    const { at, phase, code, label } = entry;
    this.statements.insertHistory.run({ requestId, at, phase, code, label, note: entry.note ?? null });
  }

  private records(rows: RequestRow[]): RequestRecord[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((row) => row.id));
    return toRequestRecords(rows, this.statements.historyOf.all(ids), this.statements.attachmentsOf.all(ids));
  }
}

export class SqliteAttachments implements AttachmentReads, AttachmentWrites {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      get: db.prepare<[string], AttachmentRow>(
        'SELECT a.*, r.reference FROM attachments a LEFT JOIN requests r ON r.id = a.request_id WHERE a.id = ?',
      ),
      content: db.prepare<[string], Buffer>('SELECT content FROM attachment_contents WHERE attachment_id = ?').pluck(),
      insert: db.prepare(
        `INSERT INTO attachments (id, form_id, field, name, size, type, created_at, client_key, for_request_id)
         VALUES (@id, @formId, @field, @name, @size, @type, @createdAt, @clientKey,
           (SELECT id FROM requests WHERE reference = @forReference))`,
      ),
      unclaimed: db.prepare<[string], { client: number; total: number }>(
        `SELECT coalesce(sum(CASE WHEN client_key = ? THEN size END), 0) AS client, coalesce(sum(size), 0) AS total
           FROM attachments WHERE request_id IS NULL`,
      ),
      insertContent: db.prepare<[string, Buffer]>(
        'INSERT INTO attachment_contents (attachment_id, content) VALUES (?, ?)',
      ),
      deleteAbandoned: db.prepare<[string]>('DELETE FROM attachments WHERE request_id IS NULL AND created_at < ?'),
    };
  }

  async get(id: string): Promise<AttachmentRecord | undefined> {
    const row = this.statements.get.get(id);
    return row && toAttachmentRecord(row);
  }

  async content(id: string): Promise<Buffer | undefined> {
    return this.statements.content.get(id);
  }

  /** Runs in the writer's unit, under the file's write lock: the sums cannot change before the insert. */
  async insert(attachment: AttachmentRecord, content: Buffer, quota?: UnclaimedQuota): Promise<UploadOutcome> {
    const { id, formId, field, name, size, type, createdAt } = attachment;
    if (quota) {
      const held = this.statements.unclaimed.get(quota.clientKey)!;
      if (held.client + size > quota.perClient) return 'client-quota';
      if (held.total + size > quota.total) return 'total-quota';
    }
    const forReference = attachment.forReference ?? null;
    const clientKey = quota?.clientKey ?? null;
    this.statements.insert.run({ id, formId, field, name, size, type, createdAt, clientKey, forReference });
    this.statements.insertContent.run(id, content);
    return 'stored';
  }

  async deleteAbandoned(before: Date): Promise<number> {
    return this.statements.deleteAbandoned.run(before.toISOString()).changes;
  }
}

export class SqliteSettings implements Settings {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      get: db.prepare<[string], Buffer>('SELECT value FROM settings WHERE name = ?').pluck(),
      insert: db.prepare<[string, Buffer]>('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    };
  }

  async get(name: string): Promise<Buffer | undefined> {
    return this.statements.get.get(name);
  }

  async putIfMissing(name: string, value: Buffer): Promise<Buffer> {
    this.statements.insert.run(name, value);
    return this.statements.get.get(name)!;
  }
}

export class SqliteFormVersions implements FormVersionReads, FormVersionWrites {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      get: db
        .prepare<[string, string], string>('SELECT definition FROM form_versions WHERE form_id = ? AND version = ?')
        .pluck(),
      insert: db.prepare<[string, string, string, string]>(
        'INSERT INTO form_versions (form_id, version, definition, stored_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
    };
  }

  async get(formId: string, version: string): Promise<string | undefined> {
    return this.statements.get.get(formId, version);
  }

  async putIfMissing(formId: string, version: string, definition: string, at: Date): Promise<string> {
    this.statements.insert.run(formId, version, definition, at.toISOString());
    return this.statements.get.get(formId, version)!;
  }
}

export class SqliteCounters implements Counters {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      hit: db.prepare<[{ key: string; resetAt: string; now: string }], { count: number; reset_at: string }>(
        `INSERT INTO counters (key, count, reset_at) VALUES (@key, 1, @resetAt)
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN counters.reset_at <= @now THEN 1 ELSE counters.count + 1 END,
           reset_at = CASE WHEN counters.reset_at <= @now THEN excluded.reset_at ELSE counters.reset_at END
         RETURNING count, reset_at`,
      ),
      peek: db.prepare<[string, string], { count: number; reset_at: string }>(
        'SELECT count, reset_at FROM counters WHERE key = ? AND reset_at > ?',
      ),
      deleteExpired: db.prepare<[string]>('DELETE FROM counters WHERE reset_at <= ?'),
    };
  }

  async hit(key: string, windowMs: number, now: Date): Promise<{ count: number; resetAt: Date }> {
    const resetAt = new Date(now.getTime() + windowMs).toISOString();
    const row = this.statements.hit.get({ key, resetAt, now: now.toISOString() })!;
    return { count: row.count, resetAt: new Date(row.reset_at) };
  }

  async peek(key: string, now: Date): Promise<{ count: number; resetAt: Date } | undefined> {
    const row = this.statements.peek.get(key, now.toISOString());
    return row && { count: row.count, resetAt: new Date(row.reset_at) };
  }

  async deleteExpired(now: Date): Promise<number> {
    return this.statements.deleteExpired.run(now.toISOString()).changes;
  }
}

export class SqliteReplies implements ReplyReads, ReplyWrites {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    const select = 'SELECT p.*, r.reference FROM replies p JOIN requests r ON r.id = p.request_id';
    this.statements = {
      requestId: db.prepare<[string], number>('SELECT id FROM requests WHERE reference = ?').pluck(),
      byKey: db.prepare<[number, Buffer], ReplyRow>(`${select} WHERE p.request_id = ? AND p.idempotency_key_hash = ?`),
      ofRequests: db.prepare<[string], ReplyRow>(
        `${select} WHERE r.reference IN (SELECT value FROM json_each(?)) ORDER BY p.id`,
      ),
      page: db.prepare<[number, number], ReplyRow>(`${select} ORDER BY p.id DESC LIMIT ? OFFSET ?`),
      filesOf: db.prepare<[string], AttachmentRow>(
        'SELECT * FROM attachments WHERE reply_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id',
      ),
      insert: db.prepare(
        `INSERT INTO replies (public_id, request_id, at, message, lang, idempotency_key_hash)
         VALUES (@id, @requestId, @at, @message, @lang, @idempotencyKeyHash)`,
      ),
      link: db.prepare<[number, number, string, string]>(
        `UPDATE attachments SET request_id = for_request_id, reply_id = ?
         WHERE for_request_id = ? AND id = ? AND field = ? AND request_id IS NULL`,
      ),
    };
  }

  async ofRequest(reference: string): Promise<ReplyRecord[]> {
    return this.records(this.statements.ofRequests.all(JSON.stringify([reference])));
  }

  async ofRequests(references: string[]): Promise<Map<string, ReplyRecord[]>> {
    if (references.length === 0) return new Map();
    return byReference(this.records(this.statements.ofRequests.all(JSON.stringify(references))));
  }

  async list(query: { limit: number; offset: number }): Promise<ReplyRecord[]> {
    return this.records(this.statements.page.all(query.limit, query.offset));
  }

  async insertOrGet(reply: NewReply): Promise<ReplyInsertResult> {
    const requestId = this.statements.requestId.get(reply.reference);
    if (requestId === undefined) return { outcome: 'request-not-found' };
    const existing = this.statements.byKey.all(requestId, reply.idempotencyKeyHash);
    if (existing.length) return { outcome: 'replayed', reply: this.records(existing)[0]! };
    this.db.exec('SAVEPOINT insert_reply');
    try {
      const { lastInsertRowid } = this.statements.insert.run({
        id: reply.id,
        requestId,
        at: reply.at,
        message: reply.message ?? null,
        lang: reply.lang,
        idempotencyKeyHash: reply.idempotencyKeyHash,
      });
      const replyId = Number(lastInsertRowid);
      const unavailable = [...new Set(reply.attachmentIds)].filter(
        (id) => this.statements.link.run(replyId, requestId, id, REPLY_FIELD).changes !== 1,
      );
      if (unavailable.length) throw new UnavailableAttachments(unavailable);
      this.db.exec('RELEASE insert_reply');
      return {
        outcome: 'created',
        reply: this.records(this.statements.byKey.all(requestId, reply.idempotencyKeyHash))[0]!,
      };
    } catch (error) {
      this.db.exec('ROLLBACK TO insert_reply; RELEASE insert_reply');
      if (error instanceof UnavailableAttachments)
        return { outcome: 'attachments-unavailable', attachmentIds: error.ids };
      throw error;
    }
  }

  private records(rows: ReplyRow[]): ReplyRecord[] {
    if (rows.length === 0) return [];
    return toReplyRecords(rows, this.statements.filesOf.all(JSON.stringify(rows.map((row) => row.id))));
  }
}

export class SqliteOutbox implements OutboxReads, OutboxWrites {
  private readonly statements;

  constructor(db: Database.Database) {
    const select = 'SELECT o.*, r.reference FROM outbox o JOIN requests r ON r.id = o.request_id';
    this.statements = {
      add: db.prepare(
        `INSERT INTO outbox (event_id, channel, request_id, event, recipient, payload, sealed, created_at, next_attempt_at)
         SELECT @id, @channel, id, @event, @recipient, @payload, @sealed, @createdAt, @createdAt
         FROM requests WHERE reference = @reference`,
      ),
      ofRequest: db.prepare<[string], OutboxRow>(`${select} WHERE r.reference = ? ORDER BY o.id`),
      page: db.prepare<[string | null, string | null, string | null, string | null, number, number], OutboxRow>(
        `${select} WHERE (? IS NULL OR o.state = ?) AND (? IS NULL OR o.channel = ?) ORDER BY o.id DESC LIMIT ? OFFSET ?`,
      ),
      counts: db.prepare<[], { channel: OutboxChannel; state: string; count: number }>(
        "SELECT channel, state, count(*) AS count FROM outbox WHERE state IN ('pending', 'failed') GROUP BY channel, state",
      ),
      // A request's items go one after the other: only its oldest pending one of the channel is due.
      due: db.prepare<[{ channel: string; now: string; limit: number }], OutboxRow & { rowid: number }>(
        `${select} WHERE o.channel = @channel AND o.state = 'pending' AND o.next_attempt_at <= @now
           AND (o.claimed_until IS NULL OR o.claimed_until <= @now)
           AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.request_id = o.request_id AND e.channel = o.channel
             AND e.state = 'pending' AND e.id < o.id)
         ORDER BY o.id LIMIT @limit`,
      ),
      claim: db.prepare<[string | null, string]>('UPDATE outbox SET claimed_until = ? WHERE event_id = ?'),
      done: db.prepare(
        `UPDATE outbox SET state = @state, attempts = attempts + 1, last_attempt_at = @at, done_at = @at,
           last_error = @error, sealed = NULL, claimed_until = NULL WHERE event_id = @id`,
      ),
      retry: db.prepare(
        `UPDATE outbox SET attempts = attempts + 1, last_attempt_at = @at, next_attempt_at = @next,
           last_error = @error, claimed_until = NULL WHERE event_id = @id`,
      ),
    };
  }

  async add(item: NewOutboxItem): Promise<void> {
    const { changes } = this.statements.add.run({
      id: item.id,
      channel: item.channel,
      event: item.event,
      recipient: item.recipient ?? null,
      payload: JSON.stringify(item.payload),
      sealed: item.sealed ?? null,
      createdAt: item.createdAt,
      reference: item.reference,
    });
    if (changes !== 1) throw new Error(`no request ${item.reference} to announce`);
  }

  async ofRequest(reference: string): Promise<OutboxItem[]> {
    return this.statements.ofRequest.all(reference).map(toOutboxItem);
  }

  async list(query: OutboxQuery): Promise<OutboxItem[]> {
    const state = query.state ?? null;
    const channel = query.channel ?? null;
    return this.statements.page.all(state, state, channel, channel, query.limit, query.offset).map(toOutboxItem);
  }

  async counts(): Promise<Record<OutboxChannel, { pending: number; failed: number }>> {
    const counts = { mail: { pending: 0, failed: 0 }, webhook: { pending: 0, failed: 0 } };
    for (const row of this.statements.counts.all()) counts[row.channel][row.state as 'pending' | 'failed'] = row.count;
    return counts;
  }

  /** Inside the writer's transaction: the due items, marked claimed until `until`. */
  claim(channel: OutboxChannel, now: Date, limit: number, until: Date): OutboxItem[] {
    const rows = this.statements.due.all({ channel, now: now.toISOString(), limit });
    for (const row of rows) this.statements.claim.run(until.toISOString(), row.event_id);
    return rows.map(toOutboxItem);
  }

  release(items: OutboxItem[]): void {
    for (const item of items) this.statements.claim.run(null, item.id);
  }

  record(outcomes: DeliveryOutcome[]): void {
    for (const outcome of outcomes) {
      const at = outcome.at.toISOString();
      const error = outcome.error ?? null;
      if (outcome.outcome === 'retry')
        this.statements.retry.run({
          id: outcome.id,
          at,
          error,
          next: (outcome.nextAttemptAt ?? outcome.at).toISOString(),
        });
      else this.statements.done.run({ id: outcome.id, at, error, state: outcome.outcome });
    }
  }
}
