import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../packages/elements/src/guichet-tracker.js';
import type { GuichetTracker } from '../../packages/elements/src/tracker/guichet-tracker.js';
import type { GuichetErrorEvent } from '../../packages/elements/src/events.js';
import { apiUrl, unreachableApi } from '../helpers/admin.js';
import { createRequest, part, settled, visibleText } from './tracker-fixtures.js';

const wcag = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

async function track(
  endpoint: string,
  reference: string,
  code: string,
  lang = 'fr',
): Promise<{ el: GuichetTracker; error: GuichetErrorEvent }> {
  const errors: GuichetErrorEvent[] = [];
  // On the document: the first error may come during the element's first update, before a test could listen on it.
  const listener = (event: Event) => errors.push(event as GuichetErrorEvent);
  document.addEventListener('guichet-error', listener);
  try {
    const el = await fixture<GuichetTracker>(
      html`<guichet-tracker endpoint=${endpoint} reference=${reference} code=${code} lang=${lang}></guichet-tracker>`,
    );
    await settled(el);
    expect(errors, 'one guichet-error').to.have.length(1);
    return { el, error: errors[0]! };
  } finally {
    document.removeEventListener('guichet-error', listener);
  }
}

describe('<guichet-tracker> when the look-up fails', () => {
  it('says the same thing for a wrong code and an unknown reference, as the endpoint answers the same', async () => {
    const receipt = await createRequest();
    const unknownReference = `${receipt.reference.replace(/\d+$/, '')}999999`;

    const wrongCode = await track(apiUrl(), receipt.reference, 'WRONG-CODE');
    const unknown = await track(apiUrl(), unknownReference, receipt.trackingCode);
    const text = visibleText(wrongCode.el, '[part=error]');
    expect(text).to.contain('Nous ne trouvons pas de demande avec ce numéro et ce code. Vérifiez-les');
    expect(visibleText(unknown.el, '[part=error]')).to.equal(text);
    expect(wrongCode.error.detail.kind).to.equal('not-found');
    expect(unknown.error.detail.kind).to.equal('not-found');
    // The look-up form comes back with what was typed, to correct it; no retry (it would fail the same way).
    const reference = wrongCode.el.shadowRoot!.querySelector<HTMLInputElement>('#reference')!;
    expect(reference.value).to.equal(receipt.reference);
    expect(part(wrongCode.el, 'retry-button')).to.equal(null);
    await expect(wrongCode.el).to.be.accessible(wcag);

    const [a, b] = await Promise.all([
      fetch(`${apiUrl()}/requests/${encodeURIComponent(receipt.reference)}?code=WRONG-CODE`),
      fetch(
        `${apiUrl()}/requests/${encodeURIComponent(unknownReference)}?code=${encodeURIComponent(receipt.trackingCode)}`,
      ),
    ]);
    expect(a.status).to.equal(404);
    expect(b.status).to.equal(a.status);
    expect(await b.text()).to.equal(await a.text());
  });

  it('in English too', async () => {
    const { el } = await track(apiUrl(), 'NOPE-0000-000000', 'NOPE', 'en');
    expect(visibleText(el, '[part=error]')).to.contain('We cannot find a request with this number and code.');
    await expect(el).to.be.accessible(wcag);
  });

  it('offers a retry when the endpoint cannot be reached, and the retry asks again', async () => {
    const { el, error } = await track(unreachableApi, 'VOI-2026-000001', 'ABCD-EFGH');
    expect(error.detail.kind).to.equal('network');
    expect(visibleText(el, '[part=error]')).to.contain('Nous n’arrivons pas à joindre le service');
    const retry = part(el, 'retry-button')!;
    expect(retry.textContent!.trim()).to.equal('Réessayer');
    await expect(el).to.be.accessible(wcag);

    const again = oneEvent(el, 'guichet-error');
    retry.click();
    expect((await again).detail.kind).to.equal('network');
    await settled(el);
    // Focus lands on the message, so a keyboard or screen-reader user hears the outcome.
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'error'));
  });

  it('says so plainly when there is no endpoint to ask', async () => {
    const errors: GuichetErrorEvent[] = [];
    document.addEventListener('guichet-error', (event) => errors.push(event as GuichetErrorEvent), { once: true });
    const el = await fixture<GuichetTracker>(
      html`<guichet-tracker reference="VOI-2026-000001" code="X"></guichet-tracker>`,
    );
    expect(visibleText(el)).to.contain('Le suivi des demandes n’est pas disponible sur cette page pour le moment.');
    expect(errors[0]?.detail.kind).to.equal('configuration');
  });

  it('says so plainly when the adapter is unknown, without throwing', async () => {
    const { el, error } = await track(unreachableApi, 'VOI-2026-000001', 'X');
    expect(error.detail.kind).to.equal('network');
    el.adapter = 'no-such-adapter';
    await el.updateComplete;
    expect(visibleText(el)).to.contain('Suivi indisponible');
  });
});

describe('<guichet-tracker> look-up flow', () => {
  it('finds a request typed in the look-up form, focuses its heading, and offers to track another', async () => {
    const receipt = await createRequest();
    const el = await fixture<GuichetTracker>(html`<guichet-tracker endpoint=${apiUrl()}></guichet-tracker>`);
    const root = el.shadowRoot!;
    const type = (id: string, value: string) => {
      const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('reference', ` ${receipt.reference} `);
    type('code', receipt.trackingCode);
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settled(el);
    expect(part(el, 'title')!.textContent).to.equal('Reçue');
    expect(root.activeElement).to.equal(part(el, 'title'));

    part(el, 'track-another')!.click();
    await el.updateComplete;
    expect(part(el, 'lookup')).not.to.equal(null);
    expect(root.querySelector<HTMLInputElement>('#reference')!.value).to.equal('');
  });

  it('finds a request whose reference and code are typed in lower case with spaces around', async () => {
    const receipt = await createRequest();
    const el = await fixture<GuichetTracker>(html`<guichet-tracker endpoint=${apiUrl()}></guichet-tracker>`);
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('#reference')!.focus();
    await sendKeys({ type: `  ${receipt.reference.toLowerCase()} ` });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: ` ${receipt.trackingCode.toLowerCase()}` });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(part(el, 'title')!.textContent).to.equal('Reçue');
    expect(visibleText(el)).to.contain(`Demande n° ${receipt.reference}`);
  });

  it('with from-url, takes the reference from the page address and asks for the code, never reading one there', async () => {
    const receipt = await createRequest();
    const before = window.location.href;
    const url = new URL(before);
    url.searchParams.set('reference', receipt.reference.toLowerCase());
    // A code in an address ends up in logs and histories: an old link carrying one is not honoured.
    url.searchParams.set('code', receipt.trackingCode);
    history.replaceState(null, '', url);
    try {
      const el = await fixture<GuichetTracker>(html`<guichet-tracker endpoint=${apiUrl()} from-url></guichet-tracker>`);
      await settled(el);
      const root = el.shadowRoot!;
      expect(part(el, 'lookup')).not.to.equal(null);
      expect(root.querySelector<HTMLInputElement>('#reference')!.value).to.equal(receipt.reference.toLowerCase());
      expect(root.querySelector<HTMLInputElement>('#code')!.value).to.equal('');
      root.querySelector<HTMLInputElement>('#code')!.focus();
      await sendKeys({ type: receipt.trackingCode });
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(part(el, 'title')!.textContent).to.equal('Reçue');
      // Without the opt-in, the address is left alone.
      const plain = await fixture<GuichetTracker>(html`<guichet-tracker endpoint=${apiUrl()}></guichet-tracker>`);
      expect(plain.shadowRoot!.querySelector<HTMLInputElement>('#reference')!.value).to.equal('');
    } finally {
      history.replaceState(null, '', before);
    }
  });
});
