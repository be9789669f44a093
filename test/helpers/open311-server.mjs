// A small GeoReport v2 (Open311) server for tests: faithful to the spec's field names,
// form-urlencoded POST bodies, array answers and `[{code, description}]` errors; in memory; on
// 127.0.0.1 at a free port. Tests change a request's state with `update()` (Node) or
// `POST /_test/requests/{id}` with a JSON body (browser).
import { createServer } from 'node:http';
import { URLSearchParams } from 'node:url';

const defaultServices = [
  {
    service_code: 'voirie',
    service_name: 'Voirie',
    description: 'Problèmes sur la voie publique',
    metadata: true,
    type: 'realtime',
    keywords: 'voirie',
    group: 'rue',
  },
];

/**
 * @param {{ services?: object[], apiKey?: string, tokens?: boolean }} [options]
 *   `apiKey`: POSTs need it (403 otherwise); `tokens`: POST answers `[{token}]` instead of an id.
 */
export async function startOpen311Server(options = {}) {
  const services = options.services ?? defaultServices;
  /** @type {Map<string, Record<string, unknown>>} */
  const requests = new Map();
  /** Every POST body as received, decoded, in order. */
  const received = [];
  let nextId = 638344;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept-Language');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    const send = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const fail = (status, description) => send(status, [{ code: status, description }]);
    try {
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      const body = req.method === 'POST' ? await readBody(req) : '';
      if (req.method === 'GET' && url.pathname === '/services.json') return send(200, services);
      if (req.method === 'GET' && url.pathname === '/requests.json') return send(200, [...requests.values()]);
      const one = /^\/requests\/([^/]+)\.json$/.exec(url.pathname);
      if (req.method === 'GET' && one) {
        const found = requests.get(decodeURIComponent(one[1]));
        return found ? send(200, [found]) : fail(404, 'Service request not found');
      }
      if (req.method === 'POST' && url.pathname === '/requests.json') {
        if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
          return fail(400, 'The body must be application/x-www-form-urlencoded');
        }
        const params = new URLSearchParams(body);
        received.push(params);
        if (options.apiKey && params.get('api_key') !== options.apiKey) return fail(403, 'Invalid api_key');
        const serviceCode = params.get('service_code');
        if (!serviceCode) return fail(400, 'service_code is required');
        const service = services.find((s) => s.service_code === serviceCode);
        if (!service) return fail(400, `service_code ${serviceCode} is not a known service`);
        const hasLocation =
          (params.get('lat') && params.get('long')) || params.get('address_string') || params.get('address_id');
        if (!hasLocation) return fail(400, 'lat and long, address_string or address_id is required');
        for (const name of ['lat', 'long']) {
          if (params.get(name) !== null && !Number.isFinite(Number(params.get(name))))
            return fail(400, `${name} must be a number`);
        }
        const email = params.get('email');
        if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) return fail(400, 'email is not a valid address');
        const id = String(nextId++);
        const now = new Date().toISOString();
        requests.set(id, {
          service_request_id: id,
          status: 'open',
          status_notes: null,
          service_name: service.service_name,
          service_code: serviceCode,
          description: params.get('description') ?? '',
          agency_responsible: 'Services techniques',
          service_notice: '',
          requested_datetime: now,
          updated_datetime: now,
          expected_datetime: null,
          address: params.get('address_string') ?? '',
          address_id: '',
          zipcode: '',
          lat: params.get('lat') === null ? null : Number(params.get('lat')),
          long: params.get('long') === null ? null : Number(params.get('long')),
          media_url: params.get('media_url') ?? '',
          attributes: attributesOf(params),
          contact: {
            email,
            first_name: params.get('first_name'),
            last_name: params.get('last_name'),
            phone: params.get('phone'),
          },
        });
        const answer = options.tokens
          ? { token: `tok-${id}` }
          : { service_request_id: id, service_notice: 'Merci, votre signalement est enregistré.', account_id: null };
        return send(201, [answer]);
      }
      const control = /^\/_test\/requests\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'POST' && control) {
        const found = requests.get(decodeURIComponent(control[1]));
        if (!found) return fail(404, 'Service request not found');
        Object.assign(found, JSON.parse(body || '{}'), { updated_datetime: new Date().toISOString() });
        return send(200, [found]);
      }
      return fail(404, 'Not found');
    } catch (error) {
      return fail(500, error instanceof Error ? error.message : 'Server error');
    }
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    requests,
    received,
    /** Changes a stored request as a back office agent would (status, status_notes, expected_datetime…). */
    update(id, changes) {
      const found = requests.get(id);
      if (!found) throw new Error(`no request ${id}`);
      Object.assign(found, changes, { updated_datetime: new Date().toISOString() });
      return found;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      }),
  };
}

/** `attribute[code]=v` and `attribute[code][]=v` (multivaluelist) as `{code: v | v[]}`. */
function attributesOf(params) {
  const attributes = {};
  for (const [key, value] of params) {
    const match = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (!match) continue;
    if (match[2]) (attributes[match[1]] ??= []).push(value);
    else attributes[match[1]] = value;
  }
  return attributes;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
