/**
 * The requests of one group-commit transaction filed in one statement. Each statement of a
 * transaction is a round trip while the reference counter's row is locked (it stays locked until
 * the commit, which is what keeps numbers gapless); with several instances, every other instance's
 * transaction waits for that lock. Filing the requests one by one kept the row locked for a round
 * trip per request; filing them together keeps it for one.
 *
 * For requests without attachments (those go one by one: their links can refuse the insert after
 * it happened, which a savepoint undoes). The same key twice in one batch (a citizen's retry
 * through the same instance) is filed once: the later one is its replay.
 */
import { toRequestRecords, type HistoryRow, type RequestRow } from '../records.js';
import type { InsertResult, NewRequest, RequestRecord } from '../types.js';
import type { Queryable } from './postgres-repositories.js';

/** What a filed or stored request comes back with (a RequestRow). */
const COLUMNS = [
  'id',
  'reference',
  'form_id',
  'form_version',
  'form_title',
  'channel',
  'lang',
  'tracking_code_hash',
  'submission_hash',
  'by_agent',
  'data',
  'created_at',
  'expected_by',
];

/**
 * Rows numbered in arrival order within their prefix and year: the counter moves once per prefix
 * and year by the count of new requests, and the n-th new request takes `last − count + n`.
 * `existing` is read before any insert: a key stored by another instance since this statement's
 * snapshot fails the insert on the unique constraint, and the store runs the batch again.
 *
 * The statement is prepared once per connection and PostgreSQL soon keeps one generic plan for
 * it (planning it each time cost ~0.45 ms of the database's CPU per batch, a third of its work).
 * A plan kept from an empty table must still find a key through its own index: looked up by
 * form and key, `requests_by_form` serves the form equally well on an empty table's estimates,
 * and a plan that picked it read every request of the form at each filing, until an ANALYZE.
 * Inside the fence (`OFFSET 0`) the key alone is looked up, which only the idempotency index
 * (key first, migration 5) serves; the form is compared outside.
 */
const FILE_REQUESTS = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bytea[], $7::bytea[],
    $8::jsonb[], $9::timestamptz[], $10::date[], $11::text[], $12::int[], $13::bytea[], $14::boolean[],
    $15::timestamptz[], $16::text[], $17::text[], $18::text[], $19::text[])
    WITH ORDINALITY AS i(form_id, form_version, form_title, channel, lang, key_hash, tracking_hash, data, created_at,
      expected_by, prefix, year, submission_hash, by_agent, at, phase, code, label, note, ord)
), existing AS (
  SELECT i.ord, r.* FROM input i CROSS JOIN LATERAL (
    SELECT * FROM requests r WHERE r.idempotency_key_hash = i.key_hash OFFSET 0) r
  WHERE r.form_id = i.form_id
), fresh AS (
  SELECT i.*, row_number() OVER (PARTITION BY i.prefix, i.year ORDER BY i.ord) AS n,
    count(*) OVER (PARTITION BY i.prefix, i.year) AS total
  FROM input i WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.ord = i.ord)
), sequence AS (
  INSERT INTO reference_sequences AS s (prefix, year, last)
  SELECT prefix, year, count(*) FROM fresh GROUP BY prefix, year
  ON CONFLICT (prefix, year) DO UPDATE SET last = s.last + excluded.last
  RETURNING prefix, year, last
), numbered AS (
  SELECT f.*, s.last - f.total + f.n AS number FROM fresh f JOIN sequence s ON s.prefix = f.prefix AND s.year = f.year
), request AS (
  -- The reference as formatReference writes it: PREFIX-YEAR-000042.
  INSERT INTO requests (reference, form_id, form_version, form_title, channel, lang, idempotency_key_hash,
    tracking_code_hash, data, created_at, expected_by, submission_hash, by_agent)
  SELECT prefix || '-' || year || '-' || lpad(number::text, greatest(6, length(number::text)), '0'),
    form_id, form_version, form_title, channel, lang, key_hash, tracking_hash, data, created_at, expected_by,
    submission_hash, by_agent
  FROM numbered ORDER BY ord
  RETURNING *
), history AS (
  INSERT INTO status_history (request_id, at, phase, code, label, note)
  SELECT r.id, n.at, n.phase, n.code, n.label, n.note
  FROM request r JOIN numbered n ON n.form_id = r.form_id AND n.key_hash = r.idempotency_key_hash
  ORDER BY n.ord
)
SELECT n.ord, false AS existing, ${COLUMNS.map((c) => `r.${c}`).join(', ')} FROM request r
  JOIN numbered n ON n.form_id = r.form_id AND n.key_hash = r.idempotency_key_hash
UNION ALL
SELECT ord, true, ${COLUMNS.join(', ')} FROM existing`;

type FiledRow = RequestRow & { ord: string | number; existing: boolean };

/**
 * Files `requests` (none with attachments) and answers each one's outcome, in order. Stored
 * requests come back as `replayed`, read by `readStored` (their history and attachments).
 */
export async function fileRequests(
  db: Queryable,
  requests: NewRequest[],
  readStored: (rows: RequestRow[]) => Promise<RequestRecord[]>,
): Promise<InsertResult[]> {
  const firstOfKey = new Map<string, number>();
  const filed: NewRequest[] = [];
  /** For each request, its key's place in `filed`; `firstTries` holds which request filed it. */
  const firstTries = new Set<number>();
  const slots = requests.map((request, k) => {
    if (request.attachmentIds.length > 0) throw new Error('requests with attachments are filed one by one');
    const key = `${request.formId}\u0000${request.idempotencyKeyHash.toString('hex')}`;
    let slot = firstOfKey.get(key);
    if (slot === undefined) {
      firstOfKey.set(key, (slot = filed.push(request) - 1));
      firstTries.add(k);
    }
    return slot;
  });
  const { rows } = await db.query<FiledRow>({
    name: 'file-requests',
    text: FILE_REQUESTS,
    values: [
      filed.map((r) => r.formId),
      filed.map((r) => r.formVersion),
      filed.map((r) => r.formTitle),
      filed.map((r) => r.channel),
      filed.map((r) => r.lang),
      filed.map((r) => r.idempotencyKeyHash),
      filed.map((r) => r.trackingCodeHash),
      filed.map((r) => JSON.stringify(r.data)),
      filed.map((r) => r.receivedAt.toISOString()),
      filed.map((r) => r.expectedBy ?? null),
      filed.map((r) => r.referencePrefix),
      filed.map((r) => r.receivedAt.getUTCFullYear()),
      filed.map((r) => r.submissionHash),
      filed.map((r) => r.byAgent),
      filed.map((r) => r.firstStatus.at),
      filed.map((r) => r.firstStatus.phase),
      filed.map((r) => r.firstStatus.code),
      filed.map((r) => r.firstStatus.label),
      filed.map((r) => r.firstStatus.note ?? null),
    ],
  });
  const found: RequestRecord[] = new Array(filed.length);
  const created = new Set<number>();
  const stored = rows.filter((row) => row.existing);
  (await readStored(stored)).forEach((record, k) => (found[Number(stored[k]!.ord) - 1] = record));
  for (const row of rows) {
    if (row.existing) continue;
    const slot = Number(row.ord) - 1;
    const status = filed[slot]!.firstStatus;
    const history: HistoryRow = { request_id: row.id, ...status, note: status.note ?? null };
    found[slot] = toRequestRecords([row], [history], [])[0]!;
    created.add(slot);
  }
  // A later try of a key filed in this batch finds the request the first try stored.
  return slots.map((slot, k) => ({
    outcome: created.has(slot) && firstTries.has(k) ? 'created' : 'replayed',
    record: found[slot]!,
  }));
}
