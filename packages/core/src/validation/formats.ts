/**
 * The five formats a form's schema may use, as small as they can be: compiled into the page and into
 * standalone validators alike (which then carry only these, not all of ajv-formats).
 * `time` and `date-time` accept what browsers give (`<input type="time">` → "14:30",
 * `datetime-local` → "2026-07-14T14:30"): seconds and time zone are optional.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:[zZ]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;

/** A real calendar date, "2026-02-29" being no more valid than "2026-02-30". */
function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : (DAYS[month] ?? 0));
}

function isDateTime(value: string): boolean {
  const separator = value.search(/[Tt ]/);
  return separator === 10 && isDate(value.slice(0, 10)) && TIME.test(value.slice(11));
}

/**
 * A `pattern` a browser can compile. Only the definition meta-schema uses it; as ajv-formats'
 * `regex`, `\Z` (a Perl anchor JavaScript reads as a plain "Z") is refused.
 */
function isRegex(value: string): boolean {
  if (/[^\\]\\Z/.test(value)) return false;
  try {
    new RegExp(value, 'u');
    return true;
  } catch {
    return false;
  }
}

export const formats = {
  regex: { type: 'string', validate: isRegex },
  date: { type: 'string', validate: isDate },
  time: TIME,
  'date-time': { type: 'string', validate: isDateTime },
  /** As ajv-formats' full `email`: a dot in the domain, no spaces, no quoted local parts. */
  email:
    /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
  /** An absolute URI: a scheme, then (for web addresses) a host. "www.exemple.fr" has no scheme. */
  uri: /^[a-z][a-z0-9+.-]*:(?:\/\/[^\s/?#@]+(?:@[^\s/?#]+)?(?:[/?#]\S*)?|[^\s/]\S*)$/i,
} as const;
