/**
 * How long to wait before the next try. Exponential backoff with "full jitter"
 * (a random delay between 0 and the exponential ceiling): when an endpoint comes back after an
 * outage, the waiting browsers spread their retries instead of all knocking at once.
 */
export interface BackoffOptions {
  /** Ceiling of the first wait. */
  baseMs?: number;
  /** No wait is longer than this, however many tries failed. */
  maxMs?: number;
  random?: () => number;
}

export const DEFAULT_BASE_MS = 1_000;
export const DEFAULT_MAX_MS = 30_000;
/** A server asking for more than this is obeyed only this long: the citizen is still waiting. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** The wait after `attempt` failed tries (0 for the first failure). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? DEFAULT_BASE_MS;
  const max = options.maxMs ?? DEFAULT_MAX_MS;
  const ceiling = Math.min(max, base * 2 ** Math.min(attempt, 30));
  return Math.floor((options.random ?? Math.random)() * ceiling);
}

/** The wait the server asked for (`Retry-After`, in seconds) when it did, else the backoff. */
export function retryDelay(
  attempt: number,
  retryAfterSeconds: number | undefined,
  options: BackoffOptions = {},
): number {
  if (retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds)) {
    return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, retryAfterSeconds * 1000));
  }
  return backoffDelay(attempt, options);
}
