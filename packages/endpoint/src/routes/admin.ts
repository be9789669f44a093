/**
 * The agents' API, behind `Authorization: Bearer $GUICHET_ADMIN_TOKEN`: list and read requests,
 * append a status change, download an attachment. Without a configured token, every call is 401.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Phase } from '@guichet/core';
import type { EndpointContext } from '../context.js';
import { HttpError, type FieldProblem } from '../http-error.js';
import { phaseLabels } from '../messages.js';
import { normalizeReference } from '../references.js';
import { storedRequestView } from '../views.js';
import { requireJson } from '../content-type.js';

const PHASES = Object.keys(phaseLabels) as Phase[];
const TEXT_LIMITS = { code: 100, label: 200, note: 4000 } as const;

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

    admin.get<{ Querystring: Record<string, unknown> }>('/api/admin/requests', async (request) => {
      const limit = integerParameter(request.query.limit, 50, 1, 500);
      const offset = integerParameter(request.query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
      const formId = request.query.formId;
      if (formId !== undefined && typeof formId !== 'string') throw new HttpError(400, 'invalid-query');
      const records = await context.store.list({ limit, offset, ...(formId ? { formId } : {}) });
      return records.map(storedRequestView);
    });

    admin.get<{ Params: { reference: string } }>('/api/admin/requests/:reference', async (request) => {
      const record = await context.store.getByReference(normalizeReference(request.params.reference));
      if (!record) throw new HttpError(404, 'not-found');
      return storedRequestView(record);
    });

    admin.post<{ Params: { reference: string } }>('/api/admin/requests/:reference/status', async (request) => {
      requireJson(request);
      const change = readStatusChange(request.body);
      const record = await context.store.getByReference(normalizeReference(request.params.reference));
      if (!record) throw new HttpError(404, 'not-found');
      const updated = await context.store.appendStatus(record.reference, {
        at: context.now().toISOString(),
        phase: change.phase,
        code: change.code ?? change.phase,
        label: change.label ?? phaseLabels[change.phase][record.lang],
        ...(change.note ? { note: change.note } : {}),
      });
      if (!updated) throw new HttpError(404, 'not-found');
      return storedRequestView(updated);
    });

    admin.get<{ Params: { id: string } }>('/api/admin/attachments/:id', async (request, reply) => {
      const id = request.params.id;
      const attachment = context.files.isId(id) ? await context.store.getAttachment(id) : undefined;
      if (!attachment) throw new HttpError(404, 'attachment-not-found');
      const asciiName = attachment.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
      reply.header(
        'Content-Disposition',
        `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
      );
      reply.header('Content-Length', String(attachment.size));
      return reply.type(attachment.type).send(createReadStream(context.files.path(id)));
    });
  });
}

function integerParameter(value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) throw new HttpError(400, 'invalid-query');
  return number;
}

interface Change {
  phase: Phase;
  code?: string;
  label?: string;
  note?: string;
}

function readStatusChange(body: unknown): Change {
  const errors: FieldProblem[] = [];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(422, 'invalid-status-change', {
      errors: [{ pointer: '', code: 'type', message: 'must be an object' }],
    });
  }
  const { phase, ...texts } = body as Record<string, unknown>;
  if (typeof phase !== 'string' || !PHASES.includes(phase as Phase)) {
    errors.push({ pointer: '/phase', code: 'enum', message: `must be one of ${PHASES.join(', ')}` });
  }
  for (const [name, value] of Object.entries(texts)) {
    const limit = TEXT_LIMITS[name as keyof typeof TEXT_LIMITS];
    if (limit === undefined)
      errors.push({ pointer: `/${name}`, code: 'additionalProperties', message: 'is not part of a status change' });
    else if (typeof value !== 'string' || value.trim() === '' || value.length > limit) {
      errors.push({
        pointer: `/${name}`,
        code: 'type',
        message: `must be a non-empty string of at most ${limit} characters`,
      });
    }
  }
  if (errors.length) throw new HttpError(422, 'invalid-status-change', { errors });
  return body as Change;
}
