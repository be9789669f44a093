import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../packages/elements/src/guichet-form.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import type { GuichetErrorEvent } from '../../packages/elements/src/events.js';
import { endpointUrl } from '../helpers/env.js';
import { exampleDefinition, focused, shadow, validAnswers, whenReady } from './form-helpers.js';

const tidy = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function continueOnce(el: GuichetForm): Promise<void> {
  const root = shadow(el);
  const before = root.querySelector('#guichet-step-title')?.textContent;
  root.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
  await waitUntil(
    () =>
      root.querySelector('#guichet-step-title')?.textContent !== before || root.querySelector('#guichet-error-summary'),
    'no new step',
    { timeout: 10000 },
  );
  await el.updateComplete;
}

describe('<guichet-form> conditional fields', () => {
  it('appear and disappear as answers change, focus stays put, hidden answers are not sent', async () => {
    const answers = await validAnswers('reservation-salle');
    const el = await fixture<GuichetForm>(
      html`<guichet-form draft="none" .data=${answers} .definition=${await exampleDefinition('reservation-salle')}></guichet-form>`,
    );
    await whenReady(el);
    const root = shadow(el);
    await continueOnce(el);
    await continueOnce(el);
    expect(tidy(root.querySelector('#guichet-step-title')?.textContent)).to.equal('Vous');
    expect(root.querySelector('#guichet-siret')).to.equal(null);
    const association = root.querySelector<HTMLInputElement>('#guichet-bookerType--2');
    association?.focus();
    await sendKeys({ press: 'Space' });
    expect(association?.checked).to.equal(true);
    expect(root.querySelector('#guichet-siret')).to.not.equal(null);
    expect(root.querySelector('#guichet-organisationName')).to.not.equal(null);
    expect(focused(el)).to.equal(association);
    root.querySelector<HTMLInputElement>('#guichet-siret')?.focus();
    await sendKeys({ type: '12345678900012' });
    root.querySelector<HTMLInputElement>('#guichet-bookerType')?.focus();
    await sendKeys({ press: 'Space' });
    expect(root.querySelector('#guichet-siret')).to.equal(null);
    expect(focused(el)?.id).to.equal('guichet-bookerType');
    await continueOnce(el);
    expect(root.querySelector<HTMLInputElement>('#guichet-rulesAccepted')?.checked, 'prefilled').to.equal(true);
    await continueOnce(el);
    el.addEventListener('guichet-submit', (event) => event.preventDefault(), { once: true });
    const submitted = oneEvent(el, 'guichet-submit');
    root.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const event = await submitted;
    expect(event.detail.data).to.not.have.property('siret');
    expect(event.detail.data.bookerType).to.equal('particulier');
  });
});

describe('<guichet-form> check your answers', () => {
  it('lists every answer formatted, and "Modifier" goes to the field then back to the summary', async () => {
    const answers = await validAnswers('reservation-salle');
    const el = await fixture<GuichetForm>(
      html`<guichet-form draft="none" .data=${{ ...answers, rulesAccepted: true }} .definition=${await exampleDefinition('reservation-salle')}></guichet-form>`,
    );
    await whenReady(el);
    const root = shadow(el);
    for (let i = 0; i < 4; i++) await continueOnce(el);
    expect(tidy(root.querySelector('#guichet-step-title')?.textContent)).to.equal('Vérifiez vos réponses');
    const rows = [...root.querySelectorAll('.summary > dl > .summary__row, .summary__list > .summary__row')];
    const text = (label: string) =>
      tidy(
        rows.find((row) => tidy(row.querySelector('dt')?.textContent).startsWith(label))?.querySelector('dd')
          ?.textContent,
      );
    expect(text('Date')).to.equal('12 décembre 2026');
    expect(text('Heure d’arrivée'.replace('’', "'"))).to.equal('14:00');
    expect(text('Vous réservez')).to.equal('Pour vous-même (particulier)');
    const change = root.querySelector<HTMLAnchorElement>('a[data-pointer="/attendees"]');
    expect(tidy(change?.textContent)).to.match(/^Modifier .+/);
    change?.click();
    await waitUntil(() => focused(el)?.id === 'guichet-attendees', 'focus on the field');
    const input = focused(el) as HTMLInputElement;
    input.select();
    await sendKeys({ type: '60' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => tidy(root.querySelector('#guichet-step-title')?.textContent) === 'Vérifiez vos réponses',
      'back to the summary',
    );
    expect(
      tidy(
        root.querySelector('a[data-pointer="/attendees"]')?.closest('.summary__row')?.querySelector('dd')?.textContent,
      ),
    ).to.equal('60 personnes');
  });
});

describe('<guichet-form> hostile text', () => {
  it('renders markup in titles, descriptions and choice labels as text; nothing runs', async () => {
    const img = '<img src=x onerror=window.__pwned=1>';
    const script = '<script>window.__pwned=1</script>';
    const definition = {
      id: 'hostile',
      version: '1.0.0',
      title: `Titre ${img}`,
      description: `Description ${script}`,
      schema: {
        type: 'object',
        required: ['choice'],
        properties: {
          choice: {
            type: 'string',
            title: `Question ${img}`,
            description: `Aide ${script}`,
            oneOf: [
              { const: 'a', title: img },
              { const: 'b', title: script },
            ],
          },
          name: { type: 'string', title: script, description: img },
        },
      },
      ui: { steps: [{ title: `Étape ${img}`, description: script, fields: ['choice', 'name'] }] },
      contact: { name: img, address: script, openingHours: img },
    };
    const el = await fixture<GuichetForm>(html`<guichet-form draft="none" .definition=${definition}></guichet-form>`);
    await whenReady(el);
    const root = shadow(el);
    // The payload's broken image, loaded by the test itself after the form rendered: once its error
    // handler has run, the same image let through by the form would have run its handler too.
    await new Promise((resolve) => {
      const probe = new Image();
      probe.onerror = resolve;
      probe.src = 'x';
    });
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    expect(root.querySelectorAll('img, script').length).to.equal(0);
    expect(root.querySelector('#guichet-title')?.textContent).to.equal(`Titre ${img}`);
    expect(root.textContent).to.contain(`Description ${script}`);
    expect(root.textContent).to.contain(`Question ${img}`);
    expect(tidy(root.querySelector('label[for="guichet-choice--2"]')?.textContent)).to.equal(script);
    expect(root.querySelector('.contact')?.textContent).to.contain(img);
    // And in the error summary and the summary of answers.
    root.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await waitUntil(() => root.querySelector('#guichet-error-summary'), 'error summary', { timeout: 10000 });
    expect(root.querySelectorAll('img, script').length).to.equal(0);
    root.querySelector<HTMLInputElement>('#guichet-choice--2')?.click();
    await continueOnce(el);
    expect(root.querySelector('.summary')?.textContent).to.contain(script);
    expect(root.querySelectorAll('img, script').length).to.equal(0);
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
  });
});

describe('<guichet-form> bad definitions', () => {
  it('a 404 shows a localized error box and fires guichet-error kind definition', async () => {
    const el = document.createElement('guichet-form');
    const failed = oneEvent(el, 'guichet-error') as Promise<GuichetErrorEvent>;
    el.setAttribute('src', '/schemas/forms/does-not-exist.json');
    document.body.append(el);
    try {
      const event = await failed;
      expect(event.detail.kind).to.equal('definition');
      await el.updateComplete;
      const box = shadow(el).querySelector('.definition-error');
      expect(box?.getAttribute('role')).to.equal('alert');
      expect(tidy(box?.querySelector('h2')?.textContent)).to.equal('Ce formulaire ne peut pas s’afficher');
      expect(tidy(box?.textContent)).to.contain('erreur 404');
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('a definition that fails the meta-schema lists its problems as text, in English too', async () => {
    const el = document.createElement('guichet-form');
    el.setAttribute('lang', 'en');
    const failed = oneEvent(el, 'guichet-error') as Promise<GuichetErrorEvent>;
    el.definition = {
      id: 'Not An Id',
      version: 'one',
      title: '<b>bold</b>',
      schema: { type: 'object', properties: { x: { type: 'strange' } } },
    };
    document.body.append(el);
    try {
      const event = await failed;
      expect(event.detail.kind).to.equal('definition');
      expect(event.detail.problems?.length).to.be.greaterThan(0);
      await el.updateComplete;
      const box = shadow(el).querySelector('.definition-error');
      expect(tidy(box?.querySelector('h2')?.textContent)).to.equal('This form cannot be shown');
      expect(box?.querySelectorAll('li').length).to.equal(event.detail.problems?.length);
      expect(box?.querySelectorAll('b').length).to.equal(0);
    } finally {
      el.remove();
    }
  });

  it('invalid JSON is a definition error too, never an exception', async () => {
    const el = document.createElement('guichet-form');
    const failed = oneEvent(el, 'guichet-error') as Promise<GuichetErrorEvent>;
    el.setAttribute('src', '/package.json#');
    el.definition = '{"id": "x", ';
    document.body.append(el);
    try {
      expect((await failed).detail.kind).to.equal('definition');
      await el.updateComplete;
      expect(shadow(el).querySelector('.definition-error')).to.not.equal(null);
    } finally {
      el.remove();
    }
  });

  it('without src or definition says no form is given instead of loading forever', async () => {
    const el = document.createElement('guichet-form');
    const failed = oneEvent(el, 'guichet-error') as Promise<GuichetErrorEvent>;
    document.body.append(el);
    try {
      expect((await failed).detail.kind).to.equal('definition');
      await el.updateComplete;
      const box = shadow(el).querySelector('.definition-error');
      expect(tidy(box?.textContent)).to.contain('Aucun formulaire n’est indiqué');
      expect(shadow(el).querySelector('.loading')).to.equal(null);
    } finally {
      el.remove();
    }
  });

  it('a definition set right after creation, as frameworks do, is not reported missing', async () => {
    const definition = await exampleDefinition('contact-service');
    const el = document.createElement('guichet-form');
    let reported = false;
    el.addEventListener('guichet-error', () => (reported = true));
    document.body.append(el);
    el.definition = definition;
    try {
      await whenReady(el);
      expect(reported).to.equal(false);
      expect(shadow(el).querySelector('.definition-error')).to.equal(null);
    } finally {
      el.remove();
    }
  });

  it('says it is loading while it fetches', async () => {
    const el = document.createElement('guichet-form');
    el.setAttribute('src', `${endpointUrl()}/api/forms/signalement-voirie`);
    document.body.append(el);
    try {
      await el.updateComplete;
      const loading = shadow(el).querySelector('.loading');
      expect(loading?.textContent).to.equal('Chargement du formulaire…');
      expect(loading?.closest('[aria-busy="true"]')).to.not.equal(null);
      await whenReady(el);
    } finally {
      el.remove();
    }
  });
});

describe('<guichet-form> language', () => {
  it('follows the closest lang in the page, and its own lang first', async () => {
    const definition = await exampleDefinition('signalement-voirie');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB"><section><guichet-form draft="none" .definition=${definition}></guichet-form></section></div>`,
    );
    const el = wrapper.querySelector('guichet-form') as GuichetForm;
    await whenReady(el);
    expect(shadow(el).querySelector('#guichet-title')?.textContent).to.equal('Report a problem in the street');
    expect(shadow(el).querySelector('.root')?.getAttribute('lang')).to.equal('en');
    wrapper.setAttribute('lang', 'fr');
    await waitUntil(
      () => shadow(el).querySelector('#guichet-title')?.textContent === 'Signaler un problème dans la rue',
      'page language followed',
    );
    el.setAttribute('lang', 'en');
    await waitUntil(
      () => shadow(el).querySelector('#guichet-title')?.textContent === 'Report a problem in the street',
      'own lang wins',
    );
    expect(tidy(shadow(el).querySelector('label[for="guichet-category"]')?.textContent)).to.equal(
      'A hole in the road (pothole)',
    );
  });
});

describe('<guichet-form> answers named like what every object inherits', () => {
  it('start empty, are required, and are sent as typed', async () => {
    const definition = {
      id: 'noms-piege',
      version: '1.0.0',
      title: 'Questions aux noms piégés',
      schema: {
        type: 'object',
        properties: {
          constructor: { type: 'string', title: 'Constructeur' },
          toString: { type: 'string', title: 'Chaîne' },
        },
        required: ['constructor'],
      },
    };
    const el = await fixture<GuichetForm>(
      html`<guichet-form draft="none" lang="en" .definition=${definition}></guichet-form>`,
    );
    await whenReady(el);
    const root = shadow(el);
    const [first, second] = [...root.querySelectorAll<HTMLInputElement>('input')];
    expect([first?.value, second?.value]).to.deep.equal(['', '']);
    root.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await waitUntil(() => root.querySelector('#guichet-error-summary'), 'no error summary', { timeout: 10000 });
    expect(tidy(root.querySelector('#guichet-error-summary li')?.textContent)).to.equal(
      'Constructeur: this field is required',
    );
    first?.focus();
    await sendKeys({ type: 'abc' });
    el.addEventListener('guichet-submit', (event) => event.preventDefault(), { once: true });
    const submitted = oneEvent(el, 'guichet-submit');
    await continueOnce(el);
    root.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const event = await submitted;
    expect(event.detail.data).to.deep.equal({ constructor: 'abc' });
  });
});
