/**
 * The outbox: nothing a citizen typed is lost between "Send" and the endpoint's receipt.
 * A submission is written to storage with its idempotency key before the first try, and only
 * removed once the endpoint acknowledged it (or refused it for good). Failures that may pass
 * (network, timeout, 5xx, 429) are retried with backoff until acknowledged; a submission left
 * pending by a closed tab is resumed by the next page that calls `deliver` for it.
 */
import type { Adapter, Receipt } from '../client/types.js';
import { EndpointError } from '../client/types.js';
import type { FormModel } from '../model/types.js';
import type { BackoffOptions } from './backoff.js';
import { RetryWaits, withRetries } from './retry.js';
import { withLock } from './lock.js';
import { OutboxStore, type PendingSubmission } from './storage.js';
import { newIdempotencyKey } from './idempotency-key.js';

export type { PendingSubmission };

export interface OutboxOptions extends BackoffOptions {
  /** Defaults to localStorage; `null` keeps submissions in memory only. */
  storage?: Storage | null;
  /** Defaults to `navigator.locks`; `null` for no cross-tab lock. */
  locks?: LockManager | null;
  /** Storage key prefix, `guichet:outbox:` by default (the form id follows). */
  prefix?: string;
}

/** A submission about to be stored. A resumed one goes to the endpoint and adapter of the page that resumes it. */
export type NewSubmission = Omit<PendingSubmission, 'key' | 'attempts'>;

export interface DeliverOptions {
  adapter: Adapter;
  model: FormModel;
  /** Stops retrying (the page goes away); the submission stays pending. */
  signal?: AbortSignal;
  /** After a failure that will be retried, with the wait before the next try. */
  onRetry?: (error: EndpointError, delayMs: number, entry: PendingSubmission) => void;
}

export class Outbox {
  private readonly store: OutboxStore;
  private readonly inflight = new Map<string, Promise<Receipt>>();
  private readonly waits = new RetryWaits();

  constructor(private readonly options: OutboxOptions = {}) {
    this.store = new OutboxStore(options.storage === undefined ? undefined : options.storage, options.prefix);
  }

  /**
   * Stores a submission before it is sent. The same answers for the same form while one is still
   * pending give back that one (and its key): pressing Send again never makes a second request.
   */
  add(submission: NewSubmission): PendingSubmission {
    const same = JSON.stringify(submission.data);
    const existing = this.store.pending(submission.formId).find((entry) => JSON.stringify(entry.data) === same);
    if (existing) return existing;
    const entry: PendingSubmission = {
      ...submission,
      key: newIdempotencyKey(),
      attempts: 0,
    };
    this.store.put(entry);
    return entry;
  }

  /** Submissions of this form still waiting for an acknowledgement, oldest first. */
  pending(formId: string): PendingSubmission[] {
    return this.store.pending(formId);
  }

  /**
   * Sends a stored submission until the endpoint acknowledges it, and resolves with its receipt.
   * Rejects with an `EndpointError` the endpoint will not change its mind about (422, other
   * 4xx; the submission is then dropped from storage, the form still holds the answers), or
   * with an `AbortError` when `signal` aborts (the submission stays pending).
   * Calling it again for a key already being sent returns the same promise.
   */
  deliver(entry: PendingSubmission, options: DeliverOptions): Promise<Receipt> {
    const running = this.inflight.get(entry.key);
    if (running) return running;
    const delivery = this.run(entry, options).finally(() => this.inflight.delete(entry.key));
    this.inflight.set(entry.key, delivery);
    return delivery;
  }

  /** Ends every wait now ("Réessayer", or the browser came back online). */
  retryNow(): void {
    this.waits.wakeAll();
  }

  private async run(entry: PendingSubmission, options: DeliverOptions): Promise<Receipt> {
    const { baseMs, maxMs, random } = this.options;
    try {
      return await withRetries(
        () => withLock(`guichet-outbox:${entry.key}`, () => this.attempt(entry, options), this.options.locks),
        {
          baseMs,
          maxMs,
          random,
          signal: options.signal,
          waits: this.waits,
          onRetry: (error, delay) => options.onRetry?.(error, delay, entry),
        },
      );
    } catch (error) {
      // Refused for good: the endpoint will not change its mind, the form still holds the answers.
      if (error instanceof EndpointError && !error.retryable) this.store.remove(entry.formId, entry.key);
      throw error;
    }
  }

  /** One try, under the cross-tab lock: another tab may have got the receipt meanwhile. */
  private async attempt(entry: PendingSubmission, options: DeliverOptions): Promise<Receipt> {
    const known = this.store.receipt(entry.formId, entry.key);
    if (known) return known;
    const current = this.store.get(entry.formId, entry.key) ?? entry;
    const updated = { ...current, attempts: current.attempts + 1 };
    this.store.put(updated);
    const receipt = await options.adapter.submit(
      {
        model: options.model,
        data: entry.data,
        channel: entry.channel,
        lang: entry.lang,
        idempotencyKey: entry.key,
        maybeDelivered: updated.maybeDelivered === true,
        markDelivered: (maybe) =>
          this.store.put({ ...(this.store.get(entry.formId, entry.key) ?? updated), maybeDelivered: maybe }),
      },
      { signal: options.signal },
    );
    this.store.acknowledge(entry.formId, entry.key, receipt);
    return receipt;
  }
}
