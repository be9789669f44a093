// `npm run bench`: Guichet against react-jsonschema-form, JSON Forms and a hand-written Lit floor,
// measured in the same run (round-robin per iteration) in headless Chromium, and the reference
// endpoint under autocannon. Prints a table, writes bench/results.json and bench/results.svg.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');
const quick = process.argv.includes('--quick');

function step(label, command, args) {
  process.stderr.write(`▶ ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The peers live in bench/node_modules only (not a workspace): `npm ci` at the root stays lean.
if (!existsSync(join(benchDir, 'node_modules')))
  step('npm ci --prefix bench', 'npm', ['ci', '--prefix', 'bench', '--no-audit', '--no-fund']);
if (!process.argv.includes('--no-build')) step('node scripts/build.mjs', process.execPath, ['scripts/build.mjs']);

const { buildContenders } = await import('./lib/bundles.mjs');
const { sizes: measureSizes } = await import('./lib/size.mjs');
const { startStaticServer } = await import('./lib/server.mjs');
const { launch, firstRender, inputLatency, memory, median, contenders } = await import('./lib/browser.mjs');
const { endpointLoad } = await import('./lib/endpoint.mjs');
const { deskInbox } = await import('./lib/desk-inbox.mjs');
const { firstQuestion, firstQuestionContenders } = await import('./lib/first-question.mjs');
const { table, chart } = await import('./lib/report.mjs');
const { snapshotDist } = await import('./lib/snapshot.mjs');

const config = {
  // A municipal form of 30 questions, 10 to a step; ≥ 10 cold loads per contender.
  firstQuestion: { iterations: quick ? 3 : 11, questions: 30, perStep: 10 },
  sizes: [50, 200, 1000],
  iterations: quick ? { 50: 3, 200: 3, 1000: 2 } : { 50: 11, 200: 21, 1000: 21 },
  latencySizes: [200, 1000],
  latencyIterations: quick ? 1 : 3,
  latencyFixes: 5,
  throttle: [1, 4],
  memorySizes: [200, 1000],
  // Per size and contender: one warm-up run of this many cycles, then as many measured.
  memoryCycles: quick ? 5 : 10,
  memoryRounds: quick ? 1 : 2,
  endpointSeconds: quick ? 5 : 15,
  // Multiples of three, so the three-instance rows spread connections evenly.
  endpointConnections: 12,
  endpointLoadedConnections: 48,
  // The three-instance target, offered at 5 % above it (a rounding of the duration cannot fail it),
  // by the busy hour's clients.
  endpointOffered: 1050,
  endpointOfferedConnections: 48,
  // The agents' inbox at a small town's size and at a département's, measured in the same run.
  inboxSizes: quick ? [1_000, 20_000] : [1_000, 100_000],
  inboxRounds: quick ? 3 : 7,
};

const started = Date.now();
const log = (line) => process.stderr.write(`${line}\n`);
log('▶ bundles (esbuild: minified ESM, production React)');
const buildDir = await buildContenders(benchDir);
// A copy of what dist/guichet.js loads: a build running elsewhere cannot change it under the bench.
const distCopy = snapshotDist(root, join(buildDir, 'dist'));
const size = measureSizes({ root, buildDir, distDir: distCopy });
const server = await startStaticServer({ root, buildDir, distDir: distCopy });
const browser = await launch();
let render, renderCpu, latency, latencyFailures, heap, first;
try {
  log('▶ time to the first question (slow 4G, CPU ×4, cold cache)');
  first = await firstQuestion({
    browser,
    distDir: distCopy,
    serverUrl: server.url,
    setPages: server.setFirstPages,
    ...config.firstQuestion,
  });
  log('▶ first render');
  ({ samples: render, cpu: renderCpu } = await firstRender({
    browser,
    baseUrl: server.url,
    sizes: config.sizes,
    iterations: (n) => config.iterations[n],
  }));
  log('▶ input latency');
  ({ samples: latency, failures: latencyFailures } = await inputLatency({
    browser,
    baseUrl: server.url,
    sizes: config.latencySizes,
    iterations: config.latencyIterations,
    fixes: config.latencyFixes,
    throttle: config.throttle,
  }));
  log('▶ memory');
  heap = await memory({
    browser,
    baseUrl: server.url,
    sizes: config.memorySizes,
    cycles: config.memoryCycles,
    rounds: config.memoryRounds,
  });
} finally {
  await browser.close();
  await server.close();
}
log('▶ endpoint (autocannon: SQLite, then PostgreSQL with 1 and 3 instances)');
const endpoint = await endpointLoad({
  seconds: config.endpointSeconds,
  connections: config.endpointConnections,
  loadedConnections: config.endpointLoadedConnections,
  offered: config.endpointOffered,
  offeredConnections: config.endpointOfferedConnections,
});
log(`▶ the agents' inbox at ${config.inboxSizes.join(' and ')} requests`);
const inbox = await deskInbox({ sizes: config.inboxSizes, rounds: config.inboxRounds, log });

const medians = {
  firstQuestion: Object.fromEntries(
    firstQuestionContenders.map((c) => [
      c,
      { first: median(first.samples[c].first), whole: median(first.samples[c].whole) },
    ]),
  ),
  firstRender: Object.fromEntries(
    contenders.map((c) => [c, Object.fromEntries(config.sizes.map((n) => [n, median(render[c][n])]))]),
  ),
  firstRenderCpu: Object.fromEntries(
    contenders.map((c) => [c, Object.fromEntries(config.sizes.map((n) => [n, median(renderCpu[c][n])]))]),
  ),
  inputLatency: Object.fromEntries(
    config.throttle.map((rate) => [
      rate,
      Object.fromEntries(
        contenders.map((c) => [
          c,
          Object.fromEntries(config.latencySizes.map((n) => [n, median(latency[rate][c][n])])),
        ]),
      ),
    ]),
  ),
  memory: Object.fromEntries(
    contenders.map((c) => [
      c,
      Object.fromEntries(
        config.memorySizes.map((n) => [
          n,
          {
            perCycle: median(heap[c][n].map((s) => s.perCycle)),
            warmUpPerCycle: median(heap[c][n].map((s) => s.warmUpPerCycle)),
          },
        ]),
      ),
    ]),
  ),
};

const KB = 1024;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;
const x = (value) => `${value.toFixed(2)}×`;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
/** PASS, or MISS naming the parts of a target that missed. */
const verdicts = (...parts) => {
  const missed = parts.filter(([ok]) => !ok).map(([, name]) => name);
  return missed.length ? `MISS (${missed.join(', ')})` : 'PASS';
};
const rows = [];

rows.push({
  measure: 'Size: first load, min+gzip',
  guichet: kb(size.guichet.main.gzip),
  floor: kb(size.peers.floor.gzip),
  rjsf: kb(size.peers.rjsf.gzip),
  jsonforms: kb(size.peers.jsonforms.gzip),
  ratios: `floor ${x(size.guichet.main.gzip / size.peers.floor.gzip)}, RJSF ${x(size.guichet.main.gzip / size.peers.rjsf.gzip)}, JF ${x(size.guichet.main.gzip / size.peers.jsonforms.gzip)}`,
  target: '≤ 30 KB',
  result: verdict(size.guichet.main.gzip <= 30 * KB),
});
rows.push({
  measure: "Size: the agents' desk (its own entry), min+gzip",
  guichet: kb(size.desk.gzip),
  ratios: `${x(size.desk.gzip / size.guichet.main.gzip)} the citizens' first load, which does not include it`,
  target: "not in the citizens' first load",
  result: verdict(!size.guichet.main.files.some((f) => f.file.includes('desk'))),
});
rows.push({
  measure: 'Size: everything (+ lazy chunks)',
  guichet: kb(size.guichet.total.gzip),
  target: '≤ 75 KB',
  result: verdict(size.guichet.total.gzip <= 75 * KB),
});
for (const [mark, label] of [
  ['first', 'first question visible and focusable'],
  ['whole', 'whole first step interactive'],
]) {
  const f = Object.fromEntries(firstQuestionContenders.map((c) => [c, medians.firstQuestion[c][mark]]));
  const vsFloor = f.guichet / f.floor;
  const vsRjsf = f.guichet / f.rjsf;
  rows.push({
    measure: `Time to ${label} (slow 4G, CPU ×4, cold)`,
    guichet: ms(f.guichet),
    floor: ms(f.floor),
    rjsf: ms(f.rjsf),
    jsonforms: ms(f.jsonforms),
    ratios: `floor ${x(vsFloor)}, RJSF ${x(vsRjsf)}, JF ${x(f.guichet / f.jsonforms)}`,
    target: '≤ 1.25× floor, ≤ 0.5× RJSF',
    result: verdicts([vsFloor <= 1.25, 'floor'], [vsRjsf <= 0.5, 'RJSF']),
  });
}
{
  // The snippet as a web team pastes it: the script and its chunks from the endpoint's /dist/.
  const { 'guichet-endpoint': pasted, floor, rjsf } = medians.firstQuestion;
  rows.push({
    measure: 'Time to first question, snippet as pasted (script from the endpoint)',
    guichet: ms(pasted.first),
    floor: ms(floor.first),
    rjsf: ms(rjsf.first),
    ratios: `floor ${x(pasted.first / floor.first)}, RJSF ${x(pasted.first / rjsf.first)}; whole step ${ms(pasted.whole)}`,
    target: '',
    result: '',
  });
}
{
  // The same form with the condition most municipal forms have ("Autre" → "Précisez"): its first
  // step waits for what decides what it shows.
  const { 'guichet-conditions': conditions, guichet, floor, rjsf } = medians.firstQuestion;
  rows.push({
    measure: 'Time to first question, a form with conditions (script from the CDN)',
    guichet: ms(conditions.first),
    floor: ms(floor.first),
    rjsf: ms(rjsf.first),
    ratios: `floor ${x(conditions.first / floor.first)}, RJSF ${x(conditions.first / rjsf.first)}; ${x(conditions.first / guichet.first)} the form without; whole step ${ms(conditions.whole)}`,
    target: '',
    result: '',
  });
}
/** Two animation frames at 60 Hz: no contender renders in less, so a ratio against a peer is at most its time / this. */
const leastRender = 2000 / 60;
for (const n of config.sizes) {
  const f = medians.firstRender;
  const vsFloor = f.guichet[n] / f.floor[n];
  const vsRjsf = f.rjsf[n] / f.guichet[n];
  const vsJf = f.jsonforms[n] / f.guichet[n];
  const targeted = n !== 50;
  rows.push({
    measure: `First render, ${n} fields`,
    guichet: ms(f.guichet[n]),
    floor: ms(f.floor[n]),
    rjsf: ms(f.rjsf[n]),
    jsonforms: ms(f.jsonforms[n]),
    ratios: `floor ${x(vsFloor)}; RJSF/G ${x(vsRjsf)}, JF/G ${x(vsJf)}`,
    target: targeted ? '≤ 1.3× floor, RJSF ≥ 1.75×, JF ≥ 4×' : '',
    result: targeted
      ? verdicts(
          [vsFloor <= 1.3, 'floor'],
          [vsRjsf >= 1.75, `RJSF, ${x(f.rjsf[n] / leastRender)} at best`],
          [vsJf >= 4, `JF, ${x(f.jsonforms[n] / leastRender)} at best`],
        )
      : '',
  });
}
for (const n of config.sizes) {
  const f = medians.firstRenderCpu;
  const vsFloor = f.guichet[n] / f.floor[n];
  const targeted = n !== 1000;
  rows.push({
    measure: `First render, ${n} fields: main-thread CPU`,
    guichet: ms(f.guichet[n]),
    floor: ms(f.floor[n]),
    rjsf: ms(f.rjsf[n]),
    jsonforms: ms(f.jsonforms[n]),
    ratios: `floor ${x(vsFloor)}; RJSF/G ${x(f.rjsf[n] / f.guichet[n])}, JF/G ${x(f.jsonforms[n] / f.guichet[n])}`,
    target: targeted ? '≤ 1.2× floor' : '',
    result: targeted ? verdict(vsFloor <= 1.2) : '',
  });
}
for (const rate of config.throttle) {
  for (const n of config.latencySizes) {
    const l = medians.inputLatency[rate];
    const vsFloor = l.guichet[n] / l.floor[n];
    const vsRjsf = l.rjsf[n] / l.guichet[n];
    const targeted = n === 1000;
    rows.push({
      measure: `Input latency, ${n} fields${rate > 1 ? `, CPU ×${rate}` : ''}`,
      guichet: ms(l.guichet[n]),
      floor: ms(l.floor[n]),
      rjsf: ms(l.rjsf[n]),
      jsonforms: ms(l.jsonforms[n]),
      ratios: `floor ${x(vsFloor)}; RJSF/G ${x(vsRjsf)}, JF/G ${x(l.jsonforms[n] / l.guichet[n])}`,
      target: targeted ? '≤ 1.5× floor, RJSF ≥ 3×' : '≤ 1.5× floor',
      result: verdict(vsFloor <= 1.5 && (!targeted || vsRjsf >= 3)),
    });
  }
}
// What each mount leaves behind once the code is hot: at most what a hand-written element keeps
// plus 4 KB per cycle.
for (const n of config.memorySizes) {
  const m = Object.fromEntries(contenders.map((c) => [c, medians.memory[c][n]]));
  rows.push({
    measure: `Heap kept per mount/unmount cycle, ${n} fields`,
    guichet: kb(m.guichet.perCycle),
    floor: kb(m.floor.perCycle),
    rjsf: kb(m.rjsf.perCycle),
    jsonforms: kb(m.jsonforms.perCycle),
    ratios: `first ${config.memoryCycles} cycles (warm-up): G ${kb(m.guichet.warmUpPerCycle)}, floor ${kb(m.floor.warmUpPerCycle)}, RJSF ${kb(m.rjsf.warmUpPerCycle)}, JF ${kb(m.jsonforms.warmUpPerCycle)}`,
    target: '≤ floor + 4 KB',
    result: verdict(m.guichet.perCycle <= Math.max(0, m.floor.perCycle) + 4 * KB),
  });
}
const endpointRows = [
  ['SQLite (embedded)', endpoint.sqlite, { rate: 1000, p99: 50 }],
  ['PostgreSQL, 1 instance', endpoint.postgresOne, undefined],
  ['PostgreSQL, 3 instances', endpoint.postgresThree, { rate: 1000, p99: 100 }],
  ['PostgreSQL, 3 instances, five forms, their mails on', endpoint.postgresThreeMix, undefined],
  ['SQLite (embedded)', endpoint.loaded.sqlite, { rate: 1000, p99: 50 }],
  ['PostgreSQL, 1 instance', endpoint.loaded.postgresOne, undefined],
  ['PostgreSQL, 3 instances', endpoint.loaded.postgresThree, { rate: 1000, p99: 100 }],
  [
    `PostgreSQL, 3 instances, ${config.endpointOffered}/s offered`,
    endpoint.postgresThreeOffered,
    { rate: 1000, p99: 100 },
  ],
];
for (const [name, measured, target] of endpointRows) {
  // Each row's ratio is to SQLite under the same load (none for an offered rate: it is the rate).
  const peer = measured.offered
    ? undefined
    : measured.connections === endpoint.sqlite.connections
      ? endpoint.sqlite
      : endpoint.loaded.sqlite;
  const rate = measured.acknowledgedPerSecond;
  const checks = [[measured.ok, 'every 201 stored once']];
  if (target) checks.push([rate >= target.rate, 'rate'], [measured.latency.p99 < target.p99, 'p99']);
  rows.push({
    measure: `Endpoint on ${name}: submissions/s, p50 / p99 (${measured.connections} connections, ${measured.seconds} s)`,
    guichet: `${Math.round(rate)}/s, ${measured.latency.p50} / ${measured.latency.p99} ms`,
    ratios:
      `${measured.receipts} receipts, ${measured.stored} rows, ${measured.distinct} distinct` +
      (!peer || measured === peer ? '' : `; ${x(rate / peer.acknowledgedPerSecond)} SQLite`) +
      `; warm-up ${measured.warmUp.requests} requests, ${measured.warmUp.seconds.toFixed(1)} s at ${Math.round(measured.warmUp.acknowledgedPerSecond)}/s`,
    target: target ? `≥ ${target.rate}/s, p99 < ${target.p99} ms; every 201 stored once` : 'every 201 stored once',
    result: verdicts(...checks),
  });
}

{
  const [small, large] = config.inboxSizes;
  const a = inbox[small];
  const b = inbox[large];
  const fmt = (n) => n.toLocaleString('en');
  for (const [name, key, part] of [
    ['endpoint: first page', 'first', 'api'],
    ['endpoint: a page half-way down', 'deep', 'api'],
    ['endpoint: filter by step', 'phase', 'api'],
    ['endpoint: filter by a step no request is at', 'rarePhase', 'api'],
    ['endpoint: a word of the answers', 'search', 'api'],
    ['desk: sign-in to the first rows', 'signIn', 'desk'],
    ['desk: next page', 'nextPage', 'desk'],
    ['desk: search a word', 'search', 'desk'],
  ]) {
    const ratio = b[part][key] / a[part][key];
    rows.push({
      measure: `Inbox at ${fmt(large)} requests, ${name}`,
      guichet: ms(b[part][key]),
      ratios: `${ms(a[part][key])} at ${fmt(small)}: ${x(ratio)}`,
      target: part === 'desk' ? '< 1 s' : '< 200 ms',
      result: verdict(b[part][key] < (part === 'desk' ? 1000 : 200)),
    });
  }
}

const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, load: os.loadavg() },
  config,
  size,
  medians,
  samples: {
    firstQuestion: first,
    firstRender: render,
    firstRenderCpu: renderCpu,
    inputLatency: latency,
    memory: heap,
  },
  latencyTimeouts: latencyFailures,
  endpoint,
  inbox,
  rows,
  seconds: (Date.now() - started) / 1000,
};
writeFileSync(join(benchDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(benchDir, 'results.svg'), chart(results));
console.log(table(rows));
console.log(
  `\nbench/results.json and bench/results.svg written in ${results.seconds.toFixed(0)} s (load average at the end ${os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(' ')}).`,
);
