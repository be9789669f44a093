import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../guichet-form.js';
import type { GuichetForm } from '../guichet-form.js';
import { axTree, find, findAll, type AXNode } from '../../../../../test/helpers/ax-tree.js';

/**
 * A date of birth in three boxes (issue 23, point 12): what a reader gets (the accessibility
 * tree, through the DevTools protocol), the keyboard path, the ISO answer, the part-specific
 * errors on the right boxes, a half-typed date kept by the draft, and axe in every state.
 */
const definition = {
  id: 'essai-date-de-naissance',
  version: '1.0.0',
  title: 'Essai',
  schema: {
    type: 'object',
    properties: {
      birthDate: { type: 'string', format: 'date', title: 'Date de naissance' },
      arrival: { type: 'string', format: 'date', title: 'Date d’arrivée dans la commune' },
    },
    required: ['birthDate'],
  },
  ui: {
    fields: {
      birthDate: { widget: 'memorable-date', autocomplete: 'bday' },
      arrival: { widget: 'memorable-date' },
    },
  },
  translations: {
    en: {
      '/schema/properties/birthDate/title': 'Date of birth',
      '/schema/properties/arrival/title': 'Date you arrived in the town',
    },
  },
};

const wcag21aa = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

async function mount(lang: 'fr' | 'en' = 'fr', draft = 'none'): Promise<GuichetForm> {
  const el = await fixture<GuichetForm>(
    html`<guichet-form draft=${draft} lang=${lang} .definition=${structuredClone(definition)}></guichet-form>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('form'), 'the form renders');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element>(el: GuichetForm, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const box = (el: GuichetForm, part: string, field = 'birthDate') =>
  $<HTMLInputElement>(el, `#guichet-${field}__${part}`)!;

/** The group a reader enters, and the three text boxes inside it. */
async function dateGroup(name: string): Promise<{ group: AXNode; boxes: AXNode[] }> {
  // Chromium builds its accessibility tree a little after the DOM changes: read it until it shows.
  let group: AXNode | undefined;
  for (let tries = 0; !group && tries < 50; tries++) {
    if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    group = find(await axTree(), (node) => node.role === 'group' && node.name.startsWith(name));
  }
  expect(group, `a group named ${name}`).to.not.equal(undefined);
  return { group: group!, boxes: findAll(group!.children ?? [], (node) => node.role === 'textbox') };
}

async function continueAndWaitForErrors(el: GuichetForm): Promise<void> {
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await waitUntil(() => el.shadowRoot!.activeElement?.id === 'guichet-error-summary', 'the error summary');
  await el.updateComplete;
}

/** Types into the boxes from the day box on, with Tab between them, as a keyboard user does. */
async function typeDate(el: GuichetForm, day: string, month: string, year: string): Promise<void> {
  box(el, 'day').focus();
  for (const [index, text] of [day, month, year].entries()) {
    if (index > 0) await sendKeys({ press: 'Tab' });
    if (text) await sendKeys({ type: text });
  }
  await el.updateComplete;
}

const invalidBoxes = (el: GuichetForm, field = 'birthDate') =>
  ['day', 'month', 'year'].filter((part) => box(el, part, field).getAttribute('aria-invalid') === 'true');

describe('<guichet-form> a date in three boxes (memorable-date)', () => {
  it('is a group named by the question and described by the hint, with boxes named Jour, Mois, Année', async () => {
    const el = await mount();
    const { group, boxes } = await dateGroup('Date de naissance');
    expect(group.description).to.equal('Par exemple, 27 3 2007');
    expect(boxes.map((b) => b.name)).to.deep.equal(['Jour', 'Mois', 'Année']);
    for (const b of boxes) expect(b.properties?.required, `${b.name} required`).to.equal(true);
    const optional = await dateGroup('Date d’arrivée dans la commune (facultatif)');
    expect(optional.boxes.map((b) => b.properties?.required ?? false)).to.deep.equal([false, false, false]);

    for (const [part, width, autocomplete] of [
      ['day', 'input--2-digits', 'bday-day'],
      ['month', 'input--2-digits', 'bday-month'],
      ['year', 'input--4-digits', 'bday-year'],
    ] as const) {
      const input = box(el, part);
      expect(input.type, 'a text box, never type=number').to.equal('text');
      expect(input.inputMode).to.equal('numeric');
      expect(input.classList.contains(width), `${part} is ${width}`).to.equal(true);
      expect(input.getAttribute('autocomplete')).to.equal(autocomplete);
      expect(box(el, part, 'arrival').hasAttribute('autocomplete'), 'no bday: no token').to.equal(false);
    }
    expect(box(el, 'year').getBoundingClientRect().width).to.be.greaterThan(
      box(el, 'day').getBoundingClientRect().width,
    );
    await expect(el).to.be.accessible(wcag21aa);
  });

  it('typed with the keyboard, the answer is the ISO date, read back as a date on the summary', async () => {
    const el = await mount();
    $<HTMLElement>(el, '#guichet-title')?.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id, 'Tab reaches the day box first').to.equal('guichet-birthDate__day');
    await sendKeys({ type: '21' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('guichet-birthDate__month');
    await sendKeys({ type: '9' });
    expect(el.answersSnapshot.birthDate, 'a half-typed date is kept as typed').to.equal('-9-21');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('guichet-birthDate__year');
    await sendKeys({ type: '2019' });
    expect(el.answersSnapshot.birthDate).to.equal('2019-09-21');
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await waitUntil(() => $(el, '.summary dl'), 'the summary');
    const row = [...el.shadowRoot!.querySelectorAll('.summary__row')].find((r) =>
      r.textContent?.includes('Date de naissance'),
    );
    expect(row?.textContent?.replace(/\s+/g, ' ')).to.contain('21 septembre 2019');
    await expect(el).to.be.accessible(wcag21aa);
  });

  it('says which part is missing, marks that box only, and the summary link goes to it', async () => {
    const el = await mount();
    await typeDate(el, '21', '', '2019');
    await continueAndWaitForErrors(el);
    const link = $<HTMLAnchorElement>(el, '#guichet-error-summary a')!;
    expect(link.textContent).to.equal('Date de naissance\u00a0: la date doit contenir un mois');
    expect(invalidBoxes(el)).to.deep.equal(['month']);
    const { group, boxes } = await dateGroup('Date de naissance');
    expect(group.description).to.equal(
      'Par exemple, 27 3 2007 Erreur\u00a0: Date de naissance\u00a0: la date doit contenir un mois',
    );
    expect(boxes.map((b) => b.properties?.invalid ?? 'false')).to.deep.equal(['false', 'true', 'false']);
    await expect(el).to.be.accessible(wcag21aa);

    link.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'guichet-birthDate__month', 'focus on the month box');
    await sendKeys({ type: '9' });
    await waitUntil(() => !$(el, '#guichet-birthDate__error'), 'fixed: the message goes at once');
    expect(invalidBoxes(el)).to.deep.equal([]);
  });

  it('a date that is not real marks all three boxes; a box that cannot be right is marked alone', async () => {
    const el = await mount();
    await typeDate(el, '30', '2', '2023');
    await continueAndWaitForErrors(el);
    expect($(el, '#guichet-birthDate__error')?.textContent).to.contain('la date doit être une vraie date');
    expect(invalidBoxes(el)).to.deep.equal(['day', 'month', 'year']);
    await expect(el).to.be.accessible(wcag21aa);

    box(el, 'month').value = '';
    box(el, 'month').focus();
    await sendKeys({ type: '13' });
    await continueAndWaitForErrors(el);
    expect(invalidBoxes(el)).to.deep.equal(['month']);
    expect($<HTMLAnchorElement>(el, '#guichet-error-summary a')?.textContent).to.contain('vraie date');

    box(el, 'month').select();
    await sendKeys({ type: '3' });
    await waitUntil(() => !$(el, '#guichet-birthDate__error'), '30 March 2023 is real: the message goes at once');
    box(el, 'year').select();
    await sendKeys({ type: '23' });
    await el.updateComplete;
    expect($(el, '#guichet-birthDate__error'), 'a new problem waits for Continue').to.equal(null);
    await continueAndWaitForErrors(el);
    expect($(el, '#guichet-birthDate__error')?.textContent).to.contain('l’année doit contenir 4 chiffres');
    expect(invalidBoxes(el)).to.deep.equal(['year']);
    await expect(el).to.be.accessible(wcag21aa);
  });

  it('left empty when required: all three boxes are marked, and the link goes to the day', async () => {
    const el = await mount();
    await continueAndWaitForErrors(el);
    expect($(el, '#guichet-birthDate__error')?.textContent).to.contain('ce champ est obligatoire');
    expect(invalidBoxes(el)).to.deep.equal(['day', 'month', 'year']);
    expect(invalidBoxes(el, 'arrival'), 'an optional date left empty is no problem').to.deep.equal([]);
    $<HTMLAnchorElement>(el, '#guichet-error-summary a')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'guichet-birthDate__day', 'focus on the day box');
  });

  it('in English: Day, Month, Year, the hint and the errors', async () => {
    const el = await mount('en');
    const { group, boxes } = await dateGroup('Date of birth');
    expect(boxes.map((b) => b.name)).to.deep.equal(['Day', 'Month', 'Year']);
    expect(group.description).to.equal('For example, 27 3 2007');
    await typeDate(el, '', '9', '2019');
    await continueAndWaitForErrors(el);
    expect($<HTMLAnchorElement>(el, '#guichet-error-summary a')?.textContent).to.equal(
      'Date of birth: the date must include a day',
    );
    expect(invalidBoxes(el)).to.deep.equal(['day']);
    await expect(el).to.be.accessible(wcag21aa);
  });

  it('a half-typed date is kept by the draft and comes back box by box', async () => {
    const key = `guichet:draft:${definition.id}@${definition.version}`;
    localStorage.removeItem(key);
    try {
      const first = await mount('fr', 'local');
      await typeDate(first, '21', '', '2019');
      first.remove();
      expect(localStorage.getItem(key)).to.contain('2019--21');
      const again = await mount('fr', 'local');
      const resume = [...again.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice button')].find(
        (b) => b.textContent?.trim() === 'Reprendre',
      );
      resume!.click();
      await waitUntil(() => box(again, 'day')?.value === '21', 'the day is back');
      expect([box(again, 'month').value, box(again, 'year').value]).to.deep.equal(['', '2019']);
    } finally {
      localStorage.removeItem(key);
    }
  });
});
