/**
 * The `open311` adapter's work (../client/adapters/open311.ts loads it on first use).
 *
 * Delivery is **at most once**: GeoReport v2 has no idempotency key, so a POST whose answer was
 * lost cannot be sent again without risking a second service request. Before the first POST the
 * adapter makes sure the page can read the server's answers (a CORS-checked GET of the service
 * definition, which a form built from the server already made); it retries only what certainly
 * did not reach the server (that check, a 429, a 503), and reports anything else as `unconfirmed`.
 */
import type { Adapter, Receipt, RequestStatus } from '../client/types.js';
import type { Open311Config } from '../client/adapters/open311.js';
import type { FormModel, Language, Open311Mapping } from '../model/types.js';
import { EndpointError } from '../client/types.js';
import { errorFromStatus, fetchWithTimeout, isAbort, type HttpOptions } from '../client/http.js';
import { apiBase } from '../client/url.js';
import { open311Body } from './body.js';
import { refusal } from './errors.js';
import { get, isReadable, query } from './http.js';
import { configurationError, unconfirmedError } from './messages.js';
import { statusFromOpen311 } from './status.js';
import { idOf, type Open311Request } from './types.js';

function mappingOf(model: FormModel, lang: Language): Open311Mapping {
  const mapping = model.open311 ?? model.definition.adapters?.open311;
  if (!mapping) throw configurationError('mapping', lang);
  return mapping;
}

export function createOpen311Adapter(config: Open311Config): Adapter {
  const base = apiBase(config.endpoint);
  const jurisdiction = { jurisdiction_id: config.jurisdictionId };
  const http = (signal?: AbortSignal): HttpOptions => ({ fetch: config.fetch, timeoutMs: config.timeoutMs, signal });

  /** Before a POST: the service exists and the page can read the server's answers. */
  async function checkReadable(serviceCode: string, lang: Language, signal?: AbortSignal): Promise<void> {
    const url = `${base}/services/${encodeURIComponent(serviceCode)}.json${query(jurisdiction)}`;
    if (isReadable(url)) return;
    const response = await get(url, lang, http(signal));
    if (response.status === 404) throw configurationError('service', lang);
    if (!response.ok) throw await refusal(response, { lang });
  }

  /** The requests a GET answered; an empty list when the answer holds none. */
  async function requestsAt(url: string, lang: Language, signal?: AbortSignal): Promise<Open311Request[]> {
    const response = await get(url, lang, http(signal));
    if (!response.ok) throw await refusal(response, { lang });
    const answer: unknown = await response.json().catch(() => undefined);
    const list = Array.isArray(answer) ? answer : [answer];
    return list.filter((r): r is Open311Request => typeof r === 'object' && r !== null);
  }

  return {
    name: 'open311',

    async submit(request, options): Promise<Receipt> {
      const { lang } = request;
      const mapping = mappingOf(request.model, lang);
      // An earlier try went out and its answer never came: sending it again could file it twice.
      if (request.maybeDelivered) throw unconfirmedError(lang);
      await checkReadable(mapping.serviceCode, lang, options?.signal);
      if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new EndpointError('network', 'Offline');
      const body = open311Body(mapping, request.data, config);
      request.markDelivered?.(true);
      let response: Response;
      try {
        // No Idempotency-Key header: GeoReport v2 has none, and a custom header would turn this
        // simple cross-origin POST into a preflighted one that most Open311 servers refuse.
        response = await fetchWithTimeout(
          `${base}/requests.json`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': lang },
            body: body.toString(),
          },
          http(options?.signal),
        );
      } catch (error) {
        if (isAbort(error)) throw error;
        throw unconfirmedError(lang);
      }
      if (response.status === 429 || response.status === 503) {
        // The server says it did not take the request: it may be sent again.
        request.markDelivered?.(false);
        throw errorFromStatus(response);
      }
      if (response.status >= 500) throw unconfirmedError(lang, response.status);
      if (!response.ok) throw await refusal(response, { mapping, body, lang });
      const answer: unknown = await response.json().catch(() => undefined);
      const first = (Array.isArray(answer) ? answer[0] : answer) as
        { service_request_id?: string | number; token?: string | number; service_notice?: string } | undefined;
      const id = idOf(first?.service_request_id) ?? idOf(first?.token);
      if (!id) throw unconfirmedError(lang, response.status);
      const now = new Date().toISOString();
      const status = statusFromOpen311(
        { service_request_id: id, status: 'open', requested_datetime: now, service_notice: first?.service_notice },
        lang,
      );
      // Open311 has no tracking code: the reference alone finds the request.
      return { reference: id, trackingCode: '', receivedAt: now, status: { ...status, formId: request.model.id } };
    },

    async status({ reference, lang }, options): Promise<RequestStatus> {
      const id = reference.trim();
      const signal = options?.signal;
      const notFound = () => new EndpointError('not-found', 'Unknown request');
      const found = (list: Open311Request[]) => list.find((r) => idOf(r.service_request_id) === id);
      let first: EndpointError | undefined;
      try {
        const list = await requestsAt(
          `${base}/requests/${encodeURIComponent(id)}.json${query(jurisdiction)}`,
          lang,
          signal,
        );
        const request = found(list) ?? list[0];
        if (request) return statusFromOpen311(request, lang, id);
      } catch (error) {
        // Many servers answer an unknown or malformed id with a 500: the list form tells.
        if (!(error instanceof EndpointError) || !['server', 'not-found', 'rejected'].includes(error.kind)) throw error;
        first = error;
      }
      let request: Open311Request | undefined;
      try {
        request = found(
          await requestsAt(`${base}/requests.json${query({ ...jurisdiction, service_request_id: id })}`, lang, signal),
        );
      } catch (error) {
        if (!(error instanceof EndpointError) || !['server', 'not-found', 'rejected'].includes(error.kind)) throw error;
        // Both forms failed with a 5xx: the server is down, unless it still lists its services.
        if (error.kind === 'server' && first?.kind === 'server') {
          const services = await get(`${base}/services.json${query(jurisdiction)}`, lang, http(signal)).catch(
            () => undefined,
          );
          if (!services?.ok) throw error;
        }
        throw notFound();
      }
      if (!request) throw notFound();
      return statusFromOpen311(request, lang, id);
    },
  };
}
