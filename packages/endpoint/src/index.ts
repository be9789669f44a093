export { createServer } from './server.js';
export type { ServerOptions, GuichetServer } from './server.js';
export { SqliteRequestStore, migrate } from './store/sqlite.js';
export type {
  RequestStore,
  NewRequest,
  RequestRecord,
  AttachmentRecord,
  InsertResult,
  ListQuery,
} from './store/types.js';
export {
  Secrets,
  formatReference,
  referencePrefixFor,
  normalizeTrackingCode,
  TRACKING_CODE_ALPHABET,
} from './references.js';
