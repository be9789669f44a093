/**
 * A fresh PostgreSQL database per suite: in the cluster `npm test` started for the whole run
 * (GUICHET_TEST_POSTGRES_URL), else, when a test file runs alone, in a cluster this process
 * starts on first use and stops (by PID) when it exits.
 */
import { randomBytes } from 'node:crypto';

interface Cluster {
  url: string;
  port: number;
  pid: number;
  databaseUrl(name: string): string;
  stop(): Promise<void>;
  stopSync(): void;
}

// A computed specifier: the helper is plain JavaScript without declarations.
const helper = '../../scripts/lib/postgres-cluster.mjs';
const { startPostgres, createDatabase } = (await import(helper)) as {
  startPostgres(options?: { durable?: boolean }): Promise<Cluster>;
  createDatabase(adminUrl: string, name: string): Promise<string>;
};

export { startPostgres };

let own: Promise<Cluster> | undefined;

function adminUrl(): Promise<string> {
  const shared = process.env.GUICHET_TEST_POSTGRES_URL;
  if (shared) return Promise.resolve(shared);
  own ??= startPostgres().then((cluster) => {
    process.once('exit', () => cluster.stopSync());
    return cluster;
  });
  return own.then((cluster) => cluster.url);
}

/** A new, empty database; its URL. */
export async function freshPostgresDatabase(label: string): Promise<string> {
  const name = `${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  return createDatabase(await adminUrl(), name);
}
