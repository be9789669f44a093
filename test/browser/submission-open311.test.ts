import { expect, fixture, html } from '@open-wc/testing';
import type { FormModel } from '@guichet/core';
import '../helpers/submission-host.js';
import type { TestSubmissionHost } from '../helpers/submission-host.js';
import { exampleModel } from '../helpers/example-forms.js';
import { apiKey, open311, stored, watch, type Open311Mode } from './open311-fixtures.js';

const report = {
  category: 'depot-sauvage',
  description: 'Des sacs de gravats sur le trottoir.',
  address: 'Chemin des Vignes',
  latitude: 48.71,
  longitude: 2.24,
  email: 'amina@exemple.fr',
  consent: true,
};

describe('the submission pipeline with an Open311 (GeoReport v2) back office', () => {
  let model: FormModel;
  before(async () => {
    model = await exampleModel('signalement-voirie');
  });

  async function send(
    host: TestSubmissionHost,
    data: Record<string, unknown>,
    mode: Open311Mode = 'url',
    settings: Record<string, string> = { apiKey: apiKey() },
  ) {
    await host.submission.send({
      model,
      data,
      files: new Map(),
      channel: 'web',
      lang: host.language,
      endpoint: open311(mode),
      adapter: 'open311',
      settings,
    });
    await host.updateComplete;
  }

  it('files the report with the api key, and the receipt shows the number only: Open311 has no tracking code', async () => {
    const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang="en"></test-submission-host>`);
    await send(host, report);
    expect(host.submission.phase).to.equal('sent');
    const receipt = host.submission.receipt!;
    expect(receipt.reference).to.match(/^\d+$/);
    const root = host.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).to.contain('Request sent');
    expect([...root.querySelectorAll('.receipt__code')].map((c) => c.textContent)).to.deep.equal([receipt.reference]);
    expect(root.querySelector('.receipt__codes')!.textContent).to.not.contain('Tracking code');
    expect(root.querySelector('.receipt__keep')!.textContent).to.equal(
      'Write down the reference, or print this page: you need it to follow your request.',
    );
    expect(root.querySelector('.receipt__notice')!.textContent).to.equal('Thank you, your report is recorded.');
    const request = (await stored()).requests.find((r) => String(r.service_request_id) === receipt.reference)!;
    expect(request).to.include({ service_code: 'voirie', description: report.description, address: report.address });
    expect(request.attributes).to.deep.equal({ categorie: 'depot-sauvage' });
    await expect(host).to.be.accessible();
  });

  it('without its api key: the citizen is not asked to try again, the web team is told why', async () => {
    const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang="fr"></test-submission-host>`);
    const before = (await stored()).requests.length;
    const { errors, logged } = await watch(() => send(host, report, 'url', {}));
    expect(host.submission.phase).to.equal('refused');
    const status = host.shadowRoot!.querySelector('[part=submission-status]')!.textContent!;
    expect(status).to.contain('à cause d’un réglage du site');
    expect(status).to.not.contain('api_key');
    expect(host.shadowRoot!.querySelector('.submission__retry')).to.equal(null);
    expect(errors).to.deep.equal([['configuration', 'api-key']]);
    expect(logged).to.match(/<test-submission-host>: .*api-key/);
    expect((await stored()).requests.length).to.equal(before);
    await expect(host).to.be.accessible();
  });

  it('shows the server’s refusal on the field that fed it, and only there', async () => {
    const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang="fr"></test-submission-host>`);
    await send(host, { ...report, latitude: 'quarante-huit' });
    expect(host.submission.phase).to.equal('invalid');
    expect(host.submission.fieldErrors.map((e) => e.pointer)).to.deep.equal(['/latitude']);
  });

  it('a POST whose answer cannot be read (no CORS on POST) is never sent again: at most one request stored', async () => {
    const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang="fr"></test-submission-host>`);
    const before = await stored('getOnly');
    const { errors, logged } = await watch(async () => {
      await send(host, report, 'getOnly');
      // The citizen presses Send again, then goes back to it once more.
      await send(host, report, 'getOnly');
      await send(host, report, 'getOnly');
    });
    const after = await stored('getOnly');
    expect(after.received - before.received).to.equal(1, 'one POST left the page');
    expect(after.requests.length - before.requests.length).to.equal(1, 'one request stored');
    expect(host.submission.phase).to.equal('refused');
    const status = host.shadowRoot!.querySelector('[part=submission-status]')!.textContent!;
    expect(status).to.contain('Nous ne savons pas si votre demande est arrivée.');
    expect(status).to.contain('ne l’envoyez pas à nouveau');
    expect(host.shadowRoot!.querySelector('.submission__retry')).to.equal(null);
    expect(errors).to.deep.equal([
      ['network', 'unconfirmed'],
      ['network', 'unconfirmed'],
      ['network', 'unconfirmed'],
    ]);
    expect(logged).to.contain('CORS');
    await expect(host).to.be.accessible();
  });

  it('a server without CORS gets nothing: the page checks it can read the answers before posting', async () => {
    const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang="en"></test-submission-host>`);
    const before = await stored('noCors');
    const { errors } = await watch(() => send(host, report, 'noCors'));
    const after = await stored('noCors');
    expect(after.received).to.equal(before.received, 'no POST at all');
    expect(errors).to.deep.equal([['configuration', 'cors']]);
    expect(host.shadowRoot!.querySelector('[part=submission-status]')!.textContent).to.contain(
      'because of a setting of the website',
    );
  });

  it('without the jurisdiction a server of several needs: the web team is told, no field is flagged', async () => {
    const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang="fr"></test-submission-host>`);
    const before = await stored('repeat');
    const { errors, logged } = await watch(() => send(host, report, 'repeat'));
    expect(host.submission.phase).to.equal('refused');
    expect(host.submission.fieldErrors).to.deep.equal([]);
    expect(errors).to.deep.equal([['configuration', 'jurisdiction']]);
    expect(logged).to.contain('jurisdiction');
    expect(host.shadowRoot!.querySelector('.submission__retry')).to.equal(null);
    expect((await stored('repeat')).requests.length).to.equal(before.requests.length);
  });

  it('sends the jurisdiction a server of several needs', async () => {
    const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang="fr"></test-submission-host>`);
    await send(host, report, 'repeat', { apiKey: apiKey(), jurisdictionId: 'valbois.example' });
    expect(host.submission.phase).to.equal('sent');
  });
});
