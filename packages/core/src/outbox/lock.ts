/**
 * Runs `task` while holding a lock named `name` across every tab of this origin (Web Locks API),
 * so two tabs of the same page do not send the same pending item at the same moment. Where the
 * API is missing the task just runs: the server's idempotency still stores one request per key.
 */
export async function withLock<T>(
  name: string,
  task: () => Promise<T>,
  locks: LockManager | null = defaultLocks(),
): Promise<T> {
  if (!locks) return task();
  return locks.request(name, { mode: 'exclusive' }, task) as Promise<T>;
}

function defaultLocks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}
