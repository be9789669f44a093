import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../packages/elements/src/guichet-form.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import { apiUrl, storedWith, unreachableApi } from '../helpers/admin.js';

const formId = 'signalement-voirie';
const src = () => `${apiUrl()}/forms/${formId}`;

async function ready(el: GuichetForm): Promise<ShadowRoot> {
  await waitUntil(() => el.shadowRoot?.querySelector('form, .receipt'), 'the form did not render', { timeout: 10_000 });
  await el.updateComplete;
  return el.shadowRoot!;
}

/** Continue through every step, then Send, as a citizen whose answers were all prefilled. */
async function sendPrefilled(el: GuichetForm): Promise<void> {
  const root = await ready(el);
  let sent = false;
  el.addEventListener('guichet-submit', () => (sent = true), { once: true });
  for (let guard = 0; !sent && guard < 10; guard++) {
    const before = root.querySelector('#guichet-step-title')?.textContent;
    const button = root.querySelector<HTMLButtonElement>('button[type=submit]');
    if (!button) throw new Error(`no Send button: ${root.textContent?.replace(/\s+/g, ' ').slice(0, 600)}`);
    button.click();
    await waitUntil(
      () => sent || root.querySelector('#guichet-step-title')?.textContent !== before,
      'Continue led nowhere',
      { timeout: 5000 },
    );
    await el.updateComplete;
    if (!sent)
      expect(
        root.querySelector('#guichet-error-summary'),
        root.querySelector('#guichet-error-summary')?.textContent ?? '',
      ).to.equal(null);
  }
  expect(sent).to.equal(true);
}

function clearOutbox(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('guichet:outbox:')) localStorage.removeItem(key);
}

describe('<guichet-form> sending through the outbox', () => {
  beforeEach(clearOutbox);
  afterEach(clearOutbox);

  it('endpoint unreachable: keeps the answers; after a reload with the endpoint back, one request and the receipt', async () => {
    const marker = `Élément hors ligne ${crypto.randomUUID()}`;
    const answers = { category: 'eclairage', description: marker, address: 'Place du Marché', consent: true };
    const offline = await fixture<GuichetForm>(
      html`<guichet-form draft="none" endpoint=${unreachableApi} src=${src()} .data=${answers}></guichet-form>`,
    );
    await sendPrefilled(offline);
    const root = offline.shadowRoot!;
    await waitUntil(
      () => root.textContent?.includes('Vos réponses sont conservées sur cet appareil'),
      'the waiting message',
      { timeout: 5000 },
    );
    expect([...root.querySelectorAll('button')].map((b) => b.textContent?.trim())).to.include('Réessayer');
    await expect(offline).to.be.accessible({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });

    fixtureCleanup(); // the tab is closed

    const online = await fixture<GuichetForm>(
      html`<guichet-form draft="none" endpoint=${apiUrl()} src=${src()}></guichet-form>`,
    );
    const again = await ready(online);
    await waitUntil(() => again.querySelector('.receipt'), 'the receipt after resuming', { timeout: 10_000 });
    expect(again.querySelector('.receipt h2')!.textContent).to.contain('Demande envoyée');
    expect(await storedWith(formId, 'description', marker)).to.have.length(1);
  });
});
