/**
 * Three endpoint processes on one PostgreSQL database behave as one: requests are spread over
 * them as a load balancer would, and one of them is killed under load. Real processes (main.ts,
 * configured by environment variables), real HTTP on 127.0.0.1, a real PostgreSQL server.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startEndpoint, type RunningEndpoint } from '../../../test/helpers/endpoint.js';
import { freshPostgresDatabase } from '../../../test/helpers/postgres.js';
import { PNG, fixtureForms, validSubmission } from './helpers.js';

const LOOKUP_LIMIT = 12;
const ADMIN_TOKEN = 'multi-instance-admin-token-0123456789';
/** Shared by the three, as an operator would set it on every host. */
const SECRET = 'a secret of the deployment, the same on every instance 0123456789';

/** Wall-clock bound of one step: a hung instance fails the test instead of the run. */
const withTimeout = <T>(promise: Promise<T>, ms = 90_000): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);

/** One more endpoint process on the database, configured as an operator would every host. */
const startOn = (databaseUrl: string, env: Record<string, string>) =>
  startEndpoint({
    formsDir: fixtureForms,
    adminToken: ADMIN_TOKEN,
    env: { GUICHET_DATABASE_URL: databaseUrl, GUICHET_SECRET: SECRET, ...env },
  });

describe('three instances on one PostgreSQL database', () => {
  let databaseUrl: string;
  let instances: RunningEndpoint[] = [];
  const start = () => startOn(databaseUrl, { GUICHET_LOOKUP_LIMIT: String(LOOKUP_LIMIT) });
  const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  const submitTo = (instance: RunningEndpoint, key: string, data: Record<string, unknown> = validSubmission().data) =>
    fetch(`${instance.url}/api/forms/demande-test/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify({ ...validSubmission(), data }),
    });
  const storedReferences = async (instance: RunningEndpoint) => {
    const references: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = (await (
        await fetch(`${instance.url}/api/admin/requests?formId=demande-test&limit=500&offset=${offset}`, {
          headers: admin,
        })
      ).json()) as { reference: string }[];
      references.push(...page.map((r) => r.reference));
      if (page.length < 500) return references;
    }
  };

  before(async () => {
    databaseUrl = await freshPostgresDatabase('multi_instance');
  });
  after(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
  });

  test('started together on an empty database, all three come up on one schema', async () => {
    instances = await withTimeout(Promise.all([start(), start(), start()]), 90_000);
    for (const instance of instances) {
      const health = (await (await fetch(`${instance.url}/api/health`)).json()) as {
        ok: boolean;
        database: { kind: string; ok: boolean };
      };
      assert.deepEqual([health.ok, health.database.kind, health.database.ok], [true, 'postgresql', true]);
    }
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(
        rows.map((row: { version: number }) => row.version),
        [1, 2, 3],
      );
    } finally {
      await client.end();
    }
  });

  test('one submission retried concurrently through all three stores one request, and each answers its receipt', async () => {
    const key = crypto.randomUUID();
    const answers = await withTimeout(
      Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const response = await submitTo(instances[i % 3]!, key);
          return { status: response.status, body: await response.text() };
        }),
      ),
    );
    assert.equal(answers.filter((a) => a.status === 201).length, 1);
    assert.ok(answers.every((a) => a.status === 201 || a.status === 200));
    assert.equal(new Set(answers.map((a) => a.body)).size, 1, 'the very same receipt everywhere');
    const reference = (JSON.parse(answers[0]!.body) as { reference: string }).reference;
    for (const instance of instances) {
      const references = await storedReferences(instance);
      assert.equal(references.filter((r) => r === reference).length, 1);
    }
  });

  test('a key replayed on another instance with another body is refused; the stored request stays as sent', async () => {
    const key = crypto.randomUUID();
    const first = await submitTo(instances[0]!, key);
    assert.equal(first.status, 201);
    const receipt = (await first.json()) as { reference: string };
    const other = await submitTo(instances[1]!, key, { ...validSubmission().data, name: 'Quelqu’un d’autre' });
    assert.equal(other.status, 422);
    assert.equal(((await other.json()) as { code: string }).code, 'idempotency-key-reused');
    const same = await submitTo(instances[2]!, key);
    assert.equal(same.status, 200);
    assert.equal(((await same.json()) as { reference: string }).reference, receipt.reference);
    const stored = (await (
      await fetch(`${instances[1]!.url}/api/admin/requests/${receipt.reference}`, { headers: admin })
    ).json()) as { data: { name: string } };
    assert.equal(stored.data.name, validSubmission().data.name);
  });

  test('a request filed on one instance is tracked, and changed, on the others', async () => {
    const receipt = (await (await submitTo(instances[0]!, crypto.randomUUID())).json()) as {
      reference: string;
      trackingCode: string;
    };
    const track = (instance: RunningEndpoint) =>
      fetch(`${instance.url}/api/requests/${receipt.reference}?code=${receipt.trackingCode}`);
    assert.equal((await track(instances[1]!)).status, 200);
    const change = await fetch(`${instances[2]!.url}/api/admin/requests/${receipt.reference}/status`, {
      method: 'POST',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ phase: 'in_progress' }),
    });
    assert.equal(change.status, 200);
    const seen = (await (await track(instances[0]!)).json()) as { phase: string };
    assert.equal(seen.phase, 'in_progress');
  });

  test('an attachment uploaded on one instance is served by another and claimed through a third', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'trou.png');
    const uploaded = await fetch(`${instances[0]!.url}/api/forms/demande-test/attachments?field=photo`, {
      method: 'POST',
      body: form,
    });
    assert.equal(uploaded.status, 201);
    const { id } = (await uploaded.json()) as { id: string };
    const file = await fetch(`${instances[1]!.url}/api/admin/attachments/${id}`, { headers: admin });
    assert.equal(file.status, 200);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), PNG);
    const claimed = await submitTo(instances[2]!, crypto.randomUUID(), { ...validSubmission().data, photo: id });
    assert.equal(claimed.status, 201);
  });

  test('one instance killed under load loses no acknowledged submission; numbers stay gapless', async () => {
    const keys = Array.from({ length: 240 }, () => crypto.randomUUID());
    const acknowledged = new Map<string, string>();
    let killed: Promise<void> | undefined;
    let next = 0;
    const victim = instances[1]!;
    // Twelve clients; a client whose instance fails retries the same key on the next one, as a
    // load balancer's retry or the citizen's outbox would.
    const client = async (offset: number) => {
      for (let index = next++; index < keys.length; index = next++) {
        const key = keys[index]!;
        for (let attempt = 0; attempt < 6; attempt++) {
          const instance = instances[(index + offset + attempt) % 3]!;
          try {
            const response = await submitTo(instance, key);
            const body = (await response.json()) as { reference?: string };
            if ((response.status === 201 || response.status === 200) && body.reference) {
              acknowledged.set(key, body.reference);
              break;
            }
          } catch {
            // The instance is gone: try another.
          }
        }
        if (acknowledged.size === 80 && !killed) killed = victim.kill('SIGKILL');
      }
    };
    await withTimeout(Promise.all(Array.from({ length: 12 }, (_, i) => client(i))), 120_000);
    await killed;
    assert.ok(killed, 'the instance was killed during the load');
    assert.equal(acknowledged.size, keys.length, 'every submission was acknowledged by a surviving instance');

    const references = await storedReferences(instances[0]!);
    const stored = new Set(references);
    assert.equal(stored.size, references.length, 'no request stored twice');
    for (const reference of acknowledged.values()) assert.ok(stored.has(reference), `${reference} is stored`);
    assert.equal(new Set(acknowledged.values()).size, keys.length, 'one request per key');
    const numbers = references.map((r) => Number(r.split('-')[2])).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: numbers.length }, (_, i) => i + 1),
      'references without gaps',
    );
  });

  test('the look-up limit holds across instances: one allowance, not one per instance', async () => {
    const survivors = instances.filter((instance) => instance !== instances[1]);
    let allowed = 0;
    let limited: Response | undefined;
    for (let i = 0; i < LOOKUP_LIMIT * 3 && !limited; i++) {
      const answer = await fetch(
        `${survivors[i % survivors.length]!.url}/api/requests/TST-1999-000001?code=AAAAA-AAAAA`,
      );
      if (answer.status === 429) limited = answer;
      else {
        assert.equal(answer.status, 404);
        allowed++;
      }
    }
    assert.ok(limited, 'no 429 at all');
    assert.ok(allowed <= LOOKUP_LIMIT, `${allowed} look-ups allowed, the limit is ${LOOKUP_LIMIT}`);
    for (const instance of survivors) {
      const answer = await fetch(`${instance.url}/api/requests/TST-1999-000001?code=AAAAA-AAAAA`);
      assert.equal(answer.status, 429);
      assert.ok(Number(answer.headers.get('retry-after')) > 0);
    }
  });
});

describe('two instances on one PostgreSQL database hold one allowance per client, not one each', () => {
  let databaseUrl: string;
  let instances: RunningEndpoint[] = [];
  /** nginx in front (GUICHET_TRUST_PROXY=1): what the client wrote, then the address nginx saw. */
  const client = (n: number, written = 'anything') => ({ 'X-Forwarded-For': `${written}, 203.0.113.${n}` });
  const on = (i: number) => instances[i % instances.length]!;

  before(async () => {
    databaseUrl = await freshPostgresDatabase('multi_instance_limits');
    const start = () =>
      startOn(databaseUrl, {
        GUICHET_TRUST_PROXY: '1',
        GUICHET_LOOKUP_LIMIT: '5',
        GUICHET_SUBMISSION_LIMIT: '4',
        GUICHET_UPLOAD_LIMIT: '3',
        GUICHET_ADMIN_FAILURE_LIMIT: '3',
        GUICHET_UNCLAIMED_UPLOADS_PER_CLIENT: String(2 * PNG.length),
      });
    instances = await withTimeout(Promise.all([start(), start()]), 90_000);
  });
  after(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
  });

  test('look-ups, whatever the client writes left of X-Forwarded-For (GUICHET_TRUST_PROXY=1)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const answer = await fetch(`${on(i).url}/api/requests/TST-1999-000001`, {
        method: i % 2 ? 'HEAD' : 'GET',
        headers: { ...client(1, `198.51.100.${i}`), 'X-Guichet-Tracking-Code': 'AAAAA-AAAAA' },
      });
      statuses.push(answer.status);
    }
    assert.deepEqual(statuses, [404, 404, 404, 404, 404, 429, 429, 429]);
  });

  test('submissions, replays included', async () => {
    const key = crypto.randomUUID();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = await fetch(`${on(i).url}/api/forms/demande-test/submissions`, {
        method: 'POST',
        headers: { ...client(2), 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(validSubmission()),
      });
      statuses.push(answer.status);
    }
    assert.deepEqual(statuses, [201, 200, 200, 200, 429, 429]);
  });

  test('uploads and the bytes of unclaimed uploads', async () => {
    const send = (i: number) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'trou.png');
      return fetch(`${on(i).url}/api/forms/demande-test/attachments?field=photo`, {
        method: 'POST',
        body: form,
        headers: client(3),
      });
    };
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const answer = await send(i);
      answers.push([answer.status, ((await answer.json()) as { code?: string }).code]);
    }
    assert.deepEqual(answers, [
      [201, undefined],
      [201, undefined],
      [429, 'upload-quota'],
      [429, 'rate-limited'],
    ]);
  });

  test('wrong admin credentials', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await fetch(`${on(i).url}/api/admin/requests`, {
        headers: { ...client(4), Authorization: `Bearer ${i < 4 ? `guess-${i}` : ADMIN_TOKEN}` },
      });
      statuses.push(answer.status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
    const elsewhere = await fetch(`${on(1).url}/api/admin/requests`, {
      headers: { ...client(5), Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(elsewhere.status, 200);
  });
});
