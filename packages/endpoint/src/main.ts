/**
 * Starts the reference endpoint from environment variables (see docs/deploying.md):
 * PORT (8787), HOST (127.0.0.1), GUICHET_DATABASE_URL (postgres://…; else SQLite at GUICHET_DB,
 * data/guichet.sqlite), GUICHET_SECRET (else the one kept in the database), GUICHET_FORMS_DIR
 * (schemas/forms), GUICHET_ADMIN_TOKEN, GUICHET_ALLOWED_ORIGINS (comma-separated exact origins),
 * GUICHET_LOG_LEVEL (info), GUICHET_TRUST_PROXY (1 behind a reverse proxy), GUICHET_LOOKUP_LIMIT (status
 * look-ups per client and minute, 30). SIGTERM or SIGINT: stop accepting, finish in-flight requests, close
 * the database, exit.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from './server.js';

// This file runs as packages/endpoint/src/main.ts or packages/endpoint/dist/main.js.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const env = process.env;

const port = Number(env.PORT || 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${env.PORT}"`);
  process.exit(2);
}
const host = env.HOST || '127.0.0.1';
const logLevel = env.GUICHET_LOG_LEVEL || 'info';
const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
if (!levels.includes(logLevel)) {
  console.error(`GUICHET_LOG_LEVEL must be one of ${levels.join(', ')}, not "${logLevel}"`);
  process.exit(2);
}
const allowedOrigins = (env.GUICHET_ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);

const lookupLimit = Number(env.GUICHET_LOOKUP_LIMIT || 30);
if (!Number.isInteger(lookupLimit) || lookupLimit < 1) {
  console.error(
    `GUICHET_LOOKUP_LIMIT must be a whole number of look-ups per minute, not "${env.GUICHET_LOOKUP_LIMIT}"`,
  );
  process.exit(2);
}

const secret = env.GUICHET_SECRET ? Buffer.from(env.GUICHET_SECRET, 'utf8') : undefined;
if (secret && secret.length < 32) {
  console.error('GUICHET_SECRET must hold at least 32 characters (e.g. the output of `openssl rand -base64 48`)');
  process.exit(2);
}

const distDir = join(root, 'dist');
const siteDir = join(root, 'examples', 'demo-site');
let server: Awaited<ReturnType<typeof createServer>>;
try {
  server = await createServer({
    databaseUrl: env.GUICHET_DATABASE_URL || undefined,
    dbPath: env.GUICHET_DB || 'data/guichet.sqlite',
    secret,
    formsDir: env.GUICHET_FORMS_DIR || 'schemas/forms',
    adminToken: env.GUICHET_ADMIN_TOKEN,
    allowedOrigins,
    logLevel,
    lookupRateLimit: { max: lookupLimit, timeWindowMs: 60_000 },
    trustProxy: env.GUICHET_TRUST_PROXY === '1' || env.GUICHET_TRUST_PROXY === 'true',
    distDir: existsSync(distDir) ? distDir : undefined,
    siteDir: existsSync(siteDir) ? siteDir : undefined,
    protocolDir: join(root, 'schemas', 'protocol'),
  });
} catch (error) {
  // The database is unreachable, newer than this endpoint, or keeps another secret: say so, exit.
  console.error(`The endpoint cannot start: ${(error as Error).message}`);
  process.exit(1);
}

if (!env.GUICHET_ADMIN_TOKEN)
  server.app.log.warn('GUICHET_ADMIN_TOKEN is not set: the admin API answers 401 to everyone');
let url: string;
try {
  url = await server.listen({ port, host });
} catch (error) {
  const code = (error as { code?: string }).code;
  server.app.log.fatal(
    { err: error },
    code === 'EADDRINUSE' ? `port ${port} is already in use: set PORT to a free one` : 'could not listen',
  );
  await server.close();
  process.exit(1);
}
server.app.log.info({ url }, 'listening');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // In-flight requests get 10 s; a client holding a connection open longer is cut.
    const force = setTimeout(() => server.app.server.closeAllConnections(), 10_000);
    force.unref();
    server.close().then(
      () => {
        server.app.log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
