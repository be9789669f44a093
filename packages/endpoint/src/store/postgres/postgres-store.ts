/**
 * The PostgreSQL store (node-postgres): for authorities that run several endpoint instances on
 * the database they already operate. `pg` rather than `postgres` (porsager): it is the client most
 * Node services and tools use, its pool hands out one client per transaction (the unit of work
 * and its savepoints are plain SQL on that client), and it reads the usual libpq settings
 * (`sslmode` in the URL, PG* variables), which operators know.
 *
 * Units of work share transactions (../group-commit.ts) on one client at a time per instance;
 * reads go through the pool and see committed data. Durability is PostgreSQL's own: a 201 is sent
 * after the COMMIT returned, which with `synchronous_commit = on` (the default) means the WAL
 * is on disk.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TRACKING_SECRET } from '../../tracking-secret.js';
import { GroupCommit } from '../group-commit.js';
import { checkNotNewer } from '../migration.js';
import type {
  DatabaseHealth,
  InsertResult,
  NewRequest,
  OutboxDelivery,
  OutboxReads,
  Store,
  StoreTransaction,
  UnitOptions,
} from '../types.js';
import { postgresMigrations } from './migrations.js';
import { postgresUnavailable } from './unavailable.js';
import {
  PostgresAttachments,
  PostgresCounters,
  PostgresOutbox,
  PostgresReplies,
  PostgresFormVersions,
  PostgresRequests,
  PostgresSettings,
  type Queryable,
} from './postgres-repositories.js';
import { PostgresAgents, PostgresAudit, PostgresSessions } from './postgres-agents.js';

/** pg_advisory_xact_lock key of the migrations (any constant that no other tool of the database uses). */
export const MIGRATION_LOCK = 0x6775696368657431n; // "guichet1"

/** How long a request waits for a connection to PostgreSQL before it is answered 503. */
const CONNECT_TIMEOUT_MS = 5_000;

const INT8 = 20;
const DATE = 1082;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    // Ids and counts fit a JS number; a date stays the "YYYY-MM-DD" it was written as.
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Unique constraints an instance may lose a race on: the unit runs again and finds the winner's row. */
const racedKeys = new Set(['requests_one_per_idempotency_key', 'replies_one_per_idempotency_key']);

/**
 * Errors after which a unit runs again in the next transaction: a deadlock or serialization
 * failure PostgreSQL resolved by aborting it, and an idempotency key (a request's, a reply's)
 * another instance committed first (the unit then finds that request or reply).
 */
function retryable(error: unknown): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === '40P01' || code === '40001' || (code === '23505' && racedKeys.has(constraint ?? ''));
}

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (sslmode and the other libpq parameters work). */
  url: string;
  /** Most connections this instance opens (10). */
  maxConnections?: number;
}

export class PostgresStore implements Store {
  readonly kind = 'postgresql';
  readonly requests: PostgresRequests;
  readonly attachments: PostgresAttachments;
  readonly settings: PostgresSettings;
  readonly formVersions: PostgresFormVersions;
  readonly counters: PostgresCounters;
  readonly agents: PostgresAgents;
  readonly audit: PostgresAudit;
  readonly sessions: PostgresSessions;
  readonly replies: PostgresReplies;
  readonly outbox: OutboxReads & OutboxDelivery;
  private readonly units: GroupCommit<PostgresTransaction, NewRequest, InsertResult>;

  private constructor(private readonly pool: pg.Pool) {
    this.requests = new PostgresRequests(pool);
    this.attachments = new PostgresAttachments(pool);
    this.settings = new PostgresSettings(pool);
    this.formVersions = new PostgresFormVersions(pool);
    this.counters = new PostgresCounters(pool);
    this.agents = new PostgresAgents(pool);
    this.audit = new PostgresAudit(pool);
    this.sessions = new PostgresSessions(pool);
    this.replies = new PostgresReplies(pool);
    const reads = new PostgresOutbox(pool);
    this.outbox = {
      ofRequest: (reference) => reads.ofRequest(reference),
      list: (query) => reads.list(query),
      counts: () => reads.counts(),
      deliver: (channel, { now, limit }, send) => deliverFromOutbox(pool, channel, now, limit, send),
    };
    this.units = new GroupCommit({
      async begin() {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
        } catch (error) {
          client.release(true);
          throw error;
        }
        return {
          tx: transactionOn(client),
          control: async (sql) => void (await client.query(sql)),
          end: (broken) => client.release(broken),
        };
      },
      retryable,
      runBatch: (tx, requests) => tx.requests.fileMany(requests),
      // In autocommit: the statement's own commit releases the counter's row as it ends.
      runBatchAlone: (requests) => this.requests.fileMany(requests),
      // Each writing unit is a subtransaction; past 64 in one transaction PostgreSQL's per-backend
      // cache of them overflows, which slows every snapshot of the cluster.
      maxUnits: 32,
      separateLockKeys: true,
      // Half the connections: the rest serve reads, rate-limit counts and the outbox's sender.
      maxTransactions: Math.max(1, Math.floor((pool.options.max ?? 10) / 2)),
    });
  }

  /** Connects, then applies the missing migrations (and creates the tracking secret) under the lock. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      application_name: 'guichet-endpoint',
      types,
      // A database that does not answer (a failover, a cut network) makes a request wait this
      // long for a connection, then get a 503 with Retry-After, rather than hang for the minutes
      // a TCP connect takes to give up; keepalives find a connection whose server went silent.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // An idle client whose server went away: the pool drops it and the next query reconnects.
    pool.on('error', () => undefined);
    // One in use (a transaction, the outbox's sender waiting on a receiver) has no listener of the
    // pool's: node-postgres would throw its 'error' and bring the process down. Its work fails on
    // its own (the query in flight, or the next one: "not queryable"), and once released the pool
    // drops it.
    pool.on('connect', (client) => client.on('error', () => undefined));
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      // node-postgres's pool says only "timeout exceeded when trying to connect": the operator
      // reading why the endpoint did not start needs to know which server (never the password).
      if (!postgresUnavailable(error)) throw error;
      throw new Error(`PostgreSQL at ${serverOf(options.url)} refused or did not answer: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return new PostgresStore(pool);
  }

  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, options: UnitOptions = {}): Promise<T> {
    return this.units.run(work, options.lockKey);
  }

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
    // Links to attachments can refuse an insert after it happened: those go one by one.
    if (request.attachmentIds.length > 0)
      return this.transaction(async (tx) => {
        const inserted = await tx.requests.insertOrGet(request);
        return then ? then(tx, inserted) : inserted;
      }, options);
    return then
      ? this.units.runBatched(request, then, options.lockKey)
      : this.units.runBatched(request, undefined, options.lockKey);
  }

  async health(): Promise<DatabaseHealth> {
    const started = performance.now();
    try {
      await this.pool.query('SELECT 1');
      return { ok: true, kind: this.kind, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch (error) {
      return { ok: false, kind: this.kind, error: (error as Error).message };
    }
  }

  unavailable(error: unknown): boolean {
    return postgresUnavailable(error);
  }

  async close(): Promise<void> {
    await this.units.drain();
    await this.pool.end();
  }
}

type PostgresTransaction = StoreTransaction & { requests: PostgresRequests };

function transactionOn(client: Queryable): PostgresTransaction {
  return {
    requests: new PostgresRequests(client),
    attachments: new PostgresAttachments(client),
    settings: new PostgresSettings(client),
    agents: new PostgresAgents(client),
    audit: new PostgresAudit(client),
    sessions: new PostgresSessions(client),
    replies: new PostgresReplies(client),
    outbox: new PostgresOutbox(client),
    formVersions: new PostgresFormVersions(client),
  };
}

/**
 * The sender's own transaction, apart from the units of work (which must never wait on the
 * network): the due items locked `FOR UPDATE SKIP LOCKED`, sent while the locks hold, their
 * outcomes written, then the commit. Another instance skips what this one holds; if this process
 * dies mid-way, PostgreSQL ends its session and the rows are free again at once.
 */
async function deliverFromOutbox(
  pool: pg.Pool,
  channel: Parameters<OutboxDelivery['deliver']>[0],
  now: Date,
  limit: number,
  send: Parameters<OutboxDelivery['deliver']>[2],
): Promise<number> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const outbox = new PostgresOutbox(client);
    const items = await outbox.claim(channel, now, limit);
    if (items.length > 0) await outbox.record(await send(items));
    await client.query('COMMIT');
    return items.length;
  } catch (error) {
    broken = await client.query('ROLLBACK').then(
      () => false,
      () => true,
    );
    throw error;
  } finally {
    client.release(broken);
  }
}

/** host:port/database of a connection URL, without its user and password. */
function serverOf(url: string): string {
  try {
    const { hostname, port, pathname } = new URL(url);
    return `${hostname}:${port || 5432}${pathname}`;
  } catch {
    return 'GUICHET_DATABASE_URL';
  }
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Whatever lock_timeout the role has (docs/deploying.md), a migration waits for its locks:
    // an instance starting while another migrates a large database must not give up.
    await client.query('SET LOCAL lock_timeout = 0');
    // Held until COMMIT: a second instance waits here, then finds everything applied.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    checkNotNewer(applied, postgresMigrations);
    for (const migration of postgresMigrations) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      TRACKING_SECRET,
      randomBytes(32),
    ]);
    await client.query('COMMIT');
    client.release();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(true);
    throw error;
  }
}
