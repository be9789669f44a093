/**
 * Drafts: the citizen's answers kept in the browser (localStorage) while they fill a form, so
 * a closed tab or a dead battery loses nothing. One draft per form id and version: answers saved
 * under another version of a definition may no longer fit it, so they are not offered back.
 * A draft never holds file contents; the caller strips file fields before saving.
 */

export interface Draft {
  /** The answers as they were (file fields left out). */
  data: Record<string, unknown>;
  /** Index of the step the citizen was on. */
  step: number;
  /** When it was saved (ISO 8601). */
  savedAt: string;
}

export interface DraftKey {
  formId: string;
  version: string;
}

const prefix = 'guichet:draft:';

export function draftStorageKey({ formId, version }: DraftKey): string {
  return `${prefix}${formId}@${version}`;
}

/** localStorage, or undefined where it is missing or blocked (privacy modes, sandboxed frames). */
function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Saves a draft; returns false when the browser refused (quota, storage disabled). */
export function saveDraft(key: DraftKey, draft: Omit<Draft, 'savedAt'>, storage = defaultStorage()): boolean {
  if (!storage) return false;
  const stored: Draft = { data: draft.data, step: draft.step, savedAt: new Date().toISOString() };
  try {
    storage.setItem(draftStorageKey(key), JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

/** The saved draft of this form id and version, or undefined (none, or unreadable). */
export function loadDraft(key: DraftKey, storage = defaultStorage()): Draft | undefined {
  let text: string | null | undefined;
  try {
    text = storage?.getItem(draftStorageKey(key));
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isDraft(parsed)) return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

export function clearDraft(key: DraftKey, storage = defaultStorage()): void {
  try {
    storage?.removeItem(draftStorageKey(key));
  } catch {
    // Nothing to clear where storage is blocked.
  }
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return (
    typeof draft.data === 'object' &&
    draft.data !== null &&
    !Array.isArray(draft.data) &&
    typeof draft.step === 'number' &&
    Number.isInteger(draft.step) &&
    draft.step >= 0 &&
    typeof draft.savedAt === 'string'
  );
}
