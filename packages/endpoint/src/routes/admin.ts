/**
 * The agents' API (who may call it: ../admin-auth.ts): list and read requests, append a status
 * change, download an attachment. Without credentials, every call is 401.
 */
import type { FastifyInstance } from 'fastify';
import { isFinalPhase, phaseLabel, type Language, type Phase, type StatusChange } from '@guichet/core';
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

export function adminRoutes(app: FastifyInstance, context: EndpointContext): void {
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

    admin.get<{ Querystring: { limit: number; offset: number; formId?: string } }>(
      '/api/admin/requests',
      { schema: context.protocol.route('listRequests') },
      async (request) => {
        const { limit, offset, formId } = request.query;
        const records = await context.store.requests.list({ limit, offset, ...(formId ? { formId } : {}) });
        const replies = await context.store.replies.ofRequests(records.map((r) => r.reference));
        return records.map((record) => storedRequestView(record, { replies: replies.get(record.reference) ?? [] }));
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
          const updated = await tx.requests.appendStatus(record.reference, {
            at: context.now().toISOString(),
            phase: change.phase,
            code: change.code ?? change.phase,
            label: change.label ?? phaseLabel(change.phase, record.lang),
            ...(change.note ? { note: change.note } : {}),
          });
          // Announced in the same transaction: the mail and the webhook exist if and only if the change does.
          await context.announcements.statusChanged(tx, context.forms.get(updated!.formId), updated!);
          return { kind: 'changed' as const, record: updated! };
        });
        if (outcome.kind === 'unknown') throw new HttpError(404, 'not-found');
        if (outcome.kind === 'refused') throw notAllowed(outcome.from, change.phase, lang);
        context.notify();
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
        const name = shownFileName(attachment.name);
        const asciiName = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
        reply.header(
          'Content-Disposition',
          `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        );
        return reply.type(attachment.type).send(content);
      },
    );
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
