/**
 * The store contract for agents, sessions, the audit and the inbox's filters, on SQLite and
 * PostgreSQL; several store objects on one database stand for several instances.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { NewRequest, Store } from '@guichet/endpoint';
import { subjects, type Subject } from './store-subjects.js';
import { newRequest } from './new-request.js';

function request(
  prefix: string,
  at: string,
  data: Record<string, unknown>,
  overrides: Partial<NewRequest> = {},
): NewRequest {
  return newRequest(prefix, {
    data,
    receivedAt: new Date(at),
    expectedBy: undefined,
    firstStatus: { at, phase: 'received', code: 'received', label: 'Demande reçue' },
    ...overrides,
  });
}

for (const subject of subjects) {
  describe(`store contract, agents and inbox: ${subject.name}`, () => {
    let db: Awaited<ReturnType<Subject['prepare']>>;
    let store: Store;
    let other: Store;
    before(async () => {
      db = await subject.prepare();
      [store, other] = await Promise.all([db.open(), db.open()]);
    });
    after(async () => {
      await Promise.all([store?.close(), other?.close()]);
      await db.cleanup();
    });

    test('an agent is found by its token hash until revoked, on every instance', async () => {
      const tokenHash = randomBytes(32);
      await store.transaction((tx) =>
        tx.agents.insert({ id: 'agt_one', name: 'Léa Dupont', createdAt: '2026-03-04T10:00:00.000Z', tokenHash }),
      );
      assert.deepEqual(await other.agents.byTokenHash(tokenHash), {
        id: 'agt_one',
        name: 'Léa Dupont',
        createdAt: '2026-03-04T10:00:00.000Z',
      });
      assert.equal(await other.agents.byTokenHash(randomBytes(32)), undefined);
      const revoked = await other.transaction((tx) => tx.agents.revoke('agt_one', '2026-03-05T08:00:00.000Z'));
      assert.equal(revoked?.revokedAt, '2026-03-05T08:00:00.000Z');
      assert.equal(await store.agents.byTokenHash(tokenHash), undefined);
      assert.equal(await store.transaction((tx) => tx.agents.revoke('agt_one', '2026-03-06T08:00:00.000Z')), undefined);
      assert.deepEqual(
        (await store.agents.list()).map((agent) => [agent.id, agent.revokedAt]),
        [['agt_one', '2026-03-05T08:00:00.000Z']],
      );
    });

    test('the audit keeps who did what, newest first, pages by id, and refuses to be rewritten', async () => {
      for (const [i, action] of ['status.changed', 'attachment.downloaded', 'status.changed'].entries()) {
        await store.transaction((tx) =>
          tx.audit.record({
            at: `2026-03-04T10:0${i}:00.000Z`,
            actor: { kind: 'agent', id: 'agt_two', name: 'Noé « N » Martin' },
            action,
            reference: i === 1 ? 'AUD-2026-000002' : 'AUD-2026-000001',
            detail: { phase: 'in_progress', note: 'Vérifié – « ok »' },
          }),
        );
      }
      const all = await other.audit.list({ limit: 10 });
      assert.deepEqual(
        all.map((entry) => [entry.action, entry.reference]),
        [
          ['status.changed', 'AUD-2026-000001'],
          ['attachment.downloaded', 'AUD-2026-000002'],
          ['status.changed', 'AUD-2026-000001'],
        ],
      );
      assert.deepEqual(all[0]!.actor, { kind: 'agent', id: 'agt_two', name: 'Noé « N » Martin' });
      assert.deepEqual(all[0]!.detail, { phase: 'in_progress', note: 'Vérifié – « ok »' });
      assert.equal(all[0]!.at, '2026-03-04T10:02:00.000Z');
      assert.deepEqual(
        (await other.audit.list({ limit: 10, before: all[0]!.id })).map((entry) => entry.id),
        [all[1]!.id, all[2]!.id],
      );
      assert.equal((await other.audit.list({ limit: 10, reference: 'AUD-2026-000001' })).length, 2);
      await assert.rejects(db.sql("UPDATE audit_log SET actor_name = 'someone else'"), /append-only/);
      await assert.rejects(db.sql('DELETE FROM audit_log'), /append-only/);
    });

    test('a session is read until it expires, and is gone once deleted', async () => {
      const idHash = randomBytes(32);
      const session = {
        actor: { kind: 'oidc' as const, id: 'sub-1', name: 'lea@ville.example' },
        csrfToken: 'csrf-token-value',
        createdAt: '2026-03-04T10:00:00.000Z',
        expiresAt: '2026-03-04T18:00:00.000Z',
      };
      await store.transaction((tx) => tx.sessions.insert(idHash, session));
      assert.deepEqual(await other.sessions.get(idHash, new Date('2026-03-04T17:59:59Z')), session);
      assert.equal(await other.sessions.get(idHash, new Date('2026-03-04T18:00:01Z')), undefined);
      assert.equal(await store.transaction((tx) => tx.sessions.deleteExpired(new Date('2026-03-04T12:00:00Z'))), 0);
      await store.transaction((tx) => tx.sessions.delete(idHash));
      assert.equal(await other.sessions.get(idHash, new Date('2026-03-04T11:00:00Z')), undefined);
    });

    test('the inbox filters by phase, channel, dates and words of the answers, and pages by keyset', async () => {
      const prefix = `F${randomBytes(2).toString('hex').toUpperCase()}`;
      const stored: string[] = [];
      const answers = [
        { name: 'Hélène Roux', message: 'Nid-de-poule rue des Écoles' },
        { name: 'Marc Petit', message: 'Lampadaire éteint, place du Marché' },
        { name: 'Zoé 100%_sûre', message: 'Poubelle renversée rue des écoles' },
        { name: 'Ana Lima', message: 'Banc cassé près de l’Œuvre' },
      ];
      for (const [i, data] of answers.entries()) {
        const result = await store.transaction((tx) =>
          tx.requests.insertOrGet(
            request(prefix, `2026-04-0${i + 1}T09:00:00.000Z`, data, { channel: i === 3 ? 'counter' : 'web' }),
          ),
        );
        assert.ok(result.outcome === 'created');
        stored.push(result.record.reference);
      }
      await store.transaction((tx) =>
        tx.requests.appendStatus(stored[1]!, {
          at: '2026-04-05T09:00:00.000Z',
          phase: 'action_required',
          code: 'action_required',
          label: 'Pièce manquante',
        }),
      );
      // Other tests' requests share the database: the dates and the prefix keep to this one's.
      const page = async (query: object) =>
        (
          await other.requests.list({
            limit: 10,
            offset: 0,
            from: '2026-04-01T00:00:00.000Z',
            to: '2026-04-05T00:00:00.000Z',
            ...query,
          })
        )
          .map((record) => record.reference)
          .filter((reference) => reference.startsWith(prefix));
      assert.deepEqual(await page({}), [...stored].reverse());
      assert.deepEqual(await page({ phase: 'action_required' }), [stored[1]]);
      assert.deepEqual(await page({ phase: 'received' }), [stored[3], stored[2], stored[0]]);
      assert.deepEqual(await page({ channel: 'counter' }), [stored[3]]);
      assert.deepEqual(await page({ from: '2026-04-02', to: '2026-04-03' }), [stored[1]]);
      // Case and accents do not matter, on either side: agents type as they can.
      assert.deepEqual(await page({ text: 'rue écoles' }), [stored[2], stored[0]]);
      assert.deepEqual(await page({ text: 'ECOLES helene' }), [stored[0]]);
      assert.deepEqual(await page({ text: 'oeuvre' }), [stored[3]]);
      assert.deepEqual(await page({ text: 'ŒUVRE casse' }), [stored[3]]);
      assert.deepEqual(await page({ text: 'RUE' }), [stored[2], stored[0]]);
      assert.deepEqual(await page({ text: '100%_' }), [stored[2]]);
      assert.deepEqual(await page({ text: '0%' }), [stored[2]]);
      assert.deepEqual(await page({ text: 'introuvable' }), []);
      const first = await page({ limit: 2 });
      assert.deepEqual(first, [stored[3], stored[2]]);
      assert.deepEqual(await page({ limit: 2, before: stored[2] }), [stored[1], stored[0]]);
    });
  });
}
