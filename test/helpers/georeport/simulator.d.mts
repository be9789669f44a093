export interface GeoReportSimulator {
  /** The GeoReport v2 base URL (…/open311/v2), what a web team puts in `endpoint`. */
  url: string;
  origin: string;
  /** Stored service requests by id (integers from 0), with their attributes and contact. */
  requests: Map<number, Record<string, unknown>>;
  /** Every POST body as received, in order. */
  received: URLSearchParams[];
  update(id: number | string, changes: Record<string, unknown>): Record<string, unknown>;
  /** While on, every call is answered with a 500. */
  outage(on: boolean): void;
  /** Spoils the next POST: 'busy' (503, nothing stored), 'crash' (stored, then 500), 'drop' (stored, then the connection cut). */
  interfere(kind: 'busy' | 'crash' | 'drop'): void;
  stop(): Promise<void>;
}

export interface GeoReportOptions {
  services?: object[];
  /** POSTs need this `api_key` (missing: 400, wrong: 403). */
  apiKey?: string;
  /** More than one: every call needs a `jurisdiction_id`. */
  jurisdictions?: string[];
  /** Which answers carry CORS headers (default `all`). */
  cors?: 'all' | 'none' | 'get-only';
  /** How multivaluelist attributes must be sent (default `brackets`, the spec's). */
  multiValue?: 'brackets' | 'repeat';
  /** How refusals are worded: Data::Rx lines (default) or plain sentences ("email is not valid"). */
  errors?: 'data-rx' | 'plain';
  /** `fails`: `GET requests/{id}.json` is a 500 for every id; the list form still answers (default `answers`). */
  requestById?: 'answers' | 'fails';
}

export function startGeoReportSimulator(options?: GeoReportOptions): Promise<GeoReportSimulator>;
