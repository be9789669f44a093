/**
 * The agents' API: list, filter, read and export requests, append a status change, download an
 * attachment; named agents and the audit (agents.ts). Every call is authorised by the admin
 * token, a named agent's token or an agent's session (agent-access.ts); every action that
 * changes or takes data away is written to the audit with who did it, in the same transaction as
 * the change. Without a configured token or agent, every call is 401.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { phaseLabel, type Channel, type Phase, type StatusChange } from '@guichet/core';
import type { EndpointContext } from '../context.js';
import { AgentAccessCheck, type AgentAccess } from '../agent-access.js';
import { HttpError } from '../http-error.js';
import { protocolProblems } from '../protocol.js';
import { storedRequestView } from '../views.js';
import { requireJson } from '../content-type.js';
import type { ListQuery } from '../store/types.js';
import { requestsCsv } from '../csv-export.js';
import { agentRoutes } from './agents.js';
import { sessionRoutes } from './session.js';

declare module 'fastify' {
  interface FastifyRequest {
    agentAccess: AgentAccess;
  }
}

interface Filters {
  formId?: string;
  phase?: Phase;
  channel?: Channel;
  from?: string;
  to?: string;
  q?: string;
}

/** The store's query from the route's (validated) query string. */
function listQuery(query: Filters & { limit?: number; offset?: number; before?: string }): ListQuery {
  return {
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
    ...(query.formId ? { formId: query.formId } : {}),
    ...(query.phase ? { phase: query.phase } : {}),
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.q ? { text: query.q } : {}),
    ...(query.before ? { before: query.before } : {}),
  };
}

/** Rows of a CSV export read at a time: bounded memory whatever the number of requests. */
const EXPORT_PAGE = 500;

export function adminRoutes(app: FastifyInstance, context: EndpointContext): void {
  const access = new AgentAccessCheck(context.store, context.adminToken, context.now);
  const actorOf = (request: FastifyRequest) => request.agentAccess.actor;

  app.register(async (admin) => {
    admin.decorateRequest('agentAccess', undefined as unknown as AgentAccess);
    admin.addHook('onRequest', async (request) => {
      request.agentAccess = await access.identify(request);
    });
    admin.addHook('onSend', async (_request, reply) => {
      reply.header('Cache-Control', 'no-store');
    });

    admin.get<{ Querystring: Filters & { limit: number; offset: number; before?: string } }>(
      '/api/admin/requests',
      { schema: context.protocol.route('listRequests') },
      async (request) => {
        const records = await context.store.requests.list(listQuery(request.query));
        return records.map(storedRequestView);
      },
    );

    admin.get<{ Querystring: Filters }>(
      '/api/admin/requests.csv',
      { schema: context.protocol.route('exportRequests') },
      async (request, reply) => {
        const query = listQuery({ ...request.query, limit: EXPORT_PAGE });
        const records = [];
        for (;;) {
          const page = await context.store.requests.list(query);
          records.push(...page);
          if (page.length < EXPORT_PAGE) break;
          query.before = page[page.length - 1]!.reference;
        }
        await context.store.transaction((tx) =>
          tx.audit.record({
            at: context.now().toISOString(),
            actor: actorOf(request),
            action: 'requests.exported',
            detail: { filters: request.query, count: records.length },
          }),
        );
        const day = context.now().toISOString().slice(0, 10);
        reply.header('Content-Disposition', `attachment; filename="demandes-${day}.csv"`);
        return reply.type('text/csv; charset=utf-8').send(requestsCsv(records, context.forms));
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
        const at = context.now().toISOString();
        const entry = {
          at,
          phase: change.phase,
          code: change.code ?? change.phase,
          label: change.label ?? phaseLabel(change.phase, record.lang),
          ...(change.note ? { note: change.note } : {}),
        };
        // The history the citizen sees names the authority only; who made the change is in the audit.
        const updated = await context.store.transaction(async (tx) => {
          const appended = await tx.requests.appendStatus(record.reference, entry);
          if (appended) {
            await tx.audit.record({
              at,
              actor: actorOf(request),
              action: 'status.changed',
              reference: record.reference,
              detail: {
                phase: entry.phase,
                code: entry.code,
                label: entry.label,
                ...(entry.note ? { note: entry.note } : {}),
              },
            });
          }
          return appended;
        });
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
        await context.store.transaction((tx) =>
          tx.audit.record({
            at: context.now().toISOString(),
            actor: actorOf(request),
            action: 'attachment.downloaded',
            ...(attachment.reference ? { reference: attachment.reference } : {}),
            detail: { id, name: attachment.name },
          }),
        );
        const asciiName = attachment.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
        reply.header(
          'Content-Disposition',
          `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
        );
        return reply.type(attachment.type).send(content);
      },
    );

    agentRoutes(admin, context);
    sessionRoutes(admin, context);
  });
}
