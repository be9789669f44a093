import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/elements/src/guichet-tracker.js';
import type { GuichetTracker } from '../../packages/elements/src/tracker/guichet-tracker.js';
import { part, recordAnnouncements, settled, visibleText } from './tracker-fixtures.js';
import { agentUpdate, fileReport, open311, watch, type Open311Mode } from './open311-fixtures.js';

const wcag = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

async function track(
  id: string,
  options: { lang?: 'fr' | 'en'; mode?: Open311Mode; jurisdiction?: string } = {},
): Promise<GuichetTracker> {
  const el = await fixture<GuichetTracker>(
    html`<guichet-tracker
      adapter="open311"
      endpoint=${open311(options.mode)}
      reference=${id}
      jurisdiction=${options.jurisdiction ?? ''}
      lang=${options.lang ?? 'fr'}
    ></guichet-tracker>`,
  );
  await settled(el);
  return el;
}

describe('<guichet-tracker adapter="open311">', () => {
  it('shows an open request as received, with the service’s name and its notice, from its number alone', async () => {
    const id = await fileReport();
    const el = await track(id);
    expect(visibleText(el, '[part=phase]')).to.equal('Étape : Reçue');
    expect(visibleText(el, '[part=reference]')).to.equal(`Demande n° ${id} — Voirie`);
    expect(visibleText(el, '[part=timeline]')).to.contain('Merci, votre signalement est enregistré.');
    expect(part(el, 'final')).to.equal(null);
    await expect(el).to.be.accessible(wcag);
  });

  it('shows an extended status in the citizen’s words, its phase, the agent’s note and the expected date', async () => {
    const id = await fileReport();
    await agentUpdate(id, {
      status: 'action_scheduled',
      status_notes: 'Intervention prévue mardi.',
      expected_datetime: '2026-12-15T12:00:00+01:00',
    });
    const el = await track(id, { lang: 'en' });
    expect(part(el, 'title')!.textContent).to.equal('Action scheduled');
    expect(visibleText(el, '[part=phase]')).to.equal('Stage: Being processed');
    expect(visibleText(el, '[part=timeline]')).to.contain('Intervention prévue mardi.');
    expect(visibleText(el, '.facts')).to.contain('Answer expected by 15 December 2026');
    expect(el.status?.code).to.equal('action_scheduled');
    await expect(el).to.be.accessible(wcag);
  });

  for (const [status, title, phase, final] of [
    ['fixed', 'Réparé', 'Terminée', 'Votre demande est terminée.'],
    ['closed', 'Terminée', 'Terminée', 'Votre demande est terminée.'],
    ['not_councils_responsibility', 'Ne relève pas de la commune', 'Refusée', ''],
    ['duplicate', 'Déjà signalé', 'Annulée', ''],
  ] as const) {
    it(`shows "${status}" as ${phase}, final`, async () => {
      const id = await fileReport();
      await agentUpdate(id, { status, status_notes: 'Voir la note.' });
      const el = await track(id);
      expect(part(el, 'title')!.textContent).to.equal(title);
      expect(visibleText(el, '[part=phase]')).to.equal(`Étape : ${phase}`);
      expect(el.status?.final).to.equal(true);
      expect(part(el, 'final')).to.not.equal(null);
      if (final) expect(visibleText(el, '[part=final]')).to.contain(final);
      expect(visibleText(el, '[part=timeline]')).to.contain('Message du service : Voir la note.');
      await expect(el).to.be.accessible(wcag);
    });
  }

  it('follows a request from open to fixed on refresh, and announces the change once', async () => {
    const id = await fileReport();
    const el = await track(id);
    const announcements = recordAnnouncements(el);
    await agentUpdate(id, { status: 'fixed', status_notes: 'Lampadaire remplacé.' });
    await el.refreshNow();
    await el.refreshNow();
    announcements.stop();
    expect(visibleText(el, '[part=phase]')).to.equal('Étape : Terminée');
    expect(announcements.texts).to.deep.equal(['Votre demande a changé d’étape\u00a0: Réparé (Terminée).']);
  });

  for (const [what, id] of [
    ['an unknown number', '999999999'],
    ['a malformed number', '12-AB'],
  ] as const)
    it(`says it cannot find ${what} (the server answers 500), and asks for the number only`, async () => {
      const { result: el, errors } = await watch(() => track(id));
      expect(errors).to.deep.equal([['not-found', undefined]]);
      expect(visibleText(el, '[part=error]')).to.contain('Nous ne trouvons pas de demande avec ce numéro.');
      expect(visibleText(el, '[part=error]')).to.not.contain('code');
      expect(el.shadowRoot!.querySelectorAll('[part=lookup] input')).to.have.length(1);
      await expect(el).to.be.accessible(wcag);
    });

  it('finds the request through the list form when the server fails on requests/{id}.json', async () => {
    const id = await fileReport({}, 'listOnly');
    await agentUpdate(id, { status: 'investigating', status_notes: 'Un agent passe demain.' }, 'listOnly');
    const el = await track(id, { mode: 'listOnly' });
    expect(visibleText(el, '[part=error]')).to.equal('');
    expect(part(el, 'title')!.textContent).to.equal('En cours d’examen');
    expect(visibleText(el, '[part=phase]')).to.equal('Étape : En cours de traitement');
    expect(visibleText(el, '[part=reference]')).to.equal(`Demande n° ${id} — Voirie`);
    expect(visibleText(el, '[part=timeline]')).to.contain('Un agent passe demain.');
    await expect(el).to.be.accessible(wcag);
  });

  it('on such a server, an unknown number is still a request not found, not an outage', async () => {
    const { result: el, errors } = await watch(() => track('4242424', { mode: 'listOnly' }));
    expect(visibleText(el, '[part=error]')).to.contain('Nous ne trouvons pas de demande avec ce numéro.');
    expect(errors).to.deep.equal([['not-found', undefined]]);
  });

  it('asks for the request number only, with a number as example', async () => {
    const el = await fixture<GuichetTracker>(
      html`<guichet-tracker adapter="open311" endpoint=${open311()}></guichet-tracker>`,
    );
    const lookup = part(el, 'lookup')!;
    expect([...lookup.querySelectorAll('label')].map((l) => l.textContent?.trim())).to.deep.equal([
      'Numéro de la demande',
    ]);
    expect(lookup.querySelector('.lookup__intro')!.textContent).to.equal(
      'Saisissez le numéro de votre demande\u00a0: vous l’avez reçu avec l’accusé de réception.',
    );
    expect(lookup.querySelector('.field__example')!.textContent).to.equal('638344');
    await expect(el).to.be.accessible(wcag);
  });

  it('sends the jurisdiction of its attribute to a server that serves several', async () => {
    const id = await fileReport({}, 'repeat');
    const el = await track(id, { mode: 'repeat', jurisdiction: 'montfleury.example' });
    expect(visibleText(el, '[part=phase]')).to.equal('Étape : Reçue');
  });

  it('without the jurisdiction such a server needs, tells the web team, not the citizen', async () => {
    const id = await fileReport({}, 'repeat');
    const { result: el, errors, messages, logged } = await watch(() => track(id, { mode: 'repeat' }));
    expect(visibleText(el, '[part=error]')).to.contain('Le suivi des demandes n’est pas disponible');
    expect(errors).to.deep.equal([['configuration', 'jurisdiction']]);
    expect(messages[0]).to.contain('jurisdiction');
    expect(logged).to.match(/<guichet-tracker>: .*jurisdiction/);
    expect(part(el, 'retry-button')).to.equal(null, 'trying again cannot help');
    await expect(el).to.be.accessible(wcag);
  });

  it('on a server that sends no CORS headers, says so to the web team instead of “no connection”', async () => {
    const id = await fileReport({}, 'noCors');
    const { result: el, errors, logged } = await watch(() => track(id, { mode: 'noCors' }));
    expect(errors).to.deep.equal([['configuration', 'cors']]);
    expect(logged).to.contain('Access-Control-Allow-Origin');
    expect(logged).to.contain(location.origin);
    expect(visibleText(el, '[part=error]')).to.contain('Le suivi des demandes n’est pas disponible');
  });
});
