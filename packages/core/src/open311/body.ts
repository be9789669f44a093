/**
 * The form-urlencoded body of `POST requests.json` for one submission: the mapped answers under
 * GeoReport's names, `attribute[code]` for the service's attributes.
 */
import type { Open311Mapping } from '../model/types.js';
import type { MultiValueStyle } from '../client/adapters/open311.js';

export interface BodySettings {
  apiKey?: string;
  jurisdictionId?: string;
  /** Default `brackets`. */
  multiValue?: MultiValueStyle;
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

/**
 * A date and time as a `datetime-local` control gives it ("2026-05-01T14:30", the citizen's wall
 * clock) in the W3C form GeoReport servers check ("2026-05-01T14:30:00+02:00").
 */
function withZone(value: string): string {
  const local = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!local) return value;
  const [, y, mo, d, h, mi, s = '00'] = local;
  const offset = -new Date(+y!, +mo! - 1, +d!, +h!, +mi!).getTimezoneOffset();
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function append(body: URLSearchParams, name: string, value: unknown): void {
  if (value === undefined || value === null || value === '') return;
  body.append(name, typeof value === 'object' ? JSON.stringify(value) : withZone(String(value)));
}

export function open311Body(
  mapping: Open311Mapping,
  data: Record<string, unknown>,
  settings: BodySettings = {},
): URLSearchParams {
  const body = new URLSearchParams();
  append(body, 'jurisdiction_id', settings.jurisdictionId);
  body.append('service_code', mapping.serviceCode);
  for (const [name, path] of Object.entries(mapping.fields ?? {})) {
    if (path) append(body, name, valueAtPath(data, path));
  }
  for (const [code, path] of Object.entries(mapping.attributes ?? {})) {
    const value = path ? valueAtPath(data, path) : undefined;
    if (!Array.isArray(value)) append(body, `attribute[${code}]`, value);
    // A multivaluelist: one parameter per value, named as the server reads them.
    else
      for (const item of value) append(body, `attribute[${code}]${settings.multiValue === 'repeat' ? '' : '[]'}`, item);
  }
  append(body, 'api_key', settings.apiKey);
  return body;
}
