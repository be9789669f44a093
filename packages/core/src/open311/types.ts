/**
 * GeoReport v2 as servers write it: ids may be numbers (from 0), booleans may be the strings
 * "true"/"false", `order` a number or a string of one. Every field is optional here: the code
 * reading these answers checks what it uses.
 */

/** "true", true, "1" → true; "false", false, "0", "" → false; anything else → `fallback`. */
export type Flag = boolean | string | number | null | undefined;

/** One service request as `GET requests.json` and `GET requests/{id}.json` return it. */
export interface Open311Request {
  service_request_id?: string | number | null;
  status?: string | null;
  status_notes?: string | null;
  service_name?: string | null;
  service_code?: string | null;
  description?: string | null;
  agency_responsible?: string | null;
  service_notice?: string | null;
  requested_datetime?: string | null;
  updated_datetime?: string | null;
  expected_datetime?: string | null;
  address?: string | null;
  lat?: number | string | null;
  long?: number | string | null;
  media_url?: string | null;
}

/** One entry of `GET services.json`. */
export interface Open311Service {
  service_code?: string;
  service_name?: string;
  description?: string;
  metadata?: Flag;
  type?: string;
  keywords?: string;
  group?: string;
}

export interface Open311AttributeValue {
  key?: string | number;
  name?: string;
}

/** One attribute of a service definition. */
export interface Open311Attribute {
  code?: string | number;
  datatype?: string;
  required?: Flag;
  variable?: Flag;
  order?: number | string;
  description?: string;
  datatype_description?: string;
  values?: Open311AttributeValue[];
  /** Open311::Endpoint's extension: `server_set` or `hidden_field`, never asked of the citizen. */
  automated?: string;
}

/** `GET services/{service_code}.json`. */
export interface Open311ServiceDefinition {
  service_code?: string;
  attributes?: Open311Attribute[];
}

/** An entry of an error answer, `[{code, description}]`. */
export interface Open311Error {
  code?: number | string;
  description?: string;
}

export function flag(value: Flag, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0' || text === '') return value === undefined || value === null ? fallback : false;
  return fallback;
}

/** An id as a string ("0" included); undefined when there is none. */
export function idOf(value: string | number | null | undefined): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : String(value);
}
