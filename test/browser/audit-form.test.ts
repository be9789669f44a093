/**
 * The RGAA audit's findings on <guichet-form>, checked in what assistive technology gets:
 * Chromium's accessibility tree read through the DevTools protocol (test/helpers/ax-tree.ts).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/elements/src/guichet-form.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import { endpointUrl } from '../helpers/env.js';
import { axTree, find, findAll, focused, textOf, type AXNode } from '../helpers/ax-tree.js';
import { shadow, whenReady } from './form-helpers.js';

async function mount(id: string, lang = 'fr'): Promise<GuichetForm> {
  const el = await fixture<GuichetForm>(
    html`<guichet-form lang=${lang} draft="none" src=${`${endpointUrl()}/api/forms/${id}`}></guichet-form>`,
  );
  await whenReady(el);
  return el;
}

async function failContinue(el: GuichetForm): Promise<void> {
  const root = shadow(el);
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await waitUntil(() => root.activeElement?.id === 'guichet-error-summary', 'the summary did not take focus', {
    timeout: 10000,
  });
}

describe('RGAA audit: <guichet-form> as assistive technology reads it', () => {
  it('point 1: every radio of a group in error is invalid, and the group says the error', async () => {
    const el = await mount('signalement-voirie');
    let tree = await axTree();
    const radios = (nodes: AXNode[]) => findAll(nodes, (node) => node.role === 'radio');
    expect(radios(tree).length).to.be.greaterThan(1);
    expect(radios(tree).every((radio) => radio.properties?.invalid !== 'true')).to.equal(true);

    await failContinue(el);
    tree = await axTree();
    expect(radios(tree).length).to.be.greaterThan(1);
    for (const radio of radios(tree)) expect(radio.properties?.invalid, radio.name).to.equal('true');
    const group = find(
      tree,
      (node) => node.role === 'radiogroup' && (node.description ?? '').includes('Erreur\u00a0:'),
    );
    expect(group, 'the group is described by its error').to.not.equal(undefined);
    expect(findAll([group!], (node) => node.role === 'radio').length).to.equal(radios(tree).length);
  });

  it('point 2: the focused error summary is read whole — an alert with its title, which counts the problems, and its list', async () => {
    const el = await mount('signalement-voirie');
    await failContinue(el);
    const tree = await axTree();
    const [box] = focused(tree)!;
    // Not named by its title: a reader would then say the title only.
    expect(box.name).to.equal('');
    const alert = find([box], (node) => node.role === 'alert');
    expect(alert, 'an alert inside the focused box').to.not.equal(undefined);
    expect(find([alert!], (node) => node.role === 'heading')?.name).to.equal('Il y a 2 problèmes');
    const list = find([alert!], (node) => node.role === 'list');
    expect(list, 'the list is in the tree').to.not.equal(undefined);
    const links = findAll([list!], (node) => node.role === 'link').map((link) => link.name);
    expect(links).to.have.length(2);
    expect(textOf(alert!)).to.contain('Il y a 2 problèmes').and.contain(links[0]!).and.contain(links[1]!);
  });

  it('point 5: a required text box is said required, an optional one is not and says "(facultatif)"', async () => {
    const el = await mount('signalement-voirie');
    const tree = await axTree();
    const boxes = findAll(tree, (node) => node.role === 'textbox');
    expect(boxes.length).to.be.greaterThan(0);
    for (const box of boxes) {
      const optional = box.name.includes('(facultatif)');
      expect(box.properties?.required === true, `${box.name}: required`).to.equal(!optional);
    }
    expect(shadow(el).querySelector('[aria-required="true"]')).to.not.equal(null);
  });
});
