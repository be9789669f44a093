/**
 * POST /api/forms/{id}/attachments (multipart, one part `file`, the field as `?field=` or a
 * `field` part before the file): checks the file's size and its real type (magic bytes, whatever
 * name or type the browser claimed), then keeps it in the store, where every instance reads it.
 * The upload goes through a private temporary file first, so a large file never sits in memory
 * before it is known to be acceptable.
 *
 * What one client can make the endpoint keep is bounded: uploads per client and hour, bytes of
 * uploads no request claimed yet per client and in all, and none at all while free space is
 * under its floor (507; everything else keeps working).
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { fileTypeFromBuffer } from 'file-type';
import { formatSize, type Attachment, type Language } from '@guichet/core';
import type { EndpointContext } from '../context.js';
import { acceptsType, type FileField } from '../forms.js';
import { HttpError } from '../http-error.js';
import { cleanName } from '../file-names.js';
import { languageFrom } from '../messages.js';

const ATTACHMENT_ID = /^att_[A-Za-z0-9_-]{16,64}$/;

export function isAttachmentId(value: string): boolean {
  return ATTACHMENT_ID.test(value);
}

export function attachmentRoutes(app: FastifyInstance, context: EndpointContext): void {
  app.post<{ Params: { id: string }; Querystring: { field?: string } }>(
    '/api/forms/:id/attachments',
    {
      schema: context.protocol.route('uploadAttachment'),
      onRequest: async (request) => context.clientLimits.count('uploads', context.limits.uploads, request),
      config: { invalid: { params: () => new HttpError(404, 'form-not-found') } },
    },
    async (request, reply) => {
      const found = context.forms.get(request.params.id);
      if (!found) throw new HttpError(404, 'form-not-found');
      const form = found;
      if (!request.isMultipart())
        throw new HttpError(415, 'unsupported-media-type', { params: { expected: 'multipart/form-data' } });
      const lang = languageFrom(request.headers['accept-language']);
      await ensureFreeSpace(context, request);
      const pick = (name: string | undefined): FileField => {
        if (name === undefined || name === '') {
          if (form.fileFields.length === 1) return form.fileFields[0]!;
          throw new HttpError(400, 'field-required');
        }
        const field = form.fileFields.find((f) => f.path === name);
        if (!field) throw new HttpError(400, 'unknown-field', { params: { field: name.slice(0, 100) } });
        return field;
      };
      const largest = Math.max(context.defaultMaxUpload, ...form.fileFields.map((f) => f.maxSize ?? 0));
      let fieldName = typeof request.query.field === 'string' ? request.query.field : undefined;
      let stored: Attachment | undefined;
      const parts = request.parts({ limits: { fileSize: largest, files: 1, fields: 4, parts: 5, fieldSize: 1024 } });
      for await (const part of parts) {
        if (part.type === 'field') {
          if (part.fieldname === 'field' && typeof part.value === 'string' && fieldName === undefined)
            fieldName = part.value;
          continue;
        }
        if (part.fieldname !== 'file' || stored) {
          part.file.resume();
          continue;
        }
        let field: FileField;
        try {
          field = pick(fieldName);
        } catch (error) {
          part.file.resume();
          throw error;
        }
        stored = await keepUpload(context, request, part, {
          accept: field.accept,
          limit: field.maxSize ?? context.defaultMaxUpload,
          lang,
          owner: { formId: form.id, field: field.path },
        });
      }
      if (!stored) throw new HttpError(400, 'file-required');
      reply.header('Cache-Control', 'no-store');
      return reply.code(201).send(stored);
    },
  );
}

/** Refuses uploads (507) while free space is under its floor; everything else keeps working. */
export async function ensureFreeSpace(context: EndpointContext, request: FastifyRequest): Promise<void> {
  if ((await freeBytes(context.storagePaths)) < context.limits.minFreeBytes) {
    request.log.error({ minFreeBytes: context.limits.minFreeBytes }, 'free space under its floor: uploads refused');
    throw new HttpError(507, 'storage-full', { headers: { 'Retry-After': '300' } });
  }
}

/** Where an upload belongs: a form's file field, or a reply to a request (REPLY_FIELD). */
export interface UploadOwner {
  formId: string;
  field: string;
  forReference?: string;
}

/**
 * Checks one uploaded file (size, real type) through a private temporary file, then stores it
 * within the client's and everyone's quota of unclaimed uploads.
 */
export async function keepUpload(
  context: EndpointContext,
  request: FastifyRequest,
  part: MultipartFile,
  options: { accept: string[]; limit: number; lang: Language; owner: UploadOwner },
): Promise<Attachment> {
  const { accept, limit, lang, owner } = options;
  const tooLarge = () => new HttpError(413, 'file-too-large', { params: { max: formatSize(limit, lang) } });
  const dir = await mkdtemp(join(context.tempDir, 'guichet-upload-'));
  try {
    const file = join(dir, 'upload');
    try {
      await pipeline(part.file, createWriteStream(file, { mode: 0o600 }));
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      throw error;
    }
    const size = part.file.bytesRead;
    if (part.file.truncated || size > limit) throw tooLarge();
    const content = await readFile(file);
    const type = await detectType(content, accept);
    if (!type || !acceptsType(accept, type)) {
      throw new HttpError(415, 'file-type-not-accepted', { params: { accept: accept.join(', ') || '—' } });
    }
    const attachment: Attachment = { id: newAttachmentId(), name: cleanName(part.filename), size, type };
    const createdAt = context.now().toISOString();
    const { unclaimedBytesPerClient: perClient, unclaimedBytesTotal: total } = context.limits;
    const outcome = await context.store.transaction((tx) =>
      tx.attachments.insert({ ...attachment, ...owner, createdAt }, content, {
        clientKey: context.clientLimits.clientKey(request),
        perClient,
        total,
      }),
    );
    if (outcome === 'client-quota')
      throw new HttpError(429, 'upload-quota', { params: { max: formatSize(perClient, lang) } });
    if (outcome === 'total-quota') {
      request.log.error({ unclaimedBytesTotal: total }, 'unclaimed uploads at their total quota: uploads refused');
      throw new HttpError(507, 'storage-full', { headers: { 'Retry-After': '300' } });
    }
    return attachment;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function newAttachmentId(): string {
  return `att_${randomBytes(18).toString('base64url')}`;
}

/**
 * The media type from the file's first bytes. Plain text has no magic number: it counts as
 * text/plain only when the field accepts text and the whole file is valid UTF-8 without NUL.
 */
async function detectType(content: Buffer, accept: string[]): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(content);
  if (detected) return detected.mime;
  if (!accept.some((type) => type === 'text/plain' || type === 'text/*')) return undefined;
  if (content.includes(0)) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return 'text/plain';
  } catch {
    return undefined;
  }
}

/** The least free space (for an unprivileged user) among the folders new files go to. */
async function freeBytes(paths: string[]): Promise<number> {
  const sizes = await Promise.all(
    paths.map(async (path) => {
      const stats = await statfs(path);
      return stats.bavail * stats.bsize;
    }),
  );
  return Math.min(...sizes);
}
