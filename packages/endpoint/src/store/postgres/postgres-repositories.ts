/**
 * The PostgreSQL repositories, on the pool (committed data, one statement each) or on the client
 * of a unit of work. Hot statements are named, so each connection parses them once.
 */
import type pg from 'pg';
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
import { foldedSql, searchWords } from '../search-words.js';
import { CounterHits } from './counter-hits.js';
import { fileRequests } from './file-requests.js';
import { REPLY_FIELD } from '../types.js';

/** pg_advisory_xact_lock key of the unclaimed-uploads quota ("guichetu"). */
const UPLOADS_LOCK = 0x6775696368657475n.toString();

/** The pool or one client: both run a query. */
export type Queryable = Pick<pg.Pool, 'query'>;

async function rows<T extends pg.QueryResultRow>(
  db: Queryable,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  return (await db.query<T>({ name, text, values })).rows;
}

export class PostgresRequests implements RequestReads, RequestWrites {
  constructor(private readonly db: Queryable) {}

  async findByIdempotencyKey(formId: string, idempotencyKeyHash: Buffer): Promise<RequestRecord | undefined> {
    return (await this.records(await this.byKey(formId, idempotencyKeyHash)))[0];
  }

  async getByReference(reference: string): Promise<RequestRecord | undefined> {
    return (await this.records(await this.byReference(reference)))[0];
  }

  async getTrackingCodeHash(reference: string): Promise<Buffer | undefined> {
    const found = await rows<{ tracking_code_hash: Buffer }>(
      this.db,
      'tracking-code-hash',
      'SELECT tracking_code_hash FROM requests WHERE reference = $1',
      [reference],
    );
    return found[0]?.tracking_code_hash;
  }

  async list(query: ListQuery): Promise<RequestRecord[]> {
    const filters = listFilters(query);
    if (filters.where.length > 0) {
      const values = [...filters.values, query.limit, query.offset];
      const { rows: page } = await this.db.query<RequestRow>(
        `SELECT r.* FROM requests r WHERE ${filters.where.join(' AND ')}
         ORDER BY r.id DESC LIMIT $${values.length - 1} OFFSET $${values.length}`,
        values,
      );
      return this.records(page);
    }
    const page = await rows<RequestRow>(
      this.db,
      'requests-page',
      'SELECT * FROM requests WHERE ($1::text IS NULL OR form_id = $1) ORDER BY id DESC LIMIT $2 OFFSET $3',
      [query.formId ?? null, query.limit, query.offset],
    );
    return this.records(page);
  }

  /**
   * One statement: the key looked up, and only when it is new, the next number of the prefix and
   * year (its row stays locked until the commit, so numbers are handed out in commit order, and a
   * rolled-back unit gives its number back), the request, its first status and the links to its
   * attachments. A unit with the same key committed meanwhile by another instance makes this one
   * fail on the unique constraint once that commit is done: the store runs the unit again, and the
   * look-up then answers the stored request (`retryable` in postgres-store.ts).
   */
  async insertOrGet(request: NewRequest): Promise<InsertResult> {
    const withAttachments = request.attachmentIds.length > 0;
    // Only attachments can refuse the insert after it happened: then its savepoint undoes it.
    if (withAttachments) await this.db.query('SAVEPOINT insert_request');
    const status = request.firstStatus;
    const [row] = await rows<RequestRow & { existing: boolean; linked: AttachmentRow[] | null }>(
      this.db,
      'insert-or-get-request',
      `WITH existing AS (
         SELECT * FROM requests WHERE form_id = $2 AND idempotency_key_hash = $7
       ), sequence AS (
         INSERT INTO reference_sequences (prefix, year, last)
         SELECT $17, $18, 1 WHERE NOT EXISTS (SELECT 1 FROM existing)
         ON CONFLICT (prefix, year) DO UPDATE SET last = reference_sequences.last + 1 RETURNING last
       ), request AS (
         -- The reference as formatReference writes it: PREFIX-YEAR-000042.
         INSERT INTO requests (reference, form_id, form_version, form_title, channel, lang, idempotency_key_hash,
           tracking_code_hash, data, created_at, expected_by, submission_hash, by_agent)
         SELECT $17 || '-' || $18 || '-' || lpad(last::text, greatest(6, length(last::text)), '0'),
           $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::timestamptz, $11::date, $19::bytea, $20::boolean
         FROM sequence RETURNING *
       ), history AS (
         INSERT INTO status_history (request_id, at, phase, code, label, note)
         SELECT id, $12::timestamptz, $13, $14, $15, $16 FROM request
       ), linked AS (
         UPDATE attachments SET request_id = (SELECT id FROM request)
         WHERE id = ANY($1::text[]) AND form_id = $2 AND request_id IS NULL AND EXISTS (SELECT 1 FROM request)
         RETURNING *
       )
       SELECT request.*, false AS existing, (SELECT json_agg(linked ORDER BY created_at, id) FROM linked) AS linked
       FROM request
       UNION ALL
       SELECT existing.*, true, NULL FROM existing`,
      [
        [...new Set(request.attachmentIds)],
        request.formId,
        request.formVersion,
        request.formTitle,
        request.channel,
        request.lang,
        request.idempotencyKeyHash,
        request.trackingCodeHash,
        JSON.stringify(request.data),
        request.receivedAt.toISOString(),
        request.expectedBy ?? null,
        status.at,
        status.phase,
        status.code,
        status.label,
        status.note ?? null,
        request.referencePrefix,
        request.receivedAt.getUTCFullYear(),
        request.submissionHash,
        request.byAgent,
      ],
    );
    if (row!.existing) {
      if (withAttachments) await this.db.query('RELEASE SAVEPOINT insert_request');
      return { outcome: 'replayed', record: (await this.records([row!]))[0]! };
    }
    const linked = row!.linked ?? [];
    const unavailable = request.attachmentIds.filter((id) => !linked.some((a) => a.id === id));
    if (withAttachments) {
      await this.db.query(
        unavailable.length ? 'ROLLBACK TO SAVEPOINT insert_request' : 'RELEASE SAVEPOINT insert_request',
      );
      if (unavailable.length) {
        await this.db.query('RELEASE SAVEPOINT insert_request');
        return { outcome: 'attachments-unavailable', attachmentIds: unavailable };
      }
    }
    const history: HistoryRow = { request_id: row!.id, ...status, note: status.note ?? null };
    return { outcome: 'created', record: toRequestRecords([row!], [history], linked)[0]! };
  }

  /** Requests without attachments, several in one statement (file-requests.ts). */
  fileMany(requests: NewRequest[]): Promise<InsertResult[]> {
    return fileRequests(this.db, requests, (found) => this.records(found));
  }

  /** Locks the request's row until the unit's transaction ends: concurrent changes wait their turn. */
  async getForUpdate(reference: string): Promise<RequestRecord | undefined> {
    const locked = await rows<RequestRow>(
      this.db,
      'request-for-update',
      'SELECT * FROM requests WHERE reference = $1 FOR UPDATE',
      [reference],
    );
    return (await this.records(locked))[0];
  }

  async appendStatus(reference: string, entry: StatusEntry): Promise<RequestRecord | undefined> {
    const [row] = await this.byReference(reference);
    if (!row) return undefined;
    await this.db.query({
      name: 'append-status',
      text: 'INSERT INTO status_history (request_id, at, phase, code, label, note) VALUES ($1, $2, $3, $4, $5, $6)',
      values: [row.id, entry.at, entry.phase, entry.code, entry.label, entry.note ?? null],
    });
    return (await this.records([row]))[0];
  }

  private byKey(formId: string, idempotencyKeyHash: Buffer): Promise<RequestRow[]> {
    return rows<RequestRow>(
      this.db,
      'request-by-key',
      'SELECT * FROM requests WHERE form_id = $1 AND idempotency_key_hash = $2',
      [formId, idempotencyKeyHash],
    );
  }

  private byReference(reference: string): Promise<RequestRow[]> {
    return rows<RequestRow>(this.db, 'request-by-reference', 'SELECT * FROM requests WHERE reference = $1', [
      reference,
    ]);
  }

  private async records(found: RequestRow[]): Promise<RequestRecord[]> {
    if (found.length === 0) return [];
    const ids = found.map((row) => row.id);
    const [history, attachments] = await Promise.all([
      rows<HistoryRow>(
        this.db,
        'history-of',
        'SELECT * FROM status_history WHERE request_id = ANY($1::bigint[]) ORDER BY id',
        [ids],
      ),
      rows<AttachmentRow>(
        this.db,
        'attachments-of',
        'SELECT * FROM attachments WHERE request_id = ANY($1::bigint[]) AND reply_id IS NULL ORDER BY created_at, id',
        [ids],
      ),
    ]);
    return toRequestRecords(found, history, attachments);
  }
}

export class PostgresAttachments implements AttachmentReads, AttachmentWrites {
  constructor(private readonly db: Queryable) {}

  async get(id: string): Promise<AttachmentRecord | undefined> {
    const [row] = await rows<AttachmentRow>(
      this.db,
      'attachment',
      'SELECT a.*, r.reference FROM attachments a LEFT JOIN requests r ON r.id = a.request_id WHERE a.id = $1',
      [id],
    );
    return row && toAttachmentRecord(row);
  }

  async content(id: string): Promise<Buffer | undefined> {
    const [row] = await rows<{ content: Buffer }>(
      this.db,
      'attachment-content',
      'SELECT content FROM attachment_contents WHERE attachment_id = $1',
      [id],
    );
    return row?.content;
  }

  /**
   * With a quota, every instance first takes the same transaction-scoped advisory lock, so the
   * sums it reads stay true until its insert commits: two instances never both take the last
   * free bytes. Uploads are rare next to their transfer time; waiting for one commit is cheap.
   */
  async insert(attachment: AttachmentRecord, content: Buffer, quota?: UnclaimedQuota): Promise<UploadOutcome> {
    const { id, formId, field, name, size, type, createdAt } = attachment;
    if (quota) {
      await this.db.query({ name: 'uploads-lock', text: 'SELECT pg_advisory_xact_lock($1)', values: [UPLOADS_LOCK] });
      const [held] = await rows<{ client: string; total: string }>(
        this.db,
        'unclaimed-bytes',
        `SELECT coalesce(sum(size) FILTER (WHERE client_key = $1), 0) AS client, coalesce(sum(size), 0) AS total
         FROM attachments WHERE request_id IS NULL`,
        [quota.clientKey],
      );
      if (Number(held!.client) + size > quota.perClient) return 'client-quota';
      if (Number(held!.total) + size > quota.total) return 'total-quota';
    }
    await this.db.query(
      `WITH attachment AS (
         INSERT INTO attachments (id, form_id, field, name, size, type, created_at, client_key, for_request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $9, (SELECT id FROM requests WHERE reference = $10)) RETURNING id
       )
       INSERT INTO attachment_contents (attachment_id, content) SELECT id, $8::bytea FROM attachment`,
      [
        id,
        formId,
        field,
        name,
        size,
        type,
        createdAt,
        content,
        quota?.clientKey ?? null,
        attachment.forReference ?? null,
      ],
    );
    return 'stored';
  }

  async deleteAbandoned(before: Date): Promise<number> {
    const deleted = await this.db.query('DELETE FROM attachments WHERE request_id IS NULL AND created_at < $1', [
      before.toISOString(),
    ]);
    return deleted.rowCount ?? 0;
  }
}

export class PostgresSettings implements Settings {
  constructor(private readonly db: Queryable) {}

  async get(name: string): Promise<Buffer | undefined> {
    const [row] = await rows<{ value: Buffer }>(this.db, 'setting', 'SELECT value FROM settings WHERE name = $1', [
      name,
    ]);
    return row?.value;
  }

  async putIfMissing(name: string, value: Buffer): Promise<Buffer> {
    // A concurrent insert of the same name makes this one wait, then do nothing: the read after
    // it (a new snapshot) sees the value that won.
    await this.db.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [name, value]);
    return (await this.get(name))!;
  }
}

export class PostgresFormVersions implements FormVersionReads, FormVersionWrites {
  constructor(private readonly db: Queryable) {}

  async get(formId: string, version: string): Promise<string | undefined> {
    const [row] = await rows<{ definition: string }>(
      this.db,
      'form-version',
      'SELECT definition FROM form_versions WHERE form_id = $1 AND version = $2',
      [formId, version],
    );
    return row?.definition;
  }

  async putIfMissing(formId: string, version: string, definition: string, at: Date): Promise<string> {
    await this.db.query(
      'INSERT INTO form_versions (form_id, version, definition, stored_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [formId, version, definition, at.toISOString()],
    );
    return (await this.get(formId, version))!;
  }
}

export class PostgresCounters implements Counters {
  private readonly hits: CounterHits;

  constructor(private readonly db: Queryable) {
    this.hits = new CounterHits(db);
  }

  hit(key: string, windowMs: number, now: Date): Promise<{ count: number; resetAt: Date }> {
    return this.hits.hit(key, windowMs, now);
  }

  async peek(key: string, now: Date): Promise<{ count: number; resetAt: Date } | undefined> {
    const [row] = await rows<{ count: number; reset_at: Date }>(
      this.db,
      'counter-peek',
      'SELECT count, reset_at FROM counters WHERE key = $1 AND reset_at > $2',
      [key, now.toISOString()],
    );
    return row && { count: row.count, resetAt: row.reset_at };
  }

  async deleteExpired(now: Date): Promise<number> {
    const deleted = await this.db.query('DELETE FROM counters WHERE reset_at <= $1', [now.toISOString()]);
    return deleted.rowCount ?? 0;
  }
}

/** The WHERE clauses of a filtered page of requests, newest first (keyset on the row id). */
function listFilters(query: ListQuery): { where: string[]; values: unknown[] } {
  const where: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  if (query.formId) where.push(`r.form_id = ${param(query.formId)}`);
  if (query.channel) where.push(`r.channel = ${param(query.channel)}`);
  if (query.from) where.push(`r.created_at >= ${param(new Date(query.from).toISOString())}::timestamptz`);
  if (query.to) where.push(`r.created_at < ${param(new Date(query.to).toISOString())}::timestamptz`);
  if (query.phase) {
    where.push(
      `(SELECT h.phase FROM status_history h WHERE h.request_id = r.id ORDER BY h.id DESC LIMIT 1) = ${param(query.phase)}`,
    );
  }
  for (const word of searchWords(query.text)) {
    where.push(`${foldedSql('r.data::text')} LIKE ${param(`%${word.replace(/[\\%_]/g, '\\$&')}%`)}`);
  }
  if (query.before) where.push(`r.id < (SELECT id FROM requests WHERE reference = ${param(query.before)})`);
  return { where, values };
}

const SELECT_REPLIES = 'SELECT p.*, r.reference FROM replies p JOIN requests r ON r.id = p.request_id';

export class PostgresReplies implements ReplyReads, ReplyWrites {
  constructor(private readonly db: Queryable) {}

  async ofRequest(reference: string): Promise<ReplyRecord[]> {
    return (await this.ofRequests([reference])).get(reference) ?? [];
  }

  async ofRequests(references: string[]): Promise<Map<string, ReplyRecord[]>> {
    if (references.length === 0) return new Map();
    const found = await rows<ReplyRow>(
      this.db,
      'replies-of',
      `${SELECT_REPLIES} WHERE r.reference = ANY($1::text[]) ORDER BY p.id`,
      [references],
    );
    return byReference(await this.records(found));
  }

  async list(query: { limit: number; offset: number }): Promise<ReplyRecord[]> {
    const found = await rows<ReplyRow>(
      this.db,
      'replies-page',
      `${SELECT_REPLIES} ORDER BY p.id DESC LIMIT $1 OFFSET $2`,
      [query.limit, query.offset],
    );
    return this.records(found);
  }

  /**
   * The same key sent to two instances at once: one insert waits on the other's unique entry,
   * then fails on it; the store runs that unit again (`retryable` in postgres-store.ts), and the
   * look-up then finds the stored reply.
   */
  async insertOrGet(reply: NewReply): Promise<ReplyInsertResult> {
    const [request] = await rows<{ id: number }>(
      this.db,
      'request-id',
      'SELECT id FROM requests WHERE reference = $1',
      [reply.reference],
    );
    if (!request) return { outcome: 'request-not-found' };
    const existing = await this.byKey(request.id, reply.idempotencyKeyHash);
    if (existing.length) return { outcome: 'replayed', reply: (await this.records(existing))[0]! };
    await this.db.query('SAVEPOINT insert_reply');
    try {
      const [inserted] = await rows<{ id: number }>(
        this.db,
        'insert-reply',
        `INSERT INTO replies (public_id, request_id, at, message, lang, idempotency_key_hash)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [reply.id, request.id, reply.at, reply.message ?? null, reply.lang, reply.idempotencyKeyHash],
      );
      const ids = [...new Set(reply.attachmentIds)];
      const linked = await rows<{ id: string }>(
        this.db,
        'link-reply-files',
        `UPDATE attachments SET request_id = for_request_id, reply_id = $1
         WHERE for_request_id = $2 AND id = ANY($3::text[]) AND field = $4 AND request_id IS NULL RETURNING id`,
        [inserted!.id, request.id, ids, REPLY_FIELD],
      );
      const unavailable = ids.filter((id) => !linked.some((row) => row.id === id));
      if (unavailable.length) throw new UnavailableAttachments(unavailable);
      await this.db.query('RELEASE SAVEPOINT insert_reply');
      return {
        outcome: 'created',
        reply: (await this.records(await this.byKey(request.id, reply.idempotencyKeyHash)))[0]!,
      };
    } catch (error) {
      if (!(error instanceof UnavailableAttachments)) throw error;
      await this.db.query('ROLLBACK TO SAVEPOINT insert_reply');
      await this.db.query('RELEASE SAVEPOINT insert_reply');
      return { outcome: 'attachments-unavailable', attachmentIds: error.ids };
    }
  }

  private byKey(requestId: number, keyHash: Buffer): Promise<ReplyRow[]> {
    return rows<ReplyRow>(
      this.db,
      'reply-by-key',
      `${SELECT_REPLIES} WHERE p.request_id = $1 AND p.idempotency_key_hash = $2`,
      [requestId, keyHash],
    );
  }

  private async records(found: ReplyRow[]): Promise<ReplyRecord[]> {
    if (found.length === 0) return [];
    const files = await rows<AttachmentRow>(
      this.db,
      'reply-files',
      'SELECT * FROM attachments WHERE reply_id = ANY($1::bigint[]) ORDER BY created_at, id',
      [found.map((row) => row.id)],
    );
    return toReplyRecords(found, files);
  }
}

const SELECT_OUTBOX = 'SELECT o.*, r.reference FROM outbox o JOIN requests r ON r.id = o.request_id';

export class PostgresOutbox implements OutboxReads, OutboxWrites {
  constructor(private readonly db: Queryable) {}

  async add(item: NewOutboxItem): Promise<void> {
    const added = await this.db.query({
      name: 'outbox-add',
      text: `INSERT INTO outbox (event_id, channel, request_id, event, recipient, payload, sealed, created_at, next_attempt_at)
             SELECT $1, $2, id, $3, $4, $5::json, $6, $7, $7 FROM requests WHERE reference = $8`,
      values: [
        item.id,
        item.channel,
        item.event,
        item.recipient ?? null,
        JSON.stringify(item.payload),
        item.sealed ?? null,
        item.createdAt,
        item.reference,
      ],
    });
    if (added.rowCount !== 1) throw new Error(`no request ${item.reference} to announce`);
  }

  async ofRequest(reference: string): Promise<OutboxItem[]> {
    const found = await rows<OutboxRow>(this.db, 'outbox-of', `${SELECT_OUTBOX} WHERE r.reference = $1 ORDER BY o.id`, [
      reference,
    ]);
    return found.map(toOutboxItem);
  }

  async list(query: OutboxQuery): Promise<OutboxItem[]> {
    const found = await rows<OutboxRow>(
      this.db,
      'outbox-page',
      `${SELECT_OUTBOX} WHERE ($1::text IS NULL OR o.state = $1) AND ($2::text IS NULL OR o.channel = $2)
       ORDER BY o.id DESC LIMIT $3 OFFSET $4`,
      [query.state ?? null, query.channel ?? null, query.limit, query.offset],
    );
    return found.map(toOutboxItem);
  }

  async counts(): Promise<Record<OutboxChannel, { pending: number; failed: number }>> {
    const counts = { mail: { pending: 0, failed: 0 }, webhook: { pending: 0, failed: 0 } };
    const found = await rows<{ channel: OutboxChannel; state: 'pending' | 'failed'; count: number }>(
      this.db,
      'outbox-counts',
      "SELECT channel, state, count(*)::int AS count FROM outbox WHERE state IN ('pending', 'failed') GROUP BY channel, state",
      [],
    );
    for (const row of found) counts[row.channel][row.state] = row.count;
    return counts;
  }

  /**
   * Inside an open transaction: the due items, locked until it ends. SKIP LOCKED passes over the
   * rows another instance holds; an item whose request has an earlier pending one (locked or
   * not) waits, so a request's items go out in order.
   */
  async claim(channel: OutboxChannel, now: Date, limit: number): Promise<OutboxItem[]> {
    const found = await rows<OutboxRow>(
      this.db,
      'outbox-claim',
      // A request's items go one after the other: only its oldest pending one of the channel (its
      // head) is due. The heads are read in one pass of outbox_pending: a correlated NOT EXISTS,
      // planned on statistics taken before a backlog built up (a mail server down for an hour),
      // compared every pending item with every other (1.5 s a claim at 1,500 pending mails).
      `WITH heads AS (
         SELECT DISTINCT ON (request_id) id, next_attempt_at FROM outbox
         WHERE channel = $1 AND state = 'pending' ORDER BY request_id, id
       )
       ${SELECT_OUTBOX} JOIN heads h ON h.id = o.id WHERE h.next_attempt_at <= $2
       ORDER BY o.id LIMIT $3 FOR UPDATE OF o SKIP LOCKED`,
      [channel, now.toISOString(), limit],
    );
    return found.map(toOutboxItem);
  }

  /**
   * Every outcome of a claim in one statement: the sender's transaction holds the claimed rows'
   * locks until its commit, and one round trip per mail kept them (and a connection) that much longer.
   */
  async record(outcomes: DeliveryOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    await this.db.query({
      name: 'outbox-record',
      text: `UPDATE outbox o SET
               state = CASE WHEN u.outcome = 'retry' THEN o.state ELSE u.outcome END,
               attempts = o.attempts + 1,
               last_attempt_at = u.at,
               next_attempt_at = CASE WHEN u.outcome = 'retry' THEN u.next_at ELSE o.next_attempt_at END,
               done_at = CASE WHEN u.outcome = 'retry' THEN o.done_at ELSE u.at END,
               last_error = u.error,
               sealed = CASE WHEN u.outcome = 'retry' THEN o.sealed ELSE NULL END
             FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[])
               AS u(event_id, outcome, at, next_at, error)
             WHERE o.event_id = u.event_id`,
      values: [
        outcomes.map((o) => o.id),
        outcomes.map((o) => o.outcome),
        outcomes.map((o) => o.at.toISOString()),
        outcomes.map((o) => (o.nextAttemptAt ?? o.at).toISOString()),
        outcomes.map((o) => o.error ?? null),
      ],
    });
  }
}
