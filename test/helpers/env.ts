/** What web-test-runner's config hands the browser tests: the running reference endpoint. */
export interface TestEnv {
  /** Base URL of the reference endpoint started for this run, e.g. http://127.0.0.1:40123. */
  endpoint: string | null;
  /** Its GUICHET_ADMIN_TOKEN, for the agent API. */
  adminToken: string | null;
  /** GeoReport v2 simulators (test/helpers/georeport/simulator.mjs), all needing `apiKey` on POST. */
  open311: {
    /** As the spec says: multivaluelist as attribute[code][], CORS, one jurisdiction (optional). */
    url: string;
    /** As Open311::Endpoint reads them: attribute[code] repeated; two jurisdictions (required). */
    repeat: string;
    /** No CORS headers at all. */
    noCors: string;
    /** CORS headers on GETs only: the answer of a POST cannot be read. */
    getOnly: string;
    /** `GET requests/{id}.json` fails (500) for every id: only the list form finds a request. */
    listOnly: string;
    apiKey: string;
  };
  /** The endpoint serving the forms of zod and TypeBox models (test/helpers/generator-models.ts). */
  generators: { endpoint: string; adminToken: string } | null;
}

declare global {
  interface Window {
    __GUICHET_TEST__?: TestEnv;
  }
}

export function testEnv(): TestEnv {
  const env = window.__GUICHET_TEST__;
  if (!env)
    throw new Error('window.__GUICHET_TEST__ is missing: run the browser tests through web-test-runner.config.mjs');
  return env;
}

/** The running endpoint's URL; fails the test plainly when there is none. */
export function endpointUrl(): string {
  const { endpoint } = testEnv();
  if (!endpoint) throw new Error('no endpoint is running for this test run');
  return endpoint;
}
