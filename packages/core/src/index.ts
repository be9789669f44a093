export type * from './model/types.js';
export * from './client/types.js';
export type { Phase } from './generated/protocol/phase.js';
export type { HistoryEntry } from './generated/protocol/history-entry.js';
export type { ErrorBody } from './generated/protocol/error.js';
export type { Submission } from './generated/protocol/submission.js';
export type { StatusChange } from './generated/protocol/status-change.js';
export type { StoredRequest } from './generated/protocol/stored-request.js';
