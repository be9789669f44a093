/**
 * The SQLite store (better-sqlite3): the embedded default, one file.
 *
 * Durability: WAL with `synchronous = FULL` fsyncs the log at every commit, so a request that got
 * its 201 survives a SIGKILL right after, and a power cut too (NORMAL would only survive the
 * former); group commit (../group-commit.ts) lets one fsync cover the units that arrive together.
 * Two connections: the writer runs the units of work in `BEGIN IMMEDIATE` transactions (the
 * file's write lock, so even two processes on one file store one row per key); the reader sees
 * committed data only (WAL), never a unit's work in progress.
 */
import Database from 'better-sqlite3';
import { folded } from '../search-words.js';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { GroupCommit } from '../group-commit.js';
import { checkNotNewer } from '../migration.js';
import type {
  Counters,
  DatabaseHealth,
  DeliveryOutcome,
  InsertResult,
  NewRequest,
  OutboxChannel,
  OutboxDelivery,
  OutboxItem,
  OutboxReads,
  Store,
  StoreTransaction,
  UnitOptions,
} from '../types.js';
import { importLegacyAttachments, legacyPepper } from './legacy-files.js';
import { sqliteMigrations } from './migrations.js';
import {
  SqliteAttachments,
  SqliteCounters,
  SqliteOutbox,
  SqliteReplies,
  SqliteFormVersions,
  SqliteRequests,
  SqliteSettings,
} from './sqlite-repositories.js';
import { SqliteAgents, SqliteAudit, SqliteSessions } from './sqlite-agents.js';
import { randomBytes } from 'node:crypto';
import { TRACKING_SECRET } from '../../tracking-secret.js';

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly requests: SqliteRequests;
  readonly attachments: SqliteAttachments;
  readonly settings: SqliteSettings;
  readonly agents: SqliteAgents;
  readonly audit: SqliteAudit;
  readonly sessions: SqliteSessions;
  readonly replies: SqliteReplies;
  readonly outbox: OutboxReads & OutboxDelivery;
  readonly formVersions: SqliteFormVersions;
  readonly counters: Counters;
  private readonly writer: Database.Database;
  private readonly reader: Database.Database;
  private readonly units: GroupCommit<StoreTransaction>;

  constructor(readonly path: string) {
    const inMemory = path === ':memory:';
    if (!inMemory) keepPrivate(path);
    this.writer = open(path);
    migrate(this.writer, inMemory ? undefined : path);
    this.reader = inMemory ? this.writer : open(path);
    this.requests = new SqliteRequests(this.reader);
    this.attachments = new SqliteAttachments(this.reader);
    this.settings = new SqliteSettings(this.reader);
    this.agents = new SqliteAgents(this.reader);
    this.audit = new SqliteAudit(this.reader);
    this.sessions = new SqliteSessions(this.reader);
    this.replies = new SqliteReplies(this.reader);
    const outbox = new SqliteOutbox(this.writer);
    this.formVersions = new SqliteFormVersions(this.reader);
    const tx: StoreTransaction = {
      requests: new SqliteRequests(this.writer),
      attachments: new SqliteAttachments(this.writer),
      settings: new SqliteSettings(this.writer),
      agents: new SqliteAgents(this.writer),
      audit: new SqliteAudit(this.writer),
      sessions: new SqliteSessions(this.writer),
      replies: new SqliteReplies(this.writer),
      outbox,
      formVersions: new SqliteFormVersions(this.writer),
    };
    const writer = this.writer;
    this.units = new GroupCommit({
      async begin() {
        writer.exec('BEGIN IMMEDIATE');
        return {
          tx,
          control: async (sql) => void writer.exec(sql),
          end: () => undefined,
        };
      },
    });
    // A counter is written by the writer too, so it joins the next commit rather than a unit's.
    const counters = new SqliteCounters(this.writer);
    const committed = new SqliteCounters(this.reader);
    this.counters = {
      hit: (key: string, windowMs: number, now: Date) => this.units.run(() => counters.hit(key, windowMs, now)),
      peek: (key: string, now: Date) => committed.peek(key, now),
      deleteExpired: (now: Date) => this.units.run(() => counters.deleteExpired(now)),
    };
    const reads = new SqliteOutbox(this.reader);
    this.outbox = {
      ofRequest: (reference) => reads.ofRequest(reference),
      list: (query) => reads.list(query),
      counts: () => reads.counts(),
      // No row locks in SQLite: the claim is a mark, written under the file's write lock, that
      // other processes on the file respect until it expires (a sender that died lets go then).
      deliver: async (channel: OutboxChannel, { now, limit, leaseMs }, send) => {
        const items: OutboxItem[] = await this.units.run(async () =>
          outbox.claim(channel, now, limit, new Date(now.getTime() + leaseMs)),
        );
        if (items.length === 0) return 0;
        let outcomes: DeliveryOutcome[];
        try {
          outcomes = await send(items);
        } catch (error) {
          // The sender itself failed (a bug, not a refusal): let go of the items at once.
          await this.units.run(async () => outbox.release(items));
          throw error;
        }
        await this.units.run(async () => outbox.record(outcomes));
        return items.length;
      },
    };
  }

  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, options: UnitOptions = {}): Promise<T> {
    return this.units.run(work, options.lockKey);
  }

  /** One writer, in process: each insert costs no round trip, so nothing is gained by batching. */
  fileRequest(request: NewRequest, then: undefined, options?: UnitOptions): Promise<InsertResult>;
  fileRequest<T>(
    request: NewRequest,
    then: (tx: StoreTransaction, inserted: InsertResult) => Promise<T>,
    options?: UnitOptions,
  ): Promise<T>;
  fileRequest<T>(
    request: NewRequest,
    then: ((tx: StoreTransaction, inserted: InsertResult) => Promise<T>) | undefined,
    options: UnitOptions = {},
  ): Promise<T | InsertResult> {
    return this.transaction(async (tx) => {
      const inserted = await tx.requests.insertOrGet(request);
      return then ? then(tx, inserted) : inserted;
    }, options);
  }

  async health(): Promise<DatabaseHealth> {
    const started = performance.now();
    try {
      this.reader.prepare('SELECT 1').get();
      return { ok: true, kind: this.kind, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch (error) {
      return { ok: false, kind: this.kind, error: (error as Error).message };
    }
  }

  /**
   * Another process holding the file's lock past the busy timeout (a backup, a migration from a
   * newer endpoint), or a full disk: the write can succeed later, once it is released or freed.
   */
  unavailable(error: unknown): boolean {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === 'string' && /^SQLITE_(?:BUSY|LOCKED|FULL)(?:_|$)/.test(code);
  }

  async close(): Promise<void> {
    await this.units.drain();
    if (this.reader !== this.writer && this.reader.open) this.reader.close();
    if (this.writer.open) this.writer.close();
  }
}

/**
 * The file holds the citizens' answers in clear: readable by the endpoint's user alone (0600, in a
 * folder created 0700), like the attachments it holds. SQLite gives its -wal and -shm files the
 * database file's own mode; those an older endpoint left wider are narrowed too.
 */
function keepPrivate(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      chmodSync(file, 0o600);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
    }
  }
}

function open(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // The agents' search compares answers without case or accents (../search-words.ts).
  db.function('guichet_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? folded(text) : text,
  );
  return db;
}

/**
 * Applies the missing migrations under the file's write lock, foreign keys off while tables are
 * rebuilt and checked before the commit; then creates the tracking secret once. Files an older
 * endpoint kept beside the database (`<db>.pepper`, `attachments/`) are read in once, so its
 * tracking codes and uploads stay valid.
 */
export function migrate(db: Database.Database, path?: string): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  db.pragma('foreign_keys = OFF');
  db.exec('BEGIN IMMEDIATE');
  try {
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    checkNotNewer(applied, sqliteMigrations);
    for (const migration of sqliteMigrations) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      if (migration.version === 2 && path) importLegacyAttachments(db, path);
    }
    const problems = db.pragma('foreign_key_check') as unknown[];
    if (problems.length) throw new Error(`migrations left ${problems.length} broken foreign keys`);
    db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING').run(
      TRACKING_SECRET,
      (path && legacyPepper(path)) || randomBytes(32),
    );
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
