/**
 * GET /api/requests/{reference} with the tracking code in `X-Guichet-Tracking-Code`: where a
 * request stands, for whoever holds its reference and code. A wrong code and an unknown reference
 * get the same 404 after the same work, and look-ups (HEAD too) count against one allowance per
 * client address. The code travels in a header because reverse proxies and their logs keep query
 * strings; `?code=` is still read, for clients written before.
 */
import type { FastifyInstance } from 'fastify';
import type { EndpointContext } from '../context.js';
import { HttpError } from '../http-error.js';
import { normalizeReference } from '../reference-numbers.js';
import { statusView } from '../views.js';
import type { RequestRecord } from '../store/types.js';

/**
 * The request, when `code` is its tracking code: the same single read whether the reference
 * exists or not, the rest only once the code matched.
 */
export async function requestWithCode(
  context: EndpointContext,
  reference: string,
  code: string,
): Promise<RequestRecord | undefined> {
  reference = normalizeReference(reference);
  const stored = await context.store.requests.getTrackingCodeHash(reference);
  return context.codes.trackingCodeMatches(code, stored)
    ? await context.store.requests.getByReference(reference)
    : undefined;
}

export const notFound = () => new HttpError(404, 'request-not-found', { headers: { 'Cache-Control': 'no-store' } });

export function requestRoutes(app: FastifyInstance, context: EndpointContext): void {
  app.get<{
    Params: { reference: string };
    Querystring: { code?: string };
    Headers: { 'x-guichet-tracking-code'?: string };
  }>(
    '/api/requests/:reference',
    {
      schema: context.protocol.route('getStatus'),
      // Before anything else, so a malformed guess counts too.
      onRequest: async (request) => context.clientLimits.count('lookups', context.limits.lookups, request),
      config: {
        // No code, a code or reference too long: the same answer as a wrong code.
        invalid: { params: notFound, querystring: notFound, headers: notFound },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      const code = request.headers['x-guichet-tracking-code'] ?? request.query.code ?? '';
      const record = await requestWithCode(context, request.params.reference, code);
      if (!record) throw notFound();
      return statusView(record, record.history, await context.store.replies.ofRequest(record.reference));
    },
  );
}
