/**
 * A GeoReport v2 server's refusal (`[{code, description}]`), sorted into what the citizen can fix
 * (an answer, shown on the field that fed it) and what only the web team can (API key,
 * jurisdiction, service code, the mapping: `configuration`).
 *
 * Servers built on Data::Rx (Open311::Endpoint, behind FixMyStreet) answer one line per failure,
 * and check a new request against alternatives — a location by lat/long, by address_string or by
 * address_id — listing the failures of every alternative, indented under the `//any`:
 *
 *     Failed //any: matched none of the available alternatives (error: none at $data)
 *       - Failed //rec: no value given for required entry lat (error: missing at $data)
 *         Failed //num: found value is not a number (error: type at $data->{volume})
 *       - Failed //rec: no value given for required entry address_string (error: missing at $data)
 *         …
 *
 * So "address_string is missing" is not a fault when the request gave a point: a missing entry
 * counts only when every alternative misses it, or when no location was given at all.
 */
import { EndpointError } from '../client/types.js';
import { errorFromStatus } from '../client/http.js';
import type { FieldError, Language, Open311Mapping } from '../model/types.js';
import { format } from '../messages/format.js';
import { configurationError, type ConfigurationProblem } from './messages.js';
import type { Open311Error } from './types.js';

interface Failure {
  /** Index of the alternative it belongs to; -1 outside any. */
  alternative: number;
  key?: string;
  missing: boolean;
  unexpected?: string[];
}

const RX_LINE = /^(\s*)(- )?Failed (\S+): (.*) \(error: [\w, ]+ at (\$data.*)\)$/;
const CONFIGURATION: Record<string, ConfigurationProblem> = {
  api_key: 'api-key',
  jurisdiction_id: 'jurisdiction',
  service_code: 'service',
};
const LOCATIONS = [['lat', 'long'], ['address_string'], ['address_id']];
/** GeoReport names a server's plain-text error may mention. */
const NAMES = [
  ...Object.keys(CONFIGURATION),
  ...LOCATIONS.flat(),
  'email',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
];

export async function readErrors(response: Response): Promise<Open311Error[]> {
  try {
    const body: unknown = await response.json();
    return Array.isArray(body) ? (body as Open311Error[]) : [];
  } catch {
    // An HTML error page: the status alone says enough.
    return [];
  }
}

/** Data::Rx lines as failures, each with its alternative; other servers' texts as they are. */
function parse(descriptions: string[]): { failures: Failure[]; alternatives: number; plain: string[] } {
  const failures: Failure[] = [];
  const plain: string[] = [];
  let alternatives = 0;
  let alternative = -1;
  for (const description of descriptions) {
    if (/^Error in input for /.test(description)) continue;
    const line = RX_LINE.exec(description);
    if (!line) {
      if (description.trim()) plain.push(description.trim());
      continue;
    }
    const [, indent, dash, type, message, at] = line as unknown as string[];
    if (dash) alternative = alternatives++;
    else if (!indent) alternative = -1;
    // The `//any` line itself only announces its alternatives.
    if (type === '//any' && at === '$data') continue;
    const required = /required entry (.+)$/.exec(message!)?.[1];
    failures.push({
      alternative,
      key: required ?? /^\$data->\{([^}]*)\}/.exec(at!)?.[1],
      missing: required !== undefined,
      unexpected: /found unexpected entries: (.+)$/.exec(message!)?.[1]?.split(' '),
    });
  }
  return { failures, alternatives, plain };
}

/** The GeoReport names a plain-text error mentions. */
function namesIn(text: string): string[] {
  const attribute = /attribute\[[^\]]+\]/.exec(text)?.[0];
  return attribute ? [attribute] : NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
}

/** Where an Open311 field's value came from in the data, as a JSON pointer. */
function pointerFor(mapping: Open311Mapping, name: string): string | undefined {
  const attribute = /^attribute\[([^\]]+)\]/.exec(name);
  const path = attribute
    ? mapping.attributes?.[attribute[1]!]
    : (mapping.fields as Record<string, string | undefined> | undefined)?.[name];
  return path ? `/${path.replace(/~/g, '~0')}` : undefined;
}

export interface RefusalContext {
  mapping?: Open311Mapping;
  /** What a POST sent (none for a GET): tells which location alternative the request meant. */
  body?: URLSearchParams;
  lang: Language;
}

/** A non-2xx answer as the error the elements act on. */
export async function refusal(response: Response, context: RefusalContext): Promise<EndpointError> {
  const descriptions = (await readErrors(response)).map((e) => String(e.description ?? ''));
  const said = descriptions.join(' ').trim().slice(0, 500);
  const { status } = response;
  if (status === 401 || status === 403) return configurationError('api-key', context.lang, '', said);
  if (!context.body) {
    // A GET: only the jurisdiction is the page's doing; a refused id is a request not found.
    if (status === 400 && descriptions.some((d) => /\bjurisdiction_id\b/.test(d)))
      return configurationError('jurisdiction', context.lang, '', said);
    return errorFromStatus(response, { message: said });
  }
  if (status === 404) return configurationError('endpoint', context.lang, '', said);
  if (status !== 400 && status !== 422) return errorFromStatus(response, { message: said });
  return sortOut(descriptions, said, status, context);
}

function sortOut(descriptions: string[], said: string, status: number, context: RefusalContext): EndpointError {
  const { mapping = { serviceCode: '' }, body = new URLSearchParams(), lang } = context;
  const { failures, alternatives, plain } = parse(descriptions);
  const sent = new Set(body.keys());
  const bare = (name: string) => name.replace(/\[\]$/, '');
  const sentAs = (key: string) => [...sent].some((name) => bare(name) === bare(key));
  const located = LOCATIONS.some((keys) => keys.every((key) => sent.has(key)));
  // Without a location, the one the request started to give (a point), else the address.
  const meant = sent.has('lat') || sent.has('long') || !mapping.fields?.address_string ? LOCATIONS[0]! : LOCATIONS[1]!;
  for (const text of plain) {
    const names = namesIn(text);
    const missing = /\b(?:required|missing)\b/i.test(text);
    // "lat and long, address_string or address_id is required": the location the request meant.
    if (names.filter((name) => LOCATIONS.flat().includes(name)).length > 1) {
      for (const key of meant) if (!sent.has(key)) failures.push({ alternative: -1, key, missing: true });
    } else failures.push({ alternative: -1, key: names[0], missing });
  }
  const missingEverywhere = (key: string) =>
    alternatives === 0 ||
    Array.from({ length: alternatives }).every((_, i) =>
      failures.some((f) => f.alternative === i && f.missing && f.key === key),
    );

  let problem: ConfigurationProblem | undefined;
  const fieldErrors = new Map<string, FieldError>();
  for (const failure of failures) {
    const key = failure.key;
    if (failure.unexpected) {
      problem ??= CONFIGURATION[failure.unexpected.find((k) => CONFIGURATION[k]) ?? ''] ?? 'mapping';
      continue;
    }
    if (!key) {
      problem ??= 'refused';
      continue;
    }
    if (CONFIGURATION[key]) {
      problem ??= CONFIGURATION[key];
      continue;
    }
    // "Missing" although it was sent: sent under a name the server does not read (the
    // multi-value style, the mapping). No answer of the citizen's would change that.
    if (failure.missing && sentAs(key)) {
      problem ??= 'mapping';
      continue;
    }
    const location = LOCATIONS.flat().includes(key);
    if (failure.missing && !missingEverywhere(key) && (!location || located || !meant.includes(key))) continue;
    const pointer = pointerFor(mapping, key);
    if (!pointer) {
      problem ??= 'mapping';
      continue;
    }
    const code = failure.missing ? 'required' : 'invalid';
    if (!fieldErrors.has(pointer)) fieldErrors.set(pointer, { pointer, code, message: format(code, {}, lang) });
  }
  if (problem || fieldErrors.size === 0) return configurationError(problem ?? 'refused', lang, '', said);
  return new EndpointError('validation', said, { status, fieldErrors: [...fieldErrors.values()] });
}
