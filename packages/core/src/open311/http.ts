/**
 * GETs to a GeoReport v2 server, and telling "the server is down" from "the server does not let
 * this page read its answers" (no CORS headers): the browser reports both as the same network
 * error, but a `no-cors` request reaches a server that is up. That matters before a POST: a
 * form-urlencoded POST is a simple request that the browser delivers anyway, and its answer would
 * be unreadable, so the page could never know the reference of what the server stored.
 */
import { EndpointError } from '../client/types.js';
import { fetchWithTimeout, type HttpOptions } from '../client/http.js';
import type { Language } from '../model/types.js';
import { configurationError } from './messages.js';

/** Answers of these URLs were read by this page: the server sends the CORS headers it needs. */
const readable = new Set<string>();

export function isReadable(url: string): boolean {
  return readable.has(url);
}

/** `?a=1&b=2` from the parameters that have a value ('' when none). */
export function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.append(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * A GET whose answer the page can read. Throws `configuration` (code `cors`) when the server
 * answers but not to this page, the adapter's usual `network`/`timeout` otherwise.
 */
export async function get(url: string, lang: Language, http: HttpOptions): Promise<Response> {
  try {
    const response = await fetchWithTimeout(
      url,
      { headers: { Accept: 'application/json', 'Accept-Language': lang } },
      http,
    );
    readable.add(url);
    return response;
  } catch (error) {
    if (error instanceof EndpointError && error.kind === 'network' && (await answersUnseen(url, http)))
      throw configurationError('cors', lang, typeof location === 'undefined' ? '' : location.origin);
    throw error;
  }
}

/** Whether the server answers a request whose answer the page may not read. */
async function answersUnseen(url: string, http: HttpOptions): Promise<boolean> {
  // Outside a browser there is no CORS: a failed request failed.
  if (typeof document === 'undefined') return false;
  try {
    await fetchWithTimeout(url, { mode: 'no-cors' }, http);
    return true;
  } catch {
    return false;
  }
}
