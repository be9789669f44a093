import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../guichet-form.js';
import type { GuichetForm } from '../guichet-form.js';

/** One control of each kind, so what each shows can be checked after a resume and a clear. */
const everyControl = {
  id: 'controles',
  version: '1.0.0',
  title: 'Chaque contrôle',
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Nom', maxLength: 50 },
      people: { type: 'integer', title: 'Nombre de personnes' },
      note: { type: 'string', title: 'Remarque', maxLength: 500 },
      colour: { type: 'string', title: 'Couleur du bac', enum: ['vert', 'jaune'] },
      days: {
        type: 'array',
        title: 'Jours de collecte',
        items: { type: 'string', enum: ['lundi', 'jeudi'] },
        uniqueItems: true,
      },
      agree: { type: 'boolean', title: 'J’accepte d’être rappelé' },
      commune: { type: 'string', title: 'Commune', enum: ['Ajaccio', 'Bastia', 'Calvi', 'Corte', 'Porto', 'Sartène'] },
      born: { type: 'string', title: 'Date de naissance', format: 'date' },
    },
  },
  ui: { fields: { born: { widget: 'memorable-date' } } },
};

const answers = {
  name: 'Camille',
  people: 3,
  note: 'Bac abîmé',
  colour: 'jaune',
  days: ['jeudi'],
  agree: true,
  commune: 'Corte',
  born: '1984-07-09',
};

const key = 'guichet:draft:controles@1.0.0';

/** What every control shows, as the citizen sees it. */
function shown(root: ShadowRoot) {
  const input = (selector: string) => root.querySelector<HTMLInputElement>(selector)!;
  const select = root.querySelector<HTMLSelectElement>('#guichet-commune')!;
  return {
    name: input('#guichet-name').value,
    people: input('#guichet-people').value,
    note: root.querySelector<HTMLTextAreaElement>('#guichet-note')!.value,
    colour: [...root.querySelectorAll<HTMLInputElement>('[name="/colour"]')].map((radio) => radio.checked),
    days: [...root.querySelectorAll<HTMLInputElement>('[name="/days"]')].map((box) => box.checked),
    agree: input('#guichet-agree').checked,
    commune: select.selectedOptions[0]?.textContent?.trim(),
    born: [...root.querySelectorAll<HTMLInputElement>('[name="/born"]')].map((box) => box.value),
  };
}

describe('what controls show', () => {
  beforeEach(() => localStorage.removeItem(key));
  afterEach(() => localStorage.removeItem(key));

  it('a resumed draft shows every answer, a typed one stays through a redraw, and a clear empties every control', async () => {
    localStorage.setItem(key, JSON.stringify({ data: answers, step: 0, savedAt: new Date().toISOString() }));
    const el = await fixture<GuichetForm>(html`<guichet-form lang="fr" .definition=${everyControl}></guichet-form>`);
    await waitUntil(() => el.shadowRoot?.querySelector('#guichet-name'), 'the fields');
    const root = el.shadowRoot!;
    const empty = shown(root);
    expect(empty).to.deep.equal({
      name: '',
      people: '',
      note: '',
      colour: [false, false],
      days: [false, false],
      agree: false,
      commune: 'Choisissez une réponse',
      born: ['', '', ''],
    });

    [...root.querySelectorAll<HTMLButtonElement>('.notice button')]
      .find((b) => b.textContent?.trim() === 'Reprendre')!
      .click();
    await el.updateComplete;
    expect(shown(root)).to.deep.equal({
      name: 'Camille',
      people: '3',
      note: 'Bac abîmé',
      colour: [false, true],
      days: [false, true],
      agree: true,
      commune: 'Corte',
      born: ['09', '07', '1984'],
    });

    // Typing, then Continue with an error elsewhere: the field is drawn again, what was typed stays.
    const name = root.querySelector<HTMLInputElement>('#guichet-name')!;
    name.focus();
    name.select();
    await sendKeys({ type: 'Dominique' });
    const people = root.querySelector<HTMLInputElement>('#guichet-people')!;
    people.focus();
    people.select();
    await sendKeys({ type: 'trois' });
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => root.querySelector('#guichet-people__error'), 'the number’s error');
    expect(root.querySelector<HTMLInputElement>('#guichet-name')!.value).to.equal('Dominique');
    expect(root.querySelector<HTMLInputElement>('#guichet-people')!.value).to.equal('trois');

    root.querySelector<HTMLButtonElement>('#guichet-clear')!.click();
    await el.updateComplete;
    [...root.querySelectorAll<HTMLButtonElement>('.notice button')]
      .find((b) => b.textContent?.trim() === 'Oui, effacer mes réponses')!
      .click();
    await el.updateComplete;
    // An unticked yes/no box is an answer (defaults.ts): the form starts again from that.
    expect(el.answersSnapshot).to.deep.equal({ agree: false });
    expect(shown(root)).to.deep.equal(empty);
  });
});
