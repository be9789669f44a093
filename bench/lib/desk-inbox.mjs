// The agents' inbox at 100,000 requests against the same inbox at 1,000, in one run: the
// endpoint's answers (first page, a page deep in the list, a filter by step, a word of the
// answers) and what an agent waits for in the desk (sign-in to the first rows, the next page, a
// search). The database is a real SQLite file filled through the store, then served by a real
// endpoint process; the desk is the endpoint's own /desk page in headless Chromium.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { startEndpoint } from '../../scripts/lib/endpoint-process.mjs';
import { launch, median } from './browser.mjs';

const { SqliteStore } = await import('../../packages/endpoint/dist/index.js');

const words = ['lampadaire', 'trottoir', 'poubelle', 'banc', 'feu', 'panneau', 'arbre', 'fontaine', 'nid-de-poule'];
const streets = ['rue des Lilas', 'place du Marché', 'avenue de la Gare', 'rue Victor-Hugo', 'chemin des Vignes'];

function newRequest(i, marker) {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return {
    formId: 'signalement-voirie',
    formVersion: '1.0.0',
    formTitle: 'Signaler un problème dans la rue',
    channel: i % 7 === 0 ? 'counter' : 'web',
    lang: 'fr',
    data: {
      category: 'autre',
      description: `${i === marker ? 'Un lampadaire rarissime ' : ''}Le ${words[i % words.length]} du ${i % 200} ${streets[i % streets.length]} est abîmé.`,
      address: `${i % 200} ${streets[i % streets.length]}`,
      consent: true,
    },
    idempotencyKeyHash: randomBytes(32),
    submissionHash: randomBytes(32),
    byAgent: false,
    trackingCodeHash: randomBytes(32),
    referencePrefix: 'VOI',
    receivedAt: new Date(at),
    firstStatus: { at, phase: 'received', code: 'received', label: 'Demande reçue' },
    attachmentIds: [],
  };
}

/** A SQLite file with `count` requests, one in 50 moved to action_required; `marker` holds a rare word. */
async function seed(path, count) {
  const store = new SqliteStore(path);
  const marker = Math.floor(count / 2);
  try {
    for (let start = 0; start < count; start += 2000) {
      await store.transaction(async (tx) => {
        for (let i = start; i < Math.min(count, start + 2000); i++) {
          const created = await tx.requests.insertOrGet(newRequest(i, marker));
          if (i % 50 === 0) {
            const at = new Date(Date.parse(created.record.createdAt) + 30_000).toISOString();
            await tx.requests.appendStatus(created.record.reference, {
              at,
              phase: 'action_required',
              code: 'action_required',
              label: 'Pièce à fournir',
            });
          }
        }
      });
    }
  } finally {
    await store.close();
  }
}

async function timed(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function apiTimings(endpoint, count, rounds) {
  const get = async (query) => {
    const response = await fetch(`${endpoint.url}/api/admin/requests?${query}`, {
      headers: { Authorization: `Bearer ${endpoint.adminToken}` },
    });
    if (!response.ok) throw new Error(`inbox: HTTP ${response.status}`);
    return response.json();
  };
  const first = await get('limit=26');
  let deep = first.at(-1).reference;
  // A page about half-way down: keyset paging from the reference above it.
  for (let hop = 0; hop < Math.floor(count / 1000); hop++)
    deep = (await get(`limit=500&before=${deep}`)).at(-1).reference;
  const samples = { first: [], deep: [], phase: [], rarePhase: [], search: [] };
  for (let round = 0; round < rounds; round++) {
    samples.first.push(await timed(() => get('limit=26')));
    samples.deep.push(await timed(() => get(`limit=26&before=${deep}`)));
    samples.phase.push(await timed(() => get('limit=26&phase=action_required')));
    // No request is cancelled: the filter reads the whole table, the worst case.
    samples.rarePhase.push(await timed(() => get('limit=26&phase=cancelled')));
    samples.search.push(await timed(() => get('limit=26&q=rarissime')));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

async function deskTimings(browser, endpoint, agentToken, rounds) {
  const samples = { signIn: [], nextPage: [], search: [] };
  for (let round = 0; round < rounds; round++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${endpoint.url}/desk`);
      const rows = page.locator('guichet-desk [part~="inbox-row"]');
      await page.locator('guichet-desk #token').fill(agentToken);
      samples.signIn.push(
        await timed(async () => {
          await page.locator('guichet-desk #token').press('Enter');
          await rows.first().waitFor();
        }),
      );
      const firstReference = await rows.first().locator('button').innerText();
      samples.nextPage.push(
        await timed(async () => {
          await page.locator('guichet-desk .pager button').last().click();
          await page.waitForFunction(
            (before) =>
              document
                .querySelector('guichet-desk')
                ?.shadowRoot?.querySelector('[part~="inbox-row"] button')
                ?.textContent?.trim() !== before,
            firstReference,
          );
        }),
      );
      await page.locator('guichet-desk #filter-q').fill('rarissime');
      samples.search.push(
        await timed(async () => {
          await page.locator('guichet-desk #filter-q').press('Enter');
          await page.waitForFunction(
            () =>
              document.querySelector('guichet-desk')?.shadowRoot?.querySelectorAll('[part~="inbox-row"]').length === 1,
          );
        }),
      );
    } finally {
      await context.close();
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

/** Medians at `sizes` (e.g. 1,000 and 100,000 requests), each size seeded once and measured `rounds` times. */
export async function deskInbox({ sizes = [1_000, 100_000], rounds = 7, log = () => {} } = {}) {
  const results = {};
  const browser = await launch();
  try {
    for (const count of sizes) {
      const dir = mkdtempSync(join(tmpdir(), 'guichet-inbox-'));
      try {
        const path = join(dir, 'inbox.sqlite');
        const seeding = await timed(() => seed(path, count));
        log(`  ${count} requests seeded in ${(seeding / 1000).toFixed(1)} s`);
        const endpoint = await startEndpoint({ built: true, env: { GUICHET_DB: path } });
        try {
          const agent = await (
            await fetch(`${endpoint.url}/api/admin/agents`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${endpoint.adminToken}`, 'Content-Type': 'application/json' },
              body: JSON.stringify({ name: 'Banc d’essai' }),
            })
          ).json();
          results[count] = {
            api: await apiTimings(endpoint, count, rounds),
            desk: await deskTimings(browser, endpoint, agent.token, Math.max(3, Math.ceil(rounds / 2))),
          };
        } finally {
          await endpoint.stop();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

// `node bench/lib/desk-inbox.mjs` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await deskInbox({ log: (line) => process.stderr.write(`${line}\n`) });
  console.log(JSON.stringify(results, null, 2));
}
