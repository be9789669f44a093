/**
 * The secret tracking codes and idempotency-key hashes derive from, the same on every instance:
 * `GUICHET_SECRET` when set, else the one each store creates once in its database, under its
 * migration lock. The database also keeps a fingerprint of the secret its codes were made with, so
 * an instance started with another secret (a typo, a host missing the variable) refuses to start
 * instead of silently answering "unknown request" to every citizen.
 */
import { createHmac } from 'node:crypto';
import type { Store } from './store/types.js';

export const TRACKING_SECRET = 'tracking-secret';
const FINGERPRINT = 'tracking-secret-fingerprint';

export class TrackingSecretMismatch extends Error {}

export async function trackingSecret(store: Store, given?: Buffer): Promise<Buffer> {
  const secret = given ?? (await store.settings.get(TRACKING_SECRET));
  if (!secret) throw new Error('the database holds no tracking secret: its migrations did not run');
  if (secret.length < 32) throw new Error('GUICHET_SECRET must hold at least 32 characters');
  const fingerprint = createHmac('sha256', secret).update('guichet tracking-secret fingerprint').digest();
  const kept = await store.transaction((tx) => tx.settings.putIfMissing(FINGERPRINT, fingerprint));
  if (!kept.equals(fingerprint)) {
    throw new TrackingSecretMismatch(
      given
        ? "GUICHET_SECRET is not the secret this database's tracking codes were made with: every instance must use the same (and a changed secret makes every tracking code already given invalid)"
        : "this database's tracking codes were made with GUICHET_SECRET: set it on this instance too",
    );
  }
  return secret;
}
