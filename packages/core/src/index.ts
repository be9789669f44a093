export type * from './model/types.js';
export * from './client/types.js';
export type { Phase } from './generated/protocol/phase.js';
export type { HistoryEntry } from './generated/protocol/history-entry.js';
export type { ErrorBody } from './generated/protocol/error.js';
export type { Submission } from './generated/protocol/submission.js';
export type { StatusChange } from './generated/protocol/status-change.js';
export type { StoredRequest } from './generated/protocol/stored-request.js';
export type { Agent } from './generated/protocol/agent.js';
export type { NewAgent } from './generated/protocol/new-agent.js';
export type { AuditEntry } from './generated/protocol/audit-entry.js';
export type { Reply } from './generated/protocol/reply.js';
export type { ReplyRequest } from './generated/protocol/reply-request.js';
export type { Notification } from './generated/protocol/notification.js';
export type {
  WebhookEvent,
  RequestCreatedEvent,
  StatusChangedEvent,
  RepliedEvent,
  AttachmentLink,
} from './generated/protocol/webhook-event.js';
export { registerAdapter } from './client/registry.js';
export { createAdapter, adapterNames } from './client/create-adapter.js';
export { guichetAdapter } from './client/adapters/guichet.js';
export { open311Adapter } from './client/adapters/open311.js';
export type { Open311Config, MultiValueStyle } from './client/adapters/open311.js';
export { finalPhases, isFinalPhase, phaseLabel, phases } from './client/phase-labels.js';
export { isAbort, parseRetryAfter, DEFAULT_TIMEOUT_MS } from './client/http.js';
export { apiBase } from './client/url.js';
export { refusedOrigin, refusedOriginAdvice } from './client/cors.js';
export { loadDefinition, type LoadResult } from './model/load.js';
export { readDefinition, type DefinitionCheck } from './model/read-definition.js';
export { readServedDefinition } from './model/read-served.js';
export { DefinitionError } from './model/definition-error.js';
export { localize } from './model/localize.js';
export { autocompleteWarnings } from './model/autocomplete-fit.js';
export { datePartNames, joinDateParts, splitDate, type DatePart, type DateParts } from './model/date-parts.js';
export { dateProblem, type DateProblem } from './model/date-problem.js';
export { escapeSegment, isRecord, joinPointer, ownValue, setOwn, splitPointer, valueAt } from './util/pointer.js';
export {
  compileRuntimeValidators,
  loadDefinitionCheck,
  loadStandaloneValidators,
  preloadRuntimeCompiler,
  type CompiledValidators,
} from './validation/compiled.js';
export { createValidator, type FormValidator, type ValidateOptions } from './validation/validator.js';
export { isEmpty, readConditions, type FieldConditions } from './validation/conditions.js';
export { hasConditions } from './model/has-conditions.js';
export { format, type MessageKey, type MessageParams } from './messages/format.js';
export {
  formatNumber,
  formatSize,
  inEveryLanguage,
  isLanguage,
  languages,
  locales,
  pluralCategory,
  toLanguage,
} from './messages/locales.js';
export { fill, plural, type PluralForms } from './messages/fill.js';
export { Outbox } from './outbox/outbox.js';
export type { OutboxOptions, NewSubmission, DeliverOptions, PendingSubmission } from './outbox/outbox.js';
export { backoffDelay, retryDelay } from './outbox/backoff.js';
export { asEndpointError, RetryWaits, withRetries, type RetryOptions } from './outbox/retry.js';
export { newIdempotencyKey } from './outbox/idempotency-key.js';
export * from './drafts/index.js';
