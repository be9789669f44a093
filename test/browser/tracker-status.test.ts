import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import type { Phase } from '@guichet/core';
import '../../packages/elements/src/guichet-tracker.js';
import type { GuichetTracker } from '../../packages/elements/src/tracker/guichet-tracker.js';
import type { GuichetStatusChangeEvent } from '../../packages/elements/src/events.js';
import { apiUrl } from '../helpers/admin.js';
import { changePhase, createRequest, part, recordAnnouncements, settled, visibleText } from './tracker-fixtures.js';

const wcag = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

/** As a CMS switching languages does: the element follows its `lang` attribute (observed, so a frame later). */
async function setLang(el: GuichetTracker, lang: 'fr' | 'en'): Promise<void> {
  el.lang = lang;
  await nextFrame();
  await el.updateComplete;
}

async function openTracker(reference: string, code: string, lang?: 'fr' | 'en'): Promise<GuichetTracker> {
  const el = await fixture<GuichetTracker>(
    html`<guichet-tracker endpoint=${apiUrl()} reference=${reference} code=${code} refresh="60" lang=${lang ?? 'fr'}></guichet-tracker>`,
  );
  await settled(el);
  return el;
}

describe('<guichet-tracker> with the reference endpoint', () => {
  it('end to end: a new request shows "received"; an agent’s change and note show after a refresh and are announced once', async () => {
    const receipt = await createRequest();
    const el = await openTracker(receipt.reference, receipt.trackingCode);

    expect(part(el, 'title')!.textContent).to.equal('Reçue');
    expect(visibleText(el, '[part=phase]')).to.equal('Étape : Reçue');
    expect(visibleText(el)).to.contain(`Demande n° ${receipt.reference}`);
    expect(el.shadowRoot!.querySelectorAll('[part=timeline] li')).to.have.length(1);

    const announcements = recordAnnouncements(el);
    const changes: GuichetStatusChangeEvent[] = [];
    el.addEventListener('guichet-status-change', (event) => changes.push(event));

    await changePhase(receipt.reference, {
      phase: 'in_progress',
      label: 'Transmise aux services techniques',
      note: 'Une équipe passera jeudi.',
    });
    await el.refreshNow();

    expect(part(el, 'title')!.textContent).to.equal('Transmise aux services techniques');
    expect(visibleText(el, '[part=phase]')).to.equal('Étape : En cours de traitement');
    const entries = [...el.shadowRoot!.querySelectorAll('[part=timeline] li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' '),
    );
    expect(entries).to.have.length(2);
    expect(entries[0]).to.contain('Reçue');
    expect(entries[1]).to.contain('Transmise aux services techniques').and.contain('(étape actuelle)');
    expect(entries[1]).to.contain('Message du service : Une équipe passera jeudi.');

    // Nothing new on the next refresh: nothing more is said.
    await el.refreshNow();
    announcements.stop();
    expect(announcements.texts).to.deep.equal([
      'Votre demande a changé d’étape\u00a0: Transmise aux services techniques (En cours de traitement).',
    ]);
    expect(changes).to.have.length(1);
    expect(changes[0]!.detail.previous).to.equal('received');
    expect(changes[0]!.detail.status.phase).to.equal('in_progress');
    expect(changes[0]!.composed && changes[0]!.bubbles).to.equal(true);
  });

  it('renders every phase, in French and English, with zero axe violations', async () => {
    const receipt = await createRequest();
    const el = await openTracker(receipt.reference, receipt.trackingCode);
    const expected: Record<Phase, { fr: string; en: string }> = {
      received: { fr: 'Reçue', en: 'Received' },
      in_progress: { fr: 'En cours de traitement', en: 'Being processed' },
      action_required: { fr: 'Action de votre part attendue', en: 'Action needed from you' },
      completed: { fr: 'Terminée', en: 'Completed' },
      rejected: { fr: 'Refusée', en: 'Rejected' },
      cancelled: { fr: 'Annulée', en: 'Cancelled' },
    };
    for (const phase of Object.keys(expected) as Phase[]) {
      if (phase !== 'received') {
        await changePhase(receipt.reference, { phase, note: `Note pour l’étape ${phase}.` });
        await el.refreshNow();
      }
      await setLang(el, 'fr');
      expect(visibleText(el, '[part=phase]'), phase).to.equal(`Étape : ${expected[phase].fr}`);
      expect(el.shadowRoot!.querySelector('[part=phase] svg')!.getAttribute('aria-hidden')).to.equal('true');
      expect(visibleText(el, '[part=contact]'), phase).to.contain('Services techniques de la Ville de Montfleury');
      await expect(el).to.be.accessible(wcag);

      await setLang(el, 'en');
      expect(visibleText(el, '[part=phase]'), phase).to.equal(`Stage: ${expected[phase].en}`);
      await expect(el).to.be.accessible(wcag);

      const box = part(el, 'action-required');
      const finalSentence = part(el, 'final');
      if (phase === 'action_required') {
        expect(box!.textContent)
          .to.contain('We need something from you')
          .and.contain('Note pour l’étape action_required.');
        expect(box!.querySelector('[part=contact]'), 'contact inside the action box').not.to.equal(null);
      } else {
        expect(box, phase).to.equal(null);
      }
      if (phase === 'completed' || phase === 'rejected' || phase === 'cancelled') {
        expect(finalSentence!.textContent).to.contain('will not change any more');
      } else {
        expect(finalSentence, phase).to.equal(null);
      }
      // The contact block is on every state: the form's own (signalement-voirie), in the reader's language.
      expect(visibleText(el, '[part=contact]'), phase).to.contain('Technical services of the Town of Montfleury');
    }
    await setLang(el, 'fr');
    expect(visibleText(el, '[part=action-required]')).to.equal('');
    expect(el.shadowRoot!.querySelectorAll('[part=timeline] li')).to.have.length(6);
  });

  it('shows the action-required box in French with the latest note', async () => {
    const receipt = await createRequest();
    await changePhase(receipt.reference, {
      phase: 'action_required',
      label: 'Pièce manquante',
      note: 'Envoyez-nous une photo du trou.',
    });
    const el = await openTracker(receipt.reference, receipt.trackingCode);
    const box = visibleText(el, '[part=action-required]');
    expect(box).to.contain('Une action de votre part est nécessaire');
    expect(box).to.contain('Envoyez-nous une photo du trou.');
    expect(box).to.contain('Besoin d’aide ?');
    expect(part(el, 'title')!.textContent).to.equal('Pièce manquante');
  });

  it('renders an agent’s note holding HTML as text, and runs nothing', async () => {
    const receipt = await createRequest();
    const payload = '<img src=x onerror=window.__pwned=1>';
    await changePhase(receipt.reference, { phase: 'in_progress', label: '<b>Étape</b>', note: payload });
    const el = await openTracker(receipt.reference, receipt.trackingCode);
    expect(visibleText(el, '[part=timeline] [part=note]')).to.contain(payload);
    expect(part(el, 'title')!.textContent).to.equal('<b>Étape</b>');
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows the page’s own contact block when the page sets one', async () => {
    const receipt = await createRequest();
    const el = await fixture<GuichetTracker>(
      html`<guichet-tracker
        endpoint=${apiUrl()}
        reference=${receipt.reference}
        code=${receipt.trackingCode}
        .contact=${{ name: 'Mairie annexe du Bourg', phone: '01 98 76 54 32', openingHours: { fr: 'Le mardi', en: 'On Tuesdays' } }}
      ></guichet-tracker>`,
    );
    await settled(el);
    const contact = visibleText(el, '[part=contact]');
    expect(contact).to.contain('Mairie annexe du Bourg').and.contain('01 98 76 54 32').and.contain('Le mardi');
    expect(contact).not.to.contain('Services techniques');
  });

  it('shows a date of last change and the expected answer date in the element’s language', async () => {
    const receipt = await createRequest();
    const el = await openTracker(receipt.reference, receipt.trackingCode, 'en');
    const facts = visibleText(el, '.facts');
    const year = new Date().getFullYear();
    expect(facts).to.match(new RegExp(`^Last updated \\d{1,2} [A-Z][a-z]+ ${year}`));
    if (receipt.expectedBy) {
      expect(facts).to.contain('Answer expected by');
      expect(el.shadowRoot!.querySelector(`time[datetime="${receipt.expectedBy}"]`)).not.to.equal(null);
    }
  });

  it('fetches at once when the tab becomes visible again', async () => {
    const receipt = await createRequest();
    const el = await openTracker(receipt.reference, receipt.trackingCode);
    const setVisibility = (state: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      setVisibility('hidden');
      await changePhase(receipt.reference, { phase: 'completed', label: 'Trou rebouché' });
      const changed = oneEvent(el, 'guichet-status-change');
      setVisibility('visible');
      await changed;
      await el.updateComplete;
      expect(part(el, 'title')!.textContent).to.equal('Trou rebouché');
    } finally {
      delete (document as unknown as Record<string, unknown>).visibilityState;
    }
  });
});
