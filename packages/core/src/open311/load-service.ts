/**
 * Reads a service from a GeoReport v2 server and builds its form definition (service-form.ts):
 * `GET services/{code}.json` (needed) and `GET services.json` (for its name and description),
 * asking for the texts in the element's language.
 */
import type { FormDefinition, Language } from '../model/types.js';
import type { HttpOptions } from '../client/http.js';
import { apiBase } from '../client/url.js';
import { refusal } from './errors.js';
import { get, query } from './http.js';
import { configurationError } from './messages.js';
import { definitionFromService } from './service-form.js';
import type { Open311Service, Open311ServiceDefinition } from './types.js';

export interface ServiceRequest extends HttpOptions {
  /** The GeoReport v2 base URL, e.g. `https://open311.ville.example/v2`. */
  endpoint: string;
  serviceCode: string;
  jurisdictionId?: string;
  /** The language to ask the texts in (`Accept-Language`). */
  lang: Language;
}

/**
 * The definition of the service's form. Throws an `EndpointError`: `configuration` when the
 * server does not know the service, refuses the jurisdiction or does not let the page read its
 * answers (CORS); `network`, `timeout` or `server` when it could not answer.
 */
export async function loadServiceForm(request: ServiceRequest): Promise<FormDefinition> {
  const { endpoint, serviceCode, lang } = request;
  const base = apiBase(endpoint);
  const search = query({ jurisdiction_id: request.jurisdictionId });
  const [response, list] = await Promise.all([
    get(`${base}/services/${encodeURIComponent(serviceCode)}.json${search}`, lang, request),
    get(`${base}/services.json${search}`, lang, request)
      .then((answer) => (answer.ok ? answer.json() : undefined))
      .catch(() => undefined) as Promise<unknown>,
  ]);
  if (response.status === 404) throw configurationError('service', lang);
  if (!response.ok) throw await refusal(response, { lang });
  const definition = (await response.json().catch(() => ({}))) as Open311ServiceDefinition;
  const service = Array.isArray(list)
    ? (list as Open311Service[]).find((entry) => entry?.service_code === serviceCode)
    : undefined;
  // The server may answer in another language than asked: its texts are in the one it says.
  const said = response.headers.get('Content-Language')?.trim().slice(0, 2).toLowerCase();
  return definitionFromService({
    serviceCode,
    definition: typeof definition === 'object' && definition ? definition : {},
    ...(service ? { service } : {}),
    lang: said === 'fr' || said === 'en' ? said : lang,
  });
}
