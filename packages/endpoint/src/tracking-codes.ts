/**
 * Secret tracking codes, and the hashes the database keeps instead of codes and idempotency keys.
 *
 * A tracking code is 10 characters from a 31-letter alphabet without look-alikes (no 0/O, 1/I/L),
 * about 49.5 bits. It is derived from the submission's Idempotency-Key with an HMAC keyed by a
 * server-side secret (tracking-secret.ts), so a replay of the same key answers the very same
 * receipt, on any instance, while the database holds neither the key nor the code, only their
 * HMACs.
 *
 * Why HMAC-SHA-256 with a secret rather than scrypt: 49 bits would fall to an offline search of a
 * leaked table of plain or salted fast hashes, and scrypt at a cost that resists it (tens of ms)
 * would make every status look-up a CPU lever for denial of service. With `GUICHET_SECRET` kept
 * outside the database, a leaked database alone gives nothing to search; online guessing is
 * rate-limited per client address, across instances.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TRACKING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

/** Tracking codes and hashes under one secret; every instance must hold the same. */
export class TrackingCodes {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new Error('the tracking secret must hold at least 32 bytes');
  }

  private mac(purpose: string, ...parts: string[]): Buffer {
    const hmac = createHmac('sha256', this.secret);
    hmac.update(purpose);
    for (const part of parts) hmac.update('\0').update(part);
    return hmac.digest();
  }

  idempotencyKeyHash(formId: string, key: string): Buffer {
    return this.mac('idempotency-key', formId, key);
  }

  /**
   * What a submission said, whatever the order of its keys: a replay of its Idempotency-Key must
   * say the same, or it is refused rather than silently answered with the first receipt.
   */
  submissionHash(formId: string, submission: unknown): Buffer {
    return this.mac('submission', formId, canonicalJson(submission));
  }

  /** The tracking code of the submission sent with `key`, grouped `XXXXX-XXXXX`. */
  trackingCodeFor(formId: string, key: string): string {
    let value = this.mac('tracking-code', formId, key).readBigUInt64BE(0);
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) {
      code += TRACKING_CODE_ALPHABET[Number(value % 31n)];
      value /= 31n;
    }
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  }

  trackingCodeHash(code: string): Buffer {
    return this.mac('tracking-code-hash', normalizeTrackingCode(code));
  }

  /**
   * Whether `code` is the one whose hash is `stored`. With no stored hash (unknown reference) the
   * same work is done against a dummy, so both answers take the same time.
   */
  trackingCodeMatches(code: string, stored: Buffer | undefined): boolean {
    const candidate = this.trackingCodeHash(code);
    const expected = stored && stored.length === candidate.length ? stored : this.mac('dummy');
    return timingSafeEqual(candidate, expected) && stored !== undefined;
  }
}

/** Upper case, separators and spaces dropped: "abcde fghjk" and "ABCDE-FGHJK" are the same code. */
export function normalizeTrackingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** JSON with every object's keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
