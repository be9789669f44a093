/**
 * POST /api/forms/{id}/submissions: validates the answers with core's validator (the browser is
 * never trusted), against the version of the form the citizen filled in, then stores exactly one
 * request per Idempotency-Key and answers its receipt.
 *
 * An Idempotency-Key is a bearer of the receipt (its tracking code derives from it), so it is
 * treated as payment APIs treat theirs: a replay must carry the same body (else 422, saying so),
 * it answers the receipt again only for a while (`limits.idempotencyKeyTtlMs`), and every try,
 * replays included, counts against the client's allowance of submissions (an agent's, sent with
 * their credentials, do not).
 */
import type { FastifyInstance } from 'fastify';
import { phaseLabel, type Channel, type Language, type Submission } from '@guichet/core';
import type { EndpointContext } from '../context.js';
import type { FormEntry } from '../forms.js';
import type { NewRequest, RequestRecord } from '../store/types.js';
import { requireJson } from '../content-type.js';
import { attachmentReferences, type AttachmentReference } from '../forms.js';
import { HttpError, type FieldProblem } from '../http-error.js';
import { protocolProblems } from '../protocol.js';
import { errorMessage } from '../messages.js';
import { referencePrefixFor } from '../reference-numbers.js';
import { isAttachmentId } from './attachments.js';
import { addDays, receiptView } from '../views.js';

type SubmissionBody = Submission & { lang: Language; channel: Channel };

export function submissionRoutes(app: FastifyInstance, context: EndpointContext): void {
  const maxErrors = context.protocol.maxErrors();
  const { idempotencyKeyTtlMs } = context.limits;

  /** A replay of a stored request's key: its receipt, unless the body differs or the key expired. */
  const replay = (earlier: RequestRecord, submissionHash: Buffer, lang: Language, trackingCode: string) => {
    if (earlier.submissionHash && !earlier.submissionHash.equals(submissionHash))
      throw new HttpError(422, 'idempotency-key-reused', { lang });
    if (context.now().getTime() - Date.parse(earlier.createdAt) > idempotencyKeyTtlMs)
      throw new HttpError(422, 'idempotency-key-expired', {
        params: { hours: Math.round(idempotencyKeyTtlMs / 3_600_000) },
        lang,
      });
    return receiptView(earlier, trackingCode);
  };

  app.post<{ Params: { id: string }; Body: SubmissionBody }>(
    '/api/forms/:id/submissions',
    {
      schema: context.protocol.route('submit'),
      // An agent entering requests at a counter is who their credentials say, not an address.
      onRequest: async (request) => {
        if (!(await context.adminAuth.identify(request)))
          await context.clientLimits.count('submissions', context.limits.submissions, request);
      },
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
      const key = request.headers['idempotency-key'] as string;
      const submission = request.body;
      const lang = submission.lang;
      // An agent's credentials make the request one an agent entered; anything else, a citizen's.
      const agent = context.adminAuth.accessOf(request);
      const formId = request.params.id;

      const idempotencyKeyHash = context.codes.idempotencyKeyHash(formId, key);
      const submissionHash = context.codes.submissionHash(formId, submission);
      const trackingCode = context.codes.trackingCodeFor(formId, key);
      reply.header('Cache-Control', 'no-store');
      let prepared: Prepared;
      try {
        prepared = await prepare(
          context,
          formId,
          submission,
          { idempotencyKeyHash, submissionHash, trackingCode },
          agent !== undefined,
          maxErrors,
        );
      } catch (error) {
        // A retry of a stored request gets its receipt whatever refuses its body today (a form
        // version gone, a rule changed). Looked up only then: a new submission, the common case,
        // meets a stored one in the insert itself, which saves a round trip to the database.
        const earlier = await context.store.requests.findByIdempotencyKey(formId, idempotencyKeyHash);
        if (earlier) return reply.code(200).send(replay(earlier, submissionHash, lang, trackingCode));
        throw error;
      }
      const { form, newRequest, references } = prepared;
      // The form's reference counter is the row every submission of it locks: see UnitOptions.
      const lockKey = `${newRequest.referencePrefix}-${newRequest.receivedAt.getUTCFullYear()}`;
      // Most forms announce nothing (no address to mail, no webhook): then the filing is all the
      // unit does, and the store commits it without a transaction around it.
      const result = context.announcements.announcesCreation(form, newRequest.data)
        ? await context.store.fileRequest(
            newRequest,
            async (tx, inserted) => {
              const announced =
                inserted.outcome === 'created' &&
                (await context.announcements.requestCreated(tx, form, inserted.record, trackingCode));
              return { ...inserted, announced };
            },
            { lockKey },
          )
        : { ...(await context.store.fileRequest(newRequest, undefined, { lockKey })), announced: false };
      if (result.announced) context.notify();
      if (result.outcome === 'attachments-unavailable') {
        const unavailable = new Set(result.attachmentIds);
        throw new HttpError(422, 'invalid-data', {
          errors: references
            .filter((r) => unavailable.has(r.id))
            .map((r) => unknownAttachment(r.pointer, lang))
            .slice(0, maxErrors),
          lang,
        });
      }
      // Another try with the same key was stored meanwhile (on this instance or another).
      if (result.outcome === 'replayed')
        return reply.code(200).send(replay(result.record, submissionHash, lang, trackingCode));
      return reply.code(201).send(receiptView(result.record, trackingCode));
    },
  );
}

/** The form as the citizen saw it: this version now, or as served earlier; 409 when never served. */
async function formVersion(
  context: EndpointContext,
  formId: string,
  version: string,
  lang: Language,
): Promise<FormEntry> {
  const form = await context.forms.version(context.store, formId, version);
  if (!form) throw new HttpError(409, 'form-version-unknown', { lang });
  return form;
}

interface Prepared {
  form: FormEntry;
  newRequest: NewRequest;
  references: AttachmentReference[];
}

/**
 * The request to store, once the answers passed the form version's rules and name only this
 * form's attachments; throws the HttpError refusing them otherwise.
 */
async function prepare(
  context: EndpointContext,
  formId: string,
  submission: SubmissionBody,
  hashes: { idempotencyKeyHash: Buffer; submissionHash: Buffer; trackingCode: string },
  byAgent: boolean,
  maxErrors: number,
): Promise<Prepared> {
  const { lang } = submission;
  const { idempotencyKeyHash, submissionHash, trackingCode } = hashes;
  const form = await formVersion(context, formId, submission.formVersion, lang);
  const errors: FieldProblem[] = form.validate(submission.data, { lang, maxErrors });
  if (errors.length) throw new HttpError(422, 'invalid-data', { errors, lang });

  // What validate() checked is the answers without inactive fields: store exactly that.
  const data = form.clean(submission.data);
  const references = attachmentReferences(form.model.fields, data);
  const misplaced: FieldProblem[] = [];
  for (const reference of references) {
    const attachment = isAttachmentId(reference.id) ? await context.store.attachments.get(reference.id) : undefined;
    if (!attachment || attachment.formId !== form.id || attachment.field !== reference.field)
      misplaced.push(unknownAttachment(reference.pointer, lang));
  }
  if (misplaced.length) throw new HttpError(422, 'invalid-data', { errors: misplaced.slice(0, maxErrors), lang });

  const receivedAt = context.now();
  const expectedDays = form.model.processing?.expectedDays;
  const newRequest: NewRequest = {
    formId: form.id,
    formVersion: form.model.version,
    formTitle: form.model.title[lang],
    channel: submission.channel,
    byAgent,
    lang,
    data,
    idempotencyKeyHash,
    submissionHash,
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
  return { form, newRequest, references };
}

function unknownAttachment(pointer: string, lang: Language): FieldProblem {
  return { pointer, code: 'unknown-attachment', message: errorMessage('unknown-attachment', lang) };
}
