import type { FastifyRequest } from 'fastify';
import { HttpError } from './http-error.js';

/** 415 unless the body was sent as application/json (Fastify also parses text/plain and multipart). */
export function requireJson(request: FastifyRequest): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    throw new HttpError(415, 'unsupported-media-type', { params: { expected: 'application/json' } });
}
