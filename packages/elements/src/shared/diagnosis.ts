import { refusedOriginAdvice } from '@guichet/core';
import type { ErrorDetail } from '../events.js';

/**
 * The part of a `guichet-error` meant for the web team when the endpoint refuses the page's
 * origin: the origin and what to do, also written to the console (once per element and origin),
 * since that is where a web team looks first.
 */
export function refusedOriginDetail(
  origin: string | undefined,
  endpoint: string,
  told: Set<string>,
): Pick<ErrorDetail, 'refusedOrigin' | 'diagnosis'> {
  if (!origin) return {};
  const diagnosis = refusedOriginAdvice(origin, endpoint);
  if (!told.has(diagnosis)) {
    told.add(diagnosis);
    console.error(diagnosis);
  }
  return { refusedOrigin: origin, diagnosis };
}
