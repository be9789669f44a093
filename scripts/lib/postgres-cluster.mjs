// A throwaway PostgreSQL cluster from Debian's packages, for tests and the bench: initdb in a
// temporary folder (as the `postgres` user when we are root: the server refuses to run as root),
// listening on 127.0.0.1 on a free port, stopped by PID and deleted afterwards. No shared server,
// nothing left behind. `npm test` starts one for the whole run and hands its URL to every test
// file in GUICHET_TEST_POSTGRES_URL; each suite then makes a database of its own in it.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.mjs';

/** The newest installed PostgreSQL's bin folder, or undefined. */
export function postgresBinDir() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : undefined;
}

function uidOf(user) {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}

/**
 * @param {{ durable?: boolean }} [options] durable: fsync and synchronous commits on (the bench);
 *   off by default, as a test cluster is thrown away.
 * @returns {Promise<{ url: string, port: number, pid: number, databaseUrl: (name: string) => string, stop: () => Promise<void>, stopSync: () => void }>}
 */
export async function startPostgres({ durable = false } = {}) {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql (.ci/run does)',
    );
  }
  const asRoot = process.getuid?.() === 0;
  const run = (command, args) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, command), args, { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'guichet-pg-'));
  chmodSync(dir, 0o755);
  if (asRoot) chownSync(dir, uidOf('postgres'), -1);
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'guichet', '--no-sync', '-E', 'UTF8', '--locale=C']);
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=200',
      ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ];
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
  } catch (error) {
    const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${error.stderr ?? error.message}\n${log}`, { cause: error });
  }
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const databaseUrl = (name) => `postgres://guichet@127.0.0.1:${port}/${name}`;
  let stopped = false;
  /** SIGQUIT (immediate shutdown), wait until the postmaster is gone, then delete the folder. */
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      // already gone
    }
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < 200 && alive(pid); i++) Atomics.wait(pause, 0, 0, 50);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    url: databaseUrl('postgres'),
    port,
    pid,
    databaseUrl,
    stopSync,
    async stop() {
      stopSync();
    },
  };
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Creates a database of its own for one suite, in the cluster at `adminUrl`; answers its URL. */
export async function createDatabase(adminUrl, name) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}
