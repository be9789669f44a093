// RGAA 11.10: which questions must be answered, as assistive technology gets it — the convention
// said once above the questions, and radio groups that say they are required, following conditions.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/elements/src/guichet-form.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import { axTree, find, walk, type AXNode } from '../helpers/ax-tree.js';
import { shadow, whenReady } from './form-helpers.js';

const wcag21aa = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } } as const;

/** A visit on the town's site: how to be told (required), and the phone asked only when chosen. */
const visit = {
  id: 'rendez-vous',
  version: '1.0.0',
  title: 'Prendre rendez-vous',
  schema: {
    type: 'object',
    properties: {
      reachBy: { type: 'string', title: 'Comment vous prévenir', enum: ['email', 'sms'] },
      moment: { type: 'string', title: 'Moment préféré', enum: ['matin', 'après-midi'] },
      sms: { type: 'string', title: 'Rappel la veille', enum: ['oui', 'non'] },
    },
    required: ['reachBy'],
    if: { properties: { reachBy: { const: 'sms' } }, required: ['reachBy'] },
    then: { required: ['sms'] },
  },
};

async function mount(definition: unknown, lang = 'fr'): Promise<GuichetForm> {
  const el = await fixture<GuichetForm>(
    html`<guichet-form draft="none" lang=${lang} .definition=${structuredClone(definition)}></guichet-form>`,
  );
  await whenReady(el);
  return el;
}

const group = (tree: AXNode[], name: string) =>
  find(tree, (node) => node.role === 'radiogroup' && node.name.startsWith(name));

describe('<guichet-form> required questions', () => {
  it('says the convention once, before the first question', async () => {
    const el = await mount(visit);
    const nodes = [...walk(await axTree())].map(([node]) => node);
    const sentence = nodes.findIndex(
      (node) => node.role === 'StaticText' && node.name.startsWith('Toutes les questions sont obligatoires'),
    );
    const firstQuestion = nodes.findIndex((node) => node.role === 'radiogroup');
    expect(sentence, 'the convention is read').to.be.greaterThan(-1);
    expect(sentence, 'before the questions').to.be.lessThan(firstQuestion);
    expect(
      nodes.filter((node) => node.role === 'StaticText' && node.name.startsWith('Toutes les questions')).length,
    ).to.equal(1);
    await expect(el).to.be.accessible(wcag21aa);
  });

  it('says it in English on an English page, and not at all when nothing is required', async () => {
    const en = await mount(visit, 'en');
    expect(shadow(en).querySelector('[part~="convention"]')?.textContent).to.equal(
      'All questions must be answered, except those marked “(optional)”.',
    );
    const { required: _required, if: _if, then: _then, ...schema } = visit.schema;
    const optionalOnly = await mount({ ...visit, id: 'facultatif', schema });
    expect(shadow(optionalOnly).querySelector('[part~="convention"]')).to.equal(null);
  });

  it('a radio group says it is required, an optional one does not, and a condition switches it', async () => {
    const el = await mount(visit);
    let tree = await axTree();
    expect(group(tree, 'Comment vous prévenir')?.properties?.required).to.equal(true);
    expect(group(tree, 'Moment préféré')?.properties?.required ?? false).to.equal(false);
    expect(group(tree, 'Rappel la veille')?.properties?.required ?? false).to.equal(false);
    shadow(el).querySelector<HTMLInputElement>('input[name="/reachBy"][value="1"]')!.click();
    await waitUntil(
      () => shadow(el).querySelector('fieldset[aria-required="true"] input[name="/sms"]'),
      'the reminder becomes required',
    );
    tree = await axTree();
    expect(group(tree, 'Rappel la veille')?.properties?.required).to.equal(true);
    await expect(el).to.be.accessible(wcag21aa);
  });
});
