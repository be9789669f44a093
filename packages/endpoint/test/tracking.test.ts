import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore, type Store } from '@guichet/endpoint';
import { admin, call, startTestServer, submit, validSubmission, type TestServer } from './helpers.js';

describe('status look-up and the agents API', () => {
  let t: TestServer;
  let receipt: { reference: string; trackingCode: string };
  before(async () => {
    t = await startTestServer({ limits: { lookups: { max: 12, windowMs: 60_000 } } });
    receipt = (await submit(t.url, 'demande-test', validSubmission())).body;
  });
  after(() => t.cleanup());

  const lookUp = (reference: string, code: string, headers: Record<string, string> = {}) =>
    call(`${t.url}/api/requests/${encodeURIComponent(reference)}`, {
      headers: { 'X-Guichet-Tracking-Code': code, ...headers },
    });

  test('the tracking code travels in a header, out of the URLs proxies log; ?code= still works for older clients', async () => {
    const inHeader = await lookUp(receipt.reference, receipt.trackingCode);
    assert.equal(inHeader.status, 200);
    const inQuery = await call(`${t.url}/api/requests/${receipt.reference}?code=${receipt.trackingCode}`);
    assert.equal(inQuery.status, 200);
    assert.deepEqual(inQuery.body, inHeader.body);
    const tooLong = await lookUp(receipt.reference, 'A'.repeat(65));
    assert.equal(tooLong.status, 404);
  });

  test('the reference and tracking code show the status; both are read loosely (case, spaces)', async () => {
    const exact = await lookUp(receipt.reference, receipt.trackingCode);
    assert.equal(exact.status, 200);
    assert.equal(exact.body.phase, 'received');
    assert.equal(exact.body.reference, receipt.reference);
    assert.equal(exact.body.formTitle, 'Demande de test');
    assert.equal(exact.headers.get('cache-control'), 'no-store');
    const typed = await lookUp(receipt.reference, ` ${receipt.trackingCode.toLowerCase().replace('-', ' ')} `);
    assert.equal(typed.status, 200);
    // As copied from a mail or typed on a phone: lower case, spaces around.
    const lowercase = await lookUp(` ${receipt.reference.toLowerCase()} `, receipt.trackingCode.toLowerCase());
    assert.equal(lowercase.status, 200, lowercase.text);
    assert.equal(lowercase.body.reference, receipt.reference);
    // Agents too.
    const agent = await call(`${t.url}/api/admin/requests/${receipt.reference.toLowerCase()}`, { headers: admin() });
    assert.equal(agent.status, 200);
  });

  test('a wrong code and an unknown reference answer the same 404', async () => {
    const wrongCode = await lookUp(receipt.reference, 'AAAAA-AAAAA');
    const unknown = await lookUp('TST-1999-000001', receipt.trackingCode);
    const noCode = await call(`${t.url}/api/requests/${receipt.reference}`);
    assert.equal(wrongCode.status, 404);
    assert.equal(unknown.status, 404);
    assert.equal(noCode.status, 404);
    assert.equal(wrongCode.text, unknown.text);
    assert.equal(noCode.text, unknown.text);
    assert.equal(wrongCode.body.code, 'request-not-found');
  });

  test('an agent changes the phase: history grows, the citizen sees it', async () => {
    const change = await call(`${t.url}/api/admin/requests/${receipt.reference}/status`, {
      method: 'POST',
      headers: admin({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({
        phase: 'action_required',
        label: 'Pièce manquante',
        note: 'Merci d’envoyer un justificatif.',
      }),
    });
    assert.equal(change.status, 200);
    assert.equal(change.body.status.phase, 'action_required');
    const done = await call(`${t.url}/api/admin/requests/${receipt.reference}/status`, {
      method: 'POST',
      headers: admin({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ phase: 'completed' }),
    });
    assert.equal(done.status, 200);
    const status = (await lookUp(receipt.reference, receipt.trackingCode)).body;
    assert.equal(status.phase, 'completed');
    assert.equal(status.label, 'Terminée');
    assert.equal(status.final, true);
    assert.deepEqual(
      status.history.map((h: { phase: string }) => h.phase),
      ['received', 'action_required', 'completed'],
    );
    assert.equal(status.history[1].label, 'Pièce manquante');
    assert.equal(status.history[1].note, 'Merci d’envoyer un justificatif.');
    const one = await call(`${t.url}/api/admin/requests/${receipt.reference}`, { headers: admin() });
    assert.equal(one.status, 200);
    assert.equal(one.body.data.name, 'Camille Martin');
    assert.equal(one.body.status.history.length, 3);
  });

  test('a bad phase is a 422, an unknown reference a 404, a non-JSON body a 415', async () => {
    const post = (reference: string, body: string, type = 'application/json') =>
      call(`${t.url}/api/admin/requests/${reference}/status`, {
        method: 'POST',
        headers: admin({ 'Content-Type': type }),
        body,
      });
    const bad = await post(receipt.reference, JSON.stringify({ phase: 'lost' }));
    assert.equal(bad.status, 422);
    assert.deepEqual(
      bad.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/phase'],
    );
    assert.equal((await post('TST-1999-000001', JSON.stringify({ phase: 'completed' }))).status, 404);
    assert.equal((await post(receipt.reference, 'phase=completed', 'text/plain')).status, 415);
  });

  test('the agents API answers 401 without the right token', async () => {
    for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: 'Basic abc' }] as Record<
      string,
      string
    >[]) {
      const list = await call(`${t.url}/api/admin/requests`, { headers });
      assert.equal(list.status, 401);
      assert.equal(list.body.code, 'unauthorized');
    }
    const change = await call(`${t.url}/api/admin/requests/${receipt.reference}/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phase: 'rejected' }),
    });
    assert.equal(change.status, 401);
  });

  test('the list is newest first and pages with limit and offset', async () => {
    const second = (await submit(t.url, 'demande-test', validSubmission({ name: 'Deuxième' }))).body;
    const list = await call(`${t.url}/api/admin/requests?limit=1`, { headers: admin() });
    assert.deepEqual(
      list.body.map((r: { reference: string }) => r.reference),
      [second.reference],
    );
    const next = await call(`${t.url}/api/admin/requests?limit=1&offset=1`, { headers: admin() });
    assert.deepEqual(
      next.body.map((r: { reference: string }) => r.reference),
      [receipt.reference],
    );
    assert.equal((await call(`${t.url}/api/admin/requests?limit=-3`, { headers: admin() })).status, 400);
  });

  test('only the phase changes that exist are accepted; a closed request reopens only on purpose', async () => {
    const fresh = (await submit(t.url, 'demande-test', validSubmission())).body;
    const change = (body: object, lang = 'fr') =>
      call(`${t.url}/api/admin/requests/${fresh.reference}/status`, {
        method: 'POST',
        headers: admin({ 'Content-Type': 'application/json', 'Accept-Language': lang }),
        body: JSON.stringify(body),
      });
    assert.equal((await change({ phase: 'received', label: 'Transmise au service voirie' })).status, 200);
    assert.equal((await change({ phase: 'in_progress', label: 'Instruction' })).status, 200);
    const back = await change({ phase: 'received' });
    assert.equal(back.status, 409);
    assert.equal(back.body.code, 'transition-not-allowed');
    assert.match(back.body.message, /« in_progress » ne peut pas passer à « received »/);
    assert.match(back.body.message, /Possible : in_progress, action_required, completed, rejected, cancelled/);
    assert.equal(
      (await change({ phase: 'in_progress', label: 'Visite sur place' })).status,
      200,
      'a new step, same phase',
    );
    assert.equal((await change({ phase: 'completed' })).status, 200);
    for (const phase of ['received', 'in_progress', 'action_required']) {
      const refused = await change({ phase }, 'en');
      assert.equal(refused.status, 409, phase);
      assert.match(refused.body.message, /"completed" cannot become/);
      assert.match(refused.body.message, /"reopen": true/);
    }
    assert.equal((await change({ phase: 'received', reopen: true })).status, 409, 'not even reopened');
    // How it closed is corrected without reopening it (the admin API's {phase, label?, note?}).
    const corrected = await change({ phase: 'rejected', label: 'Refus (erreur de saisie corrigée)' });
    assert.equal(corrected.status, 200);
    const reopened = await change({ phase: 'action_required', label: 'Recours', reopen: true });
    assert.equal(reopened.status, 200);
    assert.equal(reopened.body.status.phase, 'action_required');
    const status = (await lookUp(fresh.reference, fresh.trackingCode)).body;
    assert.deepEqual(
      status.history.map((h: { phase: string }) => h.phase),
      ['received', 'received', 'in_progress', 'in_progress', 'completed', 'rejected', 'action_required'],
    );
  });

  test('look-ups are rate-limited per client: 429 with Retry-After, the same for known and unknown references', async () => {
    let limited;
    for (let i = 0; i < 30 && !limited; i++) {
      const answer = await lookUp(i % 2 ? receipt.reference : 'TST-1999-000002', 'BBBBB-BBBBB');
      if (answer.status === 429) limited = answer;
      else assert.equal(answer.status, 404);
    }
    assert.ok(limited, 'no 429 after 30 wrong guesses');
    assert.equal(limited.body.code, 'rate-limited');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    const right = await lookUp(receipt.reference, receipt.trackingCode);
    assert.equal(right.status, 429);
  });
});

test('a wrong code and an unknown reference do the same work: one read of a hash, one comparison', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-calls-'));
  const real = new SqliteStore(join(dir, 'guichet.sqlite'));
  const calls: string[] = [];
  // Records which reads of requests a look-up reaches, passing every call through to the real store.
  const requests = new Proxy(real.requests, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(name));
        return value.apply(target, args);
      };
    },
  });
  const store: Store = new Proxy(real, {
    get(target, name) {
      if (name === 'requests') return requests;
      const value = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const t = await startTestServer({ dir, store });
  try {
    const receipt = (await submit(t.url, 'demande-test', validSubmission())).body;
    const callsFor = async (reference: string, code: string) => {
      calls.length = 0;
      const answer = await call(`${t.url}/api/requests/${reference}?code=${code}`);
      return { status: answer.status, calls: [...calls] };
    };
    const wrongCode = await callsFor(receipt.reference, 'AAAAA-AAAAA');
    const unknown = await callsFor('TST-1999-000001', 'AAAAA-AAAAA');
    assert.deepEqual(wrongCode, { status: 404, calls: ['getTrackingCodeHash'] });
    assert.deepEqual(unknown, wrongCode);
    const right = await callsFor(receipt.reference, receipt.trackingCode);
    assert.deepEqual(right, { status: 200, calls: ['getTrackingCodeHash', 'getByReference'] });
  } finally {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});
