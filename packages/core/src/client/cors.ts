/**
 * Telling a misconfigured endpoint from a network failure. A browser hides why a cross-origin
 * request got no answer; two probes tell: when a CORS request to the same URL fails too while an
 * opaque (no-cors) one is answered, the server is there and refuses this page's origin — the web
 * team must add it to the endpoint's allowed origins (GUICHET_ALLOWED_ORIGINS on the reference
 * endpoint). The probes are HEAD requests without credentials: no side effect, no body.
 */

const PROBE_TIMEOUT_MS = 5_000;

/**
 * After a request to `url` got no answer: the page's origin when the endpoint answers but does not
 * allow it, else undefined (offline, server down, blocked by the page's own CSP, same origin).
 */
export async function refusedOrigin(url: string): Promise<string | undefined> {
  const page = globalThis.location;
  if (!page?.origin || page.origin === 'null' || typeof globalThis.fetch !== 'function') return undefined;
  let target: URL;
  try {
    target = new URL(url, page.href);
  } catch {
    return undefined;
  }
  if (target.origin === page.origin) return undefined;
  // The page's own fetch, not the adapter's transport (a test double or a retrying wrapper would
  // count the probes as tries of the request): this is a diagnosis, not another attempt.
  const probe = (mode: RequestMode) =>
    globalThis
      .fetch(target, {
        method: 'HEAD',
        mode,
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      })
      .then(
        () => true,
        () => false,
      );
  // Allowed after all: the first failure was the network's, not the configuration's.
  if (await probe('cors')) return undefined;
  return (await probe('no-cors')) ? page.origin : undefined;
}

/** What the web team reads in the console and in `guichet-error`'s `detail.diagnosis`. */
export function refusedOriginAdvice(origin: string, endpoint: string): string {
  return `Guichet: the endpoint ${endpoint} does not allow this page's origin: add ${origin} to its GUICHET_ALLOWED_ORIGINS.`;
}
