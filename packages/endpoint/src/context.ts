import type { AdminAuth } from './admin-auth.js';
import type { ClientLimits } from './client-limits.js';
import type { FormCatalogue } from './forms.js';
import type { TrackingCodes } from './tracking-codes.js';
import type { Store } from './store/types.js';
import type { JsonLimits } from './json-body.js';
import type { EndpointLimits } from './limits.js';
import type { Protocol } from './protocol.js';
import type { Announcements } from './notifications/announcements.js';

/** What every route needs, built once by createServer. */
export interface EndpointContext {
  store: Store;
  forms: FormCatalogue;
  /** The protocol's schemas, which the routes validate with. */
  protocol: Protocol;
  codes: TrackingCodes;
  /** Who calls the agents' API (and whether a submission came with an agent's credentials). */
  adminAuth: AdminAuth;
  clientLimits: ClientLimits;
  limits: EndpointLimits;
  jsonLimits: JsonLimits;
  /** Largest upload when the field names none, in bytes. */
  defaultMaxUpload: number;
  /** Where uploads wait while they are checked. */
  tempDir: string;
  /** Folders whose free space new files need (the temporary folder, SQLite's). */
  storagePaths: string[];
  /** The OpenAPI document with the protocol schemas inlined. */
  openApi: () => Promise<unknown>;
  now: () => Date;
  /** The mails and webhooks each event writes to the outbox, in the event's unit of work. */
  announcements: Announcements;
  /** Tells the outbox's sender something was just committed. */
  notify: () => void;
}
