/**
 * The agents' API, behind `Authorization: Bearer $GUICHET_ADMIN_TOKEN`: list and read requests,
 * append a status change, download an attachment. Without a configured token, every call is 401.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { phaseLabel, type StatusChange } from '@guichet/core';
import type { EndpointContext } from '../context.js';
import { HttpError } from '../http-error.js';
import { protocolProblems } from '../protocol.js';
import { storedRequestView } from '../views.js';
import { requireJson } from '../content-type.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function adminRoutes(app: FastifyInstance, context: EndpointContext): void {
  const expected = context.adminToken ? digest(context.adminToken) : undefined;
  // Comparing digests keeps the comparison constant-time whatever the lengths.
  const authenticate = async (request: FastifyRequest) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    const given = digest(match?.[1] ?? '');
    if (!expected || !match || !timingSafeEqual(given, expected)) {
      throw new HttpError(401, 'unauthorized', { headers: { 'WWW-Authenticate': 'Bearer realm="guichet-admin"' } });
    }
  };

  app.register(async (admin) => {
    admin.addHook('onRequest', authenticate);
    admin.addHook('onSend', async (_request, reply) => {
      reply.header('Cache-Control', 'no-store');
    });

    admin.get<{ Querystring: { limit: number; offset: number; formId?: string } }>(
      '/api/admin/requests',
      { schema: context.protocol.route('listRequests') },
      async (request) => {
        const { limit, offset, formId } = request.query;
        const records = await context.store.requests.list({ limit, offset, ...(formId ? { formId } : {}) });
        return records.map(storedRequestView);
      },
    );

    admin.get<{ Params: { reference: string } }>(
      '/api/admin/requests/:reference',
      { schema: context.protocol.route('getRequest') },
      async (request) => {
        const record = await context.store.requests.getByReference(request.params.reference);
        if (!record) throw new HttpError(404, 'not-found');
        return storedRequestView(record);
      },
    );

    admin.post<{ Params: { reference: string }; Body: StatusChange }>(
      '/api/admin/requests/:reference/status',
      {
        schema: context.protocol.route('changeStatus'),
        preValidation: async (request) => requireJson(request),
        config: {
          invalid: {
            body: (errors, lang) =>
              new HttpError(422, 'invalid-status-change', { errors: protocolProblems(errors, lang), lang }),
          },
        },
      },
      async (request) => {
        const change = request.body;
        const record = await context.store.requests.getByReference(request.params.reference);
        if (!record) throw new HttpError(404, 'not-found');
        const updated = await context.store.transaction((tx) =>
          tx.requests.appendStatus(record.reference, {
            at: context.now().toISOString(),
            phase: change.phase,
            code: change.code ?? change.phase,
            label: change.label ?? phaseLabel(change.phase, record.lang),
            ...(change.note ? { note: change.note } : {}),
          }),
        );
        if (!updated) throw new HttpError(404, 'not-found');
        return storedRequestView(updated);
      },
    );

    admin.get<{ Params: { id: string } }>(
      '/api/admin/attachments/:id',
      {
        schema: context.protocol.route('getAttachment'),
        config: { invalid: { params: () => new HttpError(404, 'attachment-not-found') } },
      },
      async (request, reply) => {
        const id = request.params.id;
        const attachment = await context.store.attachments.get(id);
        const content = attachment && (await context.store.attachments.content(id));
        if (!attachment || !content) throw new HttpError(404, 'attachment-not-found');
        const asciiName = attachment.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
        reply.header(
          'Content-Disposition',
          `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
        );
        return reply.type(attachment.type).send(content);
      },
    );
  });
}
