/**
 * POST /api/forms/{id}/attachments (multipart, one part `file`, the field as `?field=` or a
 * `field` part before the file): stores the file outside any served folder after checking its
 * size and its real type (magic bytes, whatever name or type the browser claimed).
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { fileTypeFromFile } from 'file-type';
import { formatSize, type Attachment } from '@guichet/core';
import type { EndpointContext } from '../context.js';
import { acceptsType, type FileField } from '../forms.js';
import { HttpError } from '../http-error.js';
import { languageFrom } from '../messages.js';

export function attachmentRoutes(app: FastifyInstance, context: EndpointContext): void {
  app.post<{ Params: { id: string }; Querystring: { field?: string } }>(
    '/api/forms/:id/attachments',
    async (request, reply) => {
      const found = context.forms.get(request.params.id);
      if (!found) throw new HttpError(404, 'form-not-found');
      const form = found;
      if (!request.isMultipart())
        throw new HttpError(415, 'unsupported-media-type', { params: { expected: 'multipart/form-data' } });
      const lang = languageFrom(request.headers['accept-language']);
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
        stored = await store(part, field);
      }
      if (!stored) throw new HttpError(400, 'file-required');
      reply.header('Cache-Control', 'no-store');
      return reply.code(201).send(stored);

      async function store(part: MultipartFile, field: FileField): Promise<Attachment> {
        const id = context.files.newId();
        const limit = field.maxSize ?? context.defaultMaxUpload;
        const tooLarge = () => new HttpError(413, 'file-too-large', { params: { max: formatSize(limit, lang) } });
        try {
          await pipeline(part.file, createWriteStream(context.files.partPath(id), { mode: 0o600 }));
        } catch (error) {
          await context.files.discard(id);
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
          throw error;
        }
        try {
          const size = part.file.bytesRead;
          if (part.file.truncated || size > limit) throw tooLarge();
          const type = await detectType(context.files.partPath(id), field.accept);
          if (!type || !acceptsType(field.accept, type)) {
            throw new HttpError(415, 'file-type-not-accepted', { params: { accept: field.accept.join(', ') || '—' } });
          }
          const attachment: Attachment = { id, name: cleanName(part.filename), size, type };
          await context.files.commit(id);
          await context.store.insertAttachment({
            ...attachment,
            formId: form.id,
            field: field.path,
            createdAt: context.now().toISOString(),
          });
          return attachment;
        } catch (error) {
          await context.files.discard(id);
          throw error;
        }
      }
    },
  );
}

/**
 * The media type from the file's first bytes. Plain text has no magic number: it counts as
 * text/plain only when the field accepts text and the whole file is valid UTF-8 without NUL.
 */
async function detectType(path: string, accept: string[]): Promise<string | undefined> {
  const detected = await fileTypeFromFile(path);
  if (detected) return detected.mime;
  if (!accept.some((type) => type === 'text/plain' || type === 'text/*')) return undefined;
  const bytes = await readFile(path);
  if (bytes.includes(0)) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/plain';
  } catch {
    return undefined;
  }
}

/** The file's own name, without any folder, control character or excessive length. */
function cleanName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return clean || 'fichier';
}
