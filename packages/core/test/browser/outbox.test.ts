import { expect } from '@open-wc/testing';
import {
  createAdapter,
  EndpointError,
  Outbox,
  type FormDefinition,
  type FormModel,
  type NewSubmission,
  type PendingSubmission,
} from '@guichet/core';
import { apiUrl, storedWith, unreachableApi } from '../../../../test/helpers/admin.js';

const formId = 'signalement-voirie';
let definition: FormDefinition;
let model: FormModel;

/** A fresh storage prefix per test, so tests never see each other's pending submissions. */
let prefix = '';
const outbox = () => new Outbox({ prefix, baseMs: 10, maxMs: 40, random: () => 1 });

function answers(marker: string): Record<string, unknown> {
  return { category: 'eclairage', description: marker, address: 'Place du Marché', consent: true };
}

function submission(marker: string): NewSubmission {
  return {
    formId,
    formVersion: model.version,
    data: answers(marker),
    channel: 'web',
    lang: 'fr',
  };
}

/** A fetch that counts the submissions it lets through, and sends the first `failures` of them nowhere. */
function countingFetch(failures = 0) {
  const calls: string[] = [];
  const run: typeof fetch = (input, init) => {
    const url = String(input);
    calls.push(url);
    return fetch(calls.length <= failures ? url.replace(apiUrl(), unreachableApi) : url, init);
  };
  return { calls, fetch: run };
}

describe('outbox', () => {
  before(async () => {
    definition = (await (await fetch(`${apiUrl()}/forms/${formId}`)).json()) as FormDefinition;
    // The adapter reads only the form's id and version (and its Open311 mapping, unused here).
    model = { id: definition.id, version: definition.version, definition } as unknown as FormModel;
  });
  beforeEach(() => {
    prefix = `guichet:test:${crypto.randomUUID()}:`;
  });

  it('keeps a submission in localStorage until acknowledged, across a re-created outbox', async () => {
    const marker = `Persisté ${crypto.randomUUID()}`;
    const first = outbox();
    const entry = first.add(submission(marker));
    expect(localStorage.getItem(`${prefix}${formId}`)).to.contain(marker);

    const stop = new AbortController();
    const failed: EndpointError[] = [];
    const delivery = first.deliver(entry, {
      model,
      adapter: createAdapter('guichet', { endpoint: unreachableApi }),
      signal: stop.signal,
      onRetry: (error) => {
        failed.push(error);
        stop.abort();
      },
    });
    const abandoned = await delivery.catch((error: unknown) => error);
    expect((abandoned as Error).name).to.equal('AbortError');
    expect(failed[0]?.kind).to.equal('network');

    // A page load later: a new outbox finds it and sends it with the same key.
    const second = outbox();
    const [pending] = second.pending(formId);
    expect(pending?.key).to.equal(entry.key);
    expect(pending?.attempts).to.equal(1);
    const receipt = await second.deliver(pending!, {
      model,
      adapter: createAdapter('guichet', { endpoint: apiUrl() }),
    });
    expect(receipt.reference).to.match(/^VOI-/);
    expect(second.pending(formId)).to.deep.equal([]);
    expect(localStorage.getItem(`${prefix}${formId}`) ?? '').not.to.contain(marker);
    expect(await storedWith(formId, 'description', marker)).to.have.length(1);
  });

  it('retries with backoff after network failures, then stores it once', async () => {
    const marker = `Réessayé ${crypto.randomUUID()}`;
    const box = outbox();
    const network = countingFetch(2);
    const waits: number[] = [];
    const receipt = await box.deliver(box.add(submission(marker)), {
      model,
      adapter: createAdapter('guichet', { endpoint: apiUrl(), fetch: network.fetch }),
      onRetry: (error, delay) => {
        expect(error.kind).to.equal('network');
        waits.push(delay);
      },
    });
    expect(network.calls).to.have.length(3);
    // random() = 1 gives each ceiling: base 10 ms, doubled, capped at 40 ms.
    expect(waits).to.deep.equal([10, 20]);
    expect(receipt.trackingCode).to.be.a('string');
    expect(await storedWith(formId, 'description', marker)).to.have.length(1);
  });

  it('waits as long as Retry-After says after a 429', async () => {
    const marker = `Patienté ${crypto.randomUUID()}`;
    const box = new Outbox({ prefix, baseMs: 10_000, random: () => 0.5 });
    let calls = 0;
    // The endpoint does not rate-limit submissions: the first answer is a proxy's 429.
    const limited: typeof fetch = (input, init) =>
      ++calls === 1
        ? Promise.resolve(new Response('', { status: 429, headers: { 'Retry-After': '0' } }))
        : fetch(input, init);
    const waits: number[] = [];
    const receipt = await box.deliver(box.add(submission(marker)), {
      model,
      adapter: createAdapter('guichet', { endpoint: apiUrl(), fetch: limited }),
      onRetry: (error, delay) => {
        expect(error.kind).to.equal('rate-limited');
        waits.push(delay);
      },
    });
    // Backoff alone would have waited 5 s; the server said 0.
    expect(waits).to.deep.equal([0]);
    expect(receipt.reference).to.match(/^VOI-/);
  });

  it('never sends twice when Send is pressed twice', async () => {
    const marker = `Deux fois ${crypto.randomUUID()}`;
    const box = outbox();
    const network = countingFetch();
    const adapter = createAdapter('guichet', { endpoint: apiUrl(), fetch: network.fetch });
    const first = box.add(submission(marker));
    const again = box.add(submission(marker));
    expect(again.key).to.equal(first.key);
    const [a, b] = await Promise.all([box.deliver(first, { model, adapter }), box.deliver(again, { model, adapter })]);
    expect(a.reference).to.equal(b.reference);
    expect(network.calls).to.have.length(1);
    expect(await storedWith(formId, 'description', marker)).to.have.length(1);
  });

  it('gives up on a 422 at once, dropping it from storage, with the field pointers', async () => {
    const box = outbox();
    const entry: PendingSubmission = box.add({ ...submission('x'), data: { ...answers('trop court'), latitude: 123 } });
    const error = await box
      .deliver(entry, { model, adapter: createAdapter('guichet', { endpoint: apiUrl() }) })
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(EndpointError);
    expect((error as EndpointError).kind).to.equal('validation');
    expect((error as EndpointError).details.fieldErrors?.map((e) => e.pointer)).to.include('/latitude');
    expect(box.pending(formId)).to.deep.equal([]);
  });

  it('finds the receipt another tab got instead of sending again', async () => {
    const marker = `Autre onglet ${crypto.randomUUID()}`;
    const tabA = outbox();
    const tabB = outbox();
    const entry = tabA.add(submission(marker));
    const network = countingFetch();
    const adapter = createAdapter('guichet', { endpoint: apiUrl(), fetch: network.fetch });
    const [a, b] = await Promise.all([
      tabA.deliver(entry, { model, adapter }),
      tabB.deliver(tabB.pending(formId)[0]!, { model, adapter }),
    ]);
    expect(a.reference).to.equal(b.reference);
    expect(network.calls).to.have.length(1);
  });

  it('still sends when localStorage refuses to write (private browsing, quota)', async () => {
    const marker = `Sans stockage ${crypto.randomUUID()}`;
    // What Safari's private mode and a full quota do: reading works, writing throws.
    const full: Storage = Object.assign(Object.create(Storage.prototype) as Storage, {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: () => {},
    });
    const box = new Outbox({ storage: full, prefix });
    const entry = box.add(submission(marker));
    expect(box.pending(formId).map((e) => e.key)).to.deep.equal([entry.key]);
    const receipt = await box.deliver(entry, { model, adapter: createAdapter('guichet', { endpoint: apiUrl() }) });
    expect(receipt.reference).to.match(/^VOI-/);
    expect(box.pending(formId)).to.deep.equal([]);
  });
});
