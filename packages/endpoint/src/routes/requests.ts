/**
 * GET /api/requests/{reference}?code=…: where a request stands, for whoever holds its reference
 * and tracking code. A wrong code and an unknown reference get the same 404 after the same work,
 * and look-ups are rate-limited per client address.
 */
import type { FastifyInstance } from 'fastify';
import type { EndpointContext } from '../context.js';
import { HttpError } from '../http-error.js';
import { normalizeReference } from '../reference-numbers.js';
import { statusView } from '../views.js';

const notFound = () => new HttpError(404, 'request-not-found', { headers: { 'Cache-Control': 'no-store' } });

export function requestRoutes(app: FastifyInstance, context: EndpointContext): void {
  const { max, timeWindowMs } = context.lookupRateLimit;
  app.get<{ Params: { reference: string }; Querystring: { code: string } }>(
    '/api/requests/:reference',
    {
      schema: context.protocol.route('getStatus'),
      config: {
        rateLimit: { max, timeWindow: timeWindowMs },
        // No code, a code or reference too long: the same answer as a wrong code.
        invalid: { params: notFound, querystring: notFound },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      const { code } = request.query;
      const reference = normalizeReference(request.params.reference);
      const stored = await context.store.requests.getTrackingCodeHash(reference);
      const record = context.codes.trackingCodeMatches(code, stored)
        ? await context.store.requests.getByReference(reference)
        : undefined;
      if (!record) throw notFound();
      return statusView(record);
    },
  );
}
