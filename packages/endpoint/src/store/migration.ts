/** One step of a store's schema; its version is recorded in `schema_migrations` once applied. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Refuses a database migrated by a newer endpoint: its schema may mean things this one ignores. */
export function checkNotNewer(applied: Iterable<number>, migrations: Migration[]): void {
  const newest = Math.max(0, ...applied);
  const known = Math.max(...migrations.map((m) => m.version));
  if (newest > known) {
    throw new Error(
      `the database is at schema version ${newest}, newer than this endpoint knows (${known}); run a newer endpoint`,
    );
  }
}
