import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../packages/elements/src/guichet-form.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import {
  exampleDefinition,
  fillStepWithKeyboard,
  focused,
  modelOf,
  shadow,
  validAnswers,
  whenReady,
} from './form-helpers.js';

const tidy = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const guichetKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('guichet:draft:'));

describe('<guichet-form> drafts', () => {
  const forgetAll = () => {
    for (const key of guichetKeys()) localStorage.removeItem(key);
  };
  beforeEach(forgetAll);
  afterEach(forgetAll);

  it('fill half, leave, come back, resume: the answers and the step are back (never the file)', async () => {
    const id = 'signalement-voirie';
    const definition = await exampleDefinition(id);
    const model = modelOf(definition);
    const answers = await validAnswers(id);
    const first = await fixture<GuichetForm>(html`<guichet-form .definition=${definition}></guichet-form>`);
    await whenReady(first);
    await fillStepWithKeyboard(first, model, answers);
    shadow(first).querySelector<HTMLInputElement>('#guichet-address')?.focus();
    await sendKeys({ type: '12 rue des Lilas' });
    first.remove();

    expect(guichetKeys()).to.deep.equal(['guichet:draft:signalement-voirie@1.0.0']);
    const stored = localStorage.getItem('guichet:draft:signalement-voirie@1.0.0') ?? '';
    expect(stored).to.not.contain('photo');

    const again = await fixture<GuichetForm>(html`<guichet-form .definition=${definition}></guichet-form>`);
    await whenReady(again);
    const root = shadow(again);
    expect(tidy(root.querySelector('#guichet-draft-title')?.textContent)).to.equal('Reprendre votre demande ?');
    const resume = [...root.querySelectorAll<HTMLButtonElement>('.notice button')].find(
      (b) => tidy(b.textContent) === 'Reprendre',
    );
    resume?.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(again)?.id === 'guichet-step-title', 'focus on the resumed step');
    expect(tidy(root.querySelector('.progress')?.textContent)).to.equal('Étape 2 sur 3');
    expect(root.querySelector<HTMLInputElement>('#guichet-address')?.value).to.equal('12 rue des Lilas');
    expect(again.answersSnapshot.description).to.equal(answers.description);
    expect(again.answersSnapshot.category).to.equal(answers.category);
    expect(again.answersSnapshot).to.not.have.property('photo');
    expect(root.querySelector('#guichet-draft-title')).to.equal(null);
  });

  it('"Recommencer" forgets the draft', async () => {
    const definition = await exampleDefinition('contact-service');
    localStorage.setItem(
      'guichet:draft:contact-service@1.0.0',
      JSON.stringify({ data: { subject: 'Bonjour' }, step: 0, savedAt: new Date().toISOString() }),
    );
    const el = await fixture<GuichetForm>(html`<guichet-form .definition=${definition}></guichet-form>`);
    await whenReady(el);
    const restart = [...shadow(el).querySelectorAll<HTMLButtonElement>('.notice button')].find(
      (b) => tidy(b.textContent) === 'Recommencer',
    );
    restart?.click();
    await el.updateComplete;
    expect(guichetKeys()).to.deep.equal([]);
    expect(shadow(el).querySelector<HTMLInputElement>('#guichet-subject')?.value).to.equal('');
  });

  it('a draft of another version is not offered', async () => {
    localStorage.setItem(
      'guichet:draft:contact-service@0.9.0',
      JSON.stringify({ data: { subject: 'Ancien' }, step: 0, savedAt: new Date().toISOString() }),
    );
    const el = await fixture<GuichetForm>(
      html`<guichet-form .definition=${await exampleDefinition('contact-service')}></guichet-form>`,
    );
    await whenReady(el);
    expect(shadow(el).querySelector('#guichet-draft-title')).to.equal(null);
  });

  it('draft="none" stores nothing', async () => {
    const id = 'signalement-voirie';
    const definition = await exampleDefinition(id);
    const el = await fixture<GuichetForm>(html`<guichet-form draft="none" .definition=${definition}></guichet-form>`);
    await whenReady(el);
    await fillStepWithKeyboard(el, modelOf(definition), await validAnswers(id));
    // A hidden page and a removed element each write a waiting save at once: had one been
    // scheduled, it would be in storage now, without waiting for the save delay.
    dispatchEvent(new PageTransitionEvent('pagehide'));
    el.remove();
    expect(guichetKeys()).to.deep.equal([]);
  });

  it('a page being hidden (a closing tab) saves the last keystrokes at once', async () => {
    const definition = await exampleDefinition('contact-service');
    const el = await fixture<GuichetForm>(html`<guichet-form .definition=${definition}></guichet-form>`);
    await whenReady(el);
    shadow(el).querySelector<HTMLInputElement>('#guichet-subject')?.focus();
    await sendKeys({ type: 'Horaires' });
    // Within the save delay nothing is stored yet; the tab closing must not lose what was typed.
    dispatchEvent(new PageTransitionEvent('pagehide'));
    const stored = localStorage.getItem('guichet:draft:contact-service@1.0.0') ?? '';
    expect(stored).to.contain('Horaires');
  });

  it('"Effacer mes réponses" asks in the page, then clears answers and draft', async () => {
    const id = 'signalement-voirie';
    const definition = await exampleDefinition(id);
    const el = await fixture<GuichetForm>(html`<guichet-form .definition=${definition}></guichet-form>`);
    await whenReady(el);
    const root = shadow(el);
    root.querySelector<HTMLTextAreaElement>('#guichet-description')?.focus();
    await sendKeys({ type: 'Un lampadaire éteint.' });
    await waitUntil(() => guichetKeys().length === 1, 'draft saved');
    const clear = root.querySelector<HTMLButtonElement>('#guichet-clear');
    expect(tidy(clear?.textContent)).to.equal('Effacer mes réponses');
    clear?.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('guichet-clear-question');
    const no = [...root.querySelectorAll<HTMLButtonElement>('.notice button')].find(
      (b) => tidy(b.textContent) === 'Non, les garder',
    );
    no?.click();
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('guichet-clear');
    expect(el.answersSnapshot.description).to.equal('Un lampadaire éteint.');
    root.querySelector<HTMLButtonElement>('#guichet-clear')?.click();
    await el.updateComplete;
    const yes = [...root.querySelectorAll<HTMLButtonElement>('.notice button')].find(
      (b) => tidy(b.textContent) === 'Oui, effacer mes réponses',
    );
    yes?.click();
    await el.updateComplete;
    expect(el.answersSnapshot).to.deep.equal({});
    expect(root.querySelector<HTMLTextAreaElement>('#guichet-description')?.value).to.equal('');
    expect(guichetKeys()).to.deep.equal([]);
    expect(focused(el)?.id).to.equal('guichet-title');
    await waitUntil(
      () => root.querySelector('#guichet-live')?.textContent === 'Vos réponses ont été effacées.',
      'announced',
    );
  });
});
