/**
 * Trying again until it works: the outbox's deliveries and the form's file uploads alike. A
 * failure that may pass (network, timeout, 5xx, 429) is tried again after a wait — the one the
 * server asked for, else backoff — that "Réessayer" or the browser coming back online cuts
 * short; any other failure, or an abort, ends the tries.
 */
import { EndpointError } from '../client/types.js';
import { isAbort } from '../client/http.js';
import { retryDelay, type BackoffOptions } from './backoff.js';

export interface RetryOptions extends BackoffOptions {
  /** Stops the tries and the waits (the page goes away): rejects with an `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Where the waits are, so that they can be cut short (`RetryWaits.wakeAll`). */
  waits?: RetryWaits | undefined;
  /** After a failure that will be tried again: the failure, the wait before the next try, the tries failed before it. */
  onRetry?: ((error: EndpointError, delayMs: number, attempt: number) => void) | undefined;
}

/** A failure as an `EndpointError`: an authority's own adapter may throw anything, retried like a server error. */
export function asEndpointError(error: unknown): EndpointError {
  return error instanceof EndpointError
    ? error
    : new EndpointError('server', error instanceof Error ? error.message : String(error));
}

/**
 * Runs `attempt` (given the number of tries that failed before) until it resolves. Rejects with
 * the first failure that is not worth trying again (an `EndpointError`), or with an `AbortError`.
 */
export async function withRetries<T>(attempt: (failed: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const waits = options.waits ?? new RetryWaits();
  for (let failed = 0; ; failed++) {
    if (options.signal?.aborted) throw abortError();
    try {
      return await attempt(failed);
    } catch (error) {
      if (isAbort(error)) throw error;
      const failure = asEndpointError(error);
      if (!failure.retryable) throw failure;
      const delay = retryDelay(failed, failure.details.retryAfter, options);
      options.onRetry?.(failure, delay, failed);
      await waits.sleep(delay, options.signal);
    }
  }
}

/** The waits between tries, each ended early by `wakeAll()` or by the browser coming back online. */
export class RetryWaits {
  private readonly sleepers = new Set<() => void>();

  /** Waits `ms`, less if woken; rejects with an `AbortError` when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        signal?.removeEventListener('abort', abort);
        if (typeof window !== 'undefined') window.removeEventListener('online', wake);
      };
      const wake = () => {
        done();
        resolve();
      };
      const abort = () => {
        done();
        reject(abortError());
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
      signal?.addEventListener('abort', abort, { once: true });
      if (typeof window !== 'undefined') window.addEventListener('online', wake);
    });
  }

  /** Ends every wait now ("Réessayer", or the browser came back online). */
  wakeAll(): void {
    for (const wake of [...this.sleepers]) wake();
  }
}

function abortError(): DOMException {
  return new DOMException('Aborted', 'AbortError');
}
