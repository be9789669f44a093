import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadServiceForm } from '@guichet/core/open311';
import '../../packages/elements/src/guichet-form.js';
import '../../packages/elements/src/guichet-tracker.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import type { GuichetSubmittedEvent } from '../../packages/elements/src/events.js';
import { fillStepWithKeyboard, focused, modelOf, shadow, whenReady } from './form-helpers.js';
import { apiKey, open311, stored, watch, type Open311Mode } from './open311-fixtures.js';

const wcag = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

/** Answers to the DEPOT service's form: every GeoReport datatype, the place, the contact. */
const answers = {
  type_dechet: 'encombrants',
  volume: 2.5,
  dangers: ['chaussee', 'aucun'],
  vu_le: '2026-11-30T08:15',
  plaque: 'AB-123-CD',
  acces: 'Par le chemin derrière le stade.',
  description: 'Un canapé et une machine à laver sur le trottoir.',
  address: '12 rue des Lilas',
  firstName: 'Amina',
  lastName: 'Benali',
  email: 'amina.benali@exemple.fr',
  phone: '06 12 34 56 78',
};

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Goes through the steps with the answers given as `data`, then presses Send. */
async function sendPrefilled(el: GuichetForm): Promise<void> {
  const root = shadow(el);
  for (let guard = 0; guard < 10 && !root.querySelector('[part=summary]'); guard++) {
    const title = root.querySelector('#guichet-step-title')?.textContent;
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => root.querySelector('#guichet-step-title')?.textContent !== title, 'Continue did not move on');
  }
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await waitUntil(() => phaseOf(el) !== 'idle', 'nothing came back', { timeout: 10000 });
  await el.updateComplete;
}

function phaseOf(el: GuichetForm): string {
  const root = shadow(el);
  if (root.querySelector('[part=receipt]')) return 'sent';
  if (root.querySelector('.submission__message--error, .submission__message--warning')) return 'failed';
  if (root.querySelector('#guichet-error-summary')) return 'invalid';
  return 'idle';
}

async function serviceForm(
  service: string,
  options: { mode?: Open311Mode; lang?: 'fr' | 'en'; key?: boolean; jurisdiction?: string; multiValue?: string } = {},
): Promise<GuichetForm> {
  const el = await fixture<GuichetForm>(
    html`<guichet-form
      adapter="open311"
      endpoint=${open311(options.mode)}
      service=${service}
      api-key=${options.key === false ? '' : apiKey()}
      jurisdiction=${options.jurisdiction ?? ''}
      multi-value=${options.multiValue ?? ''}
      lang=${options.lang ?? 'fr'}
      draft="none"
    ></guichet-form>`,
  );
  await whenReady(el);
  return el;
}

describe('<guichet-form adapter="open311" service="…">: a form built from the service definition', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`${lang}: every datatype, filled and sent with the keyboard only; the receipt gives the number only; axe clean`, async function () {
      // Dozens of key presses, each a round trip to the browser: slow on a loaded machine.
      this.timeout(60_000);
      const model = modelOf(await loadServiceForm({ endpoint: open311(), serviceCode: 'DEPOT', lang }));
      const el = await serviceForm('DEPOT', { lang, jurisdiction: 'montfleury.example' });
      const root = shadow(el);
      expect(text(root.querySelector('#guichet-title'))).to.equal(lang === 'fr' ? 'Dépôt sauvage' : 'Fly-tipping');
      expect(text(root.querySelector('.step__description'))).to.equal(
        lang === 'fr'
          ? 'Les dépôts signalés sont enlevés sous cinq jours ouvrés.'
          : 'Reported rubbish is removed within five working days.',
      );
      expect(root.querySelectorAll('input[type=radio]')).to.have.length(4);
      expect(root.querySelectorAll('input[type=checkbox]')).to.have.length(3);
      expect(root.querySelector('input[type=datetime-local]')).to.not.equal(null);
      await expect(el).to.be.accessible(wcag);
      for (let step = 0; step < model.steps.length; step++) await fillStepWithKeyboard(el, model, answers);
      expect(focused(el)?.id).to.equal('guichet-step-title');
      await expect(el).to.be.accessible(wcag);
      for (
        let guard = 0;
        guard < 200 &&
        !(focused(el) instanceof HTMLButtonElement && (focused(el) as HTMLButtonElement).type === 'submit');
        guard++
      )
        await sendKeys({ press: 'Tab' });
      const before = (await stored()).requests.length;
      const submitted = oneEvent(el, 'guichet-submitted') as Promise<GuichetSubmittedEvent>;
      await sendKeys({ press: 'Enter' });
      const { detail } = await submitted;
      await el.updateComplete;
      expect(detail.reference).to.match(/^\d+$/);
      expect(detail.trackingCode).to.equal('');
      expect(focused(el)?.id).to.equal('guichet-receipt-title');
      expect([...root.querySelectorAll('.receipt__code')].map((c) => c.textContent)).to.deep.equal([detail.reference]);
      expect(text(root.querySelector('.receipt__notice'))).to.equal(
        lang === 'fr' ? 'Merci, votre signalement est enregistré.' : 'Thank you, your report is recorded.',
      );
      const requests = (await stored()).requests;
      expect(requests.length).to.equal(before + 1);
      const request = requests.at(-1)!;
      expect(String(request.service_request_id)).to.equal(detail.reference);
      expect(request).to.include({ service_code: 'DEPOT', description: answers.description, address: answers.address });
      expect(request.contact).to.deep.equal({
        email: answers.email,
        first_name: answers.firstName,
        last_name: answers.lastName,
        phone: answers.phone,
      });
      const { vu_le: seen, ...attributes } = request.attributes;
      expect(attributes).to.deep.equal({
        type_dechet: 'encombrants',
        volume: '2.5',
        dangers: ['chaussee', 'aucun'],
        plaque: 'AB-123-CD',
        acces: answers.acces,
      });
      expect(new Date(String(seen)).getTime()).to.equal(new Date(2026, 10, 30, 8, 15).getTime());
      // The receipt's tracker follows the request by its number alone.
      const tracker = root.querySelector('guichet-tracker')!;
      await waitUntil(() => tracker.shadowRoot?.querySelector('[part=phase]'), 'the receipt’s tracker did not load');
      expect(tracker.shadowRoot!.querySelector('[part=lookup]')).to.equal(null);
      await expect(el).to.be.accessible(wcag);
    });
  }

  it('en, from a server that writes the service in French only: its texts as given, Guichet’s own in English', async () => {
    const el = await serviceForm('ECL', { lang: 'en' });
    const root = shadow(el);
    expect(text(root.querySelector('#guichet-title'))).to.equal('Éclairage public');
    expect(text(root.querySelector('#guichet-step-title'))).to.contain('Your request');
    expect(
      [...root.querySelectorAll('input[type=radio]')].map((r) => text(r.closest('label') ?? r.parentElement)),
    ).to.deep.equal(['Il est éteint', 'Il clignote', 'Il reste allumé le jour']);
    await expect(el).to.be.accessible(wcag);
  });

  it('without its api key: no Try again for the citizen, the web team is told, nothing is stored', async () => {
    const el = await serviceForm('ECL', { key: false });
    el.data = { panne: 'eteint', address: 'Place du Marché' };
    await el.updateComplete;
    const before = await stored();
    const { errors, logged } = await watch(() => sendPrefilled(el));
    const status = text(shadow(el).querySelector('[part=submission-status]'));
    expect(status).to.contain('à cause d’un réglage du site');
    expect(status).to.contain('Vous pouvez contacter votre mairie.');
    expect(status).to.not.contain('api_key');
    expect(shadow(el).querySelector('.submission__retry')).to.equal(null);
    expect(errors).to.deep.equal([['configuration', 'api-key']]);
    expect(logged).to.match(/<guichet-form>: .*api-key/);
    expect((await stored()).requests.length).to.equal(before.requests.length);
    await expect(el).to.be.accessible(wcag);
  });

  it('a service the server does not know: the box says so, and the web team which attribute', async () => {
    const { result: el, errors, logged } = await watch(() => serviceForm('INCONNU'));
    expect(text(shadow(el).querySelector('[part=definition-error]'))).to.contain('vérifiez l’attribut service');
    expect(errors).to.deep.equal([['configuration', 'service']]);
    expect(logged).to.contain('<guichet-form>');
    await expect(el).to.be.accessible(wcag);
  });

  it('without the jurisdiction a server of several needs, the web team is told; once set, the form is built', async () => {
    const { result: el, errors, logged } = await watch(() => serviceForm('DEPOT', { mode: 'repeat' }));
    expect(text(shadow(el).querySelector('[part=definition-error]'))).to.contain('vérifiez l’attribut jurisdiction');
    expect(errors).to.deep.equal([['configuration', 'jurisdiction']]);
    expect(logged).to.contain('<guichet-form>');
    await expect(el).to.be.accessible(wcag);
    el.setAttribute('jurisdiction', 'valbois.example');
    await waitUntil(() => shadow(el).querySelector('#guichet-title'), 'the form was not built with the jurisdiction');
    expect(text(shadow(el).querySelector('#guichet-title'))).to.equal('Dépôt sauvage');
  });
});

describe('<guichet-form adapter="open311">: what the server refuses', () => {
  it('shows a refused answer on its own field only, not on the place alternatives the server also lists', async () => {
    // A definition written by hand, looser than the server: the volume as free text.
    const definition = {
      id: 'depot-maison',
      version: '1.0.0',
      title: 'Dépôt sauvage',
      schema: {
        type: 'object',
        required: ['type_dechet', 'dangers', 'address'],
        properties: {
          type_dechet: { type: 'string', title: 'Quels déchets ?', oneOf: [{ const: 'gravats', title: 'Gravats' }] },
          dangers: {
            type: 'array',
            title: 'Ce dépôt…',
            items: { type: 'string', oneOf: [{ const: 'aucun', title: 'ne gêne personne' }] },
          },
          volume: { type: 'string', title: 'Volume', maxLength: 20 },
          address: { type: 'string', title: 'Adresse', maxLength: 200 },
        },
      },
      adapters: {
        open311: {
          serviceCode: 'DEPOT',
          fields: { address_string: 'address' },
          attributes: { type_dechet: 'type_dechet', dangers: 'dangers', volume: 'volume' },
        },
      },
    };
    const el = await fixture<GuichetForm>(
      html`<guichet-form adapter="open311" endpoint=${open311()} api-key=${apiKey()} draft="none" .definition=${definition}></guichet-form>`,
    );
    await whenReady(el);
    el.data = { type_dechet: 'gravats', dangers: ['aucun'], volume: 'beaucoup', address: 'Rue de la Gare' };
    await el.updateComplete;
    await sendPrefilled(el);
    const summary = shadow(el).querySelector('#guichet-error-summary')!;
    expect(focused(el)).to.equal(summary);
    expect([...summary.querySelectorAll('a')].map((a) => [a.getAttribute('href'), text(a)])).to.deep.equal([
      ['#guichet-volume', "Cette réponse n'est pas valide"],
    ]);
    await expect(el).to.be.accessible(wcag);
  });

  it('a configuration refusal sends the citizen to the form’s contact, shown with it', async () => {
    const definition = {
      id: 'eclairage-maison',
      version: '1.0.0',
      title: 'Éclairage public',
      schema: {
        type: 'object',
        required: ['panne', 'address'],
        properties: {
          panne: {
            type: 'string',
            title: 'Que fait le lampadaire ?',
            oneOf: [{ const: 'eteint', title: 'Il est éteint' }],
          },
          address: { type: 'string', title: 'Adresse', maxLength: 200 },
        },
      },
      contact: { name: 'Services techniques', phone: '01 23 45 67 89', email: 'voirie@montfleury.example' },
      adapters: {
        open311: { serviceCode: 'ECL', fields: { address_string: 'address' }, attributes: { panne: 'panne' } },
      },
    };
    const el = await fixture<GuichetForm>(
      html`<guichet-form adapter="open311" endpoint=${open311()} draft="none" .definition=${definition}></guichet-form>`,
    );
    await whenReady(el);
    el.data = { panne: 'eteint', address: 'Place du Marché' };
    await el.updateComplete;
    const { errors } = await watch(() => sendPrefilled(el));
    expect(errors).to.deep.equal([['configuration', 'api-key']]);
    const status = text(shadow(el).querySelector('[part=submission-status]'));
    expect(status).to.contain('à cause d’un réglage du site');
    expect(status).to.contain('les coordonnées sont ci-dessous');
    const contact = text(shadow(el).querySelector('[part=contact]'));
    expect(contact).to.contain('01 23 45 67 89');
    expect(contact).to.contain('voirie@montfleury.example');
    expect(shadow(el).querySelector('.submission__retry')).to.equal(null);
    await expect(el).to.be.accessible(wcag);
  });

  it('multi-value="repeat" files a multivaluelist with a server that reads repeated keys', async () => {
    const el = await serviceForm('DEPOT', { mode: 'repeat', jurisdiction: 'valbois.example', multiValue: 'repeat' });
    el.data = { type_dechet: 'gravats', dangers: ['chaussee', 'produits'], address: 'Rue de la Gare' };
    await el.updateComplete;
    await sendPrefilled(el);
    expect(phaseOf(el)).to.equal('sent');
    expect((await stored('repeat')).requests.at(-1)!.attributes.dangers).to.deep.equal(['chaussee', 'produits']);
  });

  it('multi-value="brackets" (the default) files a multivaluelist with a server that reads the spec’s brackets', async () => {
    const el = await serviceForm('DEPOT', { multiValue: 'brackets' });
    el.data = { type_dechet: 'gravats', dangers: ['chaussee', 'produits'], address: 'Rue de la Gare' };
    await el.updateComplete;
    await sendPrefilled(el);
    expect(phaseOf(el)).to.equal('sent');
    expect((await stored()).requests.at(-1)!.attributes.dangers).to.deep.equal(['chaussee', 'produits']);
  });

  for (const [style, mode, jurisdiction] of [
    ['brackets', 'repeat', 'valbois.example'],
    ['repeat', 'url', ''],
  ] as const) {
    it(`multi-value="${style}" with a server that reads the other style is the web team’s to fix, not the citizen’s`, async () => {
      const el = await serviceForm('DEPOT', { mode, jurisdiction, multiValue: style });
      el.data = { type_dechet: 'gravats', dangers: ['chaussee', 'produits'], address: 'Rue de la Gare' };
      await el.updateComplete;
      const before = await stored(mode);
      const { errors, logged } = await watch(() => sendPrefilled(el));
      expect(shadow(el).querySelector('#guichet-error-summary')).to.equal(null, 'no field is flagged');
      expect(errors).to.deep.equal([['configuration', 'mapping']]);
      expect(logged).to.contain('multi-value');
      expect(text(shadow(el).querySelector('[part=submission-status]'))).to.contain('à cause d’un réglage du site');
      expect(shadow(el).querySelector('.submission__retry')).to.equal(null);
      const after = await stored(mode);
      expect(after.received - before.received).to.equal(1);
      expect(after.requests.length).to.equal(before.requests.length, 'nothing stored');
    });
  }
});

describe('<guichet-form adapter="open311">: servers without CORS', () => {
  it('no CORS at all: the form cannot be built, nothing is posted, the web team is told', async () => {
    const before = await stored('noCors');
    const { result: el, errors, logged } = await watch(() => serviceForm('ECL', { mode: 'noCors' }));
    expect(shadow(el).querySelector('[part=definition-error]')).to.not.equal(null);
    expect(errors).to.deep.equal([['configuration', 'cors']]);
    expect(logged).to.contain('Access-Control-Allow-Origin');
    expect((await stored('noCors')).received).to.equal(before.received);
  });

  it('no CORS on POST: the request is filed once whatever the citizen presses, and its fate is said plainly', async () => {
    const el = await serviceForm('ECL', { mode: 'getOnly', lang: 'en' });
    el.data = { panne: 'clignote', address: 'Place du Marché' };
    await el.updateComplete;
    const before = await stored('getOnly');
    const { errors } = await watch(async () => {
      await sendPrefilled(el);
      // Send again: the same answers are not posted again, and the citizen is told the same.
      const again = oneEvent(el, 'guichet-error');
      shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await again;
      await el.updateComplete;
    });
    expect(errors).to.deep.equal([
      ['network', 'unconfirmed'],
      ['network', 'unconfirmed'],
    ]);
    const after = await stored('getOnly');
    expect(after.received - before.received).to.equal(1);
    expect(after.requests.length - before.requests.length).to.equal(1, 'at most one request stored');
    const status = text(shadow(el).querySelector('[part=submission-status]'));
    expect(status).to.contain('We do not know whether your request arrived.');
    expect(status).to.contain('do not send it again: contact the service first.');
    expect(shadow(el).querySelector('.submission__retry')).to.equal(null);
    await expect(el).to.be.accessible(wcag);
  });
});
