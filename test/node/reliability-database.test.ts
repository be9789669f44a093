/**
 * A citizen sends while the endpoint's PostgreSQL is out of reach (a restart, a failover): the
 * real <guichet-form> in Chromium says the service is unavailable for the moment and that the
 * answers are kept, then sends them by itself once the database is back, when the endpoint's
 * Retry-After said to, and the request is stored once. A real endpoint process, a real
 * PostgreSQL server behind a TCP relay we cut.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { bundleElements, sendPrefilled, servePage, type PageServer } from '../helpers/browser-page.js';
import { launchChromium } from '../helpers/chromium.js';
import { startEndpoint, storedRequests, type RunningEndpoint } from '../helpers/endpoint.js';
import { freshPostgresDatabase } from '../helpers/postgres.js';
import { Relay } from '../helpers/tcp-relay.js';

const definition = JSON.parse(
  readFileSync(new URL('../../schemas/forms/signalement-voirie.json', import.meta.url), 'utf8'),
) as { id: string };
const description = 'Le lampadaire du 4 place du Marché clignote la nuit.';

/** The text of the form's shadow root, as a screen reader would meet it. */
const formText = (tab: Page) =>
  tab.evaluate(() => document.querySelector('guichet-form')!.shadowRoot!.textContent ?? '');

describe('the database out of reach while a citizen sends', () => {
  let relay: Relay;
  let endpoint: RunningEndpoint;
  let page: PageServer;
  let browser: Browser;

  before(async () => {
    const url = new URL(await freshPostgresDatabase('citizen_outage'));
    relay = new Relay({ host: url.hostname, port: Number(url.port) });
    await relay.open();
    url.port = String(relay.port);
    page = await servePage(await bundleElements());
    endpoint = await startEndpoint({ allowedOrigins: [page.url], env: { GUICHET_DATABASE_URL: url.href } });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await endpoint?.stop();
    await relay?.stop();
    await page?.close();
  });

  it('says so, keeps the answers, and sends them once the database is back', { timeout: 60_000 }, async () => {
    const tab = await browser.newPage();
    await tab.goto(page.url);
    await tab.waitForFunction(() => customElements.get('guichet-form') !== undefined);
    await relay.stop();

    const sent = await sendPrefilled(tab, {
      definition,
      endpoint: `${endpoint.url}/api`,
      data: { category: 'eclairage', description, address: '4 place du Marché', consent: true },
    });

    await tab
      .waitForFunction(
        () => /momentanément indisponible/.test(document.querySelector('guichet-form')!.shadowRoot!.textContent ?? ''),
        undefined,
        { timeout: 20_000 },
      )
      .catch(async (error: Error) => {
        // What the citizen saw and what the endpoint said, for a failure met only on another machine.
        throw new Error(
          `${error.message}\nThe form said: ${await formText(tab)}\nThe endpoint said: ${endpoint.output().slice(-4000)}`,
        );
      });
    const meanwhile = await formText(tab);
    assert.match(meanwhile, /Votre demande n’est pas encore partie/);
    assert.match(meanwhile, /Vos réponses sont conservées sur cet appareil/);
    // One line a request in the operator's log, not a bug's stack.
    assert.match(endpoint.output(), /"msg":"database unavailable"/);
    assert.doesNotMatch(endpoint.output(), /"msg":"request failed"/);

    await relay.relay();
    const reference = await sent.receipt();
    assert.match(reference, /^VOI-\d{4}-\d{6}$/);
    const stored = await storedRequests(endpoint, definition.id);
    assert.deepEqual(
      stored.map((request) => [request.reference, request.data.description]),
      [[reference, description]],
    );
  });
});
