/**
 * createServer: the reference endpoint as a Fastify instance, with its store, forms, routes,
 * CORS, security headers, limits, logs without personal data and the sweep of abandoned uploads
 * and spent rate-limit windows. Nothing it keeps in memory is needed by another instance.
 */
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { constants as zlib } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { AdminAuth } from './admin-auth.js';
import { ClientLimits } from './client-limits.js';
import type { EndpointContext } from './context.js';
import { staleCompressedCopies } from './dist-copies.js';
import { installErrorHandling, sendError } from './error-handling.js';
import { FormCatalogue } from './forms.js';
import { installHeaders } from './headers.js';
import { HttpError } from './http-error.js';
import { checkDepth, checkValues, decodeUtf8, defaultJsonLimits, type JsonLimits } from './json-body.js';
import { limitsWith, type EndpointLimits } from './limits.js';
import { loadOpenApi } from './openapi.js';
import { Protocol } from './protocol.js';
import { RequestLogController } from './log-controller.js';
import { TrackingCodes } from './tracking-codes.js';
import { trackingSecret } from './tracking-secret.js';
import { adminRoutes } from './routes/admin.js';
import { deskRoutes } from './routes/desk.js';
import { OidcSignIn, type OidcOptions } from './oidc.js';
import { attachmentRoutes } from './routes/attachments.js';
import { formRoutes } from './routes/forms.js';
import { replyRoutes } from './routes/replies.js';
import { requestRoutes } from './routes/requests.js';
import { submissionRoutes } from './routes/submissions.js';
import { openStore } from './store/open-store.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';
import { trustProxySetting, type TrustProxy } from './trust-proxy.js';
import type { Store } from './store/types.js';
import { Announcements } from './notifications/announcements.js';
import { MailSender, type MailSettings } from './notifications/mail-sender.js';
import { Sealer } from './notifications/seal.js';
import { WebhookSender, type WebhookSettings } from './notifications/webhook-sender.js';
import { NotificationWorker, type WorkerOptions } from './notifications/worker.js';

export interface ServerOptions {
  /** PostgreSQL (postgres://…): several instances on one database behave as one. */
  databaseUrl?: string;
  /** SQLite file when there is no `databaseUrl`, created with its folder when missing. */
  dbPath?: string;
  /** An open store instead of either; the server closes it. */
  store?: Store;
  formsDir: string;
  /** Serve new and changed definitions of `formsDir` without a restart (default true). */
  watchForms?: boolean;
  /**
   * Secret of the HMACs of tracking codes and idempotency keys (GUICHET_SECRET, at least 32
   * bytes); defaults to the one the database keeps, created once.
   */
  secret?: Buffer;
  adminToken?: string;
  /** Origins of the sites that embed the elements (CORS on every /api route but the agents'). */
  allowedOrigins?: string[];
  /** Origins of the agents' desk (CORS on /api/admin only); none by default. */
  adminOrigins?: string[];
  /** pino level; 'silent' turns logs off. */
  logLevel?: string;
  /** Where pino writes; defaults to stdout. */
  logStream?: { write(line: string): void };
  /** The CDN bundle folder served at /dist (e.g. the repository's dist/). */
  distDir?: string;
  /** The demo site served at /. */
  siteDir?: string;
  /** Folder of the protocol schemas and openapi.json (the repository's schemas/protocol). */
  protocolDir?: string;
  /** Per-client allowances, quotas and timeouts (./limits.ts for the defaults). */
  limits?: Partial<EndpointLimits>;
  jsonLimits?: Partial<JsonLimits>;
  /** Largest JSON body, in bytes (1 MB). */
  bodyLimit?: number;
  /** Largest upload for a file field without `ui.maxSize` (10 MB). */
  defaultMaxUpload?: number;
  /** How long an upload may stay unclaimed (24 h), and how often the sweep looks (1 h). */
  attachmentRetentionMs?: number;
  sweepIntervalMs?: number;
  /**
   * Behind reverse proxies: how many of them (the client's address is then the one the farthest
   * trusted proxy saw, never what the client wrote to the left of X-Forwarded-For), or their
   * addresses (CIDR allowed). Unset, X-Forwarded-* headers are ignored.
   */
  trustProxy?: TrustProxy;
  /** Where uploads wait while they are checked (the system's temporary folder). */
  tempDir?: string;
  /**
   * The citizen's mails (GUICHET_SMTP_URL, GUICHET_MAIL_FROM, GUICHET_TRACKER_URL), or `.eml`
   * files in `mailDir` without SMTP. Unset: no mail is written to the outbox.
   */
  mail?: MailSettings;
  /** The back office's webhooks (GUICHET_WEBHOOK_URL, GUICHET_WEBHOOK_SECRET). */
  webhook?: WebhookSettings;
  /** The outbox's sender: poll interval, SQLite claim lease, retry backoff. */
  outbox?: Pick<WorkerOptions, 'pollIntervalMs' | 'leaseMs' | 'retryBaseMs' | 'retryMaxMs'>;
  /** Agents sign in at /desk with the authority's OpenID Connect provider. */
  oidc?: OidcOptions;
  now?: () => Date;
}

export interface GuichetServer {
  app: FastifyInstance;
  store: Store;
  /** Resolves with the base URL, e.g. http://127.0.0.1:8787. */
  listen(options?: { port?: number; host?: string }): Promise<string>;
  /** Stops accepting, finishes in-flight requests, then closes the store. */
  close(): Promise<void>;
  readonly url: string | undefined;
  /** Every route the server answers (method and pattern), HEAD and OPTIONS included. */
  readonly routes: ReadonlyArray<{ method: string; url: string }>;
  /** Runs the sweep now; resolves with the number of abandoned attachments deleted. */
  sweepAttachments(): Promise<number>;
}

export async function createServer(options: ServerOptions): Promise<GuichetServer> {
  const logStream = options.logStream;
  const limits = limitsWith(options.limits);
  const { timeouts } = limits;
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      ...(logStream ? { stream: logStream } : {}),
      // Only what we log ourselves: never a URL with its query string, a header or a body.
      serializers: {
        req: (request) => ({ method: request.method, route: request.routeOptions.url }),
        res: (reply) => ({ statusCode: reply.statusCode }),
      },
    },
    logController: new RequestLogController(),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: trustProxySetting(options.trustProxy),
    // A client that sends its request a byte at a time holds a connection and a temporary file:
    // each phase of a request has its deadline (Node answers 408 and closes).
    connectionTimeout: timeouts.idleMs,
    requestTimeout: timeouts.requestMs,
    http: {
      headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
      // How often Node looks for requests past their deadline (its default is every 30 s).
      connectionsCheckingInterval: Math.max(100, Math.min(5_000, timeouts.headersMs / 4, timeouts.requestMs / 4)),
    },
    // Our own 503 while closing (below), as an ErrorBody with CORS headers rather than Fastify's.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: (error, request, reply) => sendError(request, reply, error),
  });

  const store = options.store ?? (await openStore({ databaseUrl: options.databaseUrl, sqlitePath: options.dbPath }));
  let secret: Buffer;
  try {
    secret = await trackingSecret(store, options.secret);
  } catch (error) {
    await store.close();
    throw error;
  }
  const now = options.now ?? (() => new Date());
  const forms = await FormCatalogue.load(options.formsDir, app.log, { watch: options.watchForms ?? true });
  try {
    await forms.remember(store, now());
  } catch (error) {
    await store.close();
    throw error;
  }
  const sealer = new Sealer(secret);
  const mail = options.mail && (options.mail.smtpUrl || options.mail.mailDir) ? options.mail : undefined;
  const mailSender = mail && new MailSender(mail, sealer);
  const worker = new NotificationWorker({
    store,
    senders: {
      ...(mailSender ? { mail: mailSender } : {}),
      ...(options.webhook ? { webhook: new WebhookSender(options.webhook) } : {}),
    },
    log: app.log,
    now,
    ...options.outbox,
  });
  let openApi: Promise<unknown> | undefined;
  const protocol = new Protocol(options.protocolDir);
  const clientLimits = new ClientLimits(store.counters, secret, now);
  const tempDir = options.tempDir ?? tmpdir();
  const sqlitePath = store instanceof SqliteStore ? store.path : undefined;
  const context: EndpointContext = {
    store,
    forms,
    protocol,
    codes: new TrackingCodes(secret),
    adminAuth: new AdminAuth({
      adminToken: options.adminToken || undefined,
      store,
      limits: clientLimits,
      failures: limits.adminFailures,
      now,
    }),
    clientLimits,
    limits,
    jsonLimits: { ...defaultJsonLimits, ...options.jsonLimits },
    defaultMaxUpload: options.defaultMaxUpload ?? 10 * 1024 * 1024,
    tempDir,
    // Uploads pass through the temporary folder; SQLite keeps them beside its file.
    storagePaths: [tempDir, ...(sqlitePath && sqlitePath !== ':memory:' ? [dirname(sqlitePath)] : [])],
    openApi: () => (openApi ??= loadOpenApi(protocol.directory)),
    now,
    announcements: new Announcements({ mail: Boolean(mailSender), webhook: Boolean(options.webhook), sealer }),
    notify: () => worker.wake(),
  };
  if (options.oidc) context.oidc = new OidcSignIn(options.oidc, secret, store, context.now);

  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  installErrorHandling(app, { maxErrors: protocol.maxErrors(), unavailable: (error) => store.unavailable(error) });
  protocol.install(app);
  await installHeaders(app, {
    citizens: new Set(options.allowedOrigins ?? []),
    agents: new Set(options.adminOrigins ?? []),
  });
  installJsonParser(app, context.jsonLimits);
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async () => {
    if (closing) throw new HttpError(503, 'shutting-down', { headers: { Connection: 'close', 'Retry-After': '5' } });
  });

  await app.register(multipart, { throwFileSizeLimit: true });

  // A definition, its validator and the API's descriptions are text of a few to tens of kilobytes
  // that a citizen's phone fetches before the first question: sent compressed (br, else gzip).
  // These routes only: a submission's answer is a few hundred bytes, below any threshold.
  await app.register(async (scope) => {
    // The plugin says `Vary: accept-encoding` on what it compresses only: a cache in front of the
    // endpoint could keep the plain copy a client that accepts nothing got, and give it to every
    // phone. Said on every answer of these routes (lower case: the plugin then does not add it twice).
    scope.addHook('onSend', async (_request, reply) => {
      const vary = reply.getHeader('Vary');
      if (!vary) reply.header('Vary', 'accept-encoding');
      else if (!/accept-encoding/i.test(String(vary))) reply.header('Vary', `${String(vary)}, accept-encoding`);
    });
    await scope.register(compress, {
      global: true,
      globalDecompression: false,
      threshold: 1024,
      // Quality 5 in text mode: 2.7 KB for the demo's 8.3 KB definition in 0.3 ms (11 saves 0.3 KB for 8 ms).
      brotliOptions: { params: { [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_QUALITY]: 5 } },
    });
    formRoutes(scope, context);
  });
  submissionRoutes(app, context);
  attachmentRoutes(app, context);
  requestRoutes(app, context);
  replyRoutes(app, context);
  adminRoutes(app, context);
  deskRoutes(app, context);

  if (options.distDir) {
    const stale = staleCompressedCopies(options.distDir);
    if (stale.length > 0)
      app.log.warn(
        { files: stale },
        'dist/: compressed copies that differ from their files; everything is sent uncompressed until `npm run build` writes the copies again',
      );
    await app.register(fastifyStatic, {
      root: options.distDir,
      prefix: '/dist/',
      decorateReply: false,
      index: false,
      // The build's brotli and gzip copies (scripts/lib/precompress.mjs), as the browser accepts.
      preCompressed: stale.length === 0,
      setHeaders: (response, sent) => {
        // The file sent may be a compressed copy (guichet.js.br): its original's name decides.
        const path = sent.replace(/\.(br|gz)$/, '');
        // A chunk's name carries its content's hash: a new build is a new name, so a browser may
        // keep it for good. guichet.js keeps its name: revalidated (ETag) on each visit.
        response.header(
          'Cache-Control',
          /\/guichet-[\w-]+-[\w-]{8}\.js$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  if (options.siteDir) {
    await app.register(fastifyStatic, {
      root: options.siteDir,
      prefix: '/',
      decorateReply: false,
      index: ['index.html'],
    });
  }

  const retention = options.attachmentRetentionMs ?? 24 * 3_600_000;
  const sweep = async () => {
    const now = context.now();
    await store.counters.deleteExpired(now);
    const deleted = await store.transaction(async (tx) => {
      await tx.sessions.deleteExpired(now);
      return tx.attachments.deleteAbandoned(new Date(now.getTime() - retention));
    });
    if (deleted) app.log.info({ deleted }, 'abandoned attachments deleted');
    return deleted;
  };
  const sweeper = setInterval(() => {
    sweep().catch((error: unknown) => app.log.error({ err: error }, 'sweep failed'));
  }, options.sweepIntervalMs ?? 3_600_000);
  sweeper.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    forms.close();
    await worker.stop();
    mailSender?.close();
    await store.close();
  });

  await app.ready();
  await sweep().catch((error: unknown) => app.log.error({ err: error }, 'sweep failed'));
  worker.start();

  let url: string | undefined;
  return {
    app,
    store,
    async listen({ port = 8787, host = '127.0.0.1' } = {}) {
      await app.listen({ port, host });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
      return url;
    },
    close: () => app.close(),
    get url() {
      return url;
    },
    routes,
    sweepAttachments: sweep,
  };
}

/** JSON bodies: strict UTF-8, bounded depth and arrays, no prototype poisoning, then parsed. */
function installJsonParser(app: FastifyInstance, limits: JsonLimits): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decodeUtf8(body as Buffer);
      checkDepth(text, limits.maxDepth);
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    parse(request, text, (error, value) => {
      if (error) {
        done(new HttpError(400, 'malformed-json'), undefined);
        return;
      }
      try {
        checkValues(value, limits);
      } catch (limitError) {
        done(limitError as Error, undefined);
        return;
      }
      done(null, value);
    });
  });
}
