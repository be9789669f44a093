/**
 * One HTTP call to a back office, with a timeout, turning every way it can fail into an
 * `EndpointError` the outbox and the elements act on.
 */
import { refusedOrigin } from './cors.js';
import { EndpointError } from './types.js';
import type { FieldError } from '../model/types.js';

/** Long enough for a slow mobile uplink, short enough that a dead connection is noticed. */
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface HttpOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The thrown value when the caller (not the timeout) aborted: never retried. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * Runs `fetch` with a timeout. Resolves with any HTTP answer; rejects with an `EndpointError`
 * (`network`, `timeout`) when there is none, or with the caller's `AbortError`. A `network` error
 * carries `details.refusedOrigin` when the endpoint answers but does not allow the page's origin.
 */
export async function fetchWithTimeout(url: string, init: RequestInit, options: HttpOptions = {}): Promise<Response> {
  const run = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const forward = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  options.signal?.addEventListener('abort', forward, { once: true });
  try {
    return await run(url, { ...init, signal: controller.signal });
  } catch (error) {
    if (timedOut) throw new EndpointError('timeout', 'No answer in time', {});
    if (options.signal?.aborted) throw abortError(options.signal);
    const message = error instanceof Error ? error.message : 'Network error';
    const origin = await refusedOrigin(url);
    throw new EndpointError('network', message, origin ? { refusedOrigin: origin } : {});
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forward);
  }
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('Aborted', 'AbortError');
}

/** Reads a JSON body, or a `server` error when the back office sent something else. */
export async function readJson<T>(response: Response): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch {
    throw new EndpointError('server', 'The server sent an unreadable answer', { status: response.status });
  }
}

/**
 * `Retry-After` in seconds, from either of its forms (delta-seconds or an HTTP date);
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

export interface ErrorDetails {
  message?: string;
  code?: string;
  fieldErrors?: FieldError[];
}

/** Maps a non-2xx answer to the kind of failure; `details` comes from the protocol's error body. */
export function errorFromStatus(response: Response, details: ErrorDetails = {}): EndpointError {
  const status = response.status;
  const base = { status, code: details.code };
  const message = details.message || response.statusText || `HTTP ${status}`;
  if (status === 429) {
    return new EndpointError('rate-limited', message, {
      ...base,
      retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
    });
  }
  // 408 is the server giving up waiting for us: as retryable as our own timeout.
  if (status === 408) return new EndpointError('timeout', message, base);
  // A 503 (the service restarting, its database out of reach) may say when to come back.
  if (status >= 500) {
    const retryAfter = status === 503 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
    return new EndpointError('server', message, retryAfter === undefined ? base : { ...base, retryAfter });
  }
  if (status === 422 || (details.fieldErrors && details.fieldErrors.length > 0)) {
    return new EndpointError('validation', message, { ...base, fieldErrors: details.fieldErrors ?? [] });
  }
  if (status === 404) return new EndpointError('not-found', message, base);
  return new EndpointError('rejected', message, base);
}
