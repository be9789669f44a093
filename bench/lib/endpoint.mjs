// The reference endpoint under load: autocannon on 127.0.0.1, one unique Idempotency-Key per
// request, on the embedded SQLite file and on PostgreSQL with one and three instances (a
// throwaway cluster with its durable defaults: fsync and synchronous commits on, as SQLite runs
// with synchronous = FULL). Then the agents API counts the rows: none lost, none twice.
//
// The requests come as through the reverse proxy that instances sit behind (docs/deploying.md):
// from many citizens' addresses, in X-Forwarded-For, with GUICHET_TRUST_PROXY=1. From one address,
// a thousand submissions a second would all count in one row of the per-client allowances, which
// every instance then waits its turn to update: a load no town sees (60 submissions an hour is an
// address's default allowance), and which cost three instances about a third of their rate.
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEndpoint } from '../../scripts/lib/endpoint-process.mjs';
import { createDatabase, startPostgres } from '../../scripts/lib/postgres-cluster.mjs';

const form = 'signalement-voirie';
const root = join(import.meta.dirname, '..', '..');
/**
 * A town's day is not one form: the same load spread over five example forms (their first valid
 * sample each), so each form's reference counter is one of five rows to lock rather than the one.
 */
const mixForms = [
  'signalement-voirie',
  'contact-service',
  'acte-etat-civil',
  'inscription-cantine',
  'reservation-salle',
];
const mixBodies = mixForms.map((id) => {
  const { version } = JSON.parse(readFileSync(join(root, 'schemas/forms', `${id}.json`), 'utf8'));
  const { valid } = JSON.parse(readFileSync(join(root, 'test/fixtures/forms-data', `${id}.json`), 'utf8'));
  const data = id === form ? { ...valid[0], photo: undefined } : valid[0];
  return { id, body: JSON.stringify({ formVersion: version, channel: 'web', lang: 'fr', data }) };
});
/** Requests each instance serves before the measure starts, in at most WARM_UP_MAX_S (see `measure`). */
const WARM_UP_PER_INSTANCE = 8_000;
const WARM_UP_MAX_S = 30;

/** Runs `run` in slices of 2,000 requests until `requests` were sent or WARM_UP_MAX_S is up; their sums. */
async function warmUp(run, requests) {
  const sum = { sent: 0, '2xx': 0, non2xx: 0, errors: 0, duration: 0 };
  while (sum.sent < requests && sum.duration < WARM_UP_MAX_S) {
    const slice = await run({ amount: Math.min(requests - sum.sent, 2_000) });
    sum.sent += slice.requests.sent;
    sum['2xx'] += slice['2xx'];
    sum.non2xx += slice.non2xx;
    sum.errors += slice.errors + slice.timeouts;
    sum.duration += slice.duration;
  }
  return sum;
}
/** A town's citizens: 10.0.0.0/16, one address after the other. */
const citizens = 65_536;
let citizen = 0;
const nextAddress = () => {
  const n = citizen++ % citizens;
  return `10.0.${n >> 8}.${n & 255}`;
};
const body = JSON.stringify({
  formVersion: '1.0.0',
  channel: 'web',
  lang: 'fr',
  data: {
    category: 'eclairage',
    description: 'Le lampadaire devant le 12 rue des Écoles ne s’allume plus.',
    address: '12 rue des Écoles',
    consent: true,
  },
});

async function storedRows(endpoint) {
  const references = [];
  for (let offset = 0; ; offset += 500) {
    const response = await fetch(`${endpoint.url}/api/admin/requests?limit=500&offset=${offset}`, {
      headers: { Authorization: `Bearer ${endpoint.adminToken}` },
    });
    if (!response.ok) throw new Error(`admin list: ${response.status}`);
    const page = await response.json();
    references.push(...page.map((r) => r.reference));
    if (page.length < 500) return references;
  }
}

/**
 * autocannon against `count` instances (spread over them); then, once they stopped (finishing
 * what was in flight), one more instance on the same database lists the stored rows.
 */
async function measure(count, env, { seconds, connections, mix = false, offered }) {
  const start = (n) =>
    Promise.all(
      Array.from({ length: n }, () => startEndpoint({ built: true, env: { GUICHET_TRUST_PROXY: '1', ...env } })),
    );
  const instances = await start(count);
  const answers = [];
  let sent = 0;
  const run = (limit) =>
    autocannon({
      url: instances.map((endpoint) => `${endpoint.url}/api/forms/${form}/submissions`),
      connections,
      ...limit,
      // An offered rate: autocannon spaces each connection's requests so that all send this many a second.
      ...(offered ? { overallRate: offered } : {}),
      requests: [
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
          setupRequest: (request) => {
            const next = mix ? mixBodies[sent++ % mixBodies.length] : undefined;
            return {
              ...request,
              ...(next ? { path: `/api/forms/${next.id}/submissions`, body: next.body } : {}),
              headers: { ...request.headers, 'Idempotency-Key': randomUUID(), 'X-Forwarded-For': nextAddress() },
            };
          },
          // Kept raw: parsing here would slow the client that shares the 2 cores.
          onResponse: (status, text) => {
            if (status === 201) answers.push(text);
          },
        },
      ],
    });
  let warm, result;
  try {
    // Warm-up, counted like the rest, by requests per instance rather than by seconds: V8 optimizes
    // each process's hot code after so many calls, and three instances sharing the load take three
    // times as long to get there (12 connections: about 700/s in their first 3 s, 1,100–1,300/s
    // from the 10th on, on the 2 cores of 2026-12-07, where two seconds of warm-up measured them
    // half-compiled). Slow configurations stop warming after WARM_UP_MAX_S. The warm-up's rate is
    // reported beside the measure: what a town sees in the first seconds after a restart.
    warm = await warmUp(run, WARM_UP_PER_INSTANCE * instances.length);
    result = await run({ duration: seconds });
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
  }
  const [checker] = await start(1);
  let references;
  try {
    references = await storedRows(checker);
  } finally {
    await checker.stop();
  }
  const stored = new Set(references);
  const receipts = answers.map((text) => JSON.parse(text).reference);
  const missing = receipts.filter((reference) => !stored.has(reference)).length;
  return {
    instances: instances.length,
    connections,
    offered,
    seconds,
    warmUp: { requests: warm.sent, seconds: warm.duration, acknowledgedPerSecond: warm['2xx'] / warm.duration },
    requestsPerSecond: result.requests.average,
    acknowledgedPerSecond: result['2xx'] / seconds,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx + warm.non2xx,
    errors: result.errors + result.timeouts + warm.errors,
    acknowledged: warm['2xx'] + result['2xx'],
    receipts: receipts.length,
    sent: warm.sent + result.requests.sent,
    stored: references.length,
    distinct: stored.size,
    // Every 201 is a stored row; rows beyond the 201s are requests still in flight when the
    // load stopped (at most one per connection per run), stored once all the same.
    acknowledgedMissing: missing,
    ok:
      missing === 0 &&
      stored.size === references.length &&
      references.length >= receipts.length &&
      references.length <= warm.sent + result.requests.sent,
  };
}

/** The rows: SQLite, PostgreSQL × 1, PostgreSQL × 3 on one form, PostgreSQL × 3 on five forms with their mails. */
export async function endpointLoad(options) {
  // Each configuration twice: with `connections` (a few clients at a time: each round trip to the
  // database counts) and with `loadedConnections` (a busy hour: each group commit holds more).
  const { loadedConnections, offered, offeredConnections, ...base } = options;
  const loaded = { ...base, connections: loadedConnections };
  const onSqlite = async (load) => {
    const sqliteDir = mkdtempSync(join(tmpdir(), 'guichet-bench-'));
    try {
      return await measure(1, { GUICHET_DB: join(sqliteDir, 'guichet.sqlite') }, load);
    } finally {
      rmSync(sqliteDir, { recursive: true, force: true });
    }
  };
  const sqlite = await onSqlite(base);
  const sqliteLoaded = await onSqlite(loaded);
  const postgres = await startPostgres({ durable: true });
  try {
    const secret = { GUICHET_SECRET: randomUUID() + randomUUID() };
    const onDatabase = async (name, count, load) => {
      const url = await createDatabase(postgres.url, name);
      return measure(count, { GUICHET_DATABASE_URL: url, ...secret }, load);
    };
    const postgresOne = await onDatabase('bench_one', 1, base);
    const postgresThree = await onDatabase('bench_three', 3, base);
    const postgresThreeMix = await onDatabase('bench_mix', 3, { ...base, mix: true });
    const postgresOneLoaded = await onDatabase('bench_one_loaded', 1, loaded);
    const postgresThreeLoaded = await onDatabase('bench_three_loaded', 3, loaded);
    // The target as a town would meet it: that many submissions a second, from many clients at once.
    const postgresThreeOffered = await onDatabase('bench_three_offered', 3, {
      ...base,
      connections: offeredConnections,
      offered,
    });
    return {
      sqlite,
      postgresOne,
      postgresThree,
      postgresThreeMix,
      loaded: { sqlite: sqliteLoaded, postgresOne: postgresOneLoaded, postgresThree: postgresThreeLoaded },
      postgresThreeOffered,
    };
  } finally {
    await postgres.stop();
  }
}
