import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../helpers/submission-host.js';
import type { TestSubmissionHost } from '../helpers/submission-host.js';
import type { SubmittedDetail } from '../../packages/elements/src/events.js';
import { apiUrl, storedRequests } from '../helpers/admin.js';
import { exampleAnswers, exampleFormIds, exampleModel } from '../helpers/example-forms.js';

const formIds = await exampleFormIds();

describe('submitting each example form through the running endpoint', () => {
  it('serves at least the street-report form', () => {
    expect(formIds).to.include('signalement-voirie');
  });

  for (const id of formIds) {
    it(`${id}: uploads its files, sends, and shows the receipt`, async () => {
      const model = await exampleModel(id);
      const { data, files } = await exampleAnswers(model);
      const host = await fixture<TestSubmissionHost>(html`<test-submission-host lang="fr"></test-submission-host>`);
      const submitted = new Promise<SubmittedDetail>((resolve) =>
        host.addEventListener('guichet-submitted', (e) => resolve(e.detail)),
      );
      await host.submission.send({
        model,
        data,
        files,
        channel: 'web',
        lang: 'fr',
        endpoint: apiUrl(),
        adapter: 'guichet',
      });
      expect(host.submission.phase, JSON.stringify(host.submission.fieldErrors)).to.equal('sent');
      const detail = await submitted;
      await host.updateComplete;

      const root = host.shadowRoot!;
      const heading = root.querySelector('h2')!;
      expect(heading.textContent).to.contain('Demande envoyée');
      await waitUntil(() => root.activeElement === heading, 'the receipt heading takes focus');
      const codes = [...root.querySelectorAll('.receipt__code')].map((c) => c.textContent);
      expect(codes).to.deep.equal([detail.reference, detail.trackingCode]);
      expect(detail.status.phase).to.equal('received');

      const stored = (await storedRequests(id)).filter((r) => r.reference === detail.reference);
      expect(stored).to.have.length(1);
      expect(stored[0]!.attachments ?? []).to.have.length(files.size);
    });
  }
});
