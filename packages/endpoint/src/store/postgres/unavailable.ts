/**
 * The errors that say PostgreSQL cannot be reached or cannot take work just now: its server is
 * down, restarting or failing over, the network to it is cut, or it has no room for one more
 * connection. A request met with one of them is answered 503 with Retry-After (error-handling.ts),
 * not as a bug.
 */

/** What Node's sockets say when the server's host refuses, resets or never answers. */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATE: class 08 (connection exception), 57P01–57P03 (shut down by an administrator, after a
 * crash, not yet accepting connections), class 53 (insufficient resources: disk full, out of
 * memory, too many connections), 55P03 (a lock not granted within the role's `lock_timeout`:
 * maintenance holding a table, see docs/deploying.md).
 */
const transientState = /^(?:08...|57P0[123]|53...|55P03)$/;

/** node-postgres's own words when a connection ends or cannot be made in time (no code). */
const driverMessages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
];

export function postgresUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (socketCodes.has(code) || transientState.test(code))) return true;
  return driverMessages.some((words) => error.message.startsWith(words));
}
