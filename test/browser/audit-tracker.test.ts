/**
 * The RGAA audit's findings on <guichet-tracker>, checked in what assistive technology gets:
 * Chromium's accessibility tree read through the DevTools protocol (test/helpers/ax-tree.ts).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { registerAdapter, EndpointError, type RequestStatus } from '@guichet/core';
import '../../packages/elements/src/guichet-tracker.js';
import type { GuichetTracker } from '../../packages/elements/src/tracker/guichet-tracker.js';
import { apiUrl } from '../helpers/admin.js';
import { axTree, find, findAll, focused, textOf, type AXNode } from '../helpers/ax-tree.js';
import { changePhase, createRequest, part, settled } from './tracker-fixtures.js';

let answer: () => Promise<RequestStatus> = () => new Promise(() => {});
registerAdapter('audit-pending', () => ({
  name: 'audit-pending',
  submit: () => Promise.reject(new EndpointError('rejected', 'not used here')),
  status: () => answer(),
}));

const named = (role: string, name: string | RegExp) => (node: AXNode) =>
  node.role === role && (typeof name === 'string' ? node.name === name : name.test(node.name));

describe('RGAA audit: <guichet-tracker> as assistive technology reads it', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference', forcedColors: 'none' }));

  it('point 9: the English tracker reads its own words in English and the service’s French words in French', async () => {
    const receipt = await createRequest('fr');
    await changePhase(receipt.reference, {
      phase: 'in_progress',
      label: 'Transmise aux services techniques',
      note: 'Une équipe passera jeudi.',
    });
    const el = await fixture<GuichetTracker>(
      html`<guichet-tracker endpoint=${apiUrl()} reference=${receipt.reference} code=${receipt.trackingCode} refresh="60" lang="en"></guichet-tracker>`,
    );
    await settled(el);
    const tree = await axTree({ languages: true });

    const heading = find(tree, named('heading', 'Transmise aux services techniques'));
    expect(heading, 'the status heading').to.not.equal(undefined);
    expect(heading!.lang).to.equal('fr');
    const note = find(tree, (node) => node.role === 'StaticText' && node.name === 'Une équipe passera jeudi.');
    expect(note?.lang, 'the agent’s note').to.equal('fr');
    const label = find(tree, (node) => node.role === 'StaticText' && node.name === 'Transmise aux services techniques');
    expect(label?.lang, 'the label in the history').to.equal('fr');
    // The tracker's own texts are in the page's language, marked on the content itself.
    const headings = findAll(tree, (node) => node.role === 'heading').map((node) => `${node.name} (${node.lang})`);
    expect(find(tree, named('heading', 'History of your request'))?.lang, headings.join(', ')).to.equal('en');
    expect(find(tree, (node) => node.role === 'StaticText' && node.name === 'Last updated')?.lang).to.equal('en');
    expect(find(tree, (node) => node.role === 'StaticText' && /^Stage:/.test(node.name))?.lang).to.equal('en');
  });

  it('point 3: the action-required box keeps its headings in order (no h2 under an h3)', async () => {
    const receipt = await createRequest('fr');
    await changePhase(receipt.reference, {
      phase: 'action_required',
      label: 'Pièce manquante',
      note: 'Envoyez une photo.',
    });
    const el = await fixture<GuichetTracker>(
      html`<guichet-tracker endpoint=${apiUrl()} reference=${receipt.reference} code=${receipt.trackingCode} refresh="60" lang="fr"></guichet-tracker>`,
    );
    await settled(el);
    const headings = findAll(await axTree(), (node) => node.role === 'heading').map(
      (node) => `${node.properties?.level} ${node.name}`,
    );
    expect(headings).to.deep.equal([
      '2 Pièce manquante',
      '3 Une action de votre part est nécessaire',
      '4 Répondre au service',
      '4 Besoin d’aide\u00a0?',
      '3 Historique de votre demande',
    ]);
  });

  it('point 10: with reduced motion the loading spinner stands still, and the loading text is what is read', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    answer = () => new Promise(() => {});
    const el = await fixture<GuichetTracker>(
      html`<guichet-tracker adapter="audit-pending" endpoint="https://gru.example/api" reference="VOI-2026-000042" code="H4KQ7-MXP2D" lang="fr"></guichet-tracker>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.loading__spinner'), 'the spinner shows');
    const spinning = el.shadowRoot!.querySelector('.loading__spinner')!.getAnimations();
    await Promise.all(spinning.map((animation) => animation.finished));
    expect(spinning.every((animation) => animation.playState === 'finished')).to.equal(true);
    const tree = await axTree();
    expect(
      find(tree, (node) => node.role === 'StaticText' && node.name === 'Recherche de votre demande…'),
    ).to.not.equal(undefined);
    // The spinner is decoration: the loading paragraph holds the words only.
    const loading = find(tree, (node) => node.role === 'paragraph' && textOf(node) === 'Recherche de votre demande…');
    expect(loading?.children?.map((child) => child.role)).to.deep.equal(['StaticText']);

    await emulateMedia({ reducedMotion: 'no-preference' });
    const el2 = await fixture<GuichetTracker>(
      html`<guichet-tracker adapter="audit-pending" endpoint="https://gru.example/api" reference="VOI-2026-000043" code="H4KQ7-MXP2D" lang="fr"></guichet-tracker>`,
    );
    await waitUntil(() => el2.shadowRoot!.querySelector('.loading__spinner'), 'the spinner shows');
    expect(
      el2
        .shadowRoot!.querySelector('.loading__spinner')!
        .getAnimations()
        .some((animation) => animation.playState === 'running'),
      'without the preference, it turns',
    ).to.equal(true);
  });

  it('point 2: "Demande introuvable" takes focus and is read whole: an alert with its title and its message', async () => {
    const el = await fixture<GuichetTracker>(html`<guichet-tracker endpoint=${apiUrl()} lang="fr"></guichet-tracker>`);
    await settled(el);
    const fill = (name: string, value: string) => {
      const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#${name}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    fill('reference', 'VOI-2026-999999');
    fill('code', 'AAAAA-BBBBB');
    part(el, 'lookup')!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'error', 'the problem took focus');
    const tree = await axTree();
    const [box] = focused(tree)!;
    expect(box.name).to.equal('');
    const alert = find([box], (node) => node.role === 'alert');
    expect(alert, 'an alert inside the focused box').to.not.equal(undefined);
    expect(find([alert!], (node) => node.role === 'heading')?.name).to.equal('Demande introuvable');
    expect(textOf(alert!)).to.contain('Nous ne trouvons pas de demande avec ce numéro et ce code.');
  });

  it('point 13: the look-up hints read as sentences, and in forced colours an error does not look like a label', async () => {
    const el = await fixture<GuichetTracker>(html`<guichet-tracker endpoint=${apiUrl()} lang="fr"></guichet-tracker>`);
    await settled(el);
    let tree = await axTree();
    const reference = find(tree, named('textbox', 'Numéro de la demande'));
    expect(reference?.description).to.match(/réception\. Par exemple\u00a0: /);
    const code = find(tree, named('textbox', 'Code de suivi'));
    expect(code?.description).to.match(/référence\. Par exemple\u00a0: /);

    part(el, 'lookup')!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    tree = await axTree();
    const invalid = find(tree, named('textbox', 'Numéro de la demande'))!;
    expect(invalid.properties?.invalid).to.equal('true');
    expect(invalid.description).to.contain('Erreur\u00a0: Saisissez le numéro de votre demande');

    await emulateMedia({ forcedColors: 'active' });
    const error = el.shadowRoot!.querySelector('.error')!;
    const label = el.shadowRoot!.querySelector('.label')!;
    const bar = (element: Element) => getComputedStyle(element).borderInlineStartWidth;
    expect(bar(error)).to.not.equal(bar(label));
    expect(parseFloat(bar(error))).to.be.greaterThan(0);
  });
});
