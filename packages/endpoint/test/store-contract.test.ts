/**
 * The store contract: the same tests on SQLite and on a real PostgreSQL server. "Instances" are
 * several store objects on one database (several connections, as several endpoint processes
 * would have); the multi-process test (multi-instance.test.ts) does the same over HTTP.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  PostgresStore,
  trackingSecret,
  TrackingSecretMismatch,
  type AttachmentRecord,
  type DeliveryOutcome,
  type NewOutboxItem,
  type NewReply,
  type NewRequest,
  type OutboxItem,
  type Store,
} from '@guichet/endpoint';
import { subjects, type Subject } from './store-subjects.js';
import { newRequest } from './new-request.js';
import { freshPostgresDatabase } from '../../../test/helpers/postgres.js';
import { PostgresRequests } from '../src/store/postgres/postgres-repositories.js';

let counter = 0;
/** A prefix of its own per test, so reference numbers start at 1 in each. */
const newPrefix = () => `T${String(++counter).padStart(2, '0')}${randomBytes(2).toString('hex').toUpperCase()}`;

function attachment(overrides: Partial<AttachmentRecord> = {}): AttachmentRecord {
  return {
    id: `att_${randomBytes(18).toString('base64url')}`,
    name: 'trou.png',
    size: 4,
    type: 'image/png',
    formId: 'demande-test',
    field: 'photo',
    createdAt: new Date('2026-03-04T10:00:00.000Z').toISOString(),
    ...overrides,
  };
}

const sequence = (reference: string) => Number(reference.split('-')[2]);

for (const subject of subjects) {
  describe(`store contract: ${subject.name}`, () => {
    let db: Awaited<ReturnType<Subject['prepare']>>;
    let store: Store;
    let other: Store;
    let third: Store;
    before(async () => {
      db = await subject.prepare();
      // Three instances started together on an empty database: migrations apply once.
      [store, other, third] = await Promise.all([db.open(), db.open(), db.open()]);
    });
    after(async () => {
      await Promise.all([store?.close(), other?.close(), third?.close()]);
      await db.cleanup();
    });

    test('a new request is stored as given, with the first number of its prefix and year', async () => {
      const prefix = newPrefix();
      const request = newRequest(prefix, { lang: 'en' });
      const result = await store.transaction((tx) => tx.requests.insertOrGet(request));
      assert.ok(result.outcome === 'created');
      const record = result.record;
      assert.equal(record.reference, `${prefix}-2026-000001`);
      assert.deepEqual(record.data, request.data);
      assert.equal(record.lang, 'en');
      assert.equal(record.channel, 'web');
      assert.equal(record.createdAt, '2026-03-04T10:20:30.456Z');
      assert.equal(record.expectedBy, '2026-03-14');
      assert.deepEqual(record.trackingCodeHash, request.trackingCodeHash);
      assert.deepEqual(record.history, [
        { at: '2026-03-04T10:20:30.456Z', phase: 'received', code: 'received', label: 'Demande reçue' },
      ]);
      assert.deepEqual(await other.requests.getByReference(record.reference), record);
      assert.deepEqual(await other.requests.getTrackingCodeHash(record.reference), request.trackingCodeHash);
      assert.equal(await other.requests.getTrackingCodeHash(`${prefix}-2026-999999`), undefined);
    });

    test('languages are data: a request in a third language needs no migration', async () => {
      const result = await store.transaction((tx) =>
        tx.requests.insertOrGet(newRequest(newPrefix(), { lang: 'de' as 'fr' })),
      );
      assert.equal(result.outcome === 'created' && result.record.lang, 'de');
    });

    test('the same idempotency key stores one request, whichever instance each retry reaches', async () => {
      const request = newRequest(newPrefix());
      const results = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          [store, other, third][i % 3]!.transaction((tx) => tx.requests.insertOrGet(request)),
        ),
      );
      assert.equal(results.filter((r) => r.outcome === 'created').length, 1);
      const references = new Set(results.map((r) => r.outcome !== 'attachments-unavailable' && r.record.reference));
      assert.equal(references.size, 1);
      const found = await third.requests.findByIdempotencyKey(request.formId, request.idempotencyKeyHash);
      assert.equal(found?.reference, [...references][0]);
      assert.equal(await store.requests.findByIdempotencyKey('another-form', request.idempotencyKeyHash), undefined);
    });

    test('references under concurrency: no gap, no duplicate, per prefix and year', async () => {
      const prefix = newPrefix();
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          [store, other, third][i % 3]!.transaction((tx) =>
            tx.requests.insertOrGet(
              newRequest(i % 10 === 3 ? `${prefix}B` : prefix, {
                receivedAt: new Date(i % 20 === 19 ? '2027-01-01T00:00:01Z' : '2026-06-01T12:00:00Z'),
              }),
            ),
          ),
        ),
      );
      const references = results.map((r) => (r.outcome === 'created' ? r.record.reference : ''));
      const numbers = (start: string) =>
        references
          .filter((r) => r.startsWith(start))
          .map(sequence)
          .sort((a, b) => a - b);
      const expected = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
      assert.deepEqual(numbers(`${prefix}-2026-`), expected(51));
      assert.deepEqual(numbers(`${prefix}-2027-`), expected(3));
      assert.deepEqual(numbers(`${prefix}B-2026-`), expected(6));
    });

    test('a unit that throws leaves nothing behind, not even a reference number; the others commit', async () => {
      const prefix = newPrefix();
      const failing = store.transaction(async (tx) => {
        await tx.requests.insertOrGet(newRequest(prefix));
        throw new Error('the unit changed its mind');
      });
      const kept = store.transaction((tx) => tx.requests.insertOrGet(newRequest(prefix)));
      await assert.rejects(failing, /changed its mind/);
      const result = await kept;
      assert.equal(result.outcome === 'created' && result.record.reference, `${prefix}-2026-000001`);
      const list = await other.requests.list({ limit: 500, offset: 0 });
      assert.equal(list.filter((r) => r.reference.startsWith(`${prefix}-`)).length, 1);
    });

    test('requests filed together: one per key, numbers without gap, what follows runs with each outcome', async () => {
      const prefix = newPrefix();
      const requests = Array.from({ length: 40 }, () => newRequest(prefix));
      // Every fifth submission is a retry of the one before it, on another instance, at the same moment.
      const tries = requests.map((request, i) => (i % 5 === 4 ? requests[i - 1]! : request));
      const results = await Promise.all(
        tries.map((request, i) =>
          [store, other, third][i % 3]!.fileRequest(
            request,
            async (tx, inserted) => {
              if (inserted.outcome === 'created')
                await tx.outbox.add({
                  id: `evt_${randomBytes(8).toString('hex')}`,
                  channel: 'webhook',
                  reference: inserted.record.reference,
                  event: 'request.created',
                  payload: { body: '{}' },
                  createdAt: inserted.record.createdAt,
                });
              return inserted;
            },
            { lockKey: `${prefix}-2026` },
          ),
        ),
      );
      const created = results.filter((r) => r.outcome === 'created');
      assert.equal(created.length, 32);
      assert.deepEqual(
        created.map((r) => (r.outcome === 'created' ? sequence(r.record.reference) : 0)).sort((a, b) => a - b),
        Array.from({ length: 32 }, (_, i) => i + 1),
      );
      // Whichever try of a key came first is the one created; the other answers the same request.
      for (const request of requests.filter((_, i) => i % 5 === 3)) {
        const ofKey = results.filter((_, i) => tries[i] === request);
        assert.deepEqual(ofKey.map((r) => r.outcome).sort(), ['created', 'replayed']);
        const [a, b] = ofKey.map((r) => r.outcome !== 'attachments-unavailable' && r.record.reference);
        assert.equal(a, b);
      }
      const sample = created[7]!;
      assert.ok(sample.outcome === 'created');
      assert.deepEqual(await other.requests.getByReference(sample.record.reference), sample.record);
      assert.deepEqual(sample.record.history, [
        { at: '2026-03-04T10:20:30.456Z', phase: 'received', code: 'received', label: 'Demande reçue' },
      ]);
      assert.equal((await third.outbox.ofRequest(sample.record.reference)).length, 1);
      // A retry filed later finds the stored request, with its history.
      const again = await third.fileRequest(requests[3]!, async (_tx, inserted) => inserted, {
        lockKey: `${prefix}-2026`,
      });
      assert.equal(again.outcome, 'replayed');
      assert.deepEqual(
        again.outcome === 'replayed' && again.record,
        await store.requests.findByIdempotencyKey(requests[3]!.formId, requests[3]!.idempotencyKeyHash),
      );
    });

    test('requests that announce nothing, filed beside those that do: one per key, numbers without gap', async () => {
      const prefix = newPrefix();
      const requests = Array.from({ length: 24 }, () => newRequest(prefix));
      // Every fourth a retry of the one before, on another instance; every third has a follow-up.
      const tries = requests.map((request, i) => (i % 4 === 3 ? requests[i - 1]! : request));
      const results = await Promise.all(
        tries.map((request, i) => {
          const instance = [store, other, third][i % 3]!;
          const options = { lockKey: `${prefix}-2026` };
          return i % 3 === 0
            ? instance.fileRequest(request, async (_tx, inserted) => inserted, options)
            : instance.fileRequest(request, undefined, options);
        }),
      );
      const created = results.filter((r) => r.outcome === 'created');
      assert.equal(created.length, 18);
      assert.deepEqual(
        created.map((r) => (r.outcome === 'created' ? sequence(r.record.reference) : 0)).sort((a, b) => a - b),
        Array.from({ length: 18 }, (_, i) => i + 1),
      );
      for (const request of requests.filter((_, i) => i % 4 === 2)) {
        const ofKey = results.filter((_, i) => tries[i] === request);
        assert.deepEqual(ofKey.map((r) => r.outcome).sort(), ['created', 'replayed']);
      }
      const sample = created[5]!;
      assert.ok(sample.outcome === 'created');
      assert.deepEqual(await third.requests.getByReference(sample.record.reference), sample.record);
      const refused = await Promise.allSettled([
        store.fileRequest(newRequest(prefix), undefined, { lockKey: `${prefix}-2026` }),
        store.fileRequest(newRequest(prefix, { channel: 'fax' as 'web' }), undefined, { lockKey: `${prefix}-2026` }),
      ]);
      assert.deepEqual(
        refused.map((o) => o.status),
        ['fulfilled', 'rejected'],
      );
      const last = refused[0]!;
      assert.equal(
        last.status === 'fulfilled' && last.value.outcome === 'created' && sequence(last.value.record.reference),
        19,
      );
    });

    test('requests filed together: one the database refuses, or whose follow-up throws, fails alone', async () => {
      const prefix = newPrefix();
      const file = (request: NewRequest, fail = false) =>
        store.fileRequest(
          request,
          async (_tx, inserted) => {
            if (fail) throw new Error('the announcement could not be written');
            return inserted;
          },
          { lockKey: `${prefix}-2026` },
        );
      const outcomes = await Promise.allSettled([
        file(newRequest(prefix)),
        file(newRequest(prefix, { channel: 'fax' as 'web' })),
        file(newRequest(prefix)),
        file(newRequest(prefix), true),
        file(newRequest(prefix)),
      ]);
      assert.deepEqual(
        outcomes.map((o) => o.status),
        ['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled'],
      );
      assert.match(String((outcomes[3] as PromiseRejectedResult).reason), /could not be written/);
      const references = outcomes.flatMap((o) =>
        o.status === 'fulfilled' && o.value.outcome === 'created' ? [o.value.record.reference] : [],
      );
      assert.deepEqual(references.map(sequence).sort(), [1, 2, 3], 'the refused numbers are given back');
      const list = await other.requests.list({ limit: 500, offset: 0 });
      assert.equal(list.filter((r) => r.reference.startsWith(`${prefix}-`)).length, 3);
    });

    test('attachments: bytes kept exactly, readable from another instance, linked once', async () => {
      const bytes = Buffer.from([0, 255, 1, 0, 137, 80, 78, 71, 13, 10, 26, 10, 0]);
      const photo = attachment({ size: bytes.length });
      await store.transaction((tx) => tx.attachments.insert(photo, bytes));
      assert.deepEqual(await other.attachments.content(photo.id), bytes);
      assert.deepEqual(await other.attachments.get(photo.id), photo);

      const prefix = newPrefix();
      const created = await store.transaction((tx) =>
        tx.requests.insertOrGet(newRequest(prefix, { attachmentIds: [photo.id] })),
      );
      assert.ok(created.outcome === 'created');
      assert.deepEqual(created.record.attachments, [
        { id: photo.id, name: photo.name, size: photo.size, type: photo.type },
      ]);
      assert.equal((await third.attachments.get(photo.id))?.reference, created.record.reference);

      const unknown = `att_${randomBytes(18).toString('base64url')}`;
      const elsewhere = attachment({ formId: 'another-form' });
      await store.transaction((tx) => tx.attachments.insert(elsewhere, Buffer.from('x')));
      const refused = await other.transaction((tx) =>
        tx.requests.insertOrGet(newRequest(prefix, { attachmentIds: [photo.id, unknown, elsewhere.id] })),
      );
      assert.deepEqual(refused, {
        outcome: 'attachments-unavailable',
        attachmentIds: [photo.id, unknown, elsewhere.id],
      });
      const next = await other.transaction((tx) => tx.requests.insertOrGet(newRequest(prefix)));
      assert.equal(next.outcome === 'created' && next.record.reference, `${prefix}-2026-000002`, 'no number lost');
    });

    test('abandoned attachments are deleted with their bytes; linked and recent ones stay', async () => {
      const old = attachment({ createdAt: '2026-01-01T00:00:00.000Z' });
      const recent = attachment({ createdAt: '2026-01-03T00:00:00.000Z' });
      const linked = attachment({ createdAt: '2026-01-01T00:00:00.000Z' });
      await store.transaction(async (tx) => {
        for (const a of [old, recent, linked]) await tx.attachments.insert(a, Buffer.from('data'));
        await tx.requests.insertOrGet(newRequest(newPrefix(), { attachmentIds: [linked.id] }));
      });
      const deleted = await other.transaction((tx) => tx.attachments.deleteAbandoned(new Date('2026-01-02T00:00:00Z')));
      assert.ok(deleted >= 1);
      assert.equal(await store.attachments.get(old.id), undefined);
      assert.equal(await store.attachments.content(old.id), undefined);
      assert.ok(await store.attachments.content(recent.id));
      assert.ok(await store.attachments.content(linked.id));
    });

    test('the history only grows, and the database refuses to rewrite it', async () => {
      const created = await store.transaction((tx) => tx.requests.insertOrGet(newRequest(newPrefix())));
      assert.ok(created.outcome === 'created');
      const reference = created.record.reference;
      const updated = await other.transaction((tx) =>
        tx.requests.appendStatus(reference, {
          at: '2026-03-05T08:00:00.000Z',
          phase: 'action_required',
          code: 'PIECE',
          label: 'Pièce manquante',
          note: 'Merci.',
        }),
      );
      assert.deepEqual(
        updated?.history.map((h) => [h.phase, h.code, h.note]),
        [
          ['received', 'received', undefined],
          ['action_required', 'PIECE', 'Merci.'],
        ],
      );
      assert.equal(
        await store.transaction((tx) => tx.requests.appendStatus('NOPE-2026-000001', updated!.history[1]! as never)),
        undefined,
      );
      await assert.rejects(db.sql("UPDATE status_history SET label = 'x'"), /append-only/);
      await assert.rejects(db.sql('DELETE FROM status_history'), /append-only/);
    });

    test('the list is newest first, pages, filters by form, and brings each request its history and files', async () => {
      const prefix = newPrefix();
      const made: string[] = [];
      for (let i = 0; i < 5; i++) {
        const photo = attachment({ formId: `list-${prefix}` });
        const result = await store.transaction(async (tx) => {
          await tx.attachments.insert(photo, Buffer.from('img'));
          return tx.requests.insertOrGet(newRequest(prefix, { formId: `list-${prefix}`, attachmentIds: [photo.id] }));
        });
        assert.ok(result.outcome === 'created');
        made.push(result.record.reference);
        if (i % 2) {
          await store.transaction((tx) =>
            tx.requests.appendStatus(result.record.reference, {
              ...newRequest(prefix).firstStatus,
              phase: 'in_progress',
              code: 'in_progress',
            }),
          );
        }
      }
      const list = await other.requests.list({ formId: `list-${prefix}`, limit: 3, offset: 1 });
      assert.deepEqual(
        list.map((r) => r.reference),
        made.slice().reverse().slice(1, 4),
      );
      for (const record of list) {
        assert.equal(record.attachments.length, 1);
        assert.equal(record.history.length, sequence(record.reference) % 2 ? 1 : 2);
      }
      assert.deepEqual(await other.requests.list({ formId: 'no-such-form', limit: 10, offset: 0 }), []);
    });

    test('settings: the first writer wins, on every instance', async () => {
      const name = `setting-${randomBytes(4).toString('hex')}`;
      const values = [randomBytes(8), randomBytes(8), randomBytes(8)];
      const kept = await Promise.all(
        [store, other, third].map((s, i) => s.transaction((tx) => tx.settings.putIfMissing(name, values[i]!))),
      );
      assert.ok(kept.every((value) => value.equals(kept[0]!)));
      assert.ok(values.some((value) => value.equals(kept[0]!)));
      assert.deepEqual(await third.settings.get(name), kept[0]);
    });

    test('the tracking secret is created once and the same on every instance; another one is refused', async () => {
      const secrets = await Promise.all([store, other, third].map((s) => trackingSecret(s)));
      assert.equal(secrets[0]!.length, 32);
      assert.ok(secrets.every((secret) => secret.equals(secrets[0]!)));
      await assert.rejects(trackingSecret(other, randomBytes(48)), TrackingSecretMismatch);
    });

    test('counters: one window shared by every instance, starting again once it ended', async () => {
      const key = `rate ${randomBytes(4).toString('hex')}`;
      const now = new Date('2026-03-04T10:00:00.000Z');
      const hits = await Promise.all(
        Array.from({ length: 9 }, (_, i) => [store, other, third][i % 3]!.counters.hit(key, 60_000, now)),
      );
      assert.deepEqual(
        hits.map((h) => h.count).sort((a, b) => a - b),
        [1, 2, 3, 4, 5, 6, 7, 8, 9],
      );
      assert.ok(hits.every((h) => h.resetAt.getTime() === now.getTime() + 60_000));
      const later = new Date(now.getTime() + 61_000);
      const fresh = await other.counters.hit(key, 60_000, later);
      assert.deepEqual(fresh, { count: 1, resetAt: new Date(later.getTime() + 60_000) });
      assert.ok((await store.counters.deleteExpired(new Date(later.getTime() + 60_001))) >= 1);
      assert.equal((await third.counters.hit(key, 60_000, later)).count, 1);
    });

    test('counters: hits of several clients at once are counted each once, in the order they came', async () => {
      const [a, b] = ['a', 'b'].map((name) => `rate ${name} ${randomBytes(4).toString('hex')}`) as [string, string];
      const now = new Date('2026-03-04T10:00:00.000Z');
      const counts = async (keys: string[], at: Date) =>
        (await Promise.all(keys.map((key) => store.counters.hit(key, 60_000, at)))).map((hit) => hit.count);
      assert.deepEqual(await counts([a, b, a, a, b], now), [1, 1, 2, 3, 2]);
      assert.deepEqual(await counts([b, a], new Date(now.getTime() + 1_000)), [3, 4]);
      // a's window ended: it starts again at 1; b's too.
      assert.deepEqual(await counts([a, a, b], new Date(now.getTime() + 60_000)), [1, 2, 1]);
    });

    const createdRequest = async (overrides: Partial<NewRequest> = {}) => {
      const result = await store.transaction((tx) => tx.requests.insertOrGet(newRequest(newPrefix(), overrides)));
      assert.ok(result.outcome === 'created');
      return result.record;
    };
    const replyTo = (reference: string, overrides: Partial<NewReply> = {}): NewReply => ({
      reference,
      id: `rep_${randomBytes(12).toString('base64url')}`,
      at: '2026-03-06T09:00:00.000Z',
      message: 'Voici la pièce manquante.',
      lang: 'fr',
      idempotencyKeyHash: randomBytes(32),
      attachmentIds: [],
      ...overrides,
    });

    test("replies: kept with their files, once per key, apart from the request's own files", async () => {
      const record = await createdRequest();
      const another = await createdRequest();
      const bytes = Buffer.from('%PDF-1.4 justificatif');
      const proof = attachment({
        field: '',
        name: 'justificatif.pdf',
        type: 'application/pdf',
        size: bytes.length,
        forReference: record.reference,
      });
      const forAnother = attachment({ field: '', forReference: another.reference });
      const ofAField = attachment({ field: 'photo' });
      await store.transaction(async (tx) => {
        await tx.attachments.insert(proof, bytes);
        await tx.attachments.insert(forAnother, Buffer.from('x'));
        await tx.attachments.insert(ofAField, Buffer.from('x'));
      });

      const refused = await other.transaction((tx) =>
        tx.replies.insertOrGet(replyTo(record.reference, { attachmentIds: [proof.id, forAnother.id, ofAField.id] })),
      );
      assert.deepEqual(refused, { outcome: 'attachments-unavailable', attachmentIds: [forAnother.id, ofAField.id] });
      assert.deepEqual(await store.replies.ofRequest(record.reference), [], 'nothing of the refused reply stays');

      // Retries of one reply reach every instance at once, each with the id its instance drew.
      const reply = replyTo(record.reference, { attachmentIds: [proof.id] });
      const results = await Promise.all(
        [store, other, third, store].map((s, i) =>
          s.transaction((tx) => tx.replies.insertOrGet(i ? { ...reply, id: `${reply.id}${i}` } : reply)),
        ),
      );
      const created = results.flatMap((r) => (r.outcome === 'created' ? [r.reply] : []));
      assert.equal(created.length, 1);
      const kept = {
        id: created[0]!.id,
        reference: record.reference,
        at: reply.at,
        message: reply.message,
        lang: 'fr',
        attachments: [{ id: proof.id, name: proof.name, size: proof.size, type: proof.type }],
      };
      for (const result of results) assert.deepEqual('reply' in result && result.reply, kept);
      assert.deepEqual(await third.replies.ofRequest(record.reference), [kept]);
      assert.deepEqual(await third.attachments.content(proof.id), bytes, "a reply's file is read like any other");
      assert.equal((await third.attachments.get(proof.id))?.reference, record.reference);
      assert.deepEqual(
        (await third.requests.getByReference(record.reference))?.attachments,
        [],
        "not one of the request's own files",
      );

      const withoutText = await store.transaction((tx) =>
        tx.replies.insertOrGet(replyTo(record.reference, { message: undefined })),
      );
      assert.ok(withoutText.outcome === 'created' && withoutText.reply.message === undefined);
      const byRequest = await other.replies.ofRequests([record.reference, another.reference, 'NOPE-2026-000001']);
      assert.deepEqual(
        byRequest.get(record.reference)?.map((r) => r.id),
        [kept.id, withoutText.reply.id],
      );
      assert.equal(byRequest.get(another.reference), undefined);
      assert.equal((await store.replies.list({ limit: 1, offset: 0 }))[0]?.id, withoutText.reply.id, 'newest first');
      assert.deepEqual(await store.transaction((tx) => tx.replies.insertOrGet(replyTo('NOPE-2026-000001'))), {
        outcome: 'request-not-found',
      });
      await assert.rejects(db.sql("UPDATE replies SET message = 'x'"), /append-only/);
      await assert.rejects(db.sql('DELETE FROM replies'), /append-only/);
    });

    const outboxItem = (reference: string, overrides: Partial<NewOutboxItem> = {}): NewOutboxItem => ({
      id: `evt_${randomBytes(12).toString('base64url')}`,
      channel: 'webhook',
      reference,
      event: 'request.created',
      payload: { reference, n: 0 },
      createdAt: '2026-03-04T10:20:30.456Z',
      ...overrides,
    });
    const at = new Date('2026-03-04T10:21:00.000Z');
    const sendAll =
      (sent: OutboxItem[], outcome: DeliveryOutcome['outcome'] = 'sent', extra: Partial<DeliveryOutcome> = {}) =>
      async (items: OutboxItem[]): Promise<DeliveryOutcome[]> => {
        sent.push(...items);
        return items.map((item) => ({ id: item.id, outcome, at, ...extra }));
      };

    test('outbox: written with the change it announces, rolled back with it', async () => {
      const record = await createdRequest();
      const first = outboxItem(record.reference, {
        channel: 'mail',
        recipient: 'camille@example.fr',
        sealed: Buffer.from([1, 2, 3]),
      });
      await store.transaction((tx) => tx.outbox.add(first));
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.outbox.add(outboxItem(record.reference));
          throw new Error('the change failed');
        }),
        /the change failed/,
      );
      await assert.rejects(
        store.transaction((tx) => tx.outbox.add(outboxItem('NOPE-2026-000001'))),
        /no request/,
      );
      const items = await other.outbox.ofRequest(record.reference);
      assert.deepEqual(items, [
        {
          ...first,
          state: 'pending',
          attempts: 0,
          nextAttemptAt: first.createdAt,
        },
      ]);
    });

    test("outbox: a request's items go out one after the other, each once across instances", async () => {
      const records = await Promise.all(Array.from({ length: 6 }, () => createdRequest()));
      const added: NewOutboxItem[] = [];
      for (let n = 0; n < 4; n++)
        for (const record of records)
          added.push(outboxItem(record.reference, { payload: { reference: record.reference, n } }));
      await store.transaction(async (tx) => {
        for (const item of added) await tx.outbox.add(item);
      });
      const ours = new Set(added.map((item) => item.id));
      const sent: OutboxItem[] = [];
      const rounds: number[] = [];
      // Three instances deliver at once, again and again, each answering after a pause (the network).
      for (let round = 0; round < 12 && sent.length < added.length; round++) {
        const claimed = await Promise.all(
          [store, other, third].map((s) =>
            s.outbox.deliver(
              'webhook',
              { now: new Date('2027-01-01T00:00:00Z'), limit: 50, leaseMs: 60_000 },
              async (items) => {
                await new Promise((resolve) => setTimeout(resolve, 20));
                return sendAll(sent)(items.filter((item) => ours.has(item.id))).then((outcomes) => [
                  ...outcomes,
                  ...items
                    .filter((item) => !ours.has(item.id))
                    .map((item) => ({ id: item.id, outcome: 'sent' as const, at })),
                ]);
              },
            ),
          ),
        );
        rounds.push(claimed.reduce((a, b) => a + b, 0));
      }
      const ids = sent.map((item) => item.id);
      assert.equal(new Set(ids).size, ids.length, 'no item sent twice');
      assert.equal(ids.length, added.length, 'every item sent');
      for (const record of records) {
        const order = sent.filter((item) => item.reference === record.reference).map((item) => item.payload.n);
        assert.deepEqual(order, [0, 1, 2, 3], `${record.reference} in order`);
      }
      const after = await third.outbox.ofRequest(records[0]!.reference);
      assert.ok(
        after.every((item) => item.state === 'sent' && item.attempts === 1 && item.doneAt === at.toISOString()),
      );
    });

    test('outbox: a retry waits for its time and holds back what follows; a failure is kept and lets it go', async () => {
      const record = await createdRequest();
      const mails = [0, 1, 2].map((n) =>
        outboxItem(record.reference, {
          channel: 'mail',
          recipient: 'x@example.fr',
          sealed: Buffer.from('code'),
          payload: { n },
        }),
      );
      await store.transaction(async (tx) => {
        for (const item of mails) await tx.outbox.add(item);
      });
      const mine = (items: OutboxItem[]) => items.filter((item) => item.reference === record.reference);
      const deliverAt = async (
        now: Date,
        outcome: DeliveryOutcome['outcome'],
        extra: Partial<DeliveryOutcome> = {},
      ) => {
        const sent: OutboxItem[] = [];
        await other.outbox.deliver('mail', { now, limit: 100, leaseMs: 60_000 }, async (items) => [
          ...(await sendAll(sent, outcome, extra)(mine(items))),
          ...items
            .filter((item) => item.reference !== record.reference)
            .map((item) => ({
              id: item.id,
              outcome: 'retry' as const,
              at,
              nextAttemptAt: new Date('2100-01-01T00:00:00Z'),
            })),
        ]);
        return sent.map((item) => item.payload.n);
      };
      const later = new Date('2026-03-04T10:22:00.000Z');
      assert.deepEqual(await deliverAt(at, 'retry', { error: '421 try later', nextAttemptAt: later }), [0]);
      assert.deepEqual(await deliverAt(at, 'sent'), [], 'not before its time, and the next ones wait behind it');
      const retried = (await store.outbox.ofRequest(record.reference))[0]!;
      assert.deepEqual(
        [retried.state, retried.attempts, retried.lastError, retried.nextAttemptAt],
        ['pending', 1, '421 try later', later.toISOString()],
      );
      assert.deepEqual(await deliverAt(later, 'failed', { error: '550 no such mailbox' }), [0]);
      assert.deepEqual(await deliverAt(later, 'sent'), [1], 'a failed item no longer holds the others back');
      const [failed, sent] = await store.outbox.ofRequest(record.reference);
      assert.deepEqual(
        [failed!.state, failed!.attempts, failed!.lastError, failed!.sealed],
        ['failed', 2, '550 no such mailbox', undefined],
      );
      assert.deepEqual([sent!.state, sent!.sealed], ['sent', undefined], 'the sealed secret is wiped once done');
      const counts = await third.outbox.counts();
      assert.ok(counts.mail.failed >= 1 && counts.mail.pending >= 1);
      const failedList = await third.outbox.list({ state: 'failed', channel: 'mail', limit: 10, offset: 0 });
      assert.ok(failedList.some((item) => item.id === failed!.id));
      assert.ok(failedList.every((item) => item.state === 'failed' && item.channel === 'mail'));
    });

    test('outbox: a sender that fails lets go of its items at once', async () => {
      const record = await createdRequest();
      const item = outboxItem(record.reference, { channel: 'mail', recipient: 'y@example.fr' });
      await store.transaction((tx) => tx.outbox.add(item));
      const now = new Date('2099-01-01T00:00:00Z');
      await assert.rejects(
        store.outbox.deliver('mail', { now, limit: 500, leaseMs: 60_000 }, async () => {
          throw new Error('the sender broke');
        }),
        /the sender broke/,
      );
      const seen: string[] = [];
      await other.outbox.deliver('mail', { now, limit: 500, leaseMs: 60_000 }, async (items) => {
        seen.push(...items.map((i) => i.id));
        return items.map((i) => ({ id: i.id, outcome: 'sent' as const, at: now }));
      });
      assert.ok(seen.includes(item.id));
    });

    test('counters: a peek reads the window without counting, on every instance', async () => {
      const key = `peek ${randomBytes(4).toString('hex')}`;
      const now = new Date('2026-03-04T10:00:00.000Z');
      assert.equal(await other.counters.peek(key, now), undefined);
      await store.counters.hit(key, 60_000, now);
      await store.counters.hit(key, 60_000, now);
      const seen = await third.counters.peek(key, new Date(now.getTime() + 1_000));
      assert.deepEqual(seen, { count: 2, resetAt: new Date(now.getTime() + 60_000) });
      assert.deepEqual(await other.counters.peek(key, now), seen, 'peeking counted nothing');
      assert.equal(await other.counters.peek(key, new Date(now.getTime() + 60_000)), undefined, 'an ended window');
    });

    test('the unclaimed-uploads quota holds when three instances insert at once', async () => {
      const clientKey = `client-${randomBytes(4).toString('hex')}`;
      const formId = `quota-${randomBytes(4).toString('hex')}`;
      const size = 1000;
      const quota = { clientKey, perClient: 5 * size, total: Number.MAX_SAFE_INTEGER };
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          [store, other, third][i % 3]!.transaction((tx) =>
            tx.attachments.insert(attachment({ formId, size }), Buffer.alloc(size), quota),
          ),
        ),
      );
      assert.equal(outcomes.filter((o) => o === 'stored').length, 5);
      assert.ok(outcomes.every((o) => o === 'stored' || o === 'client-quota'));
      // Another client is not held by this one's quota, but by everyone's total.
      const elsewhere = { clientKey: `${clientKey}-2`, perClient: 5 * size, total: Number.MAX_SAFE_INTEGER };
      assert.equal(
        await other.transaction((tx) =>
          tx.attachments.insert(attachment({ formId, size }), Buffer.alloc(size), elsewhere),
        ),
        'stored',
      );
      assert.equal(
        await third.transaction((tx) =>
          tx.attachments.insert(attachment({ formId, size }), Buffer.alloc(size), { ...elsewhere, total: 0 }),
        ),
        'total-quota',
      );
    });

    test('a request read for update is kept from changing until its unit commits', async () => {
      const created = await store.transaction((tx) => tx.requests.insertOrGet(newRequest(newPrefix())));
      assert.ok(created.outcome === 'created');
      const reference = created.record.reference;
      const step = (phase: 'in_progress' | 'completed') => ({
        at: '2026-03-05T08:00:00.000Z',
        phase,
        code: phase,
        label: phase,
      });
      // Two instances each append only when the last phase is still "received": one wins.
      const moves = await Promise.all(
        [other, third].map((instance, i) =>
          instance.transaction(async (tx) => {
            const current = await tx.requests.getForUpdate(reference);
            if (current?.history.at(-1)?.phase !== 'received') return false;
            await tx.requests.appendStatus(reference, step(i ? 'completed' : 'in_progress'));
            return true;
          }),
        ),
      );
      assert.deepEqual(moves.filter(Boolean), [true]);
      assert.equal((await store.requests.getByReference(reference))?.history.length, 2);
      assert.equal(await store.transaction((tx) => tx.requests.getForUpdate('NOPE-2026-000001')), undefined);
    });

    test('form versions: kept once, the first text wins, read from every instance', async () => {
      const formId = `versions-${randomBytes(4).toString('hex')}`;
      const at = new Date('2026-03-04T10:00:00.000Z');
      const kept = await Promise.all(
        ['{"v":1}', '{"v":2}', '{"v":3}'].map((text, i) =>
          [store, other, third][i]!.transaction((tx) => tx.formVersions.putIfMissing(formId, '1.0.0', text, at)),
        ),
      );
      assert.ok(kept.every((text) => text === kept[0]));
      assert.equal(await third.formVersions.get(formId, '1.0.0'), kept[0]);
      assert.equal(await other.formVersions.get(formId, '2.0.0'), undefined);
    });

    test("a submission's hash and whether an agent entered it are kept", async () => {
      const request = newRequest(newPrefix(), { byAgent: true });
      const created = await store.transaction((tx) => tx.requests.insertOrGet(request));
      assert.ok(created.outcome === 'created');
      const read = await other.requests.findByIdempotencyKey(request.formId, request.idempotencyKeyHash);
      assert.deepEqual(read?.submissionHash, request.submissionHash);
      assert.equal(read?.byAgent, true);
      assert.deepEqual(created.record, read);
    });

    test('what was committed survives a restart; a database newer than the endpoint is refused', async () => {
      const created = await store.transaction((tx) => tx.requests.insertOrGet(newRequest(newPrefix())));
      assert.ok(created.outcome === 'created');
      await third.close();
      third = await db.open();
      assert.deepEqual(await third.requests.getByReference(created.record.reference), created.record);
      const health = await third.health();
      assert.equal(health.ok, true);
      assert.equal(health.kind, store.kind);

      await db.sql(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', '2030-01-01')",
      );
      await assert.rejects(db.open(), /schema version 99, newer than this endpoint knows/);
      await db.sql('DELETE FROM schema_migrations WHERE version = 99');
    });
  });
}

/** PostgreSQL's requests repository on `pool`, counting the statements it sends. */
function countingRequests(pool: pg.Pool) {
  let count = 0;
  const requests = new PostgresRequests({
    query: ((...args: Parameters<pg.Pool['query']>) => {
      count++;
      return (pool.query as (...a: unknown[]) => unknown)(...args);
    }) as pg.Pool['query'],
  });
  return { requests, queries: () => count };
}

test('PostgreSQL: a page of the list costs three queries, whatever its length', async () => {
  const url = await freshPostgresDatabase('list_queries');
  const store = await PostgresStore.open({ url });
  const pool = new pg.Pool({ connectionString: url });
  try {
    const prefix = newPrefix();
    for (let i = 0; i < 40; i++) await store.transaction((tx) => tx.requests.insertOrGet(newRequest(prefix)));
    const { requests, queries } = countingRequests(pool);
    const page = await requests.list({ limit: 40, offset: 0 });
    assert.equal(page.length, 40);
    assert.ok(page.every((record) => record.history.length === 1));
    assert.equal(queries(), 3);
  } finally {
    await pool.end();
    await store.close();
  }
});

test('PostgreSQL: requests filed together cost one statement, however many', async () => {
  const url = await freshPostgresDatabase('file_queries');
  const store = await PostgresStore.open({ url });
  const pool = new pg.Pool({ connectionString: url });
  try {
    const prefix = newPrefix();
    const batch = Array.from({ length: 30 }, () => newRequest(prefix));
    const { requests, queries } = countingRequests(pool);
    const results = await requests.fileMany([...batch, batch[0]!]);
    assert.equal(queries(), 1);
    assert.deepEqual(
      results.map((r) => r.outcome !== 'attachments-unavailable' && sequence(r.record.reference)),
      [...Array.from({ length: 30 }, (_, i) => i + 1), 1],
      'numbered in arrival order; the same key twice is one request',
    );
    assert.equal(results[30]!.outcome, 'replayed');
  } finally {
    await pool.end();
    await store.close();
  }
});

test('PostgreSQL: two instances counting the same clients in opposite orders both get their counts', async () => {
  const url = await freshPostgresDatabase('counter_order');
  const [first, second] = await Promise.all([PostgresStore.open({ url }), PostgresStore.open({ url })]);
  const holder = new pg.Client({ connectionString: url });
  await holder.connect();
  try {
    const [a, b] = ['a', 'b'].map((name) => `rate ${name} ${randomBytes(4).toString('hex')}`) as [string, string];
    const now = new Date('2026-03-04T10:00:00.000Z');
    await first.counters.hit(b, 60_000, now);
    const waiting = async (count: number) => {
      for (let i = 0; i < 200; i++) {
        const { rows } = await holder.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
        );
        if (rows[0].n >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`${count} statements never waited`);
    };
    // b is held; one instance's batch of (b, a) waits for it first, then the other's of (a, b).
    // Were each batch to lock in its arrival order, once b is let go the first would take b and
    // wait for a, held by the second, which waits for b: a deadlock, and one batch failed.
    await holder.query('BEGIN');
    await holder.query('SELECT * FROM counters WHERE key = $1 FOR UPDATE', [b]);
    const secondsBatch = [second.counters.hit(b, 60_000, now), second.counters.hit(a, 60_000, now)];
    await waiting(1);
    const firstsBatch = [first.counters.hit(a, 60_000, now), first.counters.hit(b, 60_000, now)];
    // In one order of locks this batch waits for a, held by the other; it waits all the same.
    await waiting(2).catch(() => undefined);
    await holder.query('COMMIT');
    const counts = (await Promise.all([...secondsBatch, ...firstsBatch])).map((hit) => hit.count);
    assert.deepEqual(counts.toSorted(), [1, 2, 2, 3]);
    assert.equal((await second.counters.peek(b, now))?.count, 3);
  } finally {
    await holder.end();
    await Promise.all([first.close(), second.close()]);
  }
});
