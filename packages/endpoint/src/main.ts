/**
 * Starts the reference endpoint from environment variables (./config.ts reads them; DESIGN.md
 * and docs/deploying.md list them), and GUICHET_LOG_FORMAT (`pretty`: readable lines without one
 * per successful request, the default in a terminal; `json`: one JSON line per event and request,
 * the default otherwise). SIGTERM or SIGINT: stop accepting, finish in-flight requests and sends,
 * close the database, exit.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv, type EndpointConfig } from './config.js';
import { createServer } from './server.js';
import { terminalLog } from './terminal-log.js';

// This file runs as packages/endpoint/src/main.ts or packages/endpoint/dist/main.js.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

let config: EndpointConfig;
try {
  config = configFromEnv(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const { port, host, options } = config;
// How the log reads is the terminal's business, not the deployment's: it stays out of config.ts.
const logFormat = process.env.GUICHET_LOG_FORMAT || (process.stdout.isTTY ? 'pretty' : 'json');
if (logFormat !== 'pretty' && logFormat !== 'json') {
  console.error(`GUICHET_LOG_FORMAT must be pretty or json, not "${logFormat}"`);
  process.exit(2);
}

const distDir = join(root, 'dist');
const siteDir = join(root, 'examples', 'demo-site');
let server: Awaited<ReturnType<typeof createServer>>;
try {
  server = await createServer({
    ...options,
    ...(logFormat === 'pretty'
      ? {
          logStream: terminalLog(process.stdout, {
            requests: options.logLevel === 'debug' || options.logLevel === 'trace',
          }),
        }
      : {}),
    distDir: existsSync(distDir) ? distDir : undefined,
    siteDir: existsSync(siteDir) ? siteDir : undefined,
    protocolDir: join(root, 'schemas', 'protocol'),
  });
} catch (error) {
  // The database is unreachable, newer than this endpoint, or keeps another secret: say so, exit.
  console.error(`The endpoint cannot start: ${(error as Error).message}`);
  process.exit(1);
}

if (!options.adminToken) server.app.log.warn('GUICHET_ADMIN_TOKEN is not set: the admin API answers 401 to everyone');
if (options.mail?.mailDir)
  server.app.log.warn(
    { mailDir: options.mail.mailDir },
    'GUICHET_SMTP_URL is not set: the mails to citizens are written as .eml files instead of sent',
  );
else if (!process.env.GUICHET_MAIL_FROM?.trim())
  server.app.log.warn('GUICHET_MAIL_FROM is not set: mails come from guichet@localhost');
if (!options.mail?.trackerUrl)
  server.app.log.warn('GUICHET_TRACKER_URL is not set: mails carry no link to the tracker');
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
