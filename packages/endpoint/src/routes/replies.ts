/**
 * The citizen's answer from the tracker while a request waits for them (action_required):
 * POST /api/requests/{reference}/attachments uploads a file for it, then
 * POST /api/requests/{reference}/replies sends the message and the files. Both are
 * authenticated by the reference and the tracking code (X-Guichet-Tracking-Code, never in a
 * URL), rate-limited like a status look-up; the reply is stored once per Idempotency-Key and
 * announced to the back office in the same transaction.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Language, ReplyRequest } from '@guichet/core';
import type { EndpointContext } from '../context.js';
import { requireJson } from '../content-type.js';
import { HttpError, type FieldProblem } from '../http-error.js';
import { errorMessage, languageFrom } from '../messages.js';
import { protocolProblems } from '../protocol.js';
import { REPLY_FIELD, type RequestRecord } from '../store/types.js';
import { statusView } from '../views.js';
import { ensureFreeSpace, keepUpload } from './attachments.js';
import { notFound, requestWithCode } from './requests.js';

/** What a citizen may send with a reply: documents and photos. */
export const REPLY_ACCEPT = ['application/pdf', 'image/png', 'image/jpeg'];

type Authenticated = FastifyRequest<{ Params: { reference: string } }>;

export function replyRoutes(app: FastifyInstance, context: EndpointContext): void {
  /** The request, when the code is its own and it waits for the citizen; the same 404 otherwise. */
  const waitingRequest = async (request: Authenticated): Promise<RequestRecord> => {
    const code = String(request.headers['x-guichet-tracking-code'] ?? '');
    const record = await requestWithCode(context, request.params.reference, code);
    if (!record) throw notFound();
    if (record.history[record.history.length - 1]!.phase !== 'action_required')
      throw new HttpError(409, 'reply-not-expected');
    return record;
  };
  const codeMissing = (errors: { params: Record<string, unknown> }[]) =>
    errors.some((e) => e.params.missingProperty === 'x-guichet-tracking-code') ||
    errors.every((e) => !('missingProperty' in e.params));

  app.post<{ Params: { reference: string } }>(
    '/api/requests/:reference/attachments',
    {
      schema: context.protocol.route('uploadReplyAttachment'),
      // A reference and code are tried here as on a look-up: the same allowance, before anything else.
      onRequest: async (request) => {
        await context.clientLimits.count('lookups', context.limits.lookups, request);
        await context.clientLimits.count('uploads', context.limits.uploads, request);
      },
      config: {
        invalid: { params: notFound, headers: notFound },
      },
    },
    async (request, reply) => {
      const record = await waitingRequest(request);
      if (!request.isMultipart())
        throw new HttpError(415, 'unsupported-media-type', { params: { expected: 'multipart/form-data' } });
      const lang = languageFrom(request.headers['accept-language']);
      await ensureFreeSpace(context, request);
      const limit = context.defaultMaxUpload;
      const parts = request.parts({ limits: { fileSize: limit, files: 1, fields: 2, parts: 3, fieldSize: 1024 } });
      let stored;
      for await (const part of parts) {
        if (part.type === 'field') continue;
        if (part.fieldname !== 'file' || stored) {
          part.file.resume();
          continue;
        }
        stored = await keepUpload(context, request, part, {
          accept: REPLY_ACCEPT,
          limit,
          lang,
          owner: { formId: record.formId, field: REPLY_FIELD, forReference: record.reference },
        });
      }
      if (!stored) throw new HttpError(400, 'file-required');
      reply.header('Cache-Control', 'no-store');
      return reply.code(201).send(stored);
    },
  );

  app.post<{ Params: { reference: string }; Body: ReplyRequest & { lang: Language } }>(
    '/api/requests/:reference/replies',
    {
      schema: context.protocol.route('replyToRequest'),
      preValidation: async (request) => requireJson(request),
      onRequest: async (request) => context.clientLimits.count('lookups', context.limits.lookups, request),
      config: {
        invalid: {
          params: notFound,
          headers: (errors) => {
            if (codeMissing(errors as { params: Record<string, unknown> }[])) return notFound();
            return new HttpError(
              400,
              errors.some((e) => e.keyword === 'required') ? 'idempotency-key-required' : 'idempotency-key-invalid',
            );
          },
          body: (errors, lang) => new HttpError(422, 'invalid-reply', { errors: protocolProblems(errors, lang), lang }),
        },
      },
    },
    async (request, reply) => {
      const record = await waitingRequest(request);
      const body = request.body;
      const lang = body.lang ?? record.lang;
      const key = request.headers['idempotency-key'] as string;
      const attachmentIds = body.attachments ?? [];
      const result = await context.store.transaction(async (tx) => {
        const inserted = await tx.replies.insertOrGet({
          reference: record.reference,
          id: `rep_${randomBytes(16).toString('base64url')}`,
          at: context.now().toISOString(),
          ...(body.message !== undefined ? { message: body.message.trim() } : {}),
          lang,
          idempotencyKeyHash: context.codes.idempotencyKeyHash(`reply:${record.reference}`, key),
          attachmentIds,
        });
        const announced =
          inserted.outcome === 'created' && (await context.announcements.replied(tx, record, inserted.reply));
        return { ...inserted, announced };
      });
      if (result.outcome === 'request-not-found') throw notFound();
      if (result.outcome === 'attachments-unavailable') {
        const unavailable = new Set(result.attachmentIds);
        const errors: FieldProblem[] = attachmentIds
          .map((id, index) => ({ id, index }))
          .filter(({ id }) => unavailable.has(id))
          .map(({ index }) => ({
            pointer: `/attachments/${index}`,
            code: 'unknown-attachment',
            message: errorMessage('unknown-attachment', lang),
          }));
        throw new HttpError(422, 'invalid-reply', { errors, lang });
      }
      if (result.announced) context.notify();
      reply.header('Cache-Control', 'no-store');
      const replies = await context.store.replies.ofRequest(record.reference);
      return reply.code(result.outcome === 'created' ? 201 : 200).send(statusView(record, record.history, replies));
    },
  );
}
