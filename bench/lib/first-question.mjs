/* global MessageChannel, performance, requestAnimationFrame */
// Time to the first question, as a citizen on a cheap phone and a slow network feels it: a CMS
// page on one origin (the static server), the endpoint on another (the real one, serving the
// definition and its precompiled validator), a cold cache (a fresh browser context per load),
// Chrome's network emulation at a slow-4G profile and 4× CPU throttling. From navigation start to
// the first question visible and focusable, and to the whole first step drawn with the main thread
// free again (a task after the frame that drew it). Guichet is pasted as dist/snippet.html says,
// its script from a CDN (the snippet's second option) and, as `guichet-endpoint`, from the
// endpoint's /dist/ (its first); the peers fetch the same definition from the same endpoint and
// render its schema. `guichet-conditions` is the CDN page with the same form asking "Autre:
// précisez" on its first step, the condition most municipal forms have.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEndpoint } from '../../scripts/lib/endpoint-process.mjs';
import { fieldSpecs, steppedDefinition, withOtherSpecify } from './definition.mjs';
import { median } from './browser.mjs';

export const firstQuestionContenders = [
  'guichet',
  'guichet-endpoint',
  'guichet-conditions',
  'rjsf',
  'jsonforms',
  'floor',
];
export const slow4g = { latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
export const formId = 'bench-first-question';
const log = (line) => process.stderr.write(`${line}\n`);

/** Runs in every page before its own scripts: notes when the first control and the whole step appear. */
function watchControls(expected) {
  const marks = (window.firstQuestion = {});
  const controls = () => {
    const host = document.querySelector('guichet-form, floor-step');
    return [...(host?.shadowRoot ?? document).querySelectorAll('input, select, textarea')];
  };
  const tick = () => {
    const list = controls();
    if (marks.first === undefined && list.some((c) => !c.disabled && c.checkVisibility()))
      marks.first = performance.now();
    marks.count = list.length;
    if (marks.first !== undefined && list.length >= expected && list.every((c) => c.checkVisibility())) {
      // Interactive: the main thread runs the next task after the frame that drew the step.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (marks.whole = performance.now());
      channel.port2.postMessage(0);
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

function cmsPage(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — Town of Montfleury</title></head>
<body><header><p>Town of Montfleury</p></header><main id="stage-page"><h1>${title}</h1>
<p>Tell us about a problem in the street: we answer within two working days.</p>
${body}
</main><footer>1 town hall square</footer></body></html>`;
}

/** The pages, one per contender: what the static server answers at /first/{name}. */
export function firstQuestionPages({ distDir, endpointUrl }) {
  const formUrl = `${endpointUrl}/api/forms/${formId}`;
  // The snippet as pasted, with this bench's endpoint for gru.example.org and English as the page's language.
  const paste = (html, form = formUrl) =>
    html
      .replace(/https:\/\/gru\.example\.org\/api\/forms\/[\w-]+/g, form)
      .replace(/https:\/\/gru\.example\.org/g, endpointUrl)
      .replace('<guichet-form ', '<guichet-form lang="en" ');
  const snippet = readFileSync(join(distDir, 'snippet.html'), 'utf8');
  // As pasted by default (`guichet-endpoint`): guichet.js and its chunks from the endpoint's
  // /dist/, beside the definition (the endpoint serves the repository's dist/, the build measured).
  const pasted = paste(snippet);
  // From a CDN (the static server, gzip as CDNs serve it), as the snippet's second option says.
  const cdnSnippet = snippet
    .replace(/https:\/\/cdn\.example\.org\/guichet\/[^/]+\//g, '/dist/')
    .replace(/https:\/\/gru\.example\.org\/dist\//g, '/dist/');
  const fromCdn = paste(cdnSnippet);
  const peer = (script) =>
    `<div id="stage" data-src="${formUrl}"></div><script type="module" src="${script}"></script>`;
  return {
    guichet: cmsPage('Report a problem', fromCdn),
    'guichet-endpoint': cmsPage('Report a problem', pasted),
    'guichet-conditions': cmsPage('Report a problem', paste(cdnSnippet, `${formUrl}-conditions`)),
    rjsf: cmsPage('Report a problem', peer('/build/first-rjsf.js')),
    jsonforms: cmsPage('Report a problem', peer('/build/first-jsonforms.js')),
    floor: cmsPage('Report a problem', peer('/build/first-floor.js')),
  };
}

/**
 * Waits for the whole first step through the DevTools protocol, reading one global. Not with
 * Playwright's waitForFunction: it first injects its own script (hundreds of kilobytes) into the
 * page, and compiling it took ~190 ms of the throttled main thread, in the middle of the load being
 * measured (traced: it landed while guichet.js was arriving). Without it, in two interleaved runs,
 * Guichet's and the floor's first questions came 80–220 ms sooner, RJSF's up to 100 ms.
 */
async function untilWhole(cdp, url) {
  const giveUp = Date.now() + 60_000;
  for (;;) {
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: 'window.firstQuestion && window.firstQuestion.whole',
      returnByValue: true,
    });
    if (result.value !== undefined) return;
    if (Date.now() > giveUp) throw new Error(`${url}: the first step was not whole after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function load(browser, url, { expected, throttled, requests }) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (requests) page.on('request', (request) => requests.push(request.url()));
  await cdp.send('Network.enable');
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...slow4g });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.addInitScript(watchControls, expected ?? Number.MAX_SAFE_INTEGER);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    if (expected === undefined) {
      // Learning how many controls the first step has: stable for a second.
      let last = -1;
      const giveUp = Date.now() + 60_000;
      for (let stable = 0; stable < 10;) {
        if (Date.now() > giveUp)
          throw new Error(`${url}: no question after 60 s${errors.length ? `: ${errors.join('; ')}` : ''}`);
        await page.waitForTimeout(100);
        const count = await page.evaluate(() => window.firstQuestion.count ?? 0);
        stable = count === last && count > 0 ? stable + 1 : 0;
        last = count;
      }
      return { count: last, errors };
    }
    await untilWhole(cdp, url);
    return {
      ...(await page.evaluate(() => ({
        ...window.firstQuestion,
        // What arrived when: the chain of requests behind the figures.
        resources: performance
          .getEntriesByType('resource')
          .map((e) => ({ url: e.name, start: Math.round(e.startTime), end: Math.round(e.responseEnd) })),
      }))),
      errors,
    };
  } finally {
    await context.close();
  }
}

export async function firstQuestion({ browser, distDir, serverUrl, setPages, iterations, questions, perStep }) {
  const formsDir = mkdtempSync(join(tmpdir(), 'guichet-bench-forms-'));
  const definition = steppedDefinition(fieldSpecs(questions), perStep, formId);
  writeFileSync(join(formsDir, `${formId}.json`), JSON.stringify(definition, null, 2));
  writeFileSync(join(formsDir, `${formId}-conditions.json`), JSON.stringify(withOtherSpecify(definition), null, 2));
  const endpoint = await startEndpoint({ built: true, formsDir, allowedOrigins: [serverUrl] });
  const samples = {};
  const requests = {};
  try {
    setPages(firstQuestionPages({ distDir, endpointUrl: endpoint.url }));
    const expected = {};
    for (const name of firstQuestionContenders) {
      // Unthrottled warm-up: the endpoint compiles the validator, and how many controls the
      // contender's first screen has.
      requests[name] = [];
      const learned = await load(browser, `${serverUrl}/first/${name}`, { requests: requests[name] });
      if (learned.errors.length) log(`  page errors in ${name}: ${learned.errors.join(' | ')}`);
      expected[name] = learned.count;
    }
    log(`  controls on the first screen: ${firstQuestionContenders.map((c) => `${c} ${expected[c]}`).join(', ')}`);
    for (let i = 0; i < iterations; i++) {
      const order = firstQuestionContenders.map(
        (_, k) => firstQuestionContenders[(k + i) % firstQuestionContenders.length],
      );
      for (const name of order) {
        const marks = await load(browser, `${serverUrl}/first/${name}`, { expected: expected[name], throttled: true });
        if (marks.errors.length) log(`  page errors in ${name}: ${marks.errors.join(' | ')}`);
        (samples[name] ??= { first: [], whole: [] }).first.push(marks.first);
        samples[name].whole.push(marks.whole);
        (samples[name].resources ??= []).push(marks.resources);
      }
    }
    log(
      `  first question: ${firstQuestionContenders.map((c) => `${c} ${median(samples[c].first).toFixed(0)} / ${median(samples[c].whole).toFixed(0)} ms`).join(', ')}`,
    );
    return { samples, expected, requests, questions, perStep };
  } finally {
    await endpoint.stop();
    rmSync(formsDir, { recursive: true, force: true });
  }
}
