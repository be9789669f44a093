/**
 * GET /api/requests/{reference}?code=…: where a request stands, for whoever holds its reference
 * and tracking code. A wrong code and an unknown reference get the same 404 after the same work,
 * and look-ups are rate-limited per client address.
 */
import type { FastifyInstance } from 'fastify';
import type { EndpointContext } from '../context.js';
import { HttpError } from '../http-error.js';
import { normalizeReference } from '../references.js';
import { statusView } from '../views.js';

export function requestRoutes(app: FastifyInstance, context: EndpointContext): void {
  const { max, timeWindowMs } = context.lookupRateLimit;
  app.get<{ Params: { reference: string }; Querystring: { code?: string | string[] } }>(
    '/api/requests/:reference',
    { config: { rateLimit: { max, timeWindow: timeWindowMs } } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      const code = typeof request.query.code === 'string' ? request.query.code.slice(0, 64) : '';
      const reference = normalizeReference(request.params.reference.slice(0, 80));
      const stored = await context.store.getTrackingCodeHash(reference);
      const record = context.secrets.trackingCodeMatches(code, stored)
        ? await context.store.getByReference(reference)
        : undefined;
      if (!record) throw new HttpError(404, 'request-not-found');
      return statusView(record);
    },
  );
}
