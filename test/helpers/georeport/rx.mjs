// Input checks the way Perl GeoReport servers built on Data::Rx make them (Open311::Endpoint,
// behind FixMyStreet and many council integrations), with their failure texts: a request that
// fails is answered with one `{code: 400, description}` per line of the stringified failures.
// A `//any` over alternatives (location by lat/long, address_string or address_id) lists the
// failures of every alternative, indented, so a field that is fine in the alternative the
// client meant is still named by the others: that is the behaviour clients must cope with.

/**
 * Schemas: `'//str'`, `'//num'`, `'/open311/datetime'`, `{type: '//rec', required, optional, rest}`,
 * `{type: '//any', of}`, `{type: '//arr', contents}`, `{type: 'enum', values}` (a value list,
 * written `//any` in the failures, as Data::Rx writes a list of `//str` values).
 * @returns {object[]} the failures; none when the value fits.
 */
export function check(schema, value, path = []) {
  const type = typeof schema === 'string' ? schema : schema.type;
  const fail = (failureType, message, error, extra = {}) => [{ type: failureType, message, error, path, ...extra }];
  switch (type) {
    case '//str':
      return typeof value === 'string' ? [] : fail('//str', 'found value is not a string', 'type');
    case '//num':
      return typeof value === 'string' && /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(value.trim())
        ? []
        : fail('//num', 'found value is not a number', 'type');
    case '/open311/datetime':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/.test(value)
        ? []
        : fail('/open311/regex', "found value isn't a datetime", 'value');
    case 'enum':
      return typeof value === 'string' && schema.values.includes(value)
        ? []
        : fail('//any', 'matched none of the available alternatives', 'none');
    case '//arr': {
      if (!Array.isArray(value)) return fail('//arr', 'found value is not an arrayref', 'type');
      return value.flatMap((item, index) => check(schema.contents, item, [...path, [index, 'index']]));
    }
    case '//rec':
      return checkRecord(schema, value, path);
    case '//any': {
      const alternatives = [];
      for (const option of schema.of) {
        const failures = check(option, value, path);
        if (failures.length === 0) return [];
        alternatives.push(failures);
      }
      return fail('//any', 'matched none of the available alternatives', 'none', { alternatives });
    }
    default:
      throw new Error(`rx: unknown type ${type}`);
  }
}

function checkRecord(schema, value, path) {
  const required = schema.required ?? {};
  const optional = schema.optional ?? {};
  const known = new Set([...Object.keys(required), ...Object.keys(optional)]);
  const failures = [];
  const rest = Object.keys(value)
    .filter((key) => !known.has(key))
    .sort();
  if (rest.length > 0 && !schema.rest)
    failures.push({ type: '//rec', message: `found unexpected entries: ${rest.join(' ')}`, error: 'unexpected', path });
  // Open311::Endpoint builds its Data::Rx with sort_keys: failures come in key order.
  for (const key of [...known].sort()) {
    const isRequired = key in required;
    if (!(key in value)) {
      if (isRequired)
        failures.push({
          type: '//rec',
          message: `no value given for required entry ${key}`,
          error: 'missing',
          path,
        });
      continue;
    }
    failures.push(...check(isRequired ? required[key] : optional[key], value[key], [...path, [key, 'key']]));
  }
  return failures;
}

function dataString(path) {
  return path.reduce((text, [name, kind]) => `${text}->${kind === 'index' ? `[${name}]` : `{${name}}`}`, '$data');
}

/** One failure as Data::Rx::Failure stringifies it: nested alternatives indented, one per line. */
function stringify(failure) {
  let text = `Failed ${failure.type}: ${failure.message} (error: ${failure.error} at ${dataString(failure.path)})`;
  for (const alternative of failure.alternatives ?? []) {
    const nested = alternative.map(stringify).join('\n');
    text += `\n${nested.replace(/^/, '  - ').replace(/\n/g, '\n    ')}`;
  }
  return text;
}

/** The lines a Perl server puts in its 400 answer, one `description` each. */
export function failureLines(failures) {
  return failures.map(stringify).join('\n').split('\n');
}

const LOCATION_KEYS = ['lat', 'long', 'address_string', 'address_id'];

function plain(failure) {
  const required = /required entry (.+)$/.exec(failure.message)?.[1];
  if (required) return `${required} is required`;
  const unexpected = /found unexpected entries: (.+)$/.exec(failure.message)?.[1];
  if (unexpected) return `${unexpected} is not a known parameter`;
  const key = failure.path[0]?.[0];
  return key === undefined ? 'The request is not valid' : `${key} is not valid`;
}

/**
 * The same failures as a server with plain messages words them ("email is not valid"): what all
 * alternatives agree on, and one sentence for a missing location.
 */
export function plainLines(failures) {
  const lines = [];
  for (const failure of failures) {
    if (!failure.alternatives) {
      lines.push(plain(failure));
      continue;
    }
    const [first = [], ...others] = failure.alternatives.map((list) => list.map(plain));
    lines.push(...first.filter((line) => others.every((other) => other.includes(line))));
    const located = failure.alternatives.some(
      (list) => !list.some((f) => LOCATION_KEYS.some((key) => f.message.endsWith(`required entry ${key}`))),
    );
    if (!located) lines.push('lat and long, address_string or address_id is required');
  }
  return [...new Set(lines)];
}
