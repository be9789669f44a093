// A GeoReport v2 (Open311) server for tests, written from the spec
// (http://wiki.open311.org/GeoReport_v2) and from how deployed servers behave — the Perl
// Open311::Endpoint behind FixMyStreet and many council integrations first:
// - paths need the `.json` extension (none: 404, text/plain);
// - POST bodies are read as application/x-www-form-urlencoded only (a JSON body is no parameters);
// - `api_key` is required on POST (missing: a Data::Rx 400; wrong: 403);
// - inputs are checked Data::Rx style: unknown parameters are refused, and a POST is checked
//   against three alternatives (lat/long, address_string, address_id) whose failures are all
//   listed (see rx.mjs);
// - booleans of service definitions may be the strings "true"/"false";
// - ids are integers counted from 0; an unknown or malformed id in `GET requests/{id}.json` is a
//   500 (the integration dies), while the list form `GET requests.json?service_request_id=` answers [];
// - statuses go beyond open/closed (fixed, action_scheduled, …: set them with `update`);
// - multivaluelist attributes are read one way per mode: `brackets` (the spec:
//   attribute[code][]=a&attribute[code][]=b) or `repeat` (attribute[code]=a&attribute[code]=b, as
//   Open311::Endpoint reads them; there `attribute[code][]` lands under the key `code][`);
// - CORS per mode: `all`, `none`, or `get-only` (a POST's answer is then unreadable by a page);
// - `errors: 'plain'` words refusals as servers without Data::Rx do ("email is not valid");
// - `requestById: 'fails'`: `GET requests/{id}.json` is a 500 for every id, as on integrations
//   whose one-request look-up is broken or missing, while the list form still answers.
// Faults on demand: `outage(true)` answers every call with a 500; `interfere(kind)` spoils the
// next POST: 'busy' (503, nothing stored), 'crash' (stored, then a 500, as when a Perl server's
// output check fails after the back office took the request), 'drop' (stored, then the
// connection is cut before any answer).
// In memory, on 127.0.0.1 at a free port, under the path /open311/v2. Test-only routes under
// /_test (always CORS-enabled): `GET /_test/requests` (everything stored, with attributes, and
// the number of POSTs received), `POST /_test/requests/{id}` (JSON changes, as an agent would).
import { createServer } from 'node:http';
import { URLSearchParams } from 'node:url';
import { check, failureLines, plainLines } from './rx.mjs';
import { defaultServices } from './services.mjs';

const BASE = '/open311/v2';
const identifier = { type: '//str' };

/**
 * @param {{ services?: object[], apiKey?: string, jurisdictions?: string[],
 *   cors?: 'all' | 'none' | 'get-only', multiValue?: 'brackets' | 'repeat', errors?: 'data-rx' | 'plain',
 *   requestById?: 'answers' | 'fails' }} [options]
 */
export async function startGeoReportSimulator(options = {}) {
  const services = options.services ?? defaultServices;
  const jurisdictions = options.jurisdictions ?? [];
  const cors = options.cors ?? 'all';
  const multiValue = options.multiValue ?? 'brackets';
  /** @type {Map<number, Record<string, unknown>>} */
  const requests = new Map();
  /** Every POST body as received, in order. */
  const received = [];
  let nextId = 0;
  let down = false;
  /** @type {'busy' | 'crash' | 'drop' | undefined} */
  let interference;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const lang = preferredLanguage(req.headers['accept-language']);
    const testRoute = url.pathname.startsWith('/_test/');
    if (testRoute || cors === 'all' || (cors === 'get-only' && req.method !== 'POST')) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept-Language');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    }
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    const errors = (status, ...descriptions) =>
      send(
        status,
        descriptions.map((description) => ({ code: status, description })),
      );
    const inputError = (api, failures) =>
      options.errors === 'plain'
        ? errors(400, ...plainLines(failures))
        : errors(400, `Error in input for ${api}`, ...failureLines(failures));
    try {
      if (req.method === 'OPTIONS') return void res.writeHead(testRoute || cors !== 'none' ? 204 : 404).end();
      const body = req.method === 'POST' ? await readBody(req) : '';
      if (testRoute) return testControl(req.method, url.pathname, body, send, errors);
      if (down) return errors(500, 'Service temporarily unavailable: database connection failed');
      if (!url.pathname.startsWith(`${BASE}/`)) return errors(404, 'Resource not found');
      const route = /^\/(services|requests|tokens)(?:\/([^/]+?))?(?:\.(\w+))?$/.exec(url.pathname.slice(BASE.length));
      if (!route) return errors(404, 'Resource not found');
      const [, collection, item, extension] = route;
      if (extension !== 'json') {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return void res.end('Bad extension. We support .xml and .json');
      }
      const query = Object.fromEntries(url.searchParams);
      const jurisdiction = query.jurisdiction_id;
      const jurisdictionRule = jurisdictions.length > 1 ? 'required' : 'optional';
      const knownJurisdiction = jurisdiction === undefined || jurisdictions.includes(jurisdiction);
      const servicesHere = knownJurisdiction || jurisdictions.length === 0 ? services : [];
      const serviceNamed = (code) => servicesHere.find((s) => s.service_code === code);
      const texts = { 'Content-Language': lang };

      if (req.method === 'GET' && collection === 'services') {
        const failures = check({ type: '//rec', [jurisdictionRule]: { jurisdiction_id: identifier } }, query);
        if (!item) {
          if (failures.length) return inputError('GET_Service_List', failures);
          return send(
            200,
            servicesHere.map((service) => listed(service, lang)),
            texts,
          );
        }
        if (failures.length) return inputError('GET_Service_Definition', failures);
        const service = serviceNamed(decodeURIComponent(item));
        if (!service) return errors(404, 'Resource not found');
        // Texts written in one language only are served in it, whatever was asked.
        const written = typeof service.service_name === 'string' ? 'fr' : lang;
        return send(200, definitionOf(service, lang), { 'Content-Language': written });
      }

      if (req.method === 'GET' && collection === 'requests' && item) {
        const failures = check({ type: '//rec', [jurisdictionRule]: { jurisdiction_id: identifier } }, query);
        if (failures.length) return inputError('GET_Service_Request', failures);
        const id = decodeURIComponent(item);
        const found =
          /^\d+$/.test(id) && knownJurisdiction && options.requestById !== 'fails'
            ? requests.get(Number(id))
            : undefined;
        // What an integration that looks the id up in its back office and gets nothing does.
        if (!found)
          return errors(
            500,
            `Can't call method "status" on an undefined value at perllib/Open311/Endpoint/Integration/Ville.pm line 212.\n`,
          );
        return send(200, [publicView(found, lang)], texts);
      }

      if (req.method === 'GET' && collection === 'requests') {
        const failures = check(
          {
            type: '//rec',
            [jurisdictionRule]: { jurisdiction_id: identifier },
            optional: {
              service_request_id: '//str',
              service_code: '//str',
              status: '//str',
              start_date: '/open311/datetime',
              end_date: '/open311/datetime',
            },
          },
          query,
        );
        const ids = query.service_request_id?.split(',');
        if (ids?.some((id) => !/^[\w-]+$/.test(id)))
          failures.push({
            type: '/open311/regex',
            message: "found value isn't a valid identifier",
            error: 'value',
            path: [['service_request_id', 'key']],
          });
        if (failures.length) return inputError('GET_Service_Requests', failures);
        const matching = knownJurisdiction
          ? [...requests.values()].filter(
              (request) =>
                (!ids || ids.includes(String(request.service_request_id))) &&
                (!query.service_code || query.service_code.split(',').includes(request.service_code)) &&
                (!query.status || query.status.split(',').includes(request.status)),
            )
          : [];
        return send(
          200,
          matching.map((request) => publicView(request, lang)),
          texts,
        );
      }

      if (req.method === 'POST' && collection === 'requests' && !item) {
        const formEncoded = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
        const raw = new URLSearchParams(formEncoded ? body : '');
        received.push(raw);
        const spoil = interference;
        interference = undefined;
        if (spoil === 'busy') return errors(503, 'Service unavailable, try again later');
        const params = readParams(raw, multiValue);
        const apiKeyRule = options.apiKey ? 'required' : 'optional';
        // As Open311::Endpoint: without these two, only they are checked, for a plain message.
        if (!params.service_code || (options.apiKey && !params.api_key)) {
          const failures = check(
            {
              type: '//rec',
              required: { service_code: identifier, ...(options.apiKey ? { api_key: '//str' } : {}) },
              rest: true,
            },
            params,
          );
          return inputError('POST_Service_Request', failures);
        }
        const service = serviceNamed(params.service_code);
        if (!service) return errors(400, 'Bad request');
        if (options.apiKey && params.api_key !== options.apiKey) return errors(403, 'Invalid api_key');
        const attributes = { required: {}, optional: {} };
        for (const attribute of service.attributes) {
          const multiple = attribute.datatype === 'multivaluelist';
          const key = `attribute[${attribute.code}]${multiple && multiValue === 'brackets' ? '[]' : ''}`;
          attributes[attribute.required ? 'required' : 'optional'][key] = attributeRule(attribute, multiValue);
        }
        const locations = [{ lat: '//num', long: '//num' }, { address_string: '//str' }, { address_id: '//str' }];
        const failures = check(
          {
            type: '//any',
            of: locations.map((location) => ({
              type: '//rec',
              required: {
                service_code: identifier,
                ...(options.apiKey ? { api_key: '//str' } : {}),
                ...attributes.required,
                ...location,
                ...(jurisdictionRule === 'required' ? { jurisdiction_id: identifier } : {}),
              },
              optional: {
                ...(apiKeyRule === 'optional' ? { api_key: '//str' } : {}),
                email: '//str',
                device_id: '//str',
                account_id: '//str',
                first_name: '//str',
                last_name: '//str',
                phone: '//str',
                description: '//str',
                media_url: '//str',
                ...attributes.optional,
                ...Object.assign({}, ...locations),
                ...(jurisdictionRule === 'optional' ? { jurisdiction_id: identifier } : {}),
              },
            })),
          },
          params,
        );
        if (failures.length) return inputError('POST_Service_Request', failures);
        const id = nextId++;
        const now = w3cNow();
        const notice = { fr: 'Merci, votre signalement est enregistré.', en: 'Thank you, your report is recorded.' };
        requests.set(id, {
          service_request_id: id,
          jurisdiction_id: params.jurisdiction_id ?? null,
          status: 'open',
          status_notes: '',
          service_code: service.service_code,
          service: service,
          description: params.description ?? '',
          agency_responsible: 'Services techniques',
          service_notice: notice,
          requested_datetime: now,
          updated_datetime: now,
          expected_datetime: null,
          address: params.address_string ?? '',
          address_id: params.address_id ?? '',
          zipcode: '',
          lat: params.lat === undefined ? null : Number(params.lat),
          long: params.long === undefined ? null : Number(params.long),
          media_url: params.media_url ?? '',
          attributes: storedAttributes(raw, multiValue),
          contact: {
            email: params.email ?? null,
            first_name: params.first_name ?? null,
            last_name: params.last_name ?? null,
            phone: params.phone ?? null,
          },
        });
        if (spoil === 'drop') return void req.socket.destroy();
        if (spoil === 'crash') return errors(500, 'Error in output for POST_Service_Request');
        const answer =
          service.type === 'batch'
            ? { token: `tok-${id}`, service_notice: text(notice, lang) }
            : { service_request_id: id, service_notice: text(notice, lang) };
        return send(200, [answer]);
      }
      return errors(404, 'Resource not found');
    } catch (error) {
      return errors(500, error instanceof Error ? error.message : 'Server error');
    }
  });

  function testControl(method, pathname, body, send, errors) {
    if (method === 'GET' && pathname === '/_test/requests') {
      return send(200, { received: received.length, requests: [...requests.values()].map(stored) });
    }
    const one = /^\/_test\/requests\/(\d+)$/.exec(pathname);
    if (!one || !requests.has(Number(one[1]))) return errors(404, 'Resource not found');
    if (method === 'POST') update(Number(one[1]), JSON.parse(body || '{}'));
    return send(200, stored(requests.get(Number(one[1]))));
  }

  function update(id, changes) {
    const found = requests.get(Number(id));
    if (!found) throw new Error(`no request ${id}`);
    Object.assign(found, changes, { updated_datetime: w3cNow() });
    return stored(found);
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    /** The GeoReport v2 base URL, what a web team puts in `endpoint`. */
    url: `${origin}${BASE}`,
    origin,
    requests,
    received,
    /** Changes a stored request as a back office agent would (status, status_notes, expected_datetime…). */
    update,
    /** While on, every call is answered with a 500. */
    outage(on) {
      down = on;
    },
    /** Spoils the next POST (see above). */
    interfere(kind) {
      interference = kind;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      }),
  };
}

/** The language to answer in: the first of fr/en the client asks for, French otherwise. */
function preferredLanguage(header) {
  for (const part of String(header ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase().slice(0, 2);
    if (tag === 'fr' || tag === 'en') return tag;
  }
  return 'fr';
}

function text(value, lang) {
  return typeof value === 'string' || value === undefined || value === null ? value : (value[lang] ?? value.fr);
}

function flag(service, value) {
  return service.flags === 'strings' ? (value ? 'true' : 'false') : Boolean(value);
}

function listed(service, lang) {
  return {
    service_code: service.service_code,
    service_name: text(service.service_name, lang),
    description: text(service.description, lang),
    metadata: flag(service, service.attributes.length > 0),
    type: service.type,
    keywords: service.keywords,
    group: service.group,
  };
}

function definitionOf(service, lang) {
  return {
    service_code: service.service_code,
    attributes: service.attributes.map((attribute) => ({
      variable: flag(service, attribute.variable),
      code: attribute.code,
      datatype: attribute.datatype,
      required: flag(service, attribute.required),
      datatype_description: text(attribute.datatype_description, lang),
      order: attribute.order,
      description: text(attribute.description, lang),
      ...(attribute.automated ? { automated: attribute.automated } : {}),
      ...(attribute.values
        ? { values: attribute.values.map((value) => ({ key: value.key, name: text(value.name, lang) })) }
        : {}),
    })),
  };
}

function attributeRule(attribute, multiValue) {
  const values = attribute.values?.map((value) => value.key);
  switch (attribute.datatype) {
    case 'number':
      return '//num';
    case 'datetime':
      return '/open311/datetime';
    case 'singlevaluelist':
      return { type: 'enum', values };
    case 'multivaluelist':
      return multiValue === 'brackets'
        ? { type: '//arr', contents: { type: 'enum', values } }
        : // Repeated keys: one value arrives as a string, several as a list.
          {
            type: '//any',
            of: [
              { type: 'enum', values },
              { type: '//arr', contents: { type: 'enum', values } },
            ],
          };
    default:
      return '//str';
  }
}

/**
 * The body's parameters as the server's framework hands them over: `name[]` keys always as lists;
 * in `repeat` mode any repeated key as a list (the last value otherwise). In `repeat` mode the
 * bracket keys `attribute[code][]` are left to `storedAttributes`, as its framework does.
 */
function readParams(raw, multiValue) {
  const params = {};
  for (const key of new Set(raw.keys())) {
    const values = raw.getAll(key);
    if (multiValue === 'repeat' && /^attribute\[.+\]\[\]$/.test(key)) continue;
    if (key.endsWith('[]') || (multiValue === 'repeat' && values.length > 1)) params[key] = values;
    else params[key] = values.at(-1);
  }
  return params;
}

/** The attributes as the server keeps them; `repeat` mode names them with a greedy match. */
function storedAttributes(raw, multiValue) {
  const attributes = {};
  const pattern = multiValue === 'repeat' ? /^attribute\[(.+)\]$/ : /^attribute\[([^\]]+)\](\[\])?$/;
  for (const key of new Set(raw.keys())) {
    const match = pattern.exec(key);
    if (!match) continue;
    const values = raw.getAll(key);
    attributes[match[1]] = key.endsWith('[]') || values.length > 1 ? values : values[0];
  }
  return attributes;
}

/** A request as `GET requests` shows it to anyone (no contact details, no attributes). */
function publicView(request, lang) {
  const { service, contact: _contact, attributes: _attributes, jurisdiction_id: _j, ...rest } = request;
  return {
    ...rest,
    service_name: text(service.service_name, lang),
    service_notice: text(request.service_notice, lang),
  };
}

/** A request as the tests read it back: everything that was stored. */
function stored(request) {
  const { service: _service, ...rest } = request;
  return { ...rest, service_notice: text(request.service_notice, 'fr') };
}

/** Now in W3C date-time form, seconds and zone included (what GeoReport servers write). */
function w3cNow() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
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
