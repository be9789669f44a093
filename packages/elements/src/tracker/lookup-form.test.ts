import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../guichet-tracker.js';
import type { GuichetTracker } from './guichet-tracker.js';

const api = 'http://127.0.0.1:3/api';

function root(el: GuichetTracker): ShadowRoot {
  return el.shadowRoot!;
}

function input(el: GuichetTracker, id: string): HTMLInputElement {
  return root(el).querySelector<HTMLInputElement>(`#${id}`)!;
}

/** What assistive technology reads as an input's description: the texts of its aria-describedby ids, in order. */
function description(el: GuichetTracker, id: string): string {
  return (input(el, id).getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((ref) => root(el).getElementById(ref)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .join(' | ');
}

function activeInShadow(el: GuichetTracker): Element | null {
  return root(el).activeElement;
}

describe('<guichet-tracker> look-up form', () => {
  it('shows labelled reference and tracking-code fields with hints and examples when no reference is set', async () => {
    const el = await fixture<GuichetTracker>(html`<guichet-tracker endpoint=${api}></guichet-tracker>`);
    const labels = [...root(el).querySelectorAll('label')].map((label) => [label.htmlFor, label.textContent?.trim()]);
    expect(labels).to.deep.equal([
      ['reference', 'Numéro de la demande'],
      ['code', 'Code de suivi'],
    ]);
    expect(description(el, 'reference')).to.equal(
      'C’est la « Référence » de votre accusé de réception. Par exemple : VOI-2026-000123',
    );
    expect(description(el, 'code')).to.contain('Par exemple');
    expect(input(el, 'code').getAttribute('autocomplete')).to.equal('off');
    expect(input(el, 'reference').getAttribute('aria-invalid')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('on an empty submit, focuses an error summary linking to each field and marks the fields invalid', async () => {
    const el = await fixture<GuichetTracker>(html`<guichet-tracker endpoint=${api}></guichet-tracker>`);
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    const summary = root(el).querySelector<HTMLElement>('[part=error-summary]')!;
    expect(activeInShadow(el)).to.equal(summary);
    expect(summary.textContent).to.contain('Il y a 2 problèmes');
    const links = [...summary.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent?.trim()]);
    expect(links).to.deep.equal([
      ['#reference', 'Saisissez le numéro de votre demande'],
      ['#code', 'Saisissez le code de suivi'],
    ]);
    expect(input(el, 'reference').getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, 'reference')).to.equal(
      'C’est la « Référence » de votre accusé de réception. Par exemple : VOI-2026-000123 | Erreur : Saisissez le numéro de votre demande',
    );
    expect(description(el, 'code')).to.match(/\| Erreur : Saisissez le code de suivi$/);
    await expect(el).to.be.accessible({ ignoredRules: [] });

    summary.querySelector<HTMLAnchorElement>('a[href="#code"]')!.click();
    expect(activeInShadow(el)).to.equal(input(el, 'code'));
  });

  it('flags only the field left empty', async () => {
    const el = await fixture<GuichetTracker>(
      html`<guichet-tracker endpoint=${api} reference="VOI-2026-000001"></guichet-tracker>`,
    );
    expect(input(el, 'reference').value).to.equal('VOI-2026-000001');
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    expect(input(el, 'reference').getAttribute('aria-invalid')).to.equal('false');
    expect(input(el, 'code').getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).querySelectorAll('[part=error-summary] li')).to.have.length(1);
  });

  it('speaks English with lang="en", errors included, with zero axe violations', async () => {
    const el = await fixture<GuichetTracker>(html`<guichet-tracker lang="en" endpoint=${api}></guichet-tracker>`);
    expect(root(el).querySelector('h2')!.textContent).to.equal('Track your request');
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    expect(description(el, 'reference')).to.equal(
      'It is the “Reference” on your acknowledgement of receipt. For example: VOI-2026-000123 | Error: Enter your request number',
    );
    await expect(el).to.be.accessible();
  });

  it('follows the closest page language when it has none of its own', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB"><guichet-tracker endpoint=${api}></guichet-tracker></div>`,
    );
    const el = wrapper.querySelector('guichet-tracker')!;
    await el.updateComplete;
    expect(root(el).querySelector('label')!.textContent).to.equal('Request number');
  });

  it('asks only for the reference with adapter="open311", which has no tracking code', async () => {
    const el = await fixture<GuichetTracker>(
      html`<guichet-tracker adapter="open311" endpoint=${api}></guichet-tracker>`,
    );
    expect([...root(el).querySelectorAll('label')].map((label) => label.htmlFor)).to.deep.equal(['reference']);
    input(el, 'reference').value = '12345';
    input(el, 'reference').dispatchEvent(new Event('input'));
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part=error-summary]')).to.equal(null);
    expect(el.reference).to.equal('12345');
  });

  it('works with the keyboard alone: Tab, type, Enter', async () => {
    const el = await fixture<GuichetTracker>(html`<guichet-tracker endpoint=${api}></guichet-tracker>`);
    // Start from the page, before the element.
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(activeInShadow(el)).to.equal(input(el, 'reference'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(activeInShadow(el)).to.equal(root(el).querySelector('[part=error-summary]'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(activeInShadow(el)).to.equal(input(el, 'reference'));
    await sendKeys({ type: 'VOI-2026-000001' });
    await sendKeys({ press: 'Tab' });
    expect(activeInShadow(el)).to.equal(input(el, 'code'));
    await sendKeys({ type: 'ABCD-EFGH' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.reference).to.equal('VOI-2026-000001');
    expect(el.code).to.equal('ABCD-EFGH');
  });
});
