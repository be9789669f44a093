import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createAdapter, EndpointError, type FormModel, type FormDefinition } from '@guichet/core';
import { startOpen311Server, type Open311TestServer } from '../../../../test/helpers/open311-server.mjs';

const definition = JSON.parse(
  readFileSync(new URL('../../../../schemas/forms/signalement-voirie.json', import.meta.url), 'utf8'),
) as FormDefinition;
const fixtures = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/forms-data/signalement-voirie.json', import.meta.url), 'utf8'),
) as { valid: Record<string, unknown>[] };
// Only the parts of the model the adapter reads: the rest is the core model's job.
const model = {
  id: definition.id,
  version: definition.version,
  open311: definition.adapters?.open311,
  definition,
} as unknown as FormModel;

describe('open311 adapter against a GeoReport v2 server', () => {
  let server: Open311TestServer;
  before(async () => {
    server = await startOpen311Server({ apiKey: 'cle-de-test' });
  });
  after(() => server.stop());

  const submit = (data: Record<string, unknown>, config: Record<string, unknown> = { apiKey: 'cle-de-test' }) =>
    createAdapter('open311', { endpoint: `${server.url}/`, ...config }).submit({
      model,
      data,
      channel: 'web',
      lang: 'fr',
      idempotencyKey: crypto.randomUUID(),
    });

  it('posts the mapped answers under GeoReport field names, form-urlencoded, and returns the id as reference', async () => {
    const data: Record<string, unknown> = { ...fixtures.valid[0]!, phone: undefined };
    const receipt = await submit(data);
    const body = server.received.at(-1)!;
    assert.equal(body.get('service_code'), 'voirie');
    assert.equal(body.get('description'), data.description);
    assert.equal(body.get('address_string'), data.address);
    assert.equal(body.get('lat'), String(data.latitude));
    assert.equal(body.get('long'), String(data.longitude));
    assert.equal(body.get('email'), data.email);
    assert.equal(body.get('first_name'), data.firstName);
    assert.equal(body.get('last_name'), data.lastName);
    assert.equal(body.get('attribute[categorie]'), 'nid-de-poule');
    assert.equal(body.get('api_key'), 'cle-de-test');
    assert.equal(body.has('phone'), false, 'empty answers are left out');
    assert.equal(typeof receipt.reference, 'string');
    assert.equal(receipt.trackingCode, receipt.reference, 'Open311 has no secret code');
    assert.equal(receipt.status.phase, 'received');
    assert.ok(server.requests.has(receipt.reference));
  });

  it('leaves out unanswered optional fields (address only, no coordinates)', async () => {
    await submit(fixtures.valid[1]!);
    const body = server.received.at(-1)!;
    assert.equal(body.has('lat'), false);
    assert.equal(body.has('email'), false);
    assert.equal(body.get('address_string'), 'Place du Marché');
  });

  it('reads an open request as received, then in progress once an agent wrote a note', async () => {
    const receipt = await submit(fixtures.valid[1]!);
    const adapter = createAdapter('open311', { endpoint: server.url });
    const first = await adapter.status({
      reference: receipt.reference,
      trackingCode: receipt.trackingCode,
      lang: 'fr',
    });
    assert.equal(first.phase, 'received');
    assert.equal(first.final, false);
    assert.equal(first.reference, receipt.reference);
    server.update(receipt.reference, {
      status_notes: 'Équipe prévue jeudi',
      expected_datetime: '2026-12-10T12:00:00Z',
    });
    const second = await adapter.status({
      reference: receipt.reference,
      trackingCode: receipt.trackingCode,
      lang: 'en',
    });
    assert.equal(second.phase, 'in_progress');
    assert.equal(second.expectedBy, '2026-12-10T12:00:00Z');
    assert.equal(second.history.at(-1)?.note, 'Équipe prévue jeudi');
    assert.equal(second.label, 'Being processed');
  });

  it('reads a closed request as completed, with its notes', async () => {
    const receipt = await submit(fixtures.valid[1]!);
    server.update(receipt.reference, { status: 'closed', status_notes: 'Lampadaire réparé.' });
    const status = await createAdapter('open311', { endpoint: server.url }).status({
      reference: receipt.reference,
      trackingCode: '',
      lang: 'fr',
    });
    assert.equal(status.phase, 'completed');
    assert.equal(status.final, true);
    assert.equal(status.code, 'closed');
    assert.equal(status.history.at(-1)?.note, 'Lampadaire réparé.');
  });

  it('maps an unknown id to not-found', async () => {
    const error = await createAdapter('open311', { endpoint: server.url })
      .status({ reference: '999999999', trackingCode: '', lang: 'fr' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof EndpointError);
    assert.equal(error.kind, 'not-found');
    assert.equal(error.retryable, false);
  });

  it('maps a field error description onto the form field it came from', async () => {
    const error = await submit({ ...fixtures.valid[1]!, email: 'pas-une-adresse' }).catch((e: unknown) => e);
    assert.ok(error instanceof EndpointError);
    assert.equal(error.kind, 'validation');
    assert.deepEqual(
      error.details.fieldErrors?.map((e) => e.pointer),
      ['/email'],
    );
    assert.match(error.message, /email is not a valid address/);
  });

  it('reports a refused api_key as a rejection with the server’s words, not retried', async () => {
    const error = await submit(fixtures.valid[1]!, { apiKey: 'mauvaise' }).catch((e: unknown) => e);
    assert.ok(error instanceof EndpointError);
    assert.equal(error.kind, 'rejected');
    assert.equal(error.details.status, 403);
    assert.equal(error.message, 'Invalid api_key');
    assert.equal(error.retryable, false);
  });

  it('takes a token when the server answers one instead of an id', async () => {
    const tokens = await startOpen311Server({ tokens: true });
    try {
      const receipt = await createAdapter('open311', { endpoint: tokens.url }).submit({
        model,
        data: fixtures.valid[1]!,
        channel: 'web',
        lang: 'fr',
        idempotencyKey: crypto.randomUUID(),
      });
      assert.match(receipt.reference, /^tok-/);
    } finally {
      await tokens.stop();
    }
  });

  it('turns an unreachable server into a retryable network error', async () => {
    const closed = await startOpen311Server();
    const url = closed.url;
    await closed.stop();
    const error = await createAdapter('open311', { endpoint: url })
      .status({ reference: '1', trackingCode: '', lang: 'fr' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof EndpointError);
    assert.equal(error.kind, 'network');
    assert.equal(error.retryable, true);
  });
});
