/**
 * Who is calling the agents' API, in one place: today the one admin token
 * (`GUICHET_ADMIN_TOKEN`); named agent tokens and OpenID Connect sessions (issue 21) are more
 * kinds of `Agent` recognised here, so every route keeps asking `require()` or `identify()`.
 *
 * Wrong credentials are counted per client address in the store (every instance sees the same
 * count) and logged with the address and time; once an address has used its allowance up, it
 * gets 429 before its credentials are even looked at, so guessing stays slow across instances.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ClientLimits } from './client-limits.js';
import { HttpError } from './http-error.js';
import type { Allowance } from './limits.js';

/** Whoever the credentials name. */
export interface Agent {
  kind: 'admin';
}

export interface AdminAuthOptions {
  /** Without one, every credential is wrong. */
  adminToken: string | undefined;
  limits: ClientLimits;
  failures: Allowance;
  now: () => Date;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Rethrows anything but a 429. */
function unlessRateLimited(error: unknown): void {
  if (!(error instanceof HttpError && error.statusCode === 429)) throw error;
}

const unauthorized = () =>
  new HttpError(401, 'unauthorized', { headers: { 'WWW-Authenticate': 'Bearer realm="guichet-admin"' } });

export class AdminAuth {
  private readonly expected: Buffer | undefined;
  private readonly identified = new WeakMap<FastifyRequest, Agent>();

  constructor(private readonly options: AdminAuthOptions) {
    this.expected = options.adminToken ? digest(options.adminToken) : undefined;
  }

  /**
   * The agent the request's credentials name, for the agents' API: 401 without credentials or
   * with wrong ones (counted and logged), 429 once its address has presented too many.
   */
  async require(request: FastifyRequest): Promise<Agent> {
    const header = request.headers.authorization;
    if (header === undefined) throw unauthorized();
    const { limits, failures } = this.options;
    await limits.check('admin-failures', failures, request);
    const agent = this.agentNamedBy(header);
    if (agent) return agent;
    await this.failed(request);
    throw unauthorized();
  }

  /**
   * The agent behind a citizen's route (a submission an agent enters), or undefined: decided once
   * per request (`agentOf` reads it back). Anything but a Bearer token is a citizen's (a page
   * behind HTTP authentication sends its own credentials). A wrong Bearer token is a failed
   * authentication like on the agents' API, logged and counted, but the request goes on as a
   * citizen's and its answer says nothing of the verdict; an address past its allowance of
   * failures is a citizen whatever it sends, so this route is no way around the limit either.
   */
  async identify(request: FastifyRequest): Promise<Agent | undefined> {
    const header = request.headers.authorization;
    let agent: Agent | undefined;
    if (header !== undefined && /^Bearer\s/i.test(header)) {
      const { limits, failures } = this.options;
      if (await limits.within('admin-failures', failures, request)) {
        agent = this.agentNamedBy(header);
        // Past the allowance with this very failure: still a citizen's request, which goes on.
        if (!agent) await this.failed(request).catch(unlessRateLimited);
      }
    }
    if (agent) this.identified.set(request, agent);
    return agent;
  }

  /** The agent `identify` found for this request, if any. */
  agentOf(request: FastifyRequest): Agent | undefined {
    return this.identified.get(request);
  }

  private async failed(request: FastifyRequest): Promise<void> {
    request.log.warn(
      { address: request.ip, at: this.options.now().toISOString(), route: request.routeOptions.url },
      'failed admin authentication',
    );
    await this.options.limits.count('admin-failures', this.options.failures, request);
  }

  private agentNamedBy(header: string): Agent | undefined {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    // Comparing digests keeps the comparison constant-time whatever the lengths.
    const given = digest(match?.[1] ?? '');
    return this.expected && match && timingSafeEqual(given, this.expected) ? { kind: 'admin' } : undefined;
  }
}
