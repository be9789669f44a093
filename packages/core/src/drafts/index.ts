export { saveDraft, loadDraft, clearDraft, draftStorageKey } from './drafts.js';
export type { Draft, DraftKey } from './drafts.js';
