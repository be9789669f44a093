/** The store a configuration names: PostgreSQL for a database URL, else the SQLite file. */
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './types.js';

export interface StoreOptions {
  /** GUICHET_DATABASE_URL: postgres://user:password@host:port/database. */
  databaseUrl?: string;
  /** GUICHET_DB: the SQLite file, used when there is no database URL. */
  sqlitePath?: string;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl))
      throw new Error('GUICHET_DATABASE_URL must be a postgres:// URL (postgres://user:password@host:port/database)');
    return PostgresStore.open({ url: options.databaseUrl });
  }
  return new SqliteStore(options.sqlitePath ?? 'data/guichet.sqlite');
}
