/**
 * CORS and the security headers of every answer. The citizens' sites (GUICHET_ALLOWED_ORIGINS)
 * may call every /api route but the agents' API, which answers only the desk's origins
 * (GUICHET_ADMIN_ORIGINS, none by default): a page of a site that embeds a form must not be able
 * to drive an agent's browser against the back office. /dist is public: any origin may load the
 * bundle as a module script. The security headers stay written here rather than by
 * @fastify/helmet: the areas (API, downloads, bundle, demo pages) each need their own policy,
 * helmet's per-route options do not reach @fastify/static's routes, and these headers are the
 * whole of it.
 *
 * Areas are told apart by the path the router matched (its pattern, or the decoded path when no
 * route matched), never by the raw URL: `/%61pi/admin/…` reaches the same route as
 * `/api/admin/…` and must get the same headers.
 */
import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const ALLOWED_HEADERS = [
  'Content-Type',
  'Idempotency-Key',
  'Authorization',
  'Accept-Language',
  'X-Guichet-Tracking-Code',
  'X-CSRF-Token',
];
const EXPOSED_HEADERS = ['X-Guichet-Validator', 'X-Guichet-Conditions', 'Retry-After', 'Location'];

/** The demo pages load nothing but their own files; the elements style themselves through the CSSOM. */
export const SITE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const DOWNLOAD_CSP = "default-src 'none'; sandbox";

export interface AllowedOrigins {
  /** Sites that embed the elements. */
  citizens: ReadonlySet<string>;
  /** The agents' desk. */
  agents: ReadonlySet<string>;
}

type Area = 'admin' | 'api' | 'bundle' | 'site';

export async function installHeaders(app: FastifyInstance, origins: AllowedOrigins): Promise<void> {
  const api = (allowed: ReadonlySet<string>): FastifyCorsOptions => ({
    // Echo an allowed origin (with Vary: Origin); any other gets no CORS header at all.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
    // A malformed preflight gets the ordinary answer (an ErrorBody), not a text/plain 400.
    strictPreflight: false,
  });
  const byArea: Record<Area, FastifyCorsOptions> = {
    admin: api(origins.agents),
    api: api(origins.citizens),
    bundle: { origin: '*', methods: ['GET', 'HEAD'] },
    site: { origin: false },
  };
  await app.register(cors, {
    hook: 'onRequest',
    delegator: (request: FastifyRequest, callback: (error: Error | null, options: FastifyCorsOptions) => void) =>
      callback(null, byArea[areaOf(request)]),
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    const path = pathOf(request);
    const area = areaOf(request);
    if (area === 'api' || area === 'admin') {
      reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
      reply.header('Content-Security-Policy', path.startsWith('/api/admin/attachments/') ? DOWNLOAD_CSP : API_CSP);
    } else if (area === 'bundle') {
      reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
      // Scripts as RFC 9239 names them, whichever copy @fastify/static sent (plain, br or gzip).
      if (reply.statusCode === 200 && /\.m?js$/.test(path))
        reply.header('Content-Type', 'text/javascript; charset=utf-8');
    } else {
      reply.header('Cross-Origin-Resource-Policy', 'same-origin');
      reply.header('Content-Security-Policy', SITE_CSP);
      reply.header('X-Frame-Options', 'DENY');
    }
  });
}

/**
 * The path the router saw: the matched route's pattern for the API's own routes, else the
 * request's path, percent-decoded as the router decodes it (an undecodable one stays as sent).
 * A preflight (OPTIONS) matches @fastify/cors's catch-all route: its decoded path tells where it goes.
 */
export function pathOf(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  if (pattern && pattern.startsWith('/api/')) return pattern;
  const raw = request.url.split('?', 1)[0]!;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function areaOf(request: FastifyRequest): Area {
  const path = pathOf(request);
  if (path === '/api/admin' || path.startsWith('/api/admin/')) return 'admin';
  if (path === '/api' || path.startsWith('/api/')) return 'api';
  if (path === '/dist' || path.startsWith('/dist/')) return 'bundle';
  return 'site';
}
