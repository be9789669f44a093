// Browser tests: real Debian Chromium, TypeScript through esbuild, and (when its sources exist)
// the real reference endpoint over real HTTP with a throwaway SQLite file.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { templateMinifiers } from './scripts/lib/template-minifier.mjs';
import { bundleGuichetAjv } from './scripts/lib/ajv-for-pages.mjs';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { chromiumPath, chromiumArgs, assertChromium } from './scripts/lib/chromium.mjs';
import { freePort } from './scripts/lib/free-port.mjs';
import { startEndpoint } from './scripts/lib/endpoint-process.mjs';
import { countReporter } from './scripts/lib/count-reporter.mjs';
import { startGeoReportSimulator } from './test/helpers/georeport/simulator.mjs';
import { axTreePlugin } from './scripts/lib/ax-tree-plugin.mjs';

assertChromium();

const minifyTemplates = fromRollup(minifyHtmlLiterals);
/** Guichet's ajv as pages get it: built once for the whole run, every test page loads it. */
let ajvForPages;

const port = Number(process.env.WTR_PORT) || (await freePort());
const origin = `http://127.0.0.1:${port}`;
const withEndpoint = existsSync('packages/endpoint/src/main.ts');
// The test pages are a citizen's site and, to check what agents see, the agents' desk too: the
// agents' API answers CORS only to the origins in GUICHET_ADMIN_ORIGINS.
const endpointOptions = { allowedOrigins: [origin], env: { GUICHET_ADMIN_ORIGINS: origin } };
const endpoint = withEndpoint ? await startEndpoint(endpointOptions) : undefined;
// A second endpoint serving the forms of zod and TypeBox models (test/helpers/generator-models.ts),
// so the example forms' endpoint keeps serving the example forms only.
const generatorForms = mkdtempSync(join(tmpdir(), 'guichet-generator-forms-'));
if (withEndpoint) {
  const written = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'test/helpers/write-generator-forms.ts', generatorForms],
    { stdio: 'inherit' },
  );
  if (written.status !== 0) throw new Error("could not write the generator models' forms");
}
const generators = withEndpoint ? await startEndpoint({ ...endpointOptions, formsDir: generatorForms }) : undefined;
// GeoReport v2 (Open311) back offices, for the open311 adapter's tests: one per way servers differ.
const open311ApiKey = 'cle-de-test';
const open311 = {
  url: await startGeoReportSimulator({ apiKey: open311ApiKey, jurisdictions: ['montfleury.example'] }),
  repeat: await startGeoReportSimulator({
    apiKey: open311ApiKey,
    multiValue: 'repeat',
    jurisdictions: ['montfleury.example', 'valbois.example'],
  }),
  noCors: await startGeoReportSimulator({ apiKey: open311ApiKey, cors: 'none' }),
  getOnly: await startGeoReportSimulator({ apiKey: open311ApiKey, cors: 'get-only' }),
  listOnly: await startGeoReportSimulator({ apiKey: open311ApiKey, requestById: 'fails' }),
};
const testEnv = {
  endpoint: endpoint?.url ?? null,
  adminToken: endpoint?.adminToken ?? null,
  open311: {
    ...Object.fromEntries(Object.entries(open311).map(([mode, server]) => [mode, server.url])),
    apiKey: open311ApiKey,
  },
  generators: generators ? { endpoint: generators.url, adminToken: generators.adminToken } : null,
};
for (const signal of ['exit', 'SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void endpoint?.stop();
    void generators?.stop();
  });
}

export default {
  rootDir: '.',
  // Not "127.0.0.1" as such: @web/dev-server then listens on every interface (it leaves the host out
  // for localhost). "127.1" is the same address, which the test pages' URLs show as 127.0.0.1.
  hostname: '127.1',
  port,
  files: [
    'packages/elements/src/**/*.test.ts',
    // The elements' plain classes run under Node (scripts/test.mjs).
    '!packages/elements/src/**/*.node.test.ts',
    'packages/core/test/browser/**/*.test.ts',
    'test/browser/**/*.test.ts',
  ],
  nodeResolve: { exportConditions: ['source', 'browser', 'import', 'default'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
    }),
  ],
  plugins: [
    axTreePlugin(),
    // The module that builds Guichet's ajv is served as one ES module with ajv inside, built as
    // the CDN bundle builds it (scripts/lib/ajv-for-pages.mjs), so the tests run the ajv that ships.
    {
      name: 'ajv-for-pages',
      async serve(context) {
        if (context.path !== '/packages/core/src/validation/guichet-ajv.ts') return undefined;
        ajvForPages ??= bundleGuichetAjv();
        return { body: (await ajvForPages).code, type: 'js' };
      },
    },
    // The templates as the CDN bundle ships them (see rollup.config.mjs), so the tests check them.
    ...templateMinifiers({ exclude: ['**/*.test.ts'] }).map(minifyTemplates),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // A definition whose server names a validator on another origin (the endpoint's): the
    // element must refuse to load it (packages/elements/src/form/definition-source.test.ts).
    {
      name: 'validator-elsewhere',
      serve(context) {
        if (context.path !== '/test/fixtures/validator-elsewhere.json' || !endpoint) return undefined;
        return {
          body: readFileSync('schemas/forms/contact-service.json', 'utf8'),
          type: 'json',
          headers: { 'X-Guichet-Validator': `${endpoint.url}/api/forms/contact-service/validator.js` },
        };
      },
    },
    // The accessibility tree as assistive technology gets it (heading levels across shadow roots).
    {
      name: 'guichet-servers',
      serverStop: () =>
        Promise.all([endpoint?.stop(), generators?.stop(), ...Object.values(open311).map((server) => server.stop())]),
    },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8"></head>
  <body>
    <script>window.__GUICHET_TEST__ = ${JSON.stringify(testEnv)};</script>
    <script type="module" src="/test/helpers/clonable-failures.ts"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter(), countReporter({ file: '.test-results/wtr.json' })],
};
