export { saveDraft, loadDraft, clearDraft, draftStorageKey, DEFAULT_DRAFT_DAYS } from './drafts.js';
export type { Draft, DraftKey, DraftLookup } from './drafts.js';
