/**
 * Who is calling the agents' API, in one place: the admin token (`GUICHET_ADMIN_TOKEN`), a named
 * agent's token (looked up in the store on every call, so a revoked agent is refused at once, on
 * every instance), or an agent signed in with OpenID Connect (session cookie, with its CSRF token
 * on every state change). Every route asks `require()`; a citizen's route an agent may use (a
 * submission entered at the counter) asks `identify()`.
 *
 * Wrong credentials are counted per client address in the store (every instance sees the same
 * count) and logged with the address and time; once an address has used its allowance up, it
 * gets 429 before its credentials are even looked at, so guessing stays slow across instances.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { checkCsrf, readCookie, SESSION_COOKIE, sha256, type AgentAccess } from './agent-access.js';
import type { ClientLimits } from './client-limits.js';
import { HttpError } from './http-error.js';
import type { Allowance } from './limits.js';
import type { Store } from './store/types.js';

export type { AgentAccess };

export interface AdminAuthOptions {
  /** Without one, only named agents and sessions get in. */
  adminToken: string | undefined;
  store: Store;
  limits: ClientLimits;
  failures: Allowance;
  now: () => Date;
}

/** Rethrows anything but a 429. */
function unlessRateLimited(error: unknown): void {
  if (!(error instanceof HttpError && error.statusCode === 429)) throw error;
}

const unauthorized = () =>
  new HttpError(401, 'unauthorized', { headers: { 'WWW-Authenticate': 'Bearer realm="guichet-admin"' } });

export class AdminAuth {
  private readonly expected: Buffer | undefined;
  private readonly identified = new WeakMap<FastifyRequest, AgentAccess>();

  constructor(private readonly options: AdminAuthOptions) {
    this.expected = options.adminToken ? sha256(options.adminToken) : undefined;
  }

  /**
   * Who the request's credentials name, for the agents' API: 401 without credentials or with
   * wrong ones (counted and logged), 429 once its address has presented too many; 403 when a
   * session's state change lacks its CSRF token. `accessOf` reads it back.
   */
  async require(request: FastifyRequest): Promise<AgentAccess> {
    const header = request.headers.authorization;
    if (header === undefined) {
      const session = await this.session(request);
      if (!session) throw unauthorized();
      this.identified.set(request, session);
      return session;
    }
    const { limits, failures } = this.options;
    await limits.check('admin-failures', failures, request);
    const access = await this.named(header);
    if (access) {
      this.identified.set(request, access);
      return access;
    }
    await this.failed(request);
    throw unauthorized();
  }

  /**
   * The agent behind a citizen's route (a submission an agent enters), or undefined: decided once
   * per request (`accessOf` reads it back). Anything but a Bearer token is a citizen's (a page
   * behind HTTP authentication sends its own credentials). A wrong Bearer token is a failed
   * authentication like on the agents' API, logged and counted, but the request goes on as a
   * citizen's and its answer says nothing of the verdict; an address past its allowance of
   * failures is a citizen whatever it sends, so this route is no way around the limit either.
   */
  async identify(request: FastifyRequest): Promise<AgentAccess | undefined> {
    const header = request.headers.authorization;
    let access: AgentAccess | undefined;
    if (header !== undefined && /^Bearer\s/i.test(header)) {
      const { limits, failures } = this.options;
      if (await limits.within('admin-failures', failures, request)) {
        access = await this.named(header);
        // Past the allowance with this very failure: still a citizen's request, which goes on.
        if (!access) await this.failed(request).catch(unlessRateLimited);
      }
    }
    if (access) this.identified.set(request, access);
    return access;
  }

  /** Who `require` or `identify` found for this request, if anyone. */
  accessOf(request: FastifyRequest): AgentAccess | undefined {
    return this.identified.get(request);
  }

  private async failed(request: FastifyRequest): Promise<void> {
    request.log.warn(
      { address: request.ip, at: this.options.now().toISOString(), route: request.routeOptions.url },
      'failed admin authentication',
    );
    await this.options.limits.count('admin-failures', this.options.failures, request);
  }

  /** The admin or the named agent a Bearer header carries the token of. */
  private async named(header: string): Promise<AgentAccess | undefined> {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!match) return undefined;
    const given = sha256(match[1]!);
    // Comparing digests keeps the comparison constant-time whatever the lengths.
    if (this.expected && timingSafeEqual(given, this.expected)) return { actor: { kind: 'admin', name: 'admin' } };
    const agent = await this.options.store.agents.byTokenHash(given);
    return agent ? { actor: { kind: 'agent', id: agent.id, name: agent.name } } : undefined;
  }

  /** The signed-in agent of the session cookie, its CSRF token checked on a state change. */
  private async session(request: FastifyRequest): Promise<AgentAccess | undefined> {
    const sessionId = readCookie(request, SESSION_COOKIE);
    if (!sessionId) return undefined;
    const session = await this.options.store.sessions.get(sha256(sessionId), this.options.now());
    if (!session) return undefined;
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) checkCsrf(request, session);
    return { actor: session.actor, session };
  }
}
