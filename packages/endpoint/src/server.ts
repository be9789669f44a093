/**
 * createServer: the reference endpoint as a Fastify instance, with its store, forms, routes,
 * CORS, security headers, logs without personal data and the sweep of abandoned uploads and
 * spent rate-limit windows. Nothing it keeps in memory is needed by another instance.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { EndpointContext } from './context.js';
import { installErrorHandling, sendError } from './error-handling.js';
import { FormCatalogue } from './forms.js';
import { installHeaders } from './headers.js';
import { HttpError } from './http-error.js';
import { checkArrays, checkDepth, decodeUtf8, defaultJsonLimits, type JsonLimits } from './json-body.js';
import { loadOpenApi } from './openapi.js';
import { Protocol } from './protocol.js';
import { RequestLogController } from './log-controller.js';
import { TrackingCodes } from './tracking-codes.js';
import { trackingSecret } from './tracking-secret.js';
import { sharedRateLimitStore } from './shared-rate-limit.js';
import { adminRoutes } from './routes/admin.js';
import { attachmentRoutes } from './routes/attachments.js';
import { formRoutes } from './routes/forms.js';
import { requestRoutes } from './routes/requests.js';
import { submissionRoutes } from './routes/submissions.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/types.js';

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
  allowedOrigins?: string[];
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
  lookupRateLimit?: { max: number; timeWindowMs: number };
  jsonLimits?: JsonLimits;
  /** Largest JSON body, in bytes (1 MB). */
  bodyLimit?: number;
  /** Largest upload for a file field without `ui.maxSize` (10 MB). */
  defaultMaxUpload?: number;
  /** How long an upload may stay unclaimed (24 h), and how often the sweep looks (1 h). */
  attachmentRetentionMs?: number;
  sweepIntervalMs?: number;
  /** Trust X-Forwarded-For (behind a reverse proxy) for the client address of rate limits. */
  trustProxy?: boolean;
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
    trustProxy: options.trustProxy ?? false,
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
  const forms = await FormCatalogue.load(options.formsDir, app.log, { watch: options.watchForms ?? true });
  let openApi: Promise<unknown> | undefined;
  const protocol = new Protocol(options.protocolDir);
  const context: EndpointContext = {
    store,
    forms,
    protocol,
    codes: new TrackingCodes(secret),
    adminToken: options.adminToken || undefined,
    jsonLimits: options.jsonLimits ?? defaultJsonLimits,
    defaultMaxUpload: options.defaultMaxUpload ?? 10 * 1024 * 1024,
    lookupRateLimit: options.lookupRateLimit ?? { max: 30, timeWindowMs: 60_000 },
    openApi: () => (openApi ??= loadOpenApi(protocol.directory)),
    now: options.now ?? (() => new Date()),
  };

  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  installErrorHandling(app);
  protocol.install(app);
  await installHeaders(app, new Set(options.allowedOrigins ?? []));
  installJsonParser(app, context.jsonLimits);
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async () => {
    if (closing) throw new HttpError(503, 'shutting-down', { headers: { Connection: 'close', 'Retry-After': '5' } });
  });

  await app.register(multipart, { throwFileSizeLimit: true });
  await app.register(rateLimit, {
    global: false,
    store: sharedRateLimitStore(store.counters, secret, context.now),
    errorResponseBuilder: (_request, limit) =>
      new HttpError(429, 'rate-limited', {
        params: { seconds: Math.max(1, Math.ceil(limit.ttl / 1000)) },
        headers: { 'Retry-After': String(Math.max(1, Math.ceil(limit.ttl / 1000))) },
      }),
  });

  formRoutes(app, context);
  submissionRoutes(app, context);
  attachmentRoutes(app, context);
  requestRoutes(app, context);
  adminRoutes(app, context);

  if (options.distDir) {
    await app.register(fastifyStatic, {
      root: options.distDir,
      prefix: '/dist/',
      decorateReply: false,
      index: false,
      setHeaders: (response, path) => {
        if (path.endsWith('.js') || path.endsWith('.mjs'))
          response.header('Content-Type', 'text/javascript; charset=utf-8');
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
    const deleted = await store.transaction((tx) =>
      tx.attachments.deleteAbandoned(new Date(now.getTime() - retention)),
    );
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
    await store.close();
  });

  await app.ready();
  await sweep().catch((error: unknown) => app.log.error({ err: error }, 'sweep failed'));

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
        checkArrays(value, limits.maxArrayItems);
      } catch (limitError) {
        done(limitError as Error, undefined);
        return;
      }
      done(null, value);
    });
  });
}
