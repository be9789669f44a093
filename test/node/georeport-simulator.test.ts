// The GeoReport v2 simulator the Open311 tests run against behaves as deployed servers do; if
// it drifted into a friendlier server, the adapter's tests would prove nothing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startGeoReportSimulator, type GeoReportSimulator } from '../helpers/georeport/simulator.mjs';

const form = (body: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body,
});
const report = 'service_code=ECL&api_key=k&address_string=Place+du+March%C3%A9&attribute%5Bpanne%5D=eteint';

describe('the GeoReport v2 simulator', () => {
  let server: GeoReportSimulator;
  before(async () => {
    server = await startGeoReportSimulator({ apiKey: 'k', jurisdictions: ['a', 'b'] });
  });
  after(() => server.stop());

  it('needs the .json extension', async () => {
    const response = await fetch(`${server.url}/services?jurisdiction_id=a`);
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type')!, /text\/plain/);
  });

  it('writes booleans as "true"/"false" strings or as booleans, per service', async () => {
    const depot = await (await fetch(`${server.url}/services/DEPOT.json?jurisdiction_id=a`)).json();
    assert.equal(depot.attributes[0].required, 'false');
    const lights = await (await fetch(`${server.url}/services/ECL.json?jurisdiction_id=a`)).json();
    assert.equal(lights.attributes[0].required, true);
  });

  it('needs a jurisdiction when it serves several, and refuses unknown parameters', async () => {
    const without = await (await fetch(`${server.url}/services.json`)).json();
    assert.match(without[1].description, /no value given for required entry jurisdiction_id/);
    const extra = await (await fetch(`${server.url}/services.json?jurisdiction_id=a&api_key=k`)).json();
    assert.match(extra[1].description, /found unexpected entries: api_key/);
  });

  it('reads form-urlencoded bodies only, needs api_key, and counts ids from 0', async () => {
    const json = await fetch(`${server.url}/requests.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service_code: 'ECL', api_key: 'k' }),
    });
    assert.equal(json.status, 400);
    assert.match((await json.json())[1].description, /no value given for required entry api_key/);
    const first = await fetch(`${server.url}/requests.json`, form(`${report}&jurisdiction_id=a`));
    assert.deepEqual((await first.json())[0].service_request_id, 0);
  });

  it('lists the failures of every location alternative', async () => {
    const answer = await (
      await fetch(`${server.url}/requests.json`, form('service_code=ECL&api_key=k&jurisdiction_id=a'))
    ).json();
    const lines = answer.map((e: { description: string }) => e.description);
    assert.equal(lines[0], 'Error in input for POST_Service_Request');
    assert.equal(lines[1], 'Failed //any: matched none of the available alternatives (error: none at $data)');
    assert.equal(lines.filter((l: string) => l.startsWith('  - ')).length, 3);
    assert.ok(
      lines.includes('    Failed //rec: no value given for required entry attribute[panne] (error: missing at $data)'),
    );
  });

  it('answers an unknown or malformed id with a 500, and the list form with []', async () => {
    assert.equal((await fetch(`${server.url}/requests/4242.json?jurisdiction_id=a`)).status, 500);
    assert.equal((await fetch(`${server.url}/requests/x%20y.json?jurisdiction_id=a`)).status, 500);
    const list = await fetch(`${server.url}/requests.json?jurisdiction_id=a&service_request_id=4242`);
    assert.deepEqual(await list.json(), []);
  });

  it('keeps the statuses an agent sets, beyond open and closed', async () => {
    const [{ service_request_id: id }] = await (
      await fetch(`${server.url}/requests.json`, form(`${report}&jurisdiction_id=b`))
    ).json();
    server.update(id, { status: 'action_scheduled', status_notes: 'Mardi' });
    const [request] = await (await fetch(`${server.url}/requests/${id}.json?jurisdiction_id=b`)).json();
    assert.equal(request.status, 'action_scheduled');
    assert.equal(request.status_notes, 'Mardi');
  });
});

describe('the simulator’s CORS modes', () => {
  for (const [cors, get, post] of [
    ['all', '*', '*'],
    ['get-only', '*', null],
    ['none', null, null],
  ] as const) {
    it(`${cors}: CORS headers on GET ${get ? 'yes' : 'no'}, on POST ${post ? 'yes' : 'no'}`, async () => {
      const server = await startGeoReportSimulator({ cors });
      try {
        const listing = await fetch(`${server.url}/services.json`);
        assert.equal(listing.headers.get('access-control-allow-origin'), get);
        const filed = await fetch(`${server.url}/requests.json`, form(report));
        assert.equal(filed.headers.get('access-control-allow-origin'), post);
        assert.equal(server.requests.size, 1, 'the POST is stored whatever its headers');
      } finally {
        await server.stop();
      }
    });
  }
});

describe('the simulator whose one-request look-up fails', () => {
  it('answers requests/{id}.json with a 500 even for a stored request, and the list form with it', async () => {
    const server = await startGeoReportSimulator({ requestById: 'fails' });
    try {
      const [{ service_request_id: id }] = await (await fetch(`${server.url}/requests.json`, form(report))).json();
      assert.equal((await fetch(`${server.url}/requests/${id}.json`)).status, 500);
      const list = await (await fetch(`${server.url}/requests.json?service_request_id=${id}`)).json();
      assert.deepEqual(
        list.map((r: { service_request_id: number }) => r.service_request_id),
        [id],
      );
    } finally {
      await server.stop();
    }
  });
});
