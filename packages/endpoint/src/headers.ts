/**
 * CORS for the allowed origins on every /api route (preflights included), and the security
 * headers of every answer. /dist is public: any origin may load the bundle as a module script.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const ALLOWED_HEADERS = 'Content-Type, Idempotency-Key, Authorization, Accept-Language';
const EXPOSED_HEADERS = 'X-Guichet-Validator, Retry-After, Location';

/** The demo pages load nothing but their own files; the elements style themselves through the CSSOM. */
export const SITE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const DOWNLOAD_CSP = "default-src 'none'; sandbox";

export function installHeaders(app: FastifyInstance, allowedOrigins: ReadonlySet<string>): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!isApi(request.url)) return;
    reply.header('Vary', 'Origin');
    const origin = request.headers.origin;
    if (origin === undefined || !allowedOrigins.has(origin)) return;
    reply.header('Access-Control-Allow-Origin', origin);
    reply.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  });

  app.options('/api/*', async (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    if (origin !== undefined && allowedOrigins.has(origin)) {
      reply.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      reply.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      reply.header('Access-Control-Max-Age', '600');
    }
    return reply.code(204).send();
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    const path = request.url;
    if (isApi(path)) {
      reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
      reply.header('Content-Security-Policy', path.startsWith('/api/admin/attachments/') ? DOWNLOAD_CSP : API_CSP);
    } else if (path === '/dist' || path.startsWith('/dist/')) {
      reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
      reply.header('Access-Control-Allow-Origin', '*');
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
