/**
 * Hits of the per-client counters, sent together: every submission, look-up and upload counts one
 * hit before anything else, and under load one round trip each to PostgreSQL costs more than the
 * statement itself. The hits that arrive in one turn of the event loop go in one statement, added
 * up per key, and each caller gets the count it would have got alone (the hits of one key are
 * numbered in arrival order), so allowances hold exactly as before, across instances too.
 */
import type { Queryable } from './postgres-repositories.js';

export interface Hit {
  count: number;
  resetAt: Date;
}

interface Waiting {
  key: string;
  /** A key's window length is its purpose's: the first hit's holds for the batch. */
  windowMs: number;
  now: Date;
  resolve: (hit: Hit) => void;
  reject: (error: unknown) => void;
}

export class CounterHits {
  private waiting: Waiting[] = [];

  constructor(private readonly db: Queryable) {}

  hit(key: string, windowMs: number, now: Date): Promise<Hit> {
    return new Promise<Hit>((resolve, reject) => {
      if (this.waiting.push({ key, windowMs, now, resolve, reject }) === 1) setImmediate(() => void this.send());
    });
  }

  private async send(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    const byKey = new Map<string, Waiting[]>();
    for (const hit of batch) {
      const hits = byKey.get(hit.key);
      if (hits) hits.push(hit);
      else byKey.set(hit.key, [hit]);
    }
    // One order of row locks for every instance's batch: two batches never wait on each other in a circle.
    const keys = [...byKey.keys()].sort();
    const groups = keys.map((key) => byKey.get(key)!);
    // The batch is counted when it reaches the database: at the latest of its hits' times.
    const now = batch.reduce((latest, hit) => (hit.now > latest ? hit.now : latest), batch[0]!.now);
    try {
      const { rows } = await this.db.query<{ key: string; count: number; reset_at: Date }>({
        name: 'counter-hits',
        text: `INSERT INTO counters AS c (key, count, reset_at)
               SELECT key, n, $4::timestamptz + window_ms * interval '1 millisecond'
               FROM unnest($1::text[], $2::int[], $3::int[]) AS h(key, n, window_ms)
               ON CONFLICT (key) DO UPDATE SET
                 count = CASE WHEN c.reset_at <= $4 THEN excluded.count ELSE c.count + excluded.count END,
                 reset_at = CASE WHEN c.reset_at <= $4 THEN excluded.reset_at ELSE c.reset_at END
               RETURNING c.key, c.count, c.reset_at`,
        values: [keys, groups.map((hits) => hits.length), groups.map((hits) => hits[0]!.windowMs), now.toISOString()],
      });
      for (const { key, count, reset_at } of rows) {
        const hits = byKey.get(key)!;
        // Of n hits counted together, the first saw the count before the n − 1 others.
        hits.forEach((hit, k) => hit.resolve({ count: count - hits.length + 1 + k, resetAt: reset_at }));
      }
    } catch (error) {
      for (const hit of batch) hit.reject(error);
    }
  }
}
