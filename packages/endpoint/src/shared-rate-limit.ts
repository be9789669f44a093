/**
 * @fastify/rate-limit's counters kept in the store, so every instance counts against the same
 * allowance: N instances behind a load balancer do not give a code-guesser N times the look-ups.
 * Keys are client addresses: the store keeps only an HMAC of them under the tracking secret.
 */
import { createHmac } from 'node:crypto';
import type { Counters } from './store/types.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** A store class for `@fastify/rate-limit`'s `store` option. */
export function sharedRateLimitStore(counters: Counters, secret: Buffer, now: () => Date) {
  return class SharedRateLimitStore {
    /** The plugin passes its options first; a child store knows its route. */
    constructor(
      _options?: unknown,
      readonly route = '',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      const at = now();
      const name = `rate-limit ${this.route} ${createHmac('sha256', secret).update(key).digest('base64url')}`;
      counters.hit(name, timeWindow, at).then(
        ({ count, resetAt }) => callback(null, { current: count, ttl: Math.max(0, resetAt.getTime() - at.getTime()) }),
        (error: Error) => callback(error),
      );
    }

    /** Per route: the plugin passes the route's merged options, the route itself as `routeInfo`. */
    child(routeOptions: object): SharedRateLimitStore {
      const { routeInfo } = routeOptions as { routeInfo?: { method?: string | string[]; url?: string } };
      const { method = '', url = '' } = routeInfo ?? {};
      return new SharedRateLimitStore(undefined, `${[method].flat().join(',')} ${url}`);
    }
  };
}
