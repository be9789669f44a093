/**
 * 100 requests sent from Chromium through the real <guichet-form> (its SubmissionController and
 * outbox), across a proxy that spoils 30 % of requests: every one is stored exactly once.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { bundleElements, sendPrefilled, servePage, type PageServer } from '../helpers/browser-page.js';
import { launchChromium } from '../helpers/chromium.js';
import { faultyProxy, type FaultyProxy } from '../helpers/faulty-proxy.js';
import { startEndpoint, storedRequests, type RunningEndpoint } from '../helpers/endpoint.js';

const definition = JSON.parse(
  readFileSync(new URL('../../schemas/forms/signalement-voirie.json', import.meta.url), 'utf8'),
) as { id: string };
/** Ten citizens at once (one browser context each, so one outbox each), ten requests each. */
const citizens = 10;
const requestsEach = 10;

describe('submissions from the browser through a faulty network', () => {
  let endpoint: RunningEndpoint;
  let proxy: FaultyProxy;
  let page: PageServer;
  let browser: Browser;

  before(async () => {
    page = await servePage(await bundleElements());
    endpoint = await startEndpoint({ allowedOrigins: [page.url] });
    proxy = await faultyProxy(endpoint.url);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await proxy?.close();
    await endpoint?.stop();
    await page?.close();
  });

  it(
    'stores each of 100 requests exactly once when 30 % of requests are dropped, reset, delayed or refused',
    { timeout: 240_000 },
    async () => {
      const citizen = async (who: number) => {
        const context = await browser.newContext();
        const tab = await context.newPage();
        await tab.goto(page.url);
        await tab.waitForFunction(() => customElements.get('guichet-form') !== undefined);
        const references: string[] = [];
        for (let i = 0; i < requestsEach; i++) {
          const marker = `Lampadaire éteint, citoyen ${who}, demande ${i}`;
          const sent = await sendPrefilled(tab, {
            definition,
            endpoint: `${proxy.url}/api`,
            data: { category: 'eclairage', description: marker, address: '12 rue des Écoles', consent: true },
          });
          references.push(await sent.receipt());
        }
        await context.close();
        return references;
      };
      const receipts = (await Promise.all(Array.from({ length: citizens }, (_, who) => citizen(who)))).flat();

      const total = citizens * requestsEach;
      assert.equal(new Set(receipts).size, total, 'one distinct receipt per request');
      const spoiled = Object.values(proxy.faults).reduce((a, b) => a + b, 0);
      assert.ok(
        spoiled >= proxy.requests() * 0.25,
        `faults injected: ${JSON.stringify(proxy.faults)} over ${proxy.requests()} requests`,
      );
      for (const [kind, count] of Object.entries(proxy.faults)) assert.ok(count > 0, `no ${kind} fault was injected`);
      const stored = await storedRequests(endpoint, definition.id);
      assert.equal(stored.length, total, 'exactly one stored request per citizen request');
      const descriptions = stored.map((r) => r.data.description);
      assert.equal(new Set(descriptions).size, total, 'none stored twice');
      assert.deepEqual(new Set(stored.map((r) => r.reference)), new Set(receipts));
    },
  );
});
