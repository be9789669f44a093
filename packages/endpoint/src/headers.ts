/**
 * CORS for the allowed origins on every /api route, preflights included (@fastify/cors), and the
 * security headers of every answer. /dist is public: any origin may load the bundle as a module
 * script. The security headers stay written here rather than by @fastify/helmet: the three areas
 * (API, bundle, demo pages) each need their own policy, helmet's per-route options do not reach
 * @fastify/static's routes, and these six headers are the whole of it.
 */
import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const ALLOWED_HEADERS = ['Content-Type', 'Idempotency-Key', 'Authorization', 'Accept-Language'];
const EXPOSED_HEADERS = ['X-Guichet-Validator', 'Retry-After', 'Location'];

/** The demo pages load nothing but their own files; the elements style themselves through the CSSOM. */
export const SITE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const DOWNLOAD_CSP = "default-src 'none'; sandbox";

export async function installHeaders(app: FastifyInstance, allowedOrigins: ReadonlySet<string>): Promise<void> {
  const api: FastifyCorsOptions = {
    // Echo an allowed origin (with Vary: Origin); any other gets no CORS header at all.
    origin: (origin, callback) => callback(null, origin !== undefined && allowedOrigins.has(origin) ? origin : false),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
    // A malformed preflight gets the ordinary answer (an ErrorBody), not a text/plain 400.
    strictPreflight: false,
  };
  const bundle: FastifyCorsOptions = { origin: '*', methods: ['GET', 'HEAD'] };
  await app.register(cors, {
    hook: 'onRequest',
    delegator: (request: FastifyRequest, callback: (error: Error | null, options: FastifyCorsOptions) => void) =>
      callback(null, isApi(request.url) ? api : isBundle(request.url) ? bundle : { origin: false }),
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    const path = request.url;
    if (isApi(path)) {
      reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
      reply.header('Content-Security-Policy', path.startsWith('/api/admin/attachments/') ? DOWNLOAD_CSP : API_CSP);
    } else if (isBundle(path)) {
      reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
    } else {
      reply.header('Cross-Origin-Resource-Policy', 'same-origin');
      reply.header('Content-Security-Policy', SITE_CSP);
      reply.header('X-Frame-Options', 'DENY');
    }
  });
}

function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function isBundle(url: string): boolean {
  return url === '/dist' || url.startsWith('/dist/');
}
