/**
 * Every limit the endpoint holds anonymous clients to, with its default. Each is a setting
 * (docs/deploying.md lists them with their environment variables); per-client allowances are
 * counted in the store, so several instances on one database hold one allowance, not one each.
 */

/** At most `max` in each window of `windowMs`, per client address. */
export interface Allowance {
  max: number;
  windowMs: number;
}

export interface Timeouts {
  /** Until the request's headers have all arrived. */
  headersMs: number;
  /** Until the whole request, body included, has arrived. */
  requestMs: number;
  /** Without a byte in either direction. */
  idleMs: number;
}

export interface EndpointLimits {
  /** Status look-ups (every method in one bucket). */
  lookups: Allowance;
  /** Submissions, replays of an Idempotency-Key included. */
  submissions: Allowance;
  uploads: Allowance;
  /** Wrong credentials presented to the agents' API (then 429 for that address, even with right ones). */
  adminFailures: Allowance;
  /** Bytes of uploads no request has claimed yet, per client address… */
  unclaimedBytesPerClient: number;
  /** …and of everyone together. */
  unclaimedBytesTotal: number;
  /** Under this much free space (the temporary folder, the SQLite file's disk), uploads get 507. */
  minFreeBytes: number;
  /** How long a replay of an Idempotency-Key answers the receipt again. */
  idempotencyKeyTtlMs: number;
  timeouts: Timeouts;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MiB = 1024 * 1024;

export const defaultLimits: EndpointLimits = {
  lookups: { max: 30, windowMs: MINUTE },
  // A counter where agents enter requests without credentials shares one address: one a minute.
  submissions: { max: 60, windowMs: HOUR },
  uploads: { max: 200, windowMs: HOUR },
  adminFailures: { max: 10, windowMs: 15 * MINUTE },
  unclaimedBytesPerClient: 100 * MiB,
  unclaimedBytesTotal: 2048 * MiB,
  minFreeBytes: 1024 * MiB,
  idempotencyKeyTtlMs: 24 * HOUR,
  // A 10 MB file on a slow mobile uplink (300 kbit/s) takes about 4.5 minutes.
  timeouts: { headersMs: 20_000, requestMs: 5 * MINUTE, idleMs: 30_000 },
};

/** The defaults with what the options change (one level deep: an allowance is replaced whole). */
export function limitsWith(changes: Partial<EndpointLimits> = {}): EndpointLimits {
  return {
    ...defaultLimits,
    ...changes,
    timeouts: { ...defaultLimits.timeouts, ...changes.timeouts },
  };
}
