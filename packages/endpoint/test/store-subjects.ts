/**
 * The two stores the contract tests run on: SQLite and a real PostgreSQL server, each a new,
 * empty database that `open` gives one more instance on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import Database from 'better-sqlite3';
import { PostgresStore, SqliteStore, type Store } from '@guichet/endpoint';
import { freshPostgresDatabase } from '../../../test/helpers/postgres.js';

export interface Subject {
  name: string;
  /** A new, empty database; `open` gives one more instance on it. */
  prepare(): Promise<{ open(): Promise<Store>; sql(text: string): Promise<unknown[]>; cleanup(): Promise<void> }>;
}

export const subjects: Subject[] = [
  {
    name: 'SQLite',
    async prepare() {
      const dir = mkdtempSync(join(tmpdir(), 'guichet-contract-'));
      const path = join(dir, 'guichet.sqlite');
      return {
        open: async () => new SqliteStore(path),
        async sql(text) {
          const db = new Database(path);
          try {
            const statement = db.prepare(text);
            return statement.reader ? statement.all() : [statement.run()];
          } finally {
            db.close();
          }
        },
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    async prepare() {
      const url = await freshPostgresDatabase('contract');
      return {
        open: () => PostgresStore.open({ url }),
        async sql(text) {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            return (await client.query(text)).rows;
          } finally {
            await client.end();
          }
        },
        cleanup: async () => undefined,
      };
    },
  },
];
