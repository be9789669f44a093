/**
 * The PostgreSQL repositories, on the pool (committed data, one statement each) or on the client
 * of a unit of work. Hot statements are named, so each connection parses them once.
 */
import type pg from 'pg';
import { formatReference } from '../../reference-numbers.js';
import {
  toAttachmentRecord,
  toRequestRecords,
  UnavailableAttachments,
  type AttachmentRow,
  type HistoryRow,
  type RequestRow,
} from '../records.js';
import type {
  AttachmentReads,
  AttachmentRecord,
  AttachmentWrites,
  Counters,
  InsertResult,
  ListQuery,
  NewRequest,
  RequestReads,
  RequestRecord,
  RequestWrites,
  Settings,
  StatusEntry,
} from '../types.js';

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

const UNIQUE_VIOLATION = '23505';

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
    const page = await rows<RequestRow>(
      this.db,
      'requests-page',
      'SELECT * FROM requests WHERE ($1::text IS NULL OR form_id = $1) ORDER BY id DESC LIMIT $2 OFFSET $3',
      [query.formId ?? null, query.limit, query.offset],
    );
    return this.records(page);
  }

  /**
   * The look-up first (a retry usually finds its request); otherwise the next number of the
   * prefix and year, whose row stays locked until the commit, so numbers are handed out in commit
   * order without gaps (a rolled-back unit gives its number back). A concurrent unit with the same
   * key on another instance waits on the unique constraint, fails on it once the first commits,
   * and answers the stored request instead.
   */
  async insertOrGet(request: NewRequest): Promise<InsertResult> {
    const existing = await this.byKey(request.formId, request.idempotencyKeyHash);
    if (existing.length) return { outcome: 'replayed', record: (await this.records(existing))[0]! };
    await this.db.query('SAVEPOINT insert_request');
    try {
      const year = request.receivedAt.getUTCFullYear();
      const [sequence] = await rows<{ last: number }>(
        this.db,
        'next-sequence',
        `INSERT INTO reference_sequences (prefix, year, last) VALUES ($1, $2, 1)
         ON CONFLICT (prefix, year) DO UPDATE SET last = reference_sequences.last + 1 RETURNING last`,
        [request.referencePrefix, year],
      );
      const reference = formatReference(request.referencePrefix, year, sequence!.last);
      const status = request.firstStatus;
      const [inserted] = await rows<{ request_id: number }>(
        this.db,
        'insert-request',
        `WITH request AS (
           INSERT INTO requests (reference, form_id, form_version, form_title, channel, lang, idempotency_key_hash,
             tracking_code_hash, data, created_at, expected_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id
         )
         INSERT INTO status_history (request_id, at, phase, code, label, note)
         SELECT id, $12::timestamptz, $13, $14, $15, $16 FROM request RETURNING request_id`,
        [
          reference,
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
        ],
      );
      const requestId = inserted!.request_id;
      const unavailable: string[] = [];
      for (const id of request.attachmentIds) {
        const linked = await this.db.query({
          name: 'link-attachment',
          text: 'UPDATE attachments SET request_id = $1 WHERE id = $2 AND form_id = $3 AND request_id IS NULL',
          values: [requestId, id, request.formId],
        });
        if (linked.rowCount !== 1) unavailable.push(id);
      }
      if (unavailable.length) throw new UnavailableAttachments(unavailable);
      await this.db.query('RELEASE SAVEPOINT insert_request');
      return { outcome: 'created', record: (await this.records(await this.byReference(reference)))[0]! };
    } catch (error) {
      await this.db.query('ROLLBACK TO SAVEPOINT insert_request');
      await this.db.query('RELEASE SAVEPOINT insert_request');
      if (error instanceof UnavailableAttachments)
        return { outcome: 'attachments-unavailable', attachmentIds: error.ids };
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        const stored = await this.byKey(request.formId, request.idempotencyKeyHash);
        if (stored.length) return { outcome: 'replayed', record: (await this.records(stored))[0]! };
      }
      throw error;
    }
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
        'SELECT * FROM attachments WHERE request_id = ANY($1::bigint[]) ORDER BY created_at, id',
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

  async insert(attachment: AttachmentRecord, content: Buffer): Promise<void> {
    const { id, formId, field, name, size, type, createdAt } = attachment;
    await this.db.query(
      `WITH attachment AS (
         INSERT INTO attachments (id, form_id, field, name, size, type, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
       )
       INSERT INTO attachment_contents (attachment_id, content) SELECT id, $8::bytea FROM attachment`,
      [id, formId, field, name, size, type, createdAt, content],
    );
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

export class PostgresCounters implements Counters {
  constructor(private readonly db: Queryable) {}

  async hit(key: string, windowMs: number, now: Date): Promise<{ count: number; resetAt: Date }> {
    const [row] = await rows<{ count: number; reset_at: Date }>(
      this.db,
      'counter-hit',
      `INSERT INTO counters (key, count, reset_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN counters.reset_at <= $3 THEN 1 ELSE counters.count + 1 END,
         reset_at = CASE WHEN counters.reset_at <= $3 THEN excluded.reset_at ELSE counters.reset_at END
       RETURNING count, reset_at`,
      [key, new Date(now.getTime() + windowMs).toISOString(), now.toISOString()],
    );
    return { count: row!.count, resetAt: row!.reset_at };
  }

  async deleteExpired(now: Date): Promise<number> {
    const deleted = await this.db.query('DELETE FROM counters WHERE reset_at <= $1', [now.toISOString()]);
    return deleted.rowCount ?? 0;
  }
}
