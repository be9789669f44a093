/**
 * Conditional GET for what a page downloads again on every visit (a definition, its validator):
 * an `ETag` from the content, and `304 Not Modified` without a body when the browser's copy is
 * still the one served. With `Cache-Control: no-cache` the browser asks each time, and a repeat
 * visit on a slow network costs a round trip instead of the whole file.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A weak validator for `content`: the same content always gets the same tag, on every instance.
 * Weak because the body goes out compressed or not, as the browser accepts (server.ts), and a
 * strong tag would have to differ between those encodings (RFC 9110 §8.8.1).
 */
export function entityTag(content: string): string {
  return `W/"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}

/** Sets the `ETag`; true when the request's `If-None-Match` names it (the caller answers 304). */
export function isNotModified(request: FastifyRequest, reply: FastifyReply, tag: string): boolean {
  reply.header('ETag', tag);
  const header = request.headers['if-none-match'];
  if (!header) return false;
  // GET compares weakly (RFC 9110 §13.1.2): a copy the browser or a proxy holds as strong still counts.
  const opaque = tag.replace(/^W\//, '');
  return header === '*' || header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}
