/**
 * Drafts: the citizen's answers kept in the browser (localStorage) while they fill a form, so
 * a closed tab or a dead battery loses nothing. One draft per form id and version: answers saved
 * under another version of a definition may no longer fit it, so they are not offered back.
 * A draft never holds file contents; the caller strips file fields before saving.
 *
 * Drafts expire (7 days unless the page says otherwise): on a shared or public computer, the next
 * person must not be offered the previous citizen's answers weeks later. Looking for a draft also
 * deletes every expired one of any form, so what a citizen left does not linger.
 */

/** How long a draft is kept by default, in days. */
export const DEFAULT_DRAFT_DAYS = 7;

export interface DraftLookup {
  /** Drafts older than this are deleted, not offered (default 7). */
  maxAgeDays?: number;
  storage?: Storage;
}

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
  const stored: Draft = { data: draft.data, step: draft.step, savedAt: new Date(Date.now()).toISOString() };
  try {
    storage.setItem(draftStorageKey(key), JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

/**
 * The saved draft of this form id and version, or undefined (none, expired, or unreadable). Every
 * expired draft in the storage is deleted on the way.
 */
export function loadDraft(
  key: DraftKey,
  { maxAgeDays = DEFAULT_DRAFT_DAYS, storage = defaultStorage() }: DraftLookup = {},
): Draft | undefined {
  const oldest = Date.now() - maxAgeDays * 86_400_000;
  let found: Draft | undefined;
  try {
    if (!storage) return undefined;
    const wanted = draftStorageKey(key);
    for (let i = storage.length - 1; i >= 0; i--) {
      const name = storage.key(i);
      if (!name?.startsWith(prefix)) continue;
      const draft = read(storage.getItem(name));
      // An unreadable draft cannot say its age: it goes too.
      if (!draft || !(Date.parse(draft.savedAt) >= oldest)) storage.removeItem(name);
      else if (name === wanted) found = draft;
    }
  } catch {
    // Storage blocked (privacy modes, sandboxed frames): no draft.
  }
  return found;
}

function read(text: string | null): Draft | undefined {
  try {
    const parsed: unknown = JSON.parse(text ?? '');
    return isDraft(parsed) ? parsed : undefined;
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
