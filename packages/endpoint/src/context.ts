import type { FormCatalogue } from './forms.js';
import type { TrackingCodes } from './tracking-codes.js';
import type { Store } from './store/types.js';
import type { JsonLimits } from './json-body.js';
import type { Protocol } from './protocol.js';

/** What every route needs, built once by createServer. */
export interface EndpointContext {
  store: Store;
  forms: FormCatalogue;
  /** The protocol's schemas, which the routes validate with. */
  protocol: Protocol;
  codes: TrackingCodes;
  adminToken: string | undefined;
  jsonLimits: JsonLimits;
  /** Largest upload when the field names none, in bytes. */
  defaultMaxUpload: number;
  lookupRateLimit: { max: number; timeWindowMs: number };
  /** The OpenAPI document with the protocol schemas inlined. */
  openApi: () => Promise<unknown>;
  now: () => Date;
}
