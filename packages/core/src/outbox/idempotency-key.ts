/**
 * A new Idempotency-Key: a random (version 4) UUID, 122 random bits, which the endpoint requires
 * (at least 32 characters) because the key is a bearer of the receipt. `crypto.randomUUID` exists
 * only in secure contexts (https, localhost): a town's site still on plain http gets the same
 * UUID from `crypto.getRandomValues`, which every context has.
 */
type RandomSource = Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string };

export function newIdempotencyKey(source: RandomSource = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
