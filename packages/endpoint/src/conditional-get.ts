/**
 * Conditional GET for what a page downloads again on every visit (a definition, its validator):
 * an `ETag` from the content, and `304 Not Modified` without a body when the browser's copy is
 * still the one served. With `Cache-Control: no-cache` the browser asks each time, and a repeat
 * visit on a slow network costs a round trip instead of the whole file.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A strong validator for `content`: the same bytes always get the same tag, on every instance. */
export function entityTag(content: string): string {
  return `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}

/** Sets the `ETag`; true when the request's `If-None-Match` names it (the caller answers 304). */
export function isNotModified(request: FastifyRequest, reply: FastifyReply, tag: string): boolean {
  reply.header('ETag', tag);
  const header = request.headers['if-none-match'];
  if (!header) return false;
  // GET compares weakly (RFC 9110 §13.1.2): a proxy that compressed the body may have marked it W/.
  return header === '*' || header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag);
}
