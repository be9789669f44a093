/**
 * Named agents over HTTP: created by the admin token with their token shown once, refused the
 * moment they are revoked, kept out of agent management, and named in the audit for every
 * action; the citizen's status never names them.
 */
import { phaseLabel } from '@guichet/core';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { admin, call, startTestServer, submit, validSubmission, type TestServer } from './helpers.js';

const json = (headers: Record<string, string>) => ({ 'Content-Type': 'application/json', ...headers });

describe('named agents', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.cleanup());

  const createAgent = (name: string, headers: Record<string, string> = admin()) =>
    call(`${t.url}/api/admin/agents`, { method: 'POST', headers: json(headers), body: JSON.stringify({ name }) });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  test('the admin creates an agent: its token is shown once and stored only hashed', async () => {
    const created = await createAgent('Léa Dupont');
    assert.equal(created.status, 201);
    assert.match(created.body.id, /^agt_/);
    assert.equal(created.body.name, 'Léa Dupont');
    assert.match(created.body.token, /^gat_[\w-]{40,}$/);
    const listed = await call(`${t.url}/api/admin/agents`, { headers: admin() });
    assert.equal(listed.status, 200);
    const found = listed.body.find((agent: { id: string }) => agent.id === created.body.id);
    assert.equal(found.name, 'Léa Dupont');
    assert.equal(found.token, undefined);
    assert.ok(!listed.text.includes(created.body.token));
    const rows = (await t.server.store.agents.list()).map((agent) => JSON.stringify(agent));
    assert.ok(rows.every((row) => !row.includes(created.body.token)));
  });

  test('a blank name is refused with a localized message', async () => {
    const answer = await call(`${t.url}/api/admin/agents`, {
      method: 'POST',
      headers: json(admin({ 'Accept-Language': 'en' })),
      body: JSON.stringify({ name: '   ' }),
    });
    assert.equal(answer.status, 422);
    assert.equal(answer.body.code, 'invalid-agent');
    assert.equal(answer.body.message, "Give the agent's name.");
  });

  test("an agent's token opens the agents' API but not agent management", async () => {
    const { body: agent } = await createAgent('Marc Petit');
    const requests = await call(`${t.url}/api/admin/requests`, { headers: bearer(agent.token) });
    assert.equal(requests.status, 200);
    for (const [method, path] of [
      ['GET', '/api/admin/agents'],
      ['POST', '/api/admin/agents'],
      ['DELETE', `/api/admin/agents/${agent.id}`],
    ] as const) {
      const answer = await call(`${t.url}${path}`, {
        method,
        ...(method === 'POST'
          ? { headers: json(bearer(agent.token)), body: JSON.stringify({ name: 'Intrus' }) }
          : { headers: bearer(agent.token) }),
      });
      assert.equal(answer.status, 403, `${method} ${path}`);
      assert.equal(answer.body.code, 'forbidden');
    }
    assert.equal((await call(`${t.url}/api/admin/audit`, { headers: bearer(agent.token) })).status, 200);
  });

  test('a revoked token is refused at once; revoking twice is a 404', async () => {
    const { body: agent } = await createAgent('Zoé Martin');
    assert.equal((await call(`${t.url}/api/admin/requests`, { headers: bearer(agent.token) })).status, 200);
    const revoked = await call(`${t.url}/api/admin/agents/${agent.id}`, { method: 'DELETE', headers: admin() });
    assert.equal(revoked.status, 200);
    assert.ok(revoked.body.revokedAt);
    const refused = await call(`${t.url}/api/admin/requests`, { headers: bearer(agent.token) });
    assert.equal(refused.status, 401);
    assert.equal(refused.body.code, 'unauthorized');
    const again = await call(`${t.url}/api/admin/agents/${agent.id}`, { method: 'DELETE', headers: admin() });
    assert.equal(again.status, 404);
    assert.equal(again.body.code, 'agent-not-found');
    assert.equal(
      (await call(`${t.url}/api/admin/agents/agt_unknown`, { method: 'DELETE', headers: admin() })).status,
      404,
    );
  });

  test('a made-up token is refused', async () => {
    const answer = await call(`${t.url}/api/admin/requests`, { headers: bearer('gat_madeup') });
    assert.equal(answer.status, 401);
  });

  test("every action is in the audit with the agent's name; the citizen sees only the authority", async () => {
    const { body: agent } = await createAgent('Noé Bernard');
    const receipt = await submit(t.url, 'demande-test', validSubmission());
    assert.equal(receipt.status, 201);
    const reference = receipt.body.reference as string;
    const changed = await call(`${t.url}/api/admin/requests/${reference}/status`, {
      method: 'POST',
      headers: json(bearer(agent.token)),
      body: JSON.stringify({ phase: 'action_required', note: 'Merci de joindre un justificatif.' }),
    });
    assert.equal(changed.status, 200);
    const exported = await call(`${t.url}/api/admin/requests.csv`, { headers: bearer(agent.token) });
    assert.equal(exported.status, 200);

    const audit = await call(`${t.url}/api/admin/audit?reference=${reference}`, { headers: admin() });
    assert.equal(audit.status, 200);
    assert.deepEqual(
      audit.body.map((entry: { action: string; actor: unknown; detail: unknown }) => [
        entry.action,
        entry.actor,
        entry.detail,
      ]),
      [
        [
          'status.changed',
          { kind: 'agent', id: agent.id, name: 'Noé Bernard' },
          {
            phase: 'action_required',
            code: 'action_required',
            label: phaseLabel('action_required', 'fr'),
            note: 'Merci de joindre un justificatif.',
          },
        ],
      ],
    );
    const everything = await call(`${t.url}/api/admin/audit`, { headers: admin() });
    const actions = everything.body.map((entry: { action: string; actor: { name: string } }) => [
      entry.action,
      entry.actor.name,
    ]);
    assert.deepEqual(actions.slice(0, 3), [
      ['requests.exported', 'Noé Bernard'],
      ['status.changed', 'Noé Bernard'],
      ['agent.created', 'admin'],
    ]);

    const status = await call(
      `${t.url}/api/requests/${reference}?code=${encodeURIComponent(receipt.body.trackingCode)}`,
    );
    assert.equal(status.status, 200);
    assert.equal(status.body.phase, 'action_required');
    assert.ok(!status.text.includes('Noé'), 'the citizen never sees the agent');
    assert.ok(!status.text.includes(agent.id));
  });
});
