/**
 * Guessing tracking codes: 1,000 wrong guesses from one client are cut short by the rate limit,
 * and no answer tells an existing reference from a missing one.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startEndpoint, type RunningEndpoint } from '../helpers/endpoint.js';

const limit = 30;

describe('tracking codes under 1,000 wrong guesses', () => {
  let endpoint: RunningEndpoint;
  let receipt: { reference: string; trackingCode: string };

  before(async () => {
    endpoint = await startEndpoint({ env: { GUICHET_LOOKUP_LIMIT: String(limit) } });
    const response = await fetch(`${endpoint.url}/api/forms/signalement-voirie/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        formVersion: '1.0.0',
        channel: 'web',
        lang: 'fr',
        data: {
          category: 'nid-de-poule',
          description: 'Nid-de-poule devant la mairie',
          address: 'Place de la Mairie',
          consent: true,
        },
      }),
    });
    assert.equal(response.status, 201);
    receipt = (await response.json()) as typeof receipt;
  });
  after(() => endpoint?.stop());

  it(
    'answers at most the limit with 404, then 429, identically for known and unknown references',
    { timeout: 120_000 },
    async () => {
      // The same shape as a real reference, one number further: it does not exist.
      const [prefix, year, number] = receipt.reference.split('-');
      const missing = `${prefix}-${year}-${String(Number(number) + 1).padStart(number?.length ?? 6, '0')}`;
      const guess = async (i: number) => {
        const reference = i % 2 ? receipt.reference : missing;
        const code = `${String(i).padStart(5, '0')}-WRONG`;
        const response = await fetch(`${endpoint.url}/api/requests/${reference}?code=${code}`);
        const headers = [...response.headers.keys()]
          .filter(
            (name) =>
              !['date', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after', 'content-length'].includes(name),
          )
          .sort();
        return { known: i % 2 === 1, status: response.status, body: await response.text(), headers: headers.join(',') };
      };
      const answers: Array<Awaited<ReturnType<typeof guess>>> = [];
      // Twenty at a time: a patient script, not a flood the server could mistake for anything else.
      for (let i = 0; i < 1000; i += 20)
        answers.push(...(await Promise.all(Array.from({ length: 20 }, (_, k) => guess(i + k)))));

      const byStatus = (status: number) => answers.filter((a) => a.status === status);
      assert.deepEqual([...new Set(answers.map((a) => a.status))].sort(), [404, 429]);
      assert.ok(
        byStatus(404).length <= limit,
        `${byStatus(404).length} guesses were answered, the limit is ${limit} a minute`,
      );
      assert.equal(byStatus(404).length + byStatus(429).length, 1000);
      for (const status of [404, 429]) {
        const known = byStatus(status).filter((a) => a.known);
        const unknown = byStatus(status).filter((a) => !a.known);
        assert.ok(known.length > 0 && unknown.length > 0, `both kinds of guess got a ${status}`);
        const bodies = new Set([...known, ...unknown].map((a) => a.body.replace(/\d+ (seconde|second)/g, 'N $1')));
        assert.equal(bodies.size, 1, `one ${status} body for known and unknown references: ${[...bodies].join(' | ')}`);
        assert.equal(new Set([...known, ...unknown].map((a) => a.headers)).size, 1, `the same ${status} headers`);
      }
      // Even the right code waits out the limit: guessing cannot be confirmed by trying it.
      assert.equal(
        (await fetch(`${endpoint.url}/api/requests/${receipt.reference}?code=${receipt.trackingCode}`)).status,
        429,
      );
    },
  );
});
