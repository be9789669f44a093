/**
 * The SQLite store (better-sqlite3).
 *
 * Durability: WAL with `synchronous = FULL` fsyncs the log at every commit, so a request that got
 * its 201 survives a SIGKILL right after, and a power cut too (NORMAL would only survive the
 * former). Exactly-once: each insert runs in a `BEGIN IMMEDIATE` transaction guarded by
 * UNIQUE (form_id, idempotency_key_hash), so even two processes on one file store one row per key.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Attachment, Channel, HistoryEntry, Language, Phase } from '@guichet/core';
import { formatReference } from '../references.js';
import { migrations } from './migrations.js';
import type { AttachmentRecord, InsertResult, ListQuery, NewRequest, RequestRecord, RequestStore } from './types.js';

interface RequestRow {
  id: number;
  reference: string;
  form_id: string;
  form_version: string;
  form_title: string;
  channel: Channel;
  lang: Language;
  tracking_code_hash: Buffer;
  data: string;
  created_at: string;
  expected_by: string | null;
}

interface HistoryRow {
  request_id: number;
  at: string;
  phase: Phase;
  code: string;
  label: string;
  note: string | null;
}

interface AttachmentRow {
  id: string;
  form_id: string;
  field: string;
  name: string;
  size: number;
  type: string;
  created_at: string;
  request_id: number | null;
  reference: string | null;
}

class UnavailableAttachments extends Error {
  constructor(readonly ids: string[]) {
    super('attachments unavailable');
  }
}

export function migrate(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const newest = Math.max(0, ...applied);
  const known = Math.max(...migrations.map((m) => m.version));
  if (newest > known) {
    throw new Error(
      `the database is at schema version ${newest}, newer than this endpoint knows (${known}); run a newer endpoint`,
    );
  }
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
}

export class SqliteRequestStore implements RequestStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly insertBatch: ReturnType<SqliteRequestStore['createInsertBatch']>;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    const db = this.db;
    this.statements = {
      byKey: db.prepare<[string, Buffer], RequestRow>(
        'SELECT * FROM requests WHERE form_id = ? AND idempotency_key_hash = ?',
      ),
      byReference: db.prepare<[string], RequestRow>('SELECT * FROM requests WHERE reference = ?'),
      trackingCodeHash: db
        .prepare<[string], Buffer>('SELECT tracking_code_hash FROM requests WHERE reference = ?')
        .pluck(),
      nextSequence: db.prepare<[string, number], { last: number }>(
        `INSERT INTO reference_sequences (prefix, year, last) VALUES (?, ?, 1)
         ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1 RETURNING last`,
      ),
      insertRequest: db.prepare(
        `INSERT INTO requests (reference, form_id, form_version, form_title, channel, lang, idempotency_key_hash,
           tracking_code_hash, data, created_at, expected_by)
         VALUES (@reference, @formId, @formVersion, @formTitle, @channel, @lang, @idempotencyKeyHash,
           @trackingCodeHash, @data, @createdAt, @expectedBy)`,
      ),
      insertHistory: db.prepare(
        'INSERT INTO status_history (request_id, at, phase, code, label, note) VALUES (@requestId, @at, @phase, @code, @label, @note)',
      ),
      linkAttachment: db.prepare<[number, string, string]>(
        'UPDATE attachments SET request_id = ? WHERE id = ? AND form_id = ? AND request_id IS NULL',
      ),
      history: db.prepare<[number], HistoryRow>('SELECT * FROM status_history WHERE request_id = ? ORDER BY id'),
      attachmentsOf: db.prepare<[number], AttachmentRow>(
        'SELECT a.*, NULL AS reference FROM attachments a WHERE request_id = ? ORDER BY created_at, id',
      ),
      insertAttachment: db.prepare(
        `INSERT INTO attachments (id, form_id, field, name, size, type, created_at)
         VALUES (@id, @formId, @field, @name, @size, @type, @createdAt)`,
      ),
      attachment: db.prepare<[string], AttachmentRow>(
        'SELECT a.*, r.reference AS reference FROM attachments a LEFT JOIN requests r ON r.id = a.request_id WHERE a.id = ?',
      ),
      abandoned: db.prepare<[string], AttachmentRow>(
        'SELECT a.*, NULL AS reference FROM attachments a WHERE request_id IS NULL AND created_at < ? ORDER BY created_at',
      ),
      deleteAbandoned: db.prepare<[string]>('DELETE FROM attachments WHERE id = ? AND request_id IS NULL'),
    };
    this.insertBatch = this.createInsertBatch();
  }

  /**
   * Group commit: submissions that arrive in the same turn of the event loop are written in one
   * transaction, so one fsync (synchronous = FULL) covers them all; each has its own savepoint,
   * so one refused (attachments gone) does not undo the others. Every caller gets its answer
   * only once the transaction holding its row is committed.
   */
  insertOrGet(request: NewRequest): Promise<InsertResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private readonly pending: {
    request: NewRequest;
    resolve: (result: InsertResult) => void;
    reject: (error: unknown) => void;
  }[] = [];

  private flush(): void {
    const batch = this.pending.splice(0);
    let results: (InsertResult | { error: unknown })[];
    try {
      results = this.insertBatch.immediate(batch.map((item) => item.request));
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    results.forEach((result, i) => {
      if ('error' in result) batch[i]!.reject(result.error);
      else batch[i]!.resolve(result);
    });
  }

  private createInsertBatch() {
    const insertOne = this.db.transaction((request: NewRequest): InsertResult => {
      const existing = this.statements.byKey.get(request.formId, request.idempotencyKeyHash);
      if (existing) return { outcome: 'replayed', record: this.toRecord(existing) };
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
        trackingCodeHash: request.trackingCodeHash,
        data: JSON.stringify(request.data),
        createdAt: request.receivedAt.toISOString(),
        expectedBy: request.expectedBy ?? null,
      });
      const requestId = Number(lastInsertRowid);
      this.insertHistory(requestId, request.firstStatus);
      const unavailable = request.attachmentIds.filter(
        (id) => this.statements.linkAttachment.run(requestId, id, request.formId).changes !== 1,
      );
      if (unavailable.length) throw new UnavailableAttachments(unavailable);
      return { outcome: 'created', record: this.toRecord(this.statements.byReference.get(reference)!) };
    });
    return this.db.transaction((requests: NewRequest[]) =>
      requests.map((request): InsertResult | { error: unknown } => {
        try {
          return insertOne(request);
        } catch (error) {
          if (error instanceof UnavailableAttachments)
            return { outcome: 'attachments-unavailable', attachmentIds: error.ids };
          return { error };
        }
      }),
    );
  }

  async findByIdempotencyKey(formId: string, idempotencyKeyHash: Buffer): Promise<RequestRecord | undefined> {
    const row = this.statements.byKey.get(formId, idempotencyKeyHash);
    return row && this.toRecord(row);
  }

  async getByReference(reference: string): Promise<RequestRecord | undefined> {
    const row = this.statements.byReference.get(reference);
    return row && this.toRecord(row);
  }

  async getTrackingCodeHash(reference: string): Promise<Buffer | undefined> {
    return this.statements.trackingCodeHash.get(reference);
  }

  async list(query: ListQuery): Promise<RequestRecord[]> {
    const rows = query.formId
      ? this.db
          .prepare<[string, number, number], RequestRow>(
            'SELECT * FROM requests WHERE form_id = ? ORDER BY id DESC LIMIT ? OFFSET ?',
          )
          .all(query.formId, query.limit, query.offset)
      : this.db
          .prepare<[number, number], RequestRow>('SELECT * FROM requests ORDER BY id DESC LIMIT ? OFFSET ?')
          .all(query.limit, query.offset);
    return rows.map((row) => this.toRecord(row));
  }

  async appendStatus(reference: string, entry: HistoryEntry & { code: string }): Promise<RequestRecord | undefined> {
    return this.db
      .transaction(() => {
        const row = this.statements.byReference.get(reference);
        if (!row) return undefined;
        this.insertHistory(row.id, entry);
        return this.toRecord(row);
      })
      .immediate();
  }

  async insertAttachment(attachment: AttachmentRecord): Promise<void> {
    this.statements.insertAttachment.run({
      id: attachment.id,
      formId: attachment.formId,
      field: attachment.field,
      name: attachment.name,
      size: attachment.size,
      type: attachment.type,
      createdAt: attachment.createdAt,
    });
  }

  async getAttachment(id: string): Promise<AttachmentRecord | undefined> {
    const row = this.statements.attachment.get(id);
    return row && toAttachmentRecord(row);
  }

  async abandonedAttachments(before: Date): Promise<AttachmentRecord[]> {
    return this.statements.abandoned.all(before.toISOString()).map(toAttachmentRecord);
  }

  async deleteAbandonedAttachment(id: string): Promise<boolean> {
    return this.statements.deleteAbandoned.run(id).changes === 1;
  }

  async close(): Promise<void> {
    if (this.pending.length) this.flush();
    if (this.db.open) this.db.close();
  }

  private insertHistory(requestId: number, entry: HistoryEntry & { code: string }): void {
    const { at, phase, code, label } = entry;
    this.statements.insertHistory.run({ requestId, at, phase, code, label, note: entry.note ?? null });
  }

  private toRecord(row: RequestRow): RequestRecord {
    const history = this.statements.history.all(row.id).map((entry): HistoryEntry => ({
      at: entry.at,
      phase: entry.phase,
      code: entry.code,
      label: entry.label,
      ...(entry.note === null ? {} : { note: entry.note }),
    }));
    const attachments = this.statements.attachmentsOf
      .all(row.id)
      .map((a): Attachment => ({ id: a.id, name: a.name, size: a.size, type: a.type }));
    return {
      reference: row.reference,
      formId: row.form_id,
      formVersion: row.form_version,
      formTitle: row.form_title,
      channel: row.channel,
      lang: row.lang,
      data: JSON.parse(row.data) as Record<string, unknown>,
      createdAt: row.created_at,
      ...(row.expected_by === null ? {} : { expectedBy: row.expected_by }),
      trackingCodeHash: row.tracking_code_hash,
      history,
      attachments,
    };
  }
}

function toAttachmentRecord(row: AttachmentRow): AttachmentRecord {
  return {
    id: row.id,
    name: row.name,
    size: row.size,
    type: row.type,
    formId: row.form_id,
    field: row.field,
    createdAt: row.created_at,
    ...(row.reference === null ? {} : { reference: row.reference }),
  };
}
