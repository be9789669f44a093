/**
 * What a citizen noticed in the first ten minutes (issue 17), each looked at as they see it: one
 * contact block on the receipt and its link to the tracker page, nested answers that read well at
 * every width, spacing inside repeatable items, the page choosing the heading level or hiding the
 * title, "Ajouter un élément", and drafts that expire and show nothing before "Reprendre".
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../packages/elements/src/guichet-form.js';
import '../../packages/elements/src/guichet-tracker.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import type { GuichetSubmittedEvent } from '../../packages/elements/src/events.js';
import { apiUrl } from '../helpers/admin.js';
import { headings } from '../helpers/ax-tree.js';
import { exampleDefinition, shadow, validAnswers, whenReady } from './form-helpers.js';

const draftKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('guichet:draft:'));
const forgetDrafts = () => draftKeys().forEach((key) => localStorage.removeItem(key));

/** Presses Continue with valid prefilled answers until the summary shows. */
async function toSummary(el: GuichetForm): Promise<void> {
  for (let step = 0; step < 10 && !shadow(el).querySelector('.summary'); step++) {
    const title = shadow(el).querySelector('#guichet-step-title')?.textContent;
    shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(
      () =>
        shadow(el).querySelector('.summary') ||
        shadow(el).querySelector('#guichet-step-title')?.textContent !== title ||
        shadow(el).querySelector('.error-summary'),
      'Continue did nothing',
      { timeout: 10_000 },
    );
    const problems = shadow(el).querySelector('.error-summary');
    if (problems) throw new Error(`errors: ${problems.textContent?.replace(/\s+/g, ' ')}`);
  }
  await el.updateComplete;
}

/** Every element matching `selector` in the element's shadow root and in the shadow roots inside it. */
function deepAll(root: ShadowRoot, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  for (const host of root.querySelectorAll('*')) if (host.shadowRoot) found.push(...deepAll(host.shadowRoot, selector));
  return found;
}

async function sendSignalement(
  attributes: { trackerUrl?: string } = {},
): Promise<{ el: GuichetForm; reference: string }> {
  const id = 'signalement-voirie';
  const el = await fixture<GuichetForm>(
    html`<guichet-form draft="none" lang="fr" endpoint=${apiUrl()} src=${`${apiUrl()}/forms/${id}`} tracker-url=${attributes.trackerUrl ?? ''}></guichet-form>`,
  );
  el.data = await validAnswers(id, 1);
  await whenReady(el);
  await toSummary(el);
  const submitted = oneEvent(el, 'guichet-submitted') as Promise<GuichetSubmittedEvent>;
  shadow(el).querySelector<HTMLButtonElement>('.summary button[type=submit]')!.click();
  const { detail } = await submitted;
  await el.updateComplete;
  // The tracker under the receipt has looked the request up.
  await waitUntil(() => deepAll(shadow(el), '[part~="status"]').length > 0, 'the embedded status', { timeout: 10_000 });
  return { el, reference: detail.reference };
}

describe('<guichet-form> receipt', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('shows one "Besoin d’aide ?" block, whatever the form, the receipt and the embedded status each could add', async () => {
    const { el } = await sendSignalement();
    const blocks = deepAll(shadow(el), '[part~="contact"]');
    expect(blocks.length, 'contact blocks').to.equal(1);
    expect(blocks[0]!.textContent).to.contain('Besoin d’aide\u00a0?');
    // It belongs to the receipt, after it.
    expect(shadow(el).querySelector('[part~="receipt"] [part~="contact"]')).to.equal(blocks[0]);
  });

  it('holds the tracker as a part of itself: its headings under "Suivre votre demande", and no larger', async () => {
    const { el } = await sendSignalement();
    const levels = await headings();
    const level = (name: string) => levels.find((h) => h.name.includes(name))?.level;
    expect(level('Demande envoyée')).to.equal(2);
    expect(level('Suivre votre demande')).to.equal(3);
    expect(levels.find((h) => h.name === 'Reçue')?.level, 'the status').to.equal(4);
    expect(level('Historique de votre demande')).to.equal(5);
    expect(level('Besoin d’aide\u00a0?')).to.equal(3);
    const follow = [...shadow(el).querySelectorAll('[part~="receipt"] h3')].find((heading) =>
      heading.textContent?.includes('Suivre votre demande'),
    )!;
    const size = (heading: Element) => parseFloat(getComputedStyle(heading).fontSize);
    const inTracker = deepAll(shadow(el), 'guichet-tracker').flatMap((tracker) => [
      ...tracker.shadowRoot!.querySelectorAll('h2, h3'),
    ]);
    expect(inTracker.length).to.be.greaterThan(1);
    for (const heading of inTracker)
      expect(size(heading), `“${heading.textContent?.trim()}”`).to.be.at.most(size(follow));
  });

  it('at 320 px, wraps the contact’s e-mail and web addresses between their parts, never mid-word', async () => {
    await setViewport({ width: 320, height: 800 });
    const { el } = await sendSignalement();
    const links = deepAll(shadow(el), '[part~="contact"] a[href^="mailto:"], [part~="contact"] a[href^="http"]');
    expect(links.length).to.equal(2);
    let wrapped = 0;
    for (const link of links) {
      const lines = new Set<number>();
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const boxes = [...range.getClientRects()].filter((box) => box.width > 0);
        expect(boxes.length, `“${node.textContent}” of ${link.textContent} on one line`).to.equal(1);
        lines.add(Math.round(boxes[0]!.top));
      }
      if (lines.size > 1) wrapped++;
    }
    // The case at hand: at 320 px, "services-techniques@montfleury.example" does not fit on one line.
    expect(wrapped, 'addresses that wrap').to.be.greaterThan(0);
  });

  it('links to the site’s tracker page with the reference, never the tracking code', async () => {
    const { el, reference } = await sendSignalement({ trackerUrl: '/suivi.html?depuis=accuse' });
    const link = shadow(el).querySelector<HTMLAnchorElement>('[part~="receipt"] a[href*="reference="]');
    expect(link, 'the link to the tracker page').to.not.equal(null);
    const url = new URL(link!.href);
    expect(url.origin).to.equal(window.location.origin);
    expect(url.pathname).to.equal('/suivi.html');
    expect(url.searchParams.get('reference')).to.equal(reference);
    expect(url.searchParams.get('depuis')).to.equal('accuse');
    expect([...url.searchParams.keys()].sort()).to.deep.equal(['depuis', 'reference']);
    expect(link!.textContent).to.contain('page de suivi');
    // Without a tracker page, no link.
    const { el: plain } = await sendSignalement();
    expect(shadow(plain).querySelector('[part~="receipt"] a[href*="reference="]')).to.equal(null);
  });
});

describe('<guichet-form> check-your-answers with nested answers', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const width of [320, 480, 768, 1024, 1280]) {
    it(`at ${width} px, the children's answers sit in columns wide enough for their words`, async () => {
      await setViewport({ width, height: 900 });
      const el = await fixture<GuichetForm>(
        html`<guichet-form draft="none" lang="fr" .definition=${await exampleDefinition('inscription-cantine')}></guichet-form>`,
      );
      el.data = await validAnswers('inscription-cantine');
      await whenReady(el);
      await toSummary(el);
      const root = shadow(el);
      const cells = [...root.querySelectorAll<HTMLElement>('.summary__nested dt, .summary__nested dd')];
      expect(cells.length, 'nested cells').to.be.greaterThan(10);
      const summary = root.querySelector('.summary')!.getBoundingClientRect().width;
      // "septembre", "Prénom", "Allergie alimentaire" fit whole: 8.5em of 16 px, or the whole width when narrower.
      const least = Math.min(136, summary * 0.4);
      for (const cell of cells) {
        const box = cell.getBoundingClientRect();
        if (cell.querySelector('dl')) continue; // An item's answers, as wide as their list.
        expect(box.width, `${cell.tagName} “${cell.textContent?.trim().slice(0, 30)}” width`).to.be.at.least(least);
      }
      // Nothing wider than the screen.
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      // Words are never cut: each answer's longest word fits its cell.
      for (const cell of root.querySelectorAll<HTMLElement>('.summary__nested dd.summary__value')) {
        const probe = document.createElement('span');
        probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
        const longest = (cell.textContent ?? '').split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? '';
        probe.textContent = longest;
        cell.append(probe);
        const fits = probe.getBoundingClientRect().width <= cell.getBoundingClientRect().width + 0.5;
        probe.remove();
        expect(fits, `“${longest}” fits in its cell`).to.equal(true);
      }
    });
  }
});

describe('<guichet-form> repeatable items', () => {
  it('keep the same space between their questions as the rest of the form', async () => {
    const definition = await exampleDefinition('inscription-cantine');
    const el = await fixture<GuichetForm>(
      html`<guichet-form draft="none" lang="fr" .definition=${definition}></guichet-form>`,
    );
    el.data = await validAnswers('inscription-cantine');
    await whenReady(el);
    shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => shadow(el).querySelector('.group__item'), 'the children step', { timeout: 10_000 });
    await el.updateComplete;
    const root = shadow(el);
    const gaps = (boxes: Element[]) =>
      boxes.slice(1).map((box, i) => box.getBoundingClientRect().top - boxes[i]!.getBoundingClientRect().bottom);
    const item = root.querySelector('.group__item')!;
    const inItem = gaps([...item.querySelectorAll(':scope > .field, :scope > .fieldset')]);
    // The form's own spacing between two questions, on the parent's step.
    const parentForm = await fixture<GuichetForm>(
      html`<guichet-form draft="none" lang="fr" .definition=${definition}></guichet-form>`,
    );
    await whenReady(parentForm);
    const parentFields = [...shadow(parentForm).querySelectorAll('.fieldset > .field')];
    const formGap = Math.min(...gaps(parentFields));
    expect(inItem.length).to.be.greaterThan(3);
    for (const gap of inItem) expect(gap, 'space between two questions of an item').to.be.at.least(formGap - 0.5);
    // The allergy box stands apart from the weekdays above it.
    const days = item.querySelector('input[type=checkbox][name$="/days"]')!.closest('.field')!;
    const allergy = item.querySelector('input[type=checkbox][name$="/allergy"]')!.closest('.field')!;
    expect(allergy.getBoundingClientRect().top - days.getBoundingClientRect().bottom).to.be.at.least(formGap - 0.5);
  });

  it('say "Ajouter un élément" when the definition names no item', async () => {
    const definition = {
      id: 'liste',
      version: '1.0.0',
      title: 'Liste',
      schema: {
        type: 'object',
        properties: {
          things: {
            type: 'array',
            title: 'Objets',
            items: { type: 'object', properties: { name: { type: 'string', title: 'Nom' } } },
          },
        },
      },
    };
    const el = await fixture<GuichetForm>(
      html`<guichet-form draft="none" lang="fr" .definition=${definition}></guichet-form>`,
    );
    await whenReady(el);
    const add = shadow(el).querySelector<HTMLButtonElement>('[data-action="add-item"]')!;
    expect(add.textContent!.trim()).to.equal('Ajouter un élément');
    el.lang = 'en';
    await waitUntil(() => add.textContent!.trim() === 'Add an item', 'in English');
  });
});

describe('<guichet-form> headings in the host page', () => {
  it('takes the level the page gives, and the steps follow', async () => {
    const definition = await exampleDefinition('signalement-voirie');
    const el = await fixture<GuichetForm>(
      html`<guichet-form draft="none" lang="fr" heading-level="3" .definition=${definition}></guichet-form>`,
    );
    await whenReady(el);
    const levels = await headings();
    expect(levels.find((h) => h.name === 'Signaler un problème dans la rue')?.level).to.equal(3);
    // The step's heading is read with its position (issue 23, point 4).
    expect(levels.find((h) => /^Étape 1 sur \d+ Le problème$/.test(h.name))?.level).to.equal(4);
    expect(levels.find((h) => h.name === 'Besoin d’aide\u00a0?')?.level).to.equal(4);
  });

  it('hides its title from sight when the page’s heading already says it', async () => {
    const definition = await exampleDefinition('signalement-voirie');
    const el = await fixture<GuichetForm>(html`<div>
      <h1>Signaler un problème dans la rue</h1>
      <guichet-form draft="none" lang="fr" hide-title .definition=${definition}></guichet-form>
    </div>`);
    const form = el.querySelector('guichet-form') as GuichetForm;
    await whenReady(form);
    const title = shadow(form).querySelector<HTMLElement>('#guichet-title')!;
    const box = title.getBoundingClientRect();
    expect(box.width * box.height, 'the title takes no room').to.be.at.most(1);
    // Still the form's heading for a screen reader, so the steps keep their place below it.
    const levels = await headings();
    expect(levels.find((h) => h.name === 'Signaler un problème dans la rue' && h.level === 2)).to.not.equal(undefined);
    expect(levels.find((h) => /^Étape 1 sur \d+ Le problème$/.test(h.name))?.level).to.equal(3);
  });
});

describe('<guichet-form> drafts on a shared computer', () => {
  beforeEach(forgetDrafts);
  afterEach(forgetDrafts);
  const realNow = Date.now;
  afterEach(() => (Date.now = realNow));
  const day = 86_400_000;

  async function leaveADraft(): Promise<void> {
    const definition = await exampleDefinition('inscription-cantine');
    const el = await fixture<GuichetForm>(html`<guichet-form lang="fr" .definition=${definition}></guichet-form>`);
    await whenReady(el);
    el.data = await validAnswers('inscription-cantine');
    await el.updateComplete;
    const input = shadow(el).querySelector<HTMLInputElement>('input[type=text], input[type=email]')!;
    input.value = 'Sophie';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.remove(); // Leaving the page saves at once.
    expect(draftKeys()).to.have.length(1);
  }

  async function comeBack(attributes = ''): Promise<GuichetForm> {
    const definition = await exampleDefinition('inscription-cantine');
    const el = await fixture<GuichetForm>(
      attributes
        ? html`<guichet-form lang="fr" draft-days=${attributes} .definition=${definition}></guichet-form>`
        : html`<guichet-form lang="fr" .definition=${definition}></guichet-form>`,
    );
    await whenReady(el);
    return el;
  }

  it('offers to resume without showing any answer before the citizen chooses', async () => {
    await leaveADraft();
    const el = await comeBack();
    const root = shadow(el);
    expect(root.querySelector('#guichet-draft-title'), 'the offer').to.not.equal(null);
    const shown = [
      root.textContent ?? '',
      ...[...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea, select')].map(
        (c) => c.value,
      ),
    ].join(' ');
    for (const personal of ['Sophie', 'Lefèvre', 'sophie.lefevre@exemple.fr', '1234567', 'Lucas', 'Emma', 'arachide'])
      expect(shown, personal).to.not.contain(personal);
  });

  it('are not offered after 7 days (a fake clock), and are deleted', async () => {
    await leaveADraft();
    Date.now = () => realNow() + 6 * day;
    const within = await comeBack();
    expect(shadow(within).querySelector('#guichet-draft-title'), 'offered on day 6').to.not.equal(null);
    within.remove();
    Date.now = () => realNow() + 8 * day;
    const after = await comeBack();
    expect(shadow(after).querySelector('#guichet-draft-title'), 'offered on day 8').to.equal(null);
    expect(draftKeys()).to.deep.equal([]);
  });

  it('follow draft-days', async () => {
    await leaveADraft();
    Date.now = () => realNow() + 20 * day;
    const month = await comeBack('30');
    expect(shadow(month).querySelector('#guichet-draft-title'), 'kept 30 days').to.not.equal(null);
    month.remove();
    Date.now = () => realNow() + 2 * day;
    const day1 = await comeBack('1');
    expect(shadow(day1).querySelector('#guichet-draft-title'), 'kept 1 day').to.equal(null);
    expect(draftKeys()).to.deep.equal([]);
  });

  it('are deleted once the request is sent', async () => {
    const id = 'signalement-voirie';
    const el = await fixture<GuichetForm>(
      html`<guichet-form lang="fr" endpoint=${apiUrl()} src=${`${apiUrl()}/forms/${id}`}></guichet-form>`,
    );
    el.data = await validAnswers(id, 1);
    await whenReady(el);
    const description = shadow(el).querySelector<HTMLTextAreaElement>('textarea')!;
    description.value += ' Devant l’école.';
    description.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => draftKeys().length === 1, 'a draft while filling in', { timeout: 5000 });
    await toSummary(el);
    const submitted = oneEvent(el, 'guichet-submitted');
    shadow(el).querySelector<HTMLButtonElement>('.summary button[type=submit]')!.click();
    await submitted;
    expect(draftKeys()).to.deep.equal([]);
  });
});
