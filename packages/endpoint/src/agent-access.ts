/**
 * Who is calling the agents' API (`/api/admin/*`): the admin token, a named agent's token, or an
 * agent signed in with OpenID Connect (session cookie). Tokens are looked up in the store on
 * every call, so a revoked agent is refused at once, on every instance.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './http-error.js';
import type { Actor, SessionRecord, Store } from './store/types.js';

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

const unauthorized = () =>
  new HttpError(401, 'unauthorized', { headers: { 'WWW-Authenticate': 'Bearer realm="guichet-admin"' } });

export class AgentAccessCheck {
  private readonly adminDigest: Buffer | undefined;

  constructor(
    private readonly store: Store,
    adminToken: string | undefined,
    private readonly now: () => Date,
  ) {
    this.adminDigest = adminToken ? sha256(adminToken) : undefined;
  }

  /** The caller, or a 401. */
  async identify(request: FastifyRequest): Promise<AgentAccess> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
      if (!match) throw unauthorized();
      const given = sha256(match[1]!);
      // Comparing digests keeps the comparison constant-time whatever the lengths.
      if (this.adminDigest && timingSafeEqual(given, this.adminDigest))
        return { actor: { kind: 'admin', name: 'admin' } };
      const agent = await this.store.agents.byTokenHash(given);
      if (!agent) throw unauthorized();
      return { actor: { kind: 'agent', id: agent.id, name: agent.name } };
    }
    const sessionId = readCookie(request, SESSION_COOKIE);
    if (sessionId) {
      const session = await this.store.sessions.get(sha256(sessionId), this.now());
      if (session) {
        if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) checkCsrf(request, session);
        return { actor: session.actor, session };
      }
    }
    throw unauthorized();
  }
}

/** A cookie rides along with any site's form post: state changes must also carry the session's token. */
function checkCsrf(request: FastifyRequest, session: SessionRecord): void {
  const header = request.headers[CSRF_HEADER];
  const given = Buffer.from(typeof header === 'string' ? header : '');
  const expected = Buffer.from(session.csrfToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpError(403, 'csrf-failed');
}
