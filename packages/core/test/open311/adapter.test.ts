import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  createAdapter,
  EndpointError,
  Outbox,
  type FormDefinition,
  type FormModel,
  type Open311Config,
  type SubmitRequest,
} from '@guichet/core';
import { loadServiceForm } from '@guichet/core/open311';
import { load } from '../helpers/forms.js';
import {
  startGeoReportSimulator,
  type GeoReportOptions,
  type GeoReportSimulator,
} from '../../../../test/helpers/georeport/simulator.mjs';

const voirie = load(
  JSON.parse(
    readFileSync(new URL('../../../../schemas/forms/signalement-voirie.json', import.meta.url), 'utf8'),
  ) as FormDefinition,
);
const fixtures = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/forms-data/signalement-voirie.json', import.meta.url), 'utf8'),
) as { valid: Record<string, unknown>[] };

const KEY = 'cle-de-test';

async function simulator(options: GeoReportOptions = {}): Promise<GeoReportSimulator> {
  return startGeoReportSimulator({ apiKey: KEY, ...options });
}

function submit(
  server: GeoReportSimulator,
  model: FormModel,
  data: Record<string, unknown>,
  config: Partial<Open311Config> = { apiKey: KEY },
  extra: Partial<SubmitRequest> = {},
) {
  return createAdapter('open311', { endpoint: server.url, ...config }).submit({
    model,
    data,
    channel: 'web',
    lang: 'fr',
    idempotencyKey: crypto.randomUUID(),
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<EndpointError> {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof EndpointError, String(error));
  return error;
}

/** The form a web team gets from the server's DEPOT service (every datatype). */
async function depotForm(server: GeoReportSimulator): Promise<FormModel> {
  return load(await loadServiceForm({ endpoint: server.url, serviceCode: 'DEPOT', lang: 'fr' }));
}

const depotAnswers = {
  type_dechet: 'gravats',
  dangers: ['chaussee', 'produits'],
  volume: 1.5,
  vu_le: '2026-11-30T08:15',
  description: 'Un tas de gravats au coin de la rue.',
  address: 'Rue de la Gare',
};

describe('open311 adapter: sending a request', () => {
  let server: GeoReportSimulator;
  before(async () => {
    server = await simulator({ jurisdictions: ['montfleury.example'] });
  });
  after(() => server.stop());

  it('posts the mapped answers form-urlencoded with api_key and jurisdiction_id; ids count from 0', async () => {
    const data = { ...fixtures.valid[0]! };
    const receipt = await submit(server, voirie, data, { apiKey: KEY, jurisdictionId: 'montfleury.example' });
    assert.equal(receipt.reference, '0', 'the first id of the server is 0, a number: still a reference');
    const body = server.received.at(-1)!;
    assert.equal(body.get('service_code'), 'voirie');
    assert.equal(body.get('jurisdiction_id'), 'montfleury.example');
    assert.equal(body.get('api_key'), KEY);
    assert.equal(body.get('address_string'), data.address);
    assert.equal(body.get('lat'), String(data.latitude));
    assert.equal(body.get('attribute[categorie]'), 'nid-de-poule');
    assert.equal(body.has('phone'), false, 'empty answers are left out');
    assert.equal(receipt.trackingCode, '', 'Open311 has no tracking code: none is made up');
    assert.equal(receipt.status.phase, 'received');
    assert.equal(receipt.status.history[0]?.note, 'Merci, votre signalement est enregistré.', 'the service_notice');
    assert.deepEqual(server.requests.get(0)?.attributes, { categorie: 'nid-de-poule' });
  });

  it('sends a date and time with its zone, as GeoReport servers check it', async () => {
    const model = await depotForm(server);
    await submit(server, model, depotAnswers);
    const sent = server.received.at(-1)!.get('attribute[vu_le]')!;
    assert.match(sent, /^2026-11-30T08:15:00[+-]\d{2}:\d{2}$/);
    assert.equal(new Date(sent).getTime(), new Date(2026, 10, 30, 8, 15).getTime());
  });

  it('takes a token when the service creates its requests later', async () => {
    const model = load(await loadServiceForm({ endpoint: server.url, serviceCode: 'ARCH', lang: 'fr' }));
    const receipt = await submit(server, model, { description: 'Copie d’un acte de 1950.', address: 'Mairie' });
    assert.match(receipt.reference, /^tok-\d+$/);
  });
});

describe('open311 adapter: refusals the web team must fix', () => {
  let server: GeoReportSimulator;
  before(async () => {
    server = await simulator({ jurisdictions: ['montfleury.example', 'valbois.example'] });
  });
  after(() => server.stop());
  const inTown = { apiKey: KEY, jurisdictionId: 'montfleury.example' };

  it('no api-key: a configuration error for the web team, never retried, nothing stored', async () => {
    const before = server.requests.size;
    const error = await failure(submit(server, voirie, fixtures.valid[1]!, { jurisdictionId: 'montfleury.example' }));
    assert.equal(error.kind, 'configuration');
    assert.equal(error.details.code, 'api-key');
    assert.equal(error.retryable, false);
    assert.match(error.message, /api-key/);
    assert.match(error.message, /no value given for required entry api_key/, 'the server’s words, for the web team');
    assert.equal(server.requests.size, before);
  });

  it('a wrong key (403) is the same configuration error', async () => {
    const error = await failure(submit(server, voirie, fixtures.valid[1]!, { ...inTown, apiKey: 'mauvaise' }));
    assert.equal(error.kind, 'configuration');
    assert.equal(error.details.code, 'api-key');
  });

  it('a server of several jurisdictions needs one: configuration, not a field error', async () => {
    const error = await failure(submit(server, voirie, fixtures.valid[1]!, { apiKey: KEY }));
    assert.equal(error.kind, 'configuration');
    assert.equal(error.details.code, 'jurisdiction');
    assert.equal(error.details.fieldErrors, undefined);
  });

  it('an unknown service code is found before anything is posted', async () => {
    const model = load({ ...voirie.definition, adapters: { open311: { serviceCode: 'inconnu' } } });
    const posted = server.received.length;
    const error = await failure(submit(server, model, fixtures.valid[1]!, inTown));
    assert.equal(error.kind, 'configuration');
    assert.equal(error.details.code, 'service');
    assert.equal(server.received.length, posted, 'no POST was made');
  });

  it('an attribute the server does not know is the mapping’s fault', async () => {
    const mapping = voirie.definition.adapters!.open311!;
    const model = load({
      ...voirie.definition,
      adapters: { open311: { ...mapping, attributes: { categorie: 'category', inconnu: 'description' } } },
    });
    const error = await failure(submit(server, model, fixtures.valid[1]!, inTown));
    assert.equal(error.kind, 'configuration');
    assert.equal(error.details.code, 'mapping');
    assert.match(error.message, /found unexpected entries: attribute\[inconnu\]/);
  });
});

describe('open311 adapter: Data::Rx lists over alternatives land on the citizen’s fields only', () => {
  let server: GeoReportSimulator;
  let model: FormModel;
  before(async () => {
    server = await simulator();
    model = await depotForm(server);
  });
  after(() => server.stop());

  const pointers = (error: EndpointError) => error.details.fieldErrors?.map((e) => e.pointer).sort();

  it('a wrong number given with an address flags that number, not the point or address_id', async () => {
    const error = await failure(submit(server, model, { ...depotAnswers, volume: 'beaucoup' }));
    assert.equal(error.kind, 'validation');
    assert.deepEqual(pointers(error), ['/volume']);
    assert.equal(error.details.fieldErrors?.[0]?.message, "Cette réponse n'est pas valide");
  });

  it('a required attribute left out with a point flags that attribute only', async () => {
    const { type_dechet: _left, address: _address, ...rest } = depotAnswers;
    const error = await failure(submit(server, model, { ...rest, latitude: 48.71, longitude: 2.24 }));
    assert.deepEqual(pointers(error), ['/type_dechet']);
    assert.equal(error.details.fieldErrors?.[0]?.code, 'required');
  });

  it('no place at all flags the address, the question the form asks first', async () => {
    const { address: _address, ...rest } = depotAnswers;
    const error = await failure(submit(server, model, rest));
    assert.deepEqual(pointers(error), ['/address']);
  });

  it('half a point flags its missing half, not the address', async () => {
    const { address: _address, ...rest } = depotAnswers;
    const error = await failure(submit(server, model, { ...rest, latitude: 48.71 }));
    assert.deepEqual(pointers(error), ['/longitude']);
  });

  it('plain-text errors (servers without Data::Rx) land on the fields they name', async () => {
    const plain = await simulator({ errors: 'plain' });
    try {
      const form = await depotForm(plain);
      const { address: _address, ...rest } = depotAnswers;
      const wrong = await failure(submit(plain, form, { ...rest, volume: 'beaucoup', address: 'Rue de la Gare' }));
      assert.deepEqual(pointers(wrong), ['/volume']);
      const nowhere = await failure(submit(plain, form, rest));
      assert.deepEqual(pointers(nowhere), ['/address']);
      const keyless = await failure(submit(plain, form, depotAnswers, {}));
      assert.equal(keyless.kind, 'configuration');
      assert.equal(keyless.details.code, 'api-key');
    } finally {
      await plain.stop();
    }
  });
});

describe('open311 adapter: multivaluelist styles', () => {
  for (const style of ['brackets', 'repeat'] as const) {
    const other = style === 'brackets' ? 'repeat' : 'brackets';
    it(`a ${style} server stores a multivaluelist sent ${style}, and refuses one sent ${other} as configuration`, async () => {
      const server = await simulator({ multiValue: style });
      try {
        const model = await depotForm(server);
        const receipt = await submit(server, model, depotAnswers, { apiKey: KEY, multiValue: style });
        const body = server.received.at(-1)!;
        assert.deepEqual(body.getAll(style === 'brackets' ? 'attribute[dangers][]' : 'attribute[dangers]'), [
          'chaussee',
          'produits',
        ]);
        assert.deepEqual(server.requests.get(Number(receipt.reference))?.attributes, {
          type_dechet: 'gravats',
          dangers: ['chaussee', 'produits'],
          volume: '1.5',
          vu_le: body.get('attribute[vu_le]'),
        });
        const stored = server.requests.size;
        const error = await failure(submit(server, model, depotAnswers, { apiKey: KEY, multiValue: other }));
        assert.equal(error.kind, 'configuration', 'not "this field is required" on a field the citizen answered');
        assert.equal(error.details.code, 'mapping');
        assert.match(error.message, /multi-value/);
        assert.equal(server.requests.size, stored);
      } finally {
        await server.stop();
      }
    });
  }
});

describe('open311 adapter: at most once', () => {
  let server: GeoReportSimulator;
  /** The example street report, kept by the outbox before its first try. */
  const report = (outbox: Outbox, lang: 'fr' | 'en') =>
    outbox.add({
      formId: voirie.id,
      formVersion: voirie.version,
      data: fixtures.valid[1]!,
      channel: 'web',
      lang,
    });
  before(async () => {
    server = await simulator();
  });
  after(() => server.stop());

  it('an answer lost after the server stored the request is unconfirmed, and the outbox never resends it', async () => {
    const stored = server.requests.size;
    server.interfere('drop');
    const outbox = new Outbox({ storage: null, locks: null, baseMs: 1 });
    const adapter = createAdapter('open311', { endpoint: server.url, apiKey: KEY });
    const entry = report(outbox, 'en');
    const error = await failure(outbox.deliver(entry, { adapter, model: voirie }));
    assert.equal(error.kind, 'unconfirmed');
    assert.equal(error.retryable, false);
    assert.match(error.message, /may have been stored/);
    assert.equal(server.requests.size, stored + 1, 'exactly the one request the server took');
    assert.deepEqual(outbox.pending(voirie.id), [], 'nothing left to send again');
  });

  it('a 500 after the server took the request is unconfirmed too', async () => {
    const stored = server.requests.size;
    server.interfere('crash');
    const error = await failure(submit(server, voirie, fixtures.valid[1]!));
    assert.equal(error.kind, 'unconfirmed');
    assert.equal(error.details.status, 500);
    assert.equal(server.requests.size, stored + 1);
  });

  it('a 503 took nothing: retried by the outbox, and the request is stored once', async () => {
    const stored = server.requests.size;
    server.interfere('busy');
    const outbox = new Outbox({ storage: null, locks: null, baseMs: 1, maxMs: 5 });
    const entry = report(outbox, 'fr');
    const retries: string[] = [];
    const receipt = await outbox.deliver(entry, {
      adapter: createAdapter('open311', { endpoint: server.url, apiKey: KEY }),
      model: voirie,
      onRetry: (e) => retries.push(e.kind),
    });
    assert.deepEqual(retries, ['server']);
    assert.match(receipt.reference, /^\d+$/);
    assert.equal(server.requests.size, stored + 1);
  });

  it('a submission an earlier page may have delivered is not sent again', async () => {
    const posted = server.received.length;
    const error = await failure(submit(server, voirie, fixtures.valid[1]!, { apiKey: KEY }, { maybeDelivered: true }));
    assert.equal(error.kind, 'unconfirmed');
    assert.equal(server.received.length, posted);
  });

  it('tells the outbox before the POST leaves, and takes it back on a 503', async () => {
    const marks: boolean[] = [];
    await submit(server, voirie, fixtures.valid[1]!, { apiKey: KEY }, { markDelivered: (maybe) => marks.push(maybe) });
    server.interfere('busy');
    await failure(
      submit(server, voirie, fixtures.valid[1]!, { apiKey: KEY }, { markDelivered: (maybe) => marks.push(maybe) }),
    );
    assert.deepEqual(marks, [true, true, false]);
  });
});

describe('open311 adapter: following a request', () => {
  let server: GeoReportSimulator;
  const status = (reference: string, lang: 'fr' | 'en' = 'fr', config: Partial<Open311Config> = {}) =>
    createAdapter('open311', { endpoint: server.url, ...config }).status({ reference, trackingCode: '', lang });
  before(async () => {
    server = await simulator();
  });
  after(() => server.stop());

  async function filed(): Promise<string> {
    return (await submit(server, voirie, fixtures.valid[1]!)).reference;
  }

  it('an open request is received, with the server’s notice on its receipt', async () => {
    const id = await filed();
    const current = await status(id);
    assert.equal(current.phase, 'received');
    assert.equal(current.code, 'open');
    assert.equal(current.final, false);
    assert.equal(current.formTitle, 'Voirie');
    assert.equal(current.history[0]?.note, 'Merci, votre signalement est enregistré.');
  });

  const words: [string, string, boolean, string, string][] = [
    ['in_progress', 'in_progress', false, 'En cours', 'In progress'],
    ['investigating', 'in_progress', false, 'En cours d’examen', 'Investigating'],
    ['action_scheduled', 'in_progress', false, 'Intervention programmée', 'Action scheduled'],
    ['internal_referral', 'in_progress', false, 'Transmise à un autre service', 'Internal referral'],
    ['fixed', 'completed', true, 'Réparé', 'Fixed'],
    ['closed', 'completed', true, 'Terminée', 'Completed'],
    ['duplicate', 'cancelled', true, 'Déjà signalé', 'Duplicate'],
    ['not_councils_responsibility', 'rejected', true, 'Ne relève pas de la commune', 'Not councils responsibility'],
    ['no_further_action', 'rejected', true, 'Sans suite', 'No further action'],
    ['cancelled', 'cancelled', true, 'Annulée', 'Cancelled'],
    ['awaiting_parts', 'in_progress', false, 'Awaiting parts', 'Awaiting parts'],
    ['Action Scheduled', 'in_progress', false, 'Intervention programmée', 'Action scheduled'],
  ];
  for (const [word, phase, final, fr, en] of words) {
    it(`"${word}" is ${phase}${final ? ' (final)' : ''}, keeping the word as its code`, async () => {
      const id = await filed();
      server.update(id, { status: word, status_notes: 'Note de l’agent.' });
      const current = await status(id);
      assert.equal(current.phase, phase);
      assert.equal(current.final, final);
      assert.equal(current.code, word);
      assert.equal(current.label, fr);
      assert.equal((await status(id, 'en')).label, en);
      assert.equal(current.history.at(-1)?.note, 'Note de l’agent.');
      assert.equal(current.history.at(-1)?.code, word);
    });
  }

  it('an expected date and time is the day the answer is expected', async () => {
    const id = await filed();
    server.update(id, { expected_datetime: '2026-12-15T12:00:00+01:00' });
    assert.equal((await status(id)).expectedBy, '2026-12-15');
  });

  it('an unknown id (a 500 from requests/{id}.json) is a request not found, read from the list form', async () => {
    const error = await failure(status('999999'));
    assert.equal(error.kind, 'not-found');
  });

  it('a malformed id is a request not found too', async () => {
    assert.equal((await failure(status('12 34'))).kind, 'not-found');
    assert.equal((await failure(status('a/b'))).kind, 'not-found');
  });

  it('when requests/{id}.json fails, the list form finds the request', async () => {
    const id = await filed();
    // A proxy in front of the server that breaks the one-request route: the list form still works.
    const breaking: typeof fetch = (input, init) =>
      String(input).includes(`/requests/${id}.json`)
        ? Promise.resolve(new Response('<h1>Bad gateway</h1>', { status: 502 }))
        : fetch(input, init);
    const current = await status(id, 'fr', { fetch: breaking });
    assert.equal(current.reference, id);
    assert.equal(current.phase, 'received');
  });

  it('a server that answers nothing but 500s is down, not a request not found', async () => {
    const id = await filed();
    server.outage(true);
    try {
      const error = await failure(status(id));
      assert.equal(error.kind, 'server');
      assert.equal(error.retryable, true);
    } finally {
      server.outage(false);
    }
  });

  it('an unreachable server is a network error, retried', async () => {
    const gone = await simulator();
    await gone.stop();
    const error = await failure(
      createAdapter('open311', { endpoint: gone.url }).status({ reference: '1', trackingCode: '', lang: 'fr' }),
    );
    assert.equal(error.kind, 'network');
    assert.equal(error.retryable, true);
  });

  it('a jurisdiction the server needs is sent with every look-up', async () => {
    const towns = await simulator({ jurisdictions: ['montfleury.example', 'valbois.example'] });
    try {
      const id = (await submit(towns, voirie, fixtures.valid[1]!, { apiKey: KEY, jurisdictionId: 'valbois.example' }))
        .reference;
      const adapter = (jurisdictionId?: string) =>
        createAdapter('open311', { endpoint: towns.url, ...(jurisdictionId ? { jurisdictionId } : {}) });
      assert.equal(
        (await adapter('valbois.example').status({ reference: id, trackingCode: '', lang: 'fr' })).phase,
        'received',
      );
      const missing = await failure(adapter().status({ reference: id, trackingCode: '', lang: 'fr' }));
      assert.equal(missing.kind, 'configuration');
      assert.equal(missing.details.code, 'jurisdiction');
    } finally {
      await towns.stop();
    }
  });
});
