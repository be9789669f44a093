/**
 * Group commit for both stores: units of work that arrive while the previous database
 * transaction runs share the next one, so one commit, one fsync, covers them all, which is what
 * keeps a durable store fast. Optimistic: units run one after the other without savepoints (a
 * savepoint costs two more round trips per unit on PostgreSQL); when one fails, the transaction
 * rolls back, the failing unit gets its error (or runs again if it is retryable) and the others run
 * again in the next transaction, which is why a unit's work must only use the store. Every unit's
 * promise settles after the commit that holds its work, never before.
 *
 * A unit may also bring an item for `runBatch`: the items of a transaction's units go to the
 * database together, first, in one statement (PostgreSQL files its new requests so), and each
 * unit's work then runs with its item's result. When that statement fails for a reason that is
 * not worth a retry, the units run again each in a transaction of its own, so only the unit at
 * fault gets the error. Batched units with no work of their own (a request whose filing announces
 * nothing) need no transaction around their statement: `runBatchAlone` sends it on its own, one
 * round trip that commits as it ends, instead of three (BEGIN, the statement, COMMIT) during which
 * the reference counter stays locked.
 */
/** One database transaction, on a connection of its own. */
export interface OpenTransaction<Tx> {
  tx: Tx;
  /** Runs a transaction-control statement: SAVEPOINT, RELEASE, ROLLBACK TO, COMMIT, ROLLBACK. */
  control(sql: string): Promise<void>;
  /** Gives the connection back (after COMMIT or ROLLBACK); `broken` when it failed mid-way. */
  end(broken?: boolean): void;
}

export interface GroupCommitOptions<Tx, Item, Result> {
  /** Starts a transaction (BEGIN, or BEGIN IMMEDIATE for SQLite). */
  begin(): Promise<OpenTransaction<Tx>>;
  /** Errors after which a unit runs again in the next transaction (PostgreSQL's deadlock victim). */
  retryable?(error: unknown): boolean;
  /** Most units in one transaction. */
  maxUnits?: number;
  /**
   * Whether units of different `lockKey`s go in different transactions, which then run side by
   * side, one per key at a time (PostgreSQL, where one transaction holding two keys could lock
   * them in the opposite order to another instance's); without it, one transaction at a time
   * batches everything (SQLite, one writer).
   */
  separateLockKeys?: boolean;
  /** Most transactions in flight at once (with `separateLockKeys`): each holds a connection. */
  maxTransactions?: number;
  /** Runs the items of the transaction's batched units together; one result per item, in order. */
  runBatch?(tx: Tx, items: Item[]): Promise<Result[]>;
  /** Runs the items as `runBatch` does, in one statement that commits on its own. */
  runBatchAlone?(items: Item[]): Promise<Result[]>;
}

interface Unit<Tx, Item, Result> {
  /** None for a batched unit that only needs its item's result. */
  work?: (tx: Tx, result: Result | undefined) => Promise<unknown>;
  lockKey?: string;
  /** Present for a batched unit. */
  batch?: { item: Item; alone: boolean };
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  attempts: number;
}

const MAX_ATTEMPTS = 3;
const ONE_WRITER = Symbol('one writer');
const KEYLESS = Symbol('no counter');

/** Stands for the batch statement as the failing step. */
const THE_BATCH = Symbol('the batch');

export class GroupCommit<Tx, Item = never, Result = never> {
  private readonly queue: Unit<Tx, Item, Result>[] = [];
  /** Lanes with a transaction in flight: a counter's key, KEYLESS, or ONE_WRITER for SQLite. */
  private readonly busy = new Set<string | symbol>();
  private readonly flights = new Set<Promise<void>>();
  private waiting: Promise<void> | undefined;

  constructor(private readonly options: GroupCommitOptions<Tx, Item, Result>) {}

  run<T>(work: (tx: Tx) => Promise<T>, lockKey?: string): Promise<T> {
    return this.enqueue(work, lockKey);
  }

  /**
   * A unit whose `item` goes to `runBatch` with the others of its transaction; `work` gets its
   * result. Without `work`, the unit settles with the result itself.
   */
  runBatched(item: Item, work: undefined, lockKey?: string): Promise<Result>;
  runBatched<T>(item: Item, work: (tx: Tx, result: Result) => Promise<T>, lockKey?: string): Promise<T>;
  runBatched<T>(item: Item, work: ((tx: Tx, result: Result) => Promise<T>) | undefined, lockKey?: string) {
    if (!this.options.runBatch) throw new Error('this group commit has no runBatch');
    return this.enqueue(work as ((tx: Tx, result: Result | undefined) => Promise<T>) | undefined, lockKey, {
      item,
      alone: false,
    });
  }

  private enqueue<T>(
    work: ((tx: Tx, result: Result | undefined) => Promise<T>) | undefined,
    lockKey: string | undefined,
    batch?: { item: Item; alone: boolean },
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, lockKey, batch, resolve: resolve as (value: unknown) => void, reject, attempts: 0 });
      this.schedule();
    });
  }

  /** Resolves once every unit queued so far has settled. */
  async drain(): Promise<void> {
    while (this.waiting || this.flights.size > 0) await Promise.all([this.waiting, ...this.flights]);
  }

  private schedule(): void {
    if (this.waiting || this.queue.length === 0) return;
    // One turn of the event loop first, so the units of requests that arrived together join.
    this.waiting = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.waiting = undefined;
      this.start();
    });
  }

  /**
   * Starts a transaction for every lane that is free and has units: with `separateLockKeys`, one
   * per counter's key at a time (so a town's five forms commit side by side, each in its own
   * transaction, rather than one after the other), else one at a time.
   */
  private start(): void {
    for (;;) {
      const taken = this.take();
      if (!taken) return;
      const { lane, units } = taken;
      this.busy.add(lane);
      const flight: Promise<void> = this.flush(units).finally(() => {
        this.busy.delete(lane);
        this.flights.delete(flight);
        this.schedule();
      });
      this.flights.add(flight);
    }
  }

  /**
   * The next transaction's units, in arrival order, and its lane: with `separateLockKeys`, those
   * of the first key whose lane is free (and the units of no key), or the units of no key alone.
   */
  private take(): { lane: string | symbol; units: Unit<Tx, Item, Result>[] } | undefined {
    if (this.busy.size >= (this.options.maxTransactions ?? Infinity)) return undefined;
    if (!this.options.separateLockKeys) {
      if (this.busy.has(ONE_WRITER) || this.queue.length === 0) return undefined;
      return { lane: ONE_WRITER, units: this.collect(() => true) };
    }
    const key = this.queue.find((unit) => unit.lockKey !== undefined && !this.busy.has(unit.lockKey))?.lockKey;
    if (key === undefined && (this.busy.has(KEYLESS) || !this.queue.some((unit) => unit.lockKey === undefined)))
      return undefined;
    return { lane: key ?? KEYLESS, units: this.collect((unit) => unit.lockKey === undefined || unit.lockKey === key) };
  }

  /**
   * Takes the queued units `fits` accepts, in arrival order, up to `maxUnits`: a batched unit
   * that must run alone is the only batched unit of its transaction.
   */
  private collect(fits: (unit: Unit<Tx, Item, Result>) => boolean): Unit<Tx, Item, Result>[] {
    const max = this.options.maxUnits ?? 64;
    const units: Unit<Tx, Item, Result>[] = [];
    let batched = 0;
    let alone = false;
    for (let i = 0; i < this.queue.length && units.length < max;) {
      const unit = this.queue[i]!;
      const admitted = fits(unit) && (!unit.batch || (!alone && (!unit.batch.alone || batched === 0)));
      if (!admitted) {
        i++;
        continue;
      }
      if (unit.batch) {
        batched++;
        alone = unit.batch.alone;
      }
      units.push(unit);
      this.queue.splice(i, 1);
    }
    return units;
  }

  private async flush(units: Unit<Tx, Item, Result>[]): Promise<void> {
    if (this.options.runBatchAlone && units.every((unit) => unit.batch && !unit.work)) {
      let answers: Result[];
      try {
        answers = await this.options.runBatchAlone(units.map((unit) => unit.batch!.item));
      } catch (error) {
        this.batchFailed(units, [], error);
        return;
      }
      units.forEach((unit, k) => unit.resolve(answers[k]));
      return;
    }
    let open: OpenTransaction<Tx>;
    try {
      open = await this.options.begin();
    } catch (error) {
      for (const unit of units) unit.reject(error);
      return;
    }
    const batched = units.filter((unit) => unit.batch);
    const done: { unit: Unit<Tx, Item, Result>; value: unknown }[] = [];
    let failing: Unit<Tx, Item, Result> | typeof THE_BATCH | undefined;
    try {
      const results = new Map<Unit<Tx, Item, Result>, Result>();
      if (batched.length > 0) {
        failing = THE_BATCH;
        const answers = await this.options.runBatch!(
          open.tx,
          batched.map((unit) => unit.batch!.item),
        );
        batched.forEach((unit, k) => results.set(unit, answers[k]!));
      }
      for (const unit of units) {
        failing = unit;
        const result = results.get(unit);
        done.push({ unit, value: unit.work ? await unit.work(open.tx, result) : result });
      }
      failing = undefined;
      await open.control('COMMIT');
    } catch (error) {
      const rolledBack = await open.control('ROLLBACK').then(
        () => true,
        () => false,
      );
      open.end(!rolledBack);
      if (failing === THE_BATCH) {
        this.batchFailed(
          batched,
          units.filter((unit) => !unit.batch),
          error,
        );
      } else if (failing) {
        // A unit failed: it alone answers for it; the others, undone, run again.
        this.retryOrReject(failing, error);
        this.queue.unshift(...units.filter((unit) => unit !== failing));
      } else {
        // The commit itself failed (connection lost, refused): nothing of it holds.
        for (const { unit } of done) this.retryOrReject(unit, error);
      }
      return;
    }
    open.end();
    for (const { unit, value } of done) unit.resolve(value);
  }

  /** The batch statement failed: its units run again (`others`, undone with it, too). */
  private batchFailed(batched: Unit<Tx, Item, Result>[], others: Unit<Tx, Item, Result>[], error: unknown): void {
    if (batched.length === 1 || this.options.retryable?.(error)) {
      for (const unit of batched) this.retryOrReject(unit, error);
    } else {
      // Which item the statement refused is unknown: each runs again in a batch of its own.
      for (const unit of batched) unit.batch!.alone = true;
      others.push(...batched);
    }
    this.queue.unshift(...others);
  }

  private retryOrReject(unit: Unit<Tx, Item, Result>, error: unknown): void {
    if (this.options.retryable?.(error) && ++unit.attempts < MAX_ATTEMPTS) this.queue.push(unit);
    else unit.reject(error);
  }
}
