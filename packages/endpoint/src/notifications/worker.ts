/**
 * The outbox's sender: for each channel, claims the due items (store.outbox.deliver, one sender
 * per item across instances), sends them and records the outcome; a failed attempt is tried
 * again after a backoff that doubles up to a ceiling (a minute). It looks again at once when
 * this instance wrote something (wake), else every poll interval (another instance's writes, a
 * retry that came due).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { DeliveryOutcome, OutboxChannel, OutboxItem, Store } from '../store/types.js';

export interface ItemOutcome {
  outcome: 'sent' | 'failed' | 'retry';
  error?: string;
}

export interface ChannelSender {
  send(item: OutboxItem): Promise<ItemOutcome>;
}

export interface WorkerOptions {
  store: Store;
  senders: Partial<Record<OutboxChannel, ChannelSender>>;
  log: FastifyBaseLogger;
  now: () => Date;
  /** How often to look for due items when nothing woke the worker (1 s). */
  pollIntervalMs?: number;
  /** SQLite: how long a claim holds if this process dies mid-send (2 min, above any send timeout). */
  leaseMs?: number;
  /** First retry delay (2 s), doubling up to `retryMaxMs` (60 s). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  batch?: number;
}

export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.min(attempts, 20));
  // Some spread, so instances and requests do not retry in lockstep; never above the ceiling.
  return Math.round(exponential * (0.8 + Math.random() * 0.2));
}

export class NotificationWorker {
  private running = false;
  private readonly loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  private woken = false;

  constructor(private readonly options: WorkerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const [channel, sender] of Object.entries(this.options.senders) as [OutboxChannel, ChannelSender][])
      this.loops.push(this.loop(channel, sender));
  }

  /** Something was just written: look now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    for (const wake of [...this.wakers]) wake();
  }

  /** Finishes the sends in flight (their outcomes recorded), then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await Promise.all(this.loops);
  }

  private async loop(channel: OutboxChannel, sender: ChannelSender): Promise<void> {
    const { store, log, now } = this.options;
    while (this.running) {
      let claimed = 0;
      this.woken = false;
      try {
        claimed = await store.outbox.deliver(
          channel,
          { now: now(), limit: this.options.batch ?? 10, leaseMs: this.options.leaseMs ?? 120_000 },
          (items) => this.sendAll(channel, sender, items),
        );
      } catch (error) {
        // The database out of reach: one line each round until it is back, not a stack.
        if (store.unavailable(error))
          log.warn({ channel, cause: (error as Error).message }, 'outbox waits: database unavailable');
        else log.error({ err: error, channel }, 'outbox delivery failed');
      }
      if (claimed === 0 && !this.woken && this.running) await this.pause();
    }
  }

  private async sendAll(channel: OutboxChannel, sender: ChannelSender, items: OutboxItem[]) {
    const outcomes: DeliveryOutcome[] = [];
    for (const item of items) {
      const result = await sender.send(item);
      const at = this.options.now();
      const outcome: DeliveryOutcome = { id: item.id, outcome: result.outcome, at };
      if (result.error) outcome.error = result.error;
      if (result.outcome === 'retry') {
        const delay = retryDelay(item.attempts, this.options.retryBaseMs ?? 2_000, this.options.retryMaxMs ?? 60_000);
        outcome.nextAttemptAt = new Date(at.getTime() + delay);
        this.options.log.warn(
          { channel, event: item.id, attempts: item.attempts + 1, error: result.error },
          'will retry',
        );
      } else if (result.outcome === 'failed') {
        this.options.log.warn({ channel, event: item.id, error: result.error }, 'refused for good');
      } else {
        this.options.log.info({ channel, event: item.id, reference: item.reference }, `${channel} sent`);
      }
      outcomes.push(outcome);
    }
    return outcomes;
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.options.pollIntervalMs ?? 1_000);
      this.wakers.add(done);
    });
  }
}
