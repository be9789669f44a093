/**
 * Where pending submissions live between page loads: localStorage, one key per form id, so a
 * page with two forms keeps them apart. When localStorage is missing or refuses to write
 * (private browsing, quota, disabled storage) the outbox still works for the life of the page.
 */
import type { Channel, Receipt } from '../client/types.js';
import type { Language } from '../model/types.js';

export interface PendingSubmission {
  /** The idempotency key, sent as `Idempotency-Key` on every try. */
  key: string;
  formId: string;
  formVersion: string;
  /** The answers as they will be sent (file fields hold attachment ids). */
  data: Record<string, unknown>;
  channel: Channel;
  lang: Language;
  /** How many tries were made, from every page that sent it. */
  attempts: number;
  /**
   * An earlier try may have reached the back office without its answer reaching the page; set
   * by adapters whose back office cannot deduplicate (see `SubmitRequest.markDelivered`).
   */
  maybeDelivered?: boolean;
}

interface Acknowledged {
  key: string;
  receipt: Receipt;
  at: number;
}

interface FormRecord {
  pending: PendingSubmission[];
  done: Acknowledged[];
}

/**
 * Receipts are kept just long enough for another tab sending the same item to find them, not
 * longer: on a shared computer, a tracking code should not linger.
 */
const DONE_TTL_MS = 10 * 60_000;

export class OutboxStore {
  private readonly memory = new Map<string, string>();
  private storageWorks: boolean;

  constructor(
    private readonly storage: Storage | null = defaultStorage(),
    private readonly prefix = 'guichet:outbox:',
  ) {
    this.storageWorks = storage !== null;
  }

  pending(formId: string): PendingSubmission[] {
    return this.read(formId).pending;
  }

  get(formId: string, key: string): PendingSubmission | undefined {
    return this.read(formId).pending.find((entry) => entry.key === key);
  }

  put(entry: PendingSubmission): void {
    const record = this.read(entry.formId);
    const index = record.pending.findIndex((e) => e.key === entry.key);
    if (index >= 0) record.pending[index] = entry;
    else record.pending.push(entry);
    this.write(entry.formId, record);
  }

  remove(formId: string, key: string): void {
    const record = this.read(formId);
    record.pending = record.pending.filter((e) => e.key !== key);
    this.write(formId, record);
  }

  /** Drops the pending entry and remembers its receipt briefly, for other tabs. */
  acknowledge(formId: string, key: string, receipt: Receipt): void {
    const record = this.read(formId);
    record.pending = record.pending.filter((e) => e.key !== key);
    record.done = [...record.done.filter((d) => d.key !== key), { key, receipt, at: Date.now() }];
    this.write(formId, record);
  }

  receipt(formId: string, key: string): Receipt | undefined {
    return this.read(formId).done.find((d) => d.key === key)?.receipt;
  }

  private read(formId: string): FormRecord {
    const raw = this.getItem(this.prefix + formId);
    let record: FormRecord = { pending: [], done: [] };
    if (raw) {
      try {
        const parsed = JSON.parse(raw) as Partial<FormRecord>;
        record = {
          pending: Array.isArray(parsed.pending) ? parsed.pending : [],
          done: Array.isArray(parsed.done) ? parsed.done : [],
        };
      } catch {
        // A damaged record is dropped rather than blocking every later submission.
      }
    }
    const now = Date.now();
    record.done = record.done.filter((d) => now - d.at < DONE_TTL_MS);
    return record;
  }

  private write(formId: string, record: FormRecord): void {
    const name = this.prefix + formId;
    const empty = record.pending.length === 0 && record.done.length === 0;
    const value = JSON.stringify(record);
    if (empty) this.memory.delete(name);
    else this.memory.set(name, value);
    if (!this.storageWorks) return;
    try {
      if (empty) this.storage?.removeItem(name);
      else this.storage?.setItem(name, value);
    } catch {
      // Quota or storage switched off: from now on the memory copy keeps the page going.
      this.storageWorks = false;
    }
  }

  private getItem(name: string): string | null {
    if (this.storageWorks) {
      try {
        return this.storage?.getItem(name) ?? null;
      } catch {
        this.storageWorks = false;
      }
    }
    return this.memory.get(name) ?? null;
  }
}

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Reading `localStorage` itself throws where storage is disabled.
    return null;
  }
}
