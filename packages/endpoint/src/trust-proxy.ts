/**
 * Which reverse proxies the endpoint believes about the client's address (X-Forwarded-For). The
 * left-most entries of that header are written by the client itself; only the entries the
 * trusted proxies appended are believed, read from the right:
 * - a hop count `n`: the `n` nearest hops are proxies (nginx in front: 1). Only safe when clients
 *   cannot reach the endpoint except through them.
 * - the proxies' addresses (`10.0.0.5`, `10.0.0.0/8`, `loopback`…): believed only from them,
 *   which stays safe even when a client reaches the endpoint directly.
 * Never "trust everything".
 */
import type { FastifyServerOptions } from 'fastify';

export type TrustProxy = number | string[];

/** Fastify's setting (its own number form trusts nothing since 5.x, hence a function). */
export function trustProxySetting(trust: TrustProxy | undefined): FastifyServerOptions['trustProxy'] {
  if (trust === undefined) return false;
  if (typeof trust === 'number') {
    if (!Number.isInteger(trust) || trust < 1) throw new Error('trustProxy: a hop count is a whole number from 1');
    return (_address: string, hop: number) => hop < trust;
  }
  if (trust.length === 0) return false;
  return trust;
}

/** GUICHET_TRUST_PROXY: a hop count, or comma-separated addresses; undefined when unset or empty. */
export function parseTrustProxy(value: string | undefined): TrustProxy | undefined {
  const text = (value ?? '').trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  if (/^(true|yes|all|\*)$/i.test(text))
    throw new Error(
      `GUICHET_TRUST_PROXY must be a number of proxies (e.g. 1) or their addresses (e.g. 10.0.0.5,10.0.1.0/24), not "${text}": trusting everything would let a client choose its address`,
    );
  return text
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
}
