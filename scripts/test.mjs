// `npm test`: type-check, lint, build, Node tests and browser tests, then one closing line
// `N passed, N failed` summing every runner. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync } from 'node:fs';
import { findFiles } from './lib/find-files.mjs';
import { mkdirSync } from 'node:fs';
import { startPostgres } from './lib/postgres-cluster.mjs';

mkdirSync('.test-results', { recursive: true });

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, options = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

/** A step that is one check: it passes or fails as a whole. */
function check(label, command, args) {
  if (run(label, command, args)) results.passed++;
  else {
    results.failed++;
    failures.push(label);
  }
}

/** A test runner that writes its own counts to `countsFile`. */
function runner(label, command, args, countsFile, options = {}) {
  rmSync(countsFile, { force: true });
  const ok = run(label, command, args, options);
  if (!existsSync(countsFile)) {
    results.failed++;
    failures.push(`${label} (the runner reported no counts)`);
    return;
  }
  const counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  results.passed += counts.passed;
  results.failed += counts.failed + (counts.filesFailed ?? 0);
  results.skipped += counts.skipped;
  if (!ok && counts.failed + (counts.filesFailed ?? 0) === 0) {
    results.failed++;
    failures.push(`${label} (exited with an error)`);
  } else if (!ok) failures.push(label);
}

const npx = (bin) => `node_modules/.bin/${bin}`;

check('type-check (tsc --noEmit)', npx('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
check('lint (eslint)', npx('eslint'), ['.', '--max-warnings=0']);
check('format (prettier --check)', npx('prettier'), ['--check', '--log-level=warn', '.']);
check('build (rollup: packages and dist/guichet.js)', process.execPath, ['scripts/build.mjs']);

const nodeTests = [
  ...findFiles('packages/core/test', '.test.ts', ['packages/core/test/browser']),
  ...findFiles('packages/endpoint/test', '.test.ts'),
  ...findFiles('packages/cli/test', '.test.ts'),
  // The elements' plain classes, tested beside their sources without a browser.
  ...findFiles('packages/elements/src', '.node.test.ts'),
  ...findFiles('test/node', '.test.ts'),
];
// One throwaway PostgreSQL cluster for every Node test file of the run (each suite makes its own
// database in it): about 3 s once, instead of once per file.
let postgres;
try {
  postgres = await startPostgres();
  console.log(`\n▶ PostgreSQL test cluster on 127.0.0.1:${postgres.port} (PID ${postgres.pid})`);
} catch (error) {
  console.log(`\n✘ PostgreSQL test cluster: ${error.message}`);
  results.failed++;
  failures.push('PostgreSQL test cluster');
}
process.once('exit', () => postgres?.stopSync());
runner(
  'Node tests (node:test)',
  process.execPath,
  [
    '--conditions=source',
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/lib/node-count-reporter.mjs',
    '--test-reporter-destination=.test-results/node.json',
    ...nodeTests,
  ],
  '.test-results/node.json',
  postgres ? { env: { ...process.env, GUICHET_TEST_POSTGRES_URL: postgres.url } } : {},
);
postgres?.stopSync();

runner(
  'Browser tests (web-test-runner, headless Chromium)',
  npx('web-test-runner'),
  ['--config', 'web-test-runner.config.mjs'],
  '.test-results/wtr.json',
);

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
const skipped = results.skipped ? `, ${results.skipped} skipped` : '';
console.log(`\n${results.passed} passed, ${results.failed} failed${skipped}`);
process.exit(results.failed ? 1 : 0);
