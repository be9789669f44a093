// The reference endpoint under load: autocannon on 127.0.0.1, a real SQLite file, one unique
// Idempotency-Key per request; then the agents API counts the rows: none lost, none twice.
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { startEndpoint } from '../../scripts/lib/endpoint-process.mjs';

const form = 'signalement-voirie';
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
    const response = await fetch(`${endpoint.url}/api/admin/requests?formId=${form}&limit=500&offset=${offset}`, {
      headers: { Authorization: `Bearer ${endpoint.adminToken}` },
    });
    if (!response.ok) throw new Error(`admin list: ${response.status}`);
    const page = await response.json();
    references.push(...page.map((r) => r.reference));
    if (page.length < 500) return references;
  }
}

export async function endpointLoad({ seconds, connections }) {
  const endpoint = await startEndpoint();
  try {
    const answers = [];
    // Warm-up (JIT, prepared statements), counted like the rest.
    const run = (duration) =>
      autocannon({
        url: `${endpoint.url}/api/forms/${form}/submissions`,
        connections,
        duration,
        requests: [
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body,
            setupRequest: (request) => ({
              ...request,
              headers: { ...request.headers, 'Idempotency-Key': randomUUID() },
            }),
            // Kept raw: parsing here would slow the client that shares the 2 cores.
            onResponse: (status, text) => {
              if (status === 201) answers.push(text);
            },
          },
        ],
      });
    const warm = await run(2);
    const result = await run(seconds);
    const acknowledged = warm['2xx'] + result['2xx'];
    const references = await storedRows(endpoint);
    const stored = new Set(references);
    const receipts = answers.map((text) => JSON.parse(text).reference);
    const missing = receipts.filter((reference) => !stored.has(reference)).length;
    return {
      connections,
      seconds,
      requestsPerSecond: result.requests.average,
      acknowledgedPerSecond: result['2xx'] / seconds,
      latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      non2xx: result.non2xx + warm.non2xx,
      errors: result.errors + warm.errors + result.timeouts + warm.timeouts,
      acknowledged,
      receipts: receipts.length,
      sent: warm.requests.sent + result.requests.sent,
      stored: references.length,
      distinct: stored.size,
      // Every 201 is a stored row; rows beyond the 201s are requests still in flight when the
      // load stopped (at most one per connection per run), stored once all the same.
      acknowledgedMissing: missing,
      ok:
        missing === 0 &&
        stored.size === references.length &&
        references.length >= receipts.length &&
        references.length <= warm.requests.sent + result.requests.sent,
    };
  } finally {
    await endpoint.stop();
  }
}
