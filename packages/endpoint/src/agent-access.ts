/**
 * The pieces of agents' credentials (../admin-auth.ts decides who is calling): named agents'
 * tokens, the session cookie and its CSRF token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './http-error.js';
import type { Actor, SessionRecord } from './store/types.js';

/** What authorised a call, and who made it. */
export interface AgentAccess {
  actor: Actor;
  /** Present when a session cookie authorised the call (then CSRF is checked on state changes). */
  session?: SessionRecord;
}

export const SESSION_COOKIE = 'guichet_session';
export const CSRF_HEADER = 'x-csrf-token';

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** A new agent's id and token: the token is 256 random bits, so a plain SHA-256 of it is safe to keep. */
export function newAgentCredentials(): { id: string; token: string } {
  return { id: `agt_${randomBytes(9).toString('base64url')}`, token: `gat_${randomBytes(32).toString('base64url')}` };
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** A cookie rides along with any site's form post: state changes must also carry the session's token. */
export function checkCsrf(request: FastifyRequest, session: SessionRecord): void {
  const header = request.headers[CSRF_HEADER];
  const given = Buffer.from(typeof header === 'string' ? header : '');
  const expected = Buffer.from(session.csrfToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpError(403, 'csrf-failed');
}
