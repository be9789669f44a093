// Starts the reference endpoint in a child process, for browser tests and scripts that need a real
// server over real HTTP; stopped by PID. From its sources (through tsx, no build needed), or with
// `built` as operators run it (packages/endpoint/dist/main.js, docs/deploying.md): what the bench
// measures, since tsx's hooks and source maps are not what a town runs.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * @param {{ formsDir?: string, allowedOrigins?: string[], adminToken?: string, built?: boolean, env?: Record<string,string> }} [options]
 * @returns {Promise<{ url: string, port: number, pid: number, adminToken: string, dbPath: string, output: () => string, kill: (signal: NodeJS.Signals) => Promise<void>, stop: () => Promise<void> }>}
 */
export async function startEndpoint(options = {}) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'guichet-endpoint-'));
  const dbPath = join(dir, 'guichet.sqlite');
  const adminToken = options.adminToken ?? 'test-admin-token-' + Math.random().toString(36).slice(2);
  const built = join(root, 'packages/endpoint/dist/main.js');
  if (options.built && !existsSync(built)) throw new Error(`${built} is missing: run npm run build first`);
  const child = spawn(
    process.execPath,
    options.built ? [built] : ['--conditions=source', '--import', 'tsx', join(root, 'packages/endpoint/src/main.ts')],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        GUICHET_DB: dbPath,
        GUICHET_FORMS_DIR: options.formsDir ?? join(root, 'schemas/forms'),
        GUICHET_ADMIN_TOKEN: adminToken,
        GUICHET_ALLOWED_ORIGINS: (options.allowedOrigins ?? []).join(','),
        GUICHET_LOG_LEVEL: 'warn',
        // Every browser test looks requests up, submits and uploads from 127.0.0.1: the per-client
        // limits would otherwise throttle the suite itself (their own tests set them lower).
        GUICHET_LOOKUP_LIMIT: '10000',
        GUICHET_SUBMISSION_LIMIT: '100000',
        GUICHET_UPLOAD_LIMIT: '100000',
        ...options.env,
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  // Generous: a loaded CI machine compiles the sources through tsx slowly; a hung start still fails.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`endpoint exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`endpoint did not answer within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    adminToken,
    dbPath,
    pid: child.pid,
    output: () => output,
    /** Sends a signal (SIGKILL: a crash) and resolves once the process is gone. */
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
