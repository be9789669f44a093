/**
 * The agents' API: list, filter, read and export requests, append a status change, download an
 * attachment, see the citizen's replies and the state of their mails and webhooks; named agents
 * and the audit (agents.ts). Who may call it: ../admin-auth.ts (the admin token, a named agent's
 * token or an agent's session); every action that changes or takes data away is written to the
 * audit with who did it, in the same transaction as the change. Without credentials, every call
 * is 401.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isFinalPhase, phaseLabel, type Channel, type Language, type Phase, type StatusChange } from '@guichet/core';
import type { EndpointContext } from '../context.js';
import { HttpError } from '../http-error.js';
import { protocolProblems } from '../protocol.js';
import { languageFrom, transitionHint } from '../messages.js';
import { canMove, nextPhases } from '../phases.js';
import { shownFileName } from '../file-names.js';
import { normalizeReference } from '../reference-numbers.js';
import { notificationView, storedRequestView } from '../views.js';
import type { OutboxChannel, OutboxState, RequestRecord } from '../store/types.js';
import { requireJson } from '../content-type.js';
import type { ListQuery } from '../store/types.js';
import { requestsCsv } from '../csv-export.js';
import { agentRoutes } from './agents.js';
import { sessionRoutes } from './session.js';

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
  const actorOf = (request: FastifyRequest) => context.adminAuth.accessOf(request)!.actor;
  /** One request as an agent opens it: with the citizen's replies and its mails and webhooks. */
  const fullView = async (record: RequestRecord) => {
    const [replies, notifications] = await Promise.all([
      context.store.replies.ofRequest(record.reference),
      context.store.outbox.ofRequest(record.reference),
    ]);
    return storedRequestView(record, { replies, notifications });
  };

  app.register(async (admin) => {
    admin.addHook('onRequest', async (request) => {
      await context.adminAuth.require(request);
    });
    admin.addHook('onSend', async (_request, reply) => {
      reply.header('Cache-Control', 'no-store');
    });

    admin.get<{ Querystring: Filters & { limit: number; offset: number; before?: string } }>(
      '/api/admin/requests',
      { schema: context.protocol.route('listRequests') },
      async (request) => {
        const records = await context.store.requests.list(listQuery(request.query));
        const replies = await context.store.replies.ofRequests(records.map((r) => r.reference));
        return records.map((record) => storedRequestView(record, { replies: replies.get(record.reference) ?? [] }));
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
        const record = await context.store.requests.getByReference(normalizeReference(request.params.reference));
        if (!record) throw new HttpError(404, 'not-found');
        return fullView(record);
      },
    );

    admin.get<{ Querystring: { limit: number; offset: number; state?: OutboxState; channel?: OutboxChannel } }>(
      '/api/admin/notifications',
      { schema: context.protocol.route('listNotifications') },
      async (request) => {
        const { limit, offset, state, channel } = request.query;
        const items = await context.store.outbox.list({
          limit,
          offset,
          ...(state ? { state } : {}),
          ...(channel ? { channel } : {}),
        });
        return items.map(notificationView);
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
        const lang = languageFrom(request.headers['accept-language']);
        // Decided on the request as it stands, kept from changing until the new step is appended.
        const outcome = await context.store.transaction(async (tx) => {
          const record = await tx.requests.getForUpdate(normalizeReference(request.params.reference));
          if (!record) return { kind: 'unknown' as const };
          const from = record.history[record.history.length - 1]!.phase;
          if (!canMove(from, change.phase, change.reopen)) return { kind: 'refused' as const, from };
          const entry = {
            at: context.now().toISOString(),
            phase: change.phase,
            code: change.code ?? change.phase,
            label: change.label ?? phaseLabel(change.phase, record.lang),
            ...(change.note ? { note: change.note } : {}),
          };
          const updated = (await tx.requests.appendStatus(record.reference, entry))!;
          // The history the citizen sees names the authority only; who made the change is in the audit.
          await tx.audit.record({
            at: entry.at,
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
          // Announced in the same transaction: the mail and the webhook exist if and only if the change does.
          const announced = await context.announcements.statusChanged(tx, context.forms.get(updated.formId), updated);
          return { kind: 'changed' as const, record: updated, announced };
        });
        if (outcome.kind === 'unknown') throw new HttpError(404, 'not-found');
        if (outcome.kind === 'refused') throw notAllowed(outcome.from, change.phase, lang);
        if (outcome.announced) context.notify();
        return fullView(outcome.record);
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
        const name = shownFileName(attachment.name);
        const asciiName = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
        reply.header(
          'Content-Disposition',
          `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        );
        return reply.type(attachment.type).send(content);
      },
    );

    agentRoutes(admin, context);
    sessionRoutes(admin, context);
  });
}

/** 409, naming the phases a request in `from` may move to, and how a final one is reopened. */
function notAllowed(from: Phase, to: Phase, lang: Language): HttpError {
  return new HttpError(409, 'transition-not-allowed', {
    params: {
      from,
      to,
      allowed: isFinalPhase(from) ? transitionHint(lang) : nextPhases(from).join(', '),
    },
    lang,
  });
}
