/**
 * Per-client allowances (look-ups, submissions, uploads, failed admin authentications), counted
 * in the store's fixed windows so every instance counts against the same allowance: N instances
 * behind a load balancer do not give anyone N times as much. One bucket per purpose, whatever the
 * method (HEAD counts with GET). The store keeps only an HMAC of each address.
 *
 * Written over `store.counters` rather than with @fastify/rate-limit: the plugin keys its counters
 * by route and method, and counts every request, while some allowances here count only failures
 * (admin authentication) and must be checked before the outcome is known.
 */
import { createHmac } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './http-error.js';
import type { Allowance } from './limits.js';
import type { Counters } from './store/types.js';

export type Bucket = 'lookups' | 'submissions' | 'uploads' | 'admin-failures';

export class ClientLimits {
  constructor(
    private readonly counters: Counters,
    private readonly secret: Buffer,
    private readonly now: () => Date,
  ) {}

  /** Who a client is, for counting: an HMAC of its address (the one trust-proxy settles on). */
  clientKey(request: FastifyRequest): string {
    return createHmac('sha256', this.secret).update('client-address\0').update(request.ip).digest('base64url');
  }

  /** Counts one use; throws 429 (with Retry-After) once the client has used its allowance up. */
  async count(bucket: Bucket, allowance: Allowance, request: FastifyRequest): Promise<void> {
    const at = this.now();
    const { count, resetAt } = await this.counters.hit(this.key(bucket, request), allowance.windowMs, at);
    if (count > allowance.max) throw rateLimited(resetAt, at);
  }

  /** Throws 429 when the client has used its allowance up, without counting anything. */
  async check(bucket: Bucket, allowance: Allowance, request: FastifyRequest): Promise<void> {
    const at = this.now();
    const used = await this.counters.peek(this.key(bucket, request), at);
    if (used && used.count >= allowance.max) throw rateLimited(used.resetAt, at);
  }

  /** Whether the client has some of its allowance left, without counting anything. */
  async within(bucket: Bucket, allowance: Allowance, request: FastifyRequest): Promise<boolean> {
    const used = await this.counters.peek(this.key(bucket, request), this.now());
    return !used || used.count < allowance.max;
  }

  private key(bucket: Bucket, request: FastifyRequest): string {
    return `${bucket} ${this.clientKey(request)}`;
  }
}

function rateLimited(resetAt: Date, now: Date): HttpError {
  const seconds = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
  return new HttpError(429, 'rate-limited', { params: { seconds }, headers: { 'Retry-After': String(seconds) } });
}
