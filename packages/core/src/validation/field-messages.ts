/** The message a citizen reads for one failed rule on one field. */
import type { Field, Language } from '../model/types.js';
import { localize } from '../model/localize.js';
import { format, type MessageKey } from '../messages/format.js';
import { locales } from '../messages/locales.js';
import { splitDate } from '../model/date-parts.js';
import { dateProblem } from '../model/date-problem.js';

const EXAMPLE_DATE = new Date(Date.UTC(2026, 6, 14, 14, 30));

/** Formatting a date costs more than validating a form: each example is made once per language. */
const examples = new Map<string, string>();
function example(kind: 'date' | 'time', lang: Language): string {
  const key = `${kind}:${lang}`;
  let text = examples.get(key);
  if (text === undefined) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
        : { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' };
    text = new Intl.DateTimeFormat(locales[lang], options).format(EXAMPLE_DATE);
    examples.set(key, text);
  }
  return text;
}
const exampleDate = (lang: Language) => example('date', lang);
const exampleTime = (lang: Language) => example('time', lang);

const FORMAT_KEYS: Record<string, MessageKey> = {
  email: 'format.email',
  date: 'format.date',
  time: 'format.time',
  'date-time': 'format.date-time',
  uri: 'format.uri',
};

/** Custom messages in `ui.fields[path].messages` are keyed by keyword; a failed choice may be either. */
const CUSTOM_KEYS: Record<string, string[]> = { enum: ['enum', 'const'], const: ['const', 'enum'] };

/** The author's own message for this rule and field (`ui.fields[path].messages`), if any. */
export function customMessage(code: string, field: Field | undefined, lang: Language): string | undefined {
  for (const key of CUSTOM_KEYS[code] ?? [code]) {
    const custom = field?.messages?.[key];
    if (custom) return localize(custom, lang);
  }
  return undefined;
}

/**
 * Guichet's message for this rule and field, which does not name the question (see question.ts);
 * `value`, the answer, says which part of a date typed in three boxes is wrong.
 */
export function fieldMessage(
  code: string,
  params: Record<string, unknown>,
  field: Field | undefined,
  lang: Language,
  value?: unknown,
): string {
  const limit = Number(params.limit);
  const kind = field?.kind;
  switch (code) {
    case 'required':
      return format(requiredKey(field), {}, lang);
    case 'type': {
      // `["number", "null"]`: the answer's own type.
      const type = String(params.type).split(',')[0];
      if (type === 'number') return format('type.number', { example: 12.5 }, lang);
      if (type === 'integer') return format('type.integer', {}, lang);
      if (type === 'boolean') return format('type.boolean', {}, lang);
      return format('type.other', {}, lang);
    }
    case 'format': {
      const partProblem = kind === 'memorable-date' ? dateProblem(splitDate(value)) : undefined;
      if (partProblem) return format(partProblem.key, {}, lang);
      const key = FORMAT_KEYS[String(params.format)] ?? 'format.other';
      const example =
        key === 'format.date'
          ? exampleDate(lang)
          : key === 'format.time'
            ? exampleTime(lang)
            : `${exampleDate(lang)} ${exampleTime(lang)}`;
      return format(key, { example }, lang);
    }
    case 'minLength':
    case 'maxLength':
      return format(code, { count: limit }, lang);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return format(code, { limit }, lang);
    case 'multipleOf': {
      const decimals = decimalPlaces(Number(params.multipleOf));
      if (decimals > 0 && Number(params.multipleOf) === 10 ** -decimals)
        return format('multipleOf.decimals', { count: decimals }, lang);
      return format('multipleOf', { limit: Number(params.multipleOf) }, lang);
    }
    case 'minItems':
    case 'maxItems': {
      const family = kind === 'checkboxes' ? 'choices' : kind === 'file' ? 'files' : 'items';
      return format(`${code}.${family}` as MessageKey, { count: limit }, lang);
    }
    case 'uniqueItems':
    case 'pattern':
      return format(code, {}, lang);
    case 'const':
      return format(kind === 'consent' || kind === 'checkbox' ? 'consent' : 'choice', {}, lang);
    case 'enum':
      return format('choice', {}, lang);
    case 'unknown-field':
    case 'not-accepted':
      return format(code, {}, lang);
    default:
      return format('invalid', {}, lang);
  }
}

function requiredKey(field: Field | undefined): MessageKey {
  switch (field?.kind) {
    case 'checkbox':
    case 'consent':
      return 'required.checkbox';
    case 'radio':
    case 'select':
      return 'required.choice';
    case 'checkboxes':
      return 'required.checkboxes';
    case 'file':
      return 'required.file';
    case 'group':
      return 'required.group';
    case 'fieldset':
      return 'required.fieldset';
    default:
      return 'required';
  }
}

function decimalPlaces(value: number): number {
  if (!Number.isFinite(value) || value >= 1) return 0;
  const text = value.toString();
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]);
  return text.split('.')[1]?.length ?? 0;
}
