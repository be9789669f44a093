import { newIdempotencyKey, type Attachment } from '@guichet/core';

/**
 * A reply being written, kept on the device until the endpoint has it: what was typed, the files
 * already uploaded (the endpoint keeps them 24 hours for the reply that names them) and the
 * Idempotency-Key every try of this reply carries, so a retry after a lost answer, or after the
 * page was closed and opened again, never makes a second reply. Neither the tracking code nor a
 * file's content is kept.
 */
export interface ReplyDraft {
  key: string;
  message: string;
  uploaded: Attachment[];
}

const PREFIX = 'guichet:reply:';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // Storage blocked (a privacy setting, a sandboxed frame): the draft lives as long as the page.
    return undefined;
  }
}

function isDraft(value: unknown): value is ReplyDraft {
  const draft = value as Partial<ReplyDraft> | null;
  return (
    typeof draft?.key === 'string' &&
    typeof draft.message === 'string' &&
    Array.isArray(draft.uploaded) &&
    draft.uploaded.every((file) => typeof file?.id === 'string' && typeof file.name === 'string')
  );
}

export function readReplyDraft(reference: string): ReplyDraft {
  try {
    const stored: unknown = JSON.parse(storage()?.getItem(PREFIX + reference) ?? 'null');
    if (isDraft(stored)) return stored;
  } catch {
    // Unreadable: start again rather than fail.
  }
  return { key: newIdempotencyKey(), message: '', uploaded: [] };
}

export function saveReplyDraft(reference: string, draft: ReplyDraft): void {
  try {
    if (!draft.message && draft.uploaded.length === 0) storage()?.removeItem(PREFIX + reference);
    else storage()?.setItem(PREFIX + reference, JSON.stringify(draft));
  } catch {
    // Full or blocked: the page still holds it.
  }
}

export function forgetReplyDraft(reference: string): void {
  try {
    storage()?.removeItem(PREFIX + reference);
  } catch {
    // Nothing kept to forget.
  }
}
