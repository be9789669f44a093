import { expect, fixture, html } from '@open-wc/testing';
import { createAdapter, type FormModel } from '@guichet/core';
import '../helpers/submission-host.js';
import type { TestSubmissionHost } from '../helpers/submission-host.js';
import { testEnv } from '../helpers/env.js';
import { exampleModel } from '../helpers/example-forms.js';

/** The GeoReport v2 test server (test/helpers/open311-server.mjs) web-test-runner starts. */
function open311Url(): string {
  const url = testEnv().open311;
  if (!url)
    throw new Error(
      'no Open311 test server: web-test-runner.config.mjs must start test/helpers/open311-server.mjs and pass its URL as testEnv().open311',
    );
  return url;
}

describe('submitting to an Open311 (GeoReport v2) back office', () => {
  let model: FormModel;
  before(async () => {
    model = await exampleModel('signalement-voirie');
  });

  it('files a report mapped by the definition and shows its service request id as the receipt', async () => {
    const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang="en"></test-submission-host>`);
    const data = {
      category: 'depot-sauvage',
      description: 'Des sacs de gravats sur le trottoir.',
      address: 'Chemin des Vignes',
      latitude: 48.71,
      longitude: 2.24,
      email: 'amina@exemple.fr',
      consent: true,
    };
    await host.submission.send({
      model,
      data,
      files: new Map(),
      channel: 'web',
      lang: 'en',
      endpoint: open311Url(),
      adapter: 'open311',
    });
    expect(host.submission.phase).to.equal('sent');
    const receipt = host.submission.receipt!;
    expect(receipt.reference).to.match(/^\d+$/);
    expect(receipt.trackingCode).to.equal(receipt.reference);
    await host.updateComplete;
    expect(host.shadowRoot!.querySelector('h2')!.textContent).to.contain('Request sent');
    expect(host.shadowRoot!.querySelector('.receipt__code')!.textContent).to.equal(receipt.reference);

    // What the server stored, read back through GeoReport's own API.
    const [stored] = (await (await fetch(`${open311Url()}/requests/${receipt.reference}.json`)).json()) as Record<
      string,
      unknown
    >[];
    expect(stored).to.include({
      service_code: 'voirie',
      description: data.description,
      address: data.address,
      lat: 48.71,
      long: 2.24,
    });
    expect(stored!.attributes).to.deep.equal({ categorie: 'depot-sauvage' });

    const adapter = createAdapter('open311', { endpoint: open311Url() });
    expect(
      (await adapter.status({ reference: receipt.reference, trackingCode: receipt.trackingCode, lang: 'en' })).phase,
    ).to.equal('received');
    await fetch(`${open311Url()}/_test/requests/${receipt.reference}`, {
      method: 'POST',
      body: JSON.stringify({ status: 'closed', status_notes: 'Gravats enlevés.' }),
    });
    const closed = await adapter.status({
      reference: receipt.reference,
      trackingCode: receipt.trackingCode,
      lang: 'en',
    });
    expect(closed.phase).to.equal('completed');
    expect(closed.history.at(-1)?.note).to.equal('Gravats enlevés.');
  });

  it('shows the server’s refusal on the field that fed it', async () => {
    const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang="fr"></test-submission-host>`);
    const data = {
      category: 'autre',
      description: 'Un banc est cassé près de l’arrêt.',
      address: 'Avenue Jean-Jaurès',
      email: 'pas-une-adresse',
      consent: true,
    };
    await host.submission.send({
      model,
      data,
      files: new Map(),
      channel: 'web',
      lang: 'fr',
      endpoint: open311Url(),
      adapter: 'open311',
    });
    expect(host.submission.phase).to.equal('invalid');
    expect(host.submission.fieldErrors.map((e) => e.pointer)).to.deep.equal(['/email']);
  });
});
