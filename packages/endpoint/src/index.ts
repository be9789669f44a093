export { createServer } from './server.js';
export type { ServerOptions, GuichetServer } from './server.js';
export { configFromEnv, ConfigError, type EndpointConfig } from './config.js';
export { defaultLimits, type EndpointLimits, type Allowance, type Timeouts } from './limits.js';
export { openStore, type StoreOptions } from './store/open-store.js';
export { SqliteStore } from './store/sqlite/sqlite-store.js';
export { PostgresStore, type PostgresStoreOptions } from './store/postgres/postgres-store.js';
export type {
  Store,
  StoreTransaction,
  RequestReads,
  RequestWrites,
  AttachmentReads,
  AttachmentWrites,
  Settings,
  Counters,
  FormVersionReads,
  FormVersionWrites,
  UnclaimedQuota,
  UploadOutcome,
  DatabaseHealth,
  NewRequest,
  RequestRecord,
  AttachmentRecord,
  InsertResult,
  ListQuery,
  StatusEntry,
  NewReply,
  ReplyRecord,
  ReplyInsertResult,
  ReplyReads,
  ReplyWrites,
  NewOutboxItem,
  OutboxItem,
  OutboxChannel,
  OutboxState,
  OutboxEvent,
  OutboxQuery,
  OutboxReads,
  OutboxWrites,
  OutboxDelivery,
  DeliveryOutcome,
} from './store/types.js';
export { REPLY_FIELD } from './store/types.js';
export { TrackingCodes, normalizeTrackingCode, TRACKING_CODE_ALPHABET } from './tracking-codes.js';
export { trackingSecret, TrackingSecretMismatch } from './tracking-secret.js';
export { formatReference, referencePrefixFor } from './reference-numbers.js';
