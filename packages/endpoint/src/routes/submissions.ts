/**
 * POST /api/forms/{id}/submissions: validates the answers with core's validator (the browser is
 * never trusted), then stores exactly one request per Idempotency-Key and answers its receipt.
 */
import type { FastifyInstance } from 'fastify';
import { phaseLabel, type Channel, type Language } from '@guichet/core';
import type { EndpointContext } from '../context.js';
import { requireJson } from '../content-type.js';
import { attachmentReferences } from '../forms.js';
import { HttpError, type FieldProblem } from '../http-error.js';
import { errorMessage } from '../messages.js';
import { referencePrefixFor } from '../references.js';
import { addDays, receiptView } from '../views.js';

const CHANNELS: readonly Channel[] = ['web', 'counter', 'phone', 'mail'];
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

interface Envelope {
  formVersion: string;
  channel: Channel;
  lang: Language;
  data: Record<string, unknown>;
}

export function submissionRoutes(app: FastifyInstance, context: EndpointContext): void {
  app.post<{ Params: { id: string } }>('/api/forms/:id/submissions', async (request, reply) => {
    const form = context.forms.get(request.params.id);
    if (!form) throw new HttpError(404, 'form-not-found');
    requireJson(request);
    const key = request.headers['idempotency-key'];
    if (key === undefined || key === '') throw new HttpError(400, 'idempotency-key-required');
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) throw new HttpError(400, 'idempotency-key-invalid');
    const submission = readEnvelope(request.body);

    const idempotencyKeyHash = context.secrets.idempotencyKeyHash(form.id, key);
    const trackingCode = context.secrets.trackingCodeFor(form.id, key);
    reply.header('Cache-Control', 'no-store');
    const earlier = await context.store.findByIdempotencyKey(form.id, idempotencyKeyHash);
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
      const attachment = context.files.isId(reference.id) ? await context.store.getAttachment(reference.id) : undefined;
      if (!attachment || attachment.formId !== form.id || attachment.field !== reference.field)
        misplaced.push(unknownAttachment(reference.pointer));
    }
    if (misplaced.length) throw new HttpError(422, 'invalid-data', { errors: misplaced, lang });

    const receivedAt = context.now();
    const expectedDays = form.model.processing?.expectedDays;
    const result = await context.store.insertOrGet({
      formId: form.id,
      formVersion: form.model.version,
      formTitle: form.model.title[lang],
      channel: submission.channel,
      lang,
      data,
      idempotencyKeyHash,
      trackingCodeHash: context.secrets.trackingCodeHash(trackingCode),
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
    });
    if (result.outcome === 'attachments-unavailable') {
      const unavailable = new Set(result.attachmentIds);
      throw new HttpError(422, 'invalid-data', {
        errors: references.filter((r) => unavailable.has(r.id)).map((r) => unknownAttachment(r.pointer)),
        lang,
      });
    }
    return reply.code(result.outcome === 'created' ? 201 : 200).send(receiptView(result.record, trackingCode));
  });
}

function readEnvelope(body: unknown): Envelope {
  const errors: FieldProblem[] = [];
  const problem = (pointer: string, code: string, message: string) => errors.push({ pointer, code, message });
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'invalid-submission', {
      errors: [{ pointer: '', code: 'type', message: 'must be an object' }],
    });
  }
  const { formVersion, channel = 'web', lang = 'fr', data, ...rest } = body as Record<string, unknown>;
  if (typeof formVersion !== 'string') problem('/formVersion', 'required', 'must be a string');
  if (typeof channel !== 'string' || !CHANNELS.includes(channel as Channel))
    problem('/channel', 'enum', `must be one of ${CHANNELS.join(', ')}`);
  if (lang !== 'fr' && lang !== 'en') problem('/lang', 'enum', 'must be fr or en');
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    problem('/data', 'required', 'must be an object');
  for (const name of Object.keys(rest)) problem(`/${name}`, 'additionalProperties', 'is not part of a submission');
  if (errors.length) throw new HttpError(400, 'invalid-submission', { errors });
  return {
    formVersion: formVersion as string,
    channel: channel as Channel,
    lang: lang as Language,
    data: data as Record<string, unknown>,
  };
}
