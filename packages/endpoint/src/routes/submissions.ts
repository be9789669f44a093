/**
 * POST /api/forms/{id}/submissions: validates the answers with core's validator (the browser is
 * never trusted), then stores exactly one request per Idempotency-Key and answers its receipt.
 */
import type { FastifyInstance } from 'fastify';
import { phaseLabel, type Channel, type Language, type Submission } from '@guichet/core';
import type { EndpointContext } from '../context.js';
import type { NewRequest } from '../store/types.js';
import { requireJson } from '../content-type.js';
import { attachmentReferences } from '../forms.js';
import { HttpError, type FieldProblem } from '../http-error.js';
import { protocolProblems } from '../protocol.js';
import { errorMessage } from '../messages.js';
import { referencePrefixFor } from '../reference-numbers.js';
import { isAttachmentId } from './attachments.js';
import { addDays, receiptView } from '../views.js';

export function submissionRoutes(app: FastifyInstance, context: EndpointContext): void {
  app.post<{ Params: { id: string }; Body: Submission & { lang: Language; channel: Channel } }>(
    '/api/forms/:id/submissions',
    {
      schema: context.protocol.route('submit'),
      // Before the schemas: an unknown form is a 404 and a form-encoded body a 415, whatever it holds.
      preValidation: async (request) => {
        if (!context.forms.get((request.params as { id: string }).id)) throw new HttpError(404, 'form-not-found');
        requireJson(request);
      },
      config: {
        invalid: {
          params: () => new HttpError(404, 'form-not-found'),
          headers: (errors) =>
            new HttpError(
              400,
              errors.some((e) => e.keyword === 'required') ? 'idempotency-key-required' : 'idempotency-key-invalid',
            ),
          body: (errors, lang) =>
            new HttpError(400, 'invalid-submission', { errors: protocolProblems(errors, lang), lang }),
        },
      },
    },
    async (request, reply) => {
      const form = context.forms.get(request.params.id)!;
      const key = request.headers['idempotency-key'] as string;
      const submission = request.body;

      const idempotencyKeyHash = context.codes.idempotencyKeyHash(form.id, key);
      const trackingCode = context.codes.trackingCodeFor(form.id, key);
      reply.header('Cache-Control', 'no-store');
      const earlier = await context.store.requests.findByIdempotencyKey(form.id, idempotencyKeyHash);
      if (earlier) return reply.code(200).send(receiptView(earlier, trackingCode));

      const lang = submission.lang;
      const errors: FieldProblem[] = form.validate(submission.data, lang);
      if (errors.length) throw new HttpError(422, 'invalid-data', { errors, lang });

      // What validate() checked is the answers without inactive fields: store exactly that.
      const data = form.clean(submission.data);
      const references = attachmentReferences(form.model.fields, data);
      const unknownAttachment = (pointer: string): FieldProblem => ({
        pointer,
        code: 'unknown-attachment',
        message: errorMessage('unknown-attachment', lang),
      });
      const misplaced: FieldProblem[] = [];
      for (const reference of references) {
        const attachment = isAttachmentId(reference.id) ? await context.store.attachments.get(reference.id) : undefined;
        if (!attachment || attachment.formId !== form.id || attachment.field !== reference.field)
          misplaced.push(unknownAttachment(reference.pointer));
      }
      if (misplaced.length) throw new HttpError(422, 'invalid-data', { errors: misplaced, lang });

      const receivedAt = context.now();
      const expectedDays = form.model.processing?.expectedDays;
      const newRequest: NewRequest = {
        formId: form.id,
        formVersion: form.model.version,
        formTitle: form.model.title[lang],
        channel: submission.channel,
        lang,
        data,
        idempotencyKeyHash,
        trackingCodeHash: context.codes.trackingCodeHash(trackingCode),
        referencePrefix: referencePrefixFor(form.id, form.model.processing?.referencePrefix),
        receivedAt,
        ...(expectedDays === undefined ? {} : { expectedBy: addDays(receivedAt, expectedDays) }),
        firstStatus: {
          at: receivedAt.toISOString(),
          phase: 'received',
          code: 'received',
          label: phaseLabel('received', lang),
        },
        attachmentIds: references.map((r) => r.id),
      };
      const result = await context.store.transaction((tx) => tx.requests.insertOrGet(newRequest));
      if (result.outcome === 'attachments-unavailable') {
        const unavailable = new Set(result.attachmentIds);
        throw new HttpError(422, 'invalid-data', {
          errors: references.filter((r) => unavailable.has(r.id)).map((r) => unknownAttachment(r.pointer)),
          lang,
        });
      }
      return reply.code(result.outcome === 'created' ? 201 : 200).send(receiptView(result.record, trackingCode));
    },
  );
}
