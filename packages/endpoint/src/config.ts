/**
 * The endpoint's settings from environment variables (DESIGN.md, docs/deploying.md): each read,
 * checked and turned into `createServer`'s options, or refused with a message that names the
 * variable and says what it takes.
 */
import { dirname, join } from 'node:path';
import { defaultLimits, type Allowance, type EndpointLimits } from './limits.js';
import { parseTrustProxy } from './trust-proxy.js';
import type { ServerOptions } from './server.js';

export class ConfigError extends Error {}

export interface EndpointConfig {
  port: number;
  host: string;
  options: Omit<ServerOptions, 'distDir' | 'siteDir' | 'protocolDir'>;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

export function configFromEnv(env: NodeJS.ProcessEnv): EndpointConfig {
  const read = (name: string) => env[name]?.trim() || undefined;

  const whole = (name: string, fallback: number, what: string, min = 1): number => {
    const text = read(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min) throw new ConfigError(`${name} must be ${what}, not "${text}"`);
    return value;
  };
  const allowance = (name: string, fallback: Allowance, per: string): Allowance => ({
    max: whole(name, fallback.max, `a whole number of ${per}`),
    windowMs: fallback.windowMs,
  });
  const bytes = (name: string, fallback: number): number => {
    const text = read(name);
    if (text === undefined) return fallback;
    const match = /^(\d+)\s*([KMGT]?)i?B?$/i.exec(text);
    if (!match) throw new ConfigError(`${name} must be a size in bytes, e.g. 500M or 2G, not "${text}"`);
    return Number(match[1]) * UNITS[match[2]!.toUpperCase()]!;
  };
  const seconds = (name: string, fallbackMs: number) => whole(name, fallbackMs / 1000, 'a number of seconds') * 1000;
  const list = (name: string) =>
    (read(name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);

  const port = whole('PORT', 8787, 'a port number', 0);
  if (port > 65535) throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  const logLevel = read('GUICHET_LOG_LEVEL') ?? 'info';
  if (!LEVELS.includes(logLevel))
    throw new ConfigError(`GUICHET_LOG_LEVEL must be one of ${LEVELS.join(', ')}, not "${logLevel}"`);
  const secretText = env.GUICHET_SECRET;
  const secret = secretText ? Buffer.from(secretText, 'utf8') : undefined;
  if (secret && secret.length < 32)
    throw new ConfigError(
      'GUICHET_SECRET must hold at least 32 characters (e.g. the output of `openssl rand -base64 48`)',
    );
  let trustProxy;
  try {
    trustProxy = parseTrustProxy(env.GUICHET_TRUST_PROXY);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }

  const url = (name: string): string | undefined => {
    const value = read(name);
    if (value !== undefined && !URL.canParse(value)) throw new ConfigError(`${name} must be a URL, not "${value}"`);
    return value;
  };
  const webhookUrl = url('GUICHET_WEBHOOK_URL');
  const webhookSecret = read('GUICHET_WEBHOOK_SECRET');
  if (webhookUrl && !webhookSecret)
    throw new ConfigError(
      'GUICHET_WEBHOOK_URL needs GUICHET_WEBHOOK_SECRET: the back office checks each webhook with it',
    );
  const smtpUrl = url('GUICHET_SMTP_URL');
  const trackerUrl = url('GUICHET_TRACKER_URL');
  const dbPath = read('GUICHET_DB') ?? 'data/guichet.sqlite';
  // Without SMTP the mails are .eml files beside the SQLite file (data/mail for npm start), so
  // each database keeps its own.
  const mailDir = smtpUrl ? undefined : (read('GUICHET_MAIL_DIR') ?? join(dirname(dbPath), 'mail'));

  const d = defaultLimits;
  const limits: EndpointLimits = {
    lookups: allowance('GUICHET_LOOKUP_LIMIT', d.lookups, 'look-ups per minute'),
    submissions: allowance('GUICHET_SUBMISSION_LIMIT', d.submissions, 'submissions per hour'),
    uploads: allowance('GUICHET_UPLOAD_LIMIT', d.uploads, 'uploads per hour'),
    adminFailures: allowance('GUICHET_ADMIN_FAILURE_LIMIT', d.adminFailures, 'failed authentications per 15 minutes'),
    unclaimedBytesPerClient: bytes('GUICHET_UNCLAIMED_UPLOADS_PER_CLIENT', d.unclaimedBytesPerClient),
    unclaimedBytesTotal: bytes('GUICHET_UNCLAIMED_UPLOADS_TOTAL', d.unclaimedBytesTotal),
    minFreeBytes: bytes('GUICHET_MIN_FREE_SPACE', d.minFreeBytes),
    idempotencyKeyTtlMs:
      whole('GUICHET_IDEMPOTENCY_KEY_HOURS', d.idempotencyKeyTtlMs / 3_600_000, 'a number of hours') * 3_600_000,
    timeouts: {
      headersMs: seconds('GUICHET_HEADERS_TIMEOUT', d.timeouts.headersMs),
      requestMs: seconds('GUICHET_REQUEST_TIMEOUT', d.timeouts.requestMs),
      idleMs: seconds('GUICHET_IDLE_TIMEOUT', d.timeouts.idleMs),
    },
  };

  return {
    port,
    host: read('HOST') ?? '127.0.0.1',
    options: {
      databaseUrl: read('GUICHET_DATABASE_URL'),
      dbPath,
      secret,
      formsDir: read('GUICHET_FORMS_DIR') ?? 'schemas/forms',
      adminToken: read('GUICHET_ADMIN_TOKEN'),
      allowedOrigins: list('GUICHET_ALLOWED_ORIGINS'),
      adminOrigins: list('GUICHET_ADMIN_ORIGINS'),
      logLevel,
      limits,
      trustProxy,
      mail: {
        ...(smtpUrl ? { smtpUrl } : { mailDir }),
        from: read('GUICHET_MAIL_FROM') ?? 'Guichet <guichet@localhost>',
        ...(trackerUrl ? { trackerUrl } : {}),
      },
      ...(webhookUrl && webhookSecret ? { webhook: { url: webhookUrl, secret: webhookSecret } } : {}),
    },
  };
}
