/**
 * The `open311` adapter: GeoReport v2 (https://wiki.open311.org/GeoReport_v2), the protocol many
 * city back offices speak. The form definition's `adapters.open311` says which answers feed which
 * Open311 field. Open311 has no secret tracking code: the service request id is both the
 * reference and the code, so anyone who knows an id can read its public status.
 */
import type { Adapter, AdapterConfig, Receipt, RequestStatus, SubmitRequest } from '../types.js';
import type { FieldError, FormModel, Language, Open311Mapping } from '../../model/types.js';
import type { HistoryEntry } from '../../generated/protocol/history-entry.js';
import type { Phase } from '../../generated/protocol/phase.js';
import { EndpointError } from '../types.js';
import { errorFromStatus, fetchWithTimeout, readJson } from '../http.js';
import { apiBase } from '../url.js';
import { isFinalPhase, phaseLabel } from '../phase-labels.js';
import { joinPointer } from '../../util/pointer.js';

export interface Open311Config extends AdapterConfig {
  /** Sent as `api_key` when the server requires one for POSTs. */
  apiKey?: string;
  /** Sent as `jurisdiction_id` when the server serves several jurisdictions. */
  jurisdictionId?: string;
}

/** One service request as GeoReport v2 returns it (ids kept as strings). */
export interface Open311Request {
  service_request_id?: string | number;
  status?: 'open' | 'closed' | string;
  status_notes?: string | null;
  service_name?: string;
  service_code?: string;
  description?: string;
  requested_datetime?: string;
  updated_datetime?: string | null;
  expected_datetime?: string | null;
  address?: string;
  lat?: number | string;
  long?: number | string;
  media_url?: string;
}

interface Open311Error {
  code?: number | string;
  description?: string;
}

/** The answer at a field path ("applicant/email") of the data; array items are not addressable. */
function valueAtPath(data: Record<string, unknown>, path: string): unknown {
  let current: unknown = data;
  for (const name of path.split('/')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}

function appendValue(body: URLSearchParams, name: string, value: unknown): void {
  if (value === undefined || value === null || value === '') return;
  if (Array.isArray(value)) {
    // GeoReport v2 multivaluelist attributes: attribute[code][]=a&attribute[code][]=b
    for (const item of value) appendValue(body, `${name}[]`, item);
    return;
  }
  body.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/** The form-urlencoded body of `POST requests.json` for one submission. */
export function open311Body(
  mapping: Open311Mapping,
  data: Record<string, unknown>,
  extra: { apiKey?: string; jurisdictionId?: string } = {},
): URLSearchParams {
  const body = new URLSearchParams();
  if (extra.jurisdictionId) body.append('jurisdiction_id', extra.jurisdictionId);
  body.append('service_code', mapping.serviceCode);
  for (const [name, path] of Object.entries(mapping.fields ?? {})) {
    if (path) appendValue(body, name, valueAtPath(data, path));
  }
  for (const [code, path] of Object.entries(mapping.attributes ?? {})) {
    if (path) appendValue(body, `attribute[${code}]`, valueAtPath(data, path));
  }
  if (extra.apiKey) body.append('api_key', extra.apiKey);
  return body;
}

/** Where an Open311 field's value came from in the data, to point its error at the right field. */
function pointerFor(mapping: Open311Mapping, open311Name: string): string | undefined {
  const attribute = /^attribute\[([^\]]+)\]/.exec(open311Name);
  const path = attribute
    ? mapping.attributes?.[attribute[1]!]
    : (mapping.fields as Record<string, string | undefined> | undefined)?.[open311Name];
  // A mapping names a field by its path ("address/town"): each name becomes a pointer segment.
  return path ? joinPointer('', ...path.split('/')) : undefined;
}

const open311Names = [
  'service_code',
  'description',
  'lat',
  'long',
  'address_string',
  'email',
  'first_name',
  'last_name',
  'phone',
  'media_url',
];

async function failure(response: Response, mapping?: Open311Mapping) {
  let errors: Open311Error[] = [];
  try {
    const body: unknown = await response.json();
    if (Array.isArray(body)) errors = body as Open311Error[];
  } catch {
    // Not the documented error array: the status alone says enough.
  }
  const message = errors
    .map((e) => e.description)
    .filter(Boolean)
    .join(' ');
  const fieldErrors: FieldError[] = [];
  if (mapping && response.status === 400) {
    for (const error of errors) {
      const text = error.description ?? '';
      const name =
        /attribute\[[^\]]+\]/.exec(text)?.[0] ?? open311Names.find((n) => new RegExp(`\\b${n}\\b`).test(text));
      const pointer = name ? pointerFor(mapping, name) : undefined;
      if (pointer) fieldErrors.push({ pointer, code: String(error.code ?? 'invalid'), message: text });
    }
  }
  const code = errors[0]?.code !== undefined ? String(errors[0].code) : undefined;
  return errorFromStatus(response, { message, code, fieldErrors });
}

function idOf(value: string | number | undefined): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

/** A GeoReport v2 request as a Guichet status: open → received (in progress once an agent wrote a note), closed → completed. */
export function statusFromOpen311(
  request: Open311Request,
  lang: Language,
  reference = idOf(request.service_request_id) ?? '',
): RequestStatus {
  const notes = request.status_notes?.trim() || undefined;
  const phase: Phase = request.status === 'closed' ? 'completed' : notes ? 'in_progress' : 'received';
  const code = request.status ?? 'open';
  const requestedAt = request.requested_datetime ?? new Date().toISOString();
  const updatedAt = request.updated_datetime ?? requestedAt;
  // Open311 keeps no history: the request's creation and its current state are all there is.
  const history: HistoryEntry[] = [
    { at: requestedAt, phase: 'received', code: 'open', label: phaseLabel('received', lang) },
  ];
  if (phase !== 'received') {
    history.push({ at: updatedAt, phase, code, label: phaseLabel(phase, lang), ...(notes ? { note: notes } : {}) });
  }
  return {
    reference,
    ...(request.service_name ? { formTitle: request.service_name } : {}),
    phase,
    code,
    label: phaseLabel(phase, lang),
    final: isFinalPhase(phase),
    updatedAt,
    ...(request.expected_datetime ? { expectedBy: request.expected_datetime } : {}),
    history,
  };
}

function mappingOf(model: FormModel): Open311Mapping {
  const mapping = model.open311 ?? model.definition.adapters?.open311;
  if (!mapping)
    throw new EndpointError('rejected', `The form "${model.id}" has no Open311 mapping (adapters.open311)`, {
      code: 'no-open311-mapping',
    });
  return mapping;
}

export function open311Adapter(config: Open311Config): Adapter {
  const base = apiBase(config.endpoint);
  const jurisdiction = config.jurisdictionId ? `?jurisdiction_id=${encodeURIComponent(config.jurisdictionId)}` : '';

  return {
    name: 'open311',

    async submit(request: SubmitRequest, options) {
      const mapping = mappingOf(request.model);
      // No Idempotency-Key header: GeoReport v2 has none, and a custom header would turn this
      // simple cross-origin POST into a preflighted one that most Open311 servers refuse.
      const response = await fetchWithTimeout(
        `${base}/requests.json`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': request.lang },
          body: open311Body(mapping, request.data, config).toString(),
        },
        { fetch: config.fetch, timeoutMs: config.timeoutMs, signal: options?.signal },
      );
      if (!response.ok) throw await failure(response, mapping);
      const answer = await readJson<unknown>(response);
      const first = (Array.isArray(answer) ? answer[0] : answer) as
        { service_request_id?: string | number; token?: string | number } | undefined;
      const id = idOf(first?.service_request_id) ?? idOf(first?.token);
      if (!id)
        throw new EndpointError('server', 'The Open311 server answered without a service_request_id or token', {
          status: response.status,
        });
      const now = new Date().toISOString();
      const status = statusFromOpen311(
        { service_request_id: id, status: 'open', requested_datetime: now },
        request.lang,
      );
      const receipt: Receipt = {
        reference: id,
        trackingCode: id,
        receivedAt: now,
        status: { ...status, formId: request.model.id },
      };
      return receipt;
    },

    async status(query, options) {
      const response = await fetchWithTimeout(
        `${base}/requests/${encodeURIComponent(query.reference)}.json${jurisdiction}`,
        { headers: { Accept: 'application/json', 'Accept-Language': query.lang } },
        { fetch: config.fetch, timeoutMs: config.timeoutMs, signal: options?.signal },
      );
      if (!response.ok) throw await failure(response);
      const answer = await readJson<unknown>(response);
      const request = (Array.isArray(answer) ? answer[0] : answer) as Open311Request | undefined;
      if (!request) throw new EndpointError('not-found', 'Unknown request', { status: response.status });
      return statusFromOpen311(request, query.lang, idOf(request.service_request_id) ?? query.reference);
    },
  };
}
