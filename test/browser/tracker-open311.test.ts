import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/elements/src/guichet-tracker.js';
import type { GuichetTracker } from '../../packages/elements/src/tracker/guichet-tracker.js';
import { testEnv } from '../helpers/env.js';
import { part, recordAnnouncements, settled, visibleText } from './tracker-fixtures.js';

const wcag = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

/** The GeoReport v2 test server (test/helpers/open311-server.mjs) web-test-runner starts. */
function open311Url(): string {
  const url = testEnv().open311;
  if (!url)
    throw new Error(
      'no Open311 test server: web-test-runner.config.mjs must start test/helpers/open311-server.mjs and pass its URL as testEnv().open311',
    );
  return url;
}

/** Files a report as a citizen's browser would (form-urlencoded), returns its service request id. */
async function fileReport(): Promise<string> {
  const body = new URLSearchParams({
    service_code: 'voirie',
    description: 'Lampadaire éteint place du Marché.',
    address_string: 'Place du Marché',
  });
  const response = await fetch(`${open311Url()}/requests.json`, { method: 'POST', body });
  const [answer] = (await response.json()) as { service_request_id: string }[];
  return answer!.service_request_id;
}

/** What the back office's agent does: the test server's control route. */
async function update(id: string, changes: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${open311Url()}/_test/requests/${encodeURIComponent(id)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(changes),
  });
  if (!response.ok) throw new Error(`Open311 update: HTTP ${response.status}`);
}

async function track(id: string, lang: 'fr' | 'en' = 'fr'): Promise<GuichetTracker> {
  const el = await fixture<GuichetTracker>(
    html`<guichet-tracker adapter="open311" endpoint=${open311Url()} reference=${id} lang=${lang}></guichet-tracker>`,
  );
  await settled(el);
  return el;
}

describe('<guichet-tracker adapter="open311">', () => {
  it('shows an open request as received, with the service’s name, from its id alone', async () => {
    const id = await fileReport();
    const el = await track(id);
    expect(visibleText(el, '[part=phase]')).to.equal('Étape : Reçue');
    expect(visibleText(el, '[part=reference]')).to.equal(`Demande n° ${id} — Voirie`);
    expect(part(el, 'final')).to.equal(null);
    await expect(el).to.be.accessible(wcag);
  });

  it('shows an open request with an agent’s note as in progress, with the expected date', async () => {
    const id = await fileReport();
    await update(id, { status_notes: 'Intervention prévue mardi.', expected_datetime: '2026-12-15T12:00:00Z' });
    const el = await track(id, 'en');
    expect(visibleText(el, '[part=phase]')).to.equal('Stage: Being processed');
    expect(visibleText(el, '[part=timeline]')).to.contain('Intervention prévue mardi.');
    expect(visibleText(el, '.facts')).to.contain('Answer expected by 15 December 2026');
  });

  it('shows a closed request as completed, with its notes, and says it is over', async () => {
    const id = await fileReport();
    await update(id, { status: 'closed', status_notes: 'Lampadaire remplacé le 2 décembre.' });
    const el = await track(id);
    expect(visibleText(el, '[part=phase]')).to.equal('Étape : Terminée');
    expect(part(el, 'title')!.textContent).to.equal('Terminée');
    expect(visibleText(el, '[part=timeline]')).to.contain('Message du service : Lampadaire remplacé le 2 décembre.');
    expect(visibleText(el, '[part=final]')).to.contain('Votre demande est terminée.');
    await expect(el).to.be.accessible(wcag);
  });

  it('follows a request from open to closed on refresh, and announces the change once', async () => {
    const id = await fileReport();
    const el = await track(id);
    const announcements = recordAnnouncements(el);
    await update(id, { status: 'closed', status_notes: 'Lampadaire remplacé.' });
    await el.refreshNow();
    await el.refreshNow();
    announcements.stop();
    expect(visibleText(el, '[part=phase]')).to.equal('Étape : Terminée');
    expect(announcements.texts).to.deep.equal(['Votre demande a changé d’étape\u00a0: Terminée.']);
  });

  it('says it cannot find an unknown id', async () => {
    const el = await track('999999999');
    expect(visibleText(el, '[part=error]')).to.contain('Nous ne trouvons pas de demande avec ce numéro et ce code.');
  });
});
