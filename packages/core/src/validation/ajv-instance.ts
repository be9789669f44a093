/**
 * The one ajv configuration behind every validator (page and server, compiled at runtime or
 * standalone), so both give the same verdicts. Imported only lazily in the page.
 */
import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: depending on the bundler its default export is the function or the module.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

/** The `$id` under which a form's data schema is compiled (conditions are fragments of it). */
export const FORM_SCHEMA_ID = 'https://guichet.invalid/form';

/**
 * `time` and `date-time` as browsers give them (`<input type="time">` gives "14:30",
 * `datetime-local` gives "2026-07-14T14:30"): seconds and time zone optional.
 */
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:[zZ]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;
const DATE_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:[zZ]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;

export function createAjv(code: Options['code'] = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, messages: false, code });
  addFormats(ajv, ['email', 'date', 'uri']);
  ajv.addFormat('time', TIME);
  ajv.addFormat('date-time', DATE_TIME);
  return ajv;
}

/** The fragment URI of the schema node at `pointer` in the form's data schema. */
export function fragmentOf(pointer: string): string {
  return `${FORM_SCHEMA_ID}#${pointer.split('/').map(encodeURIComponent).join('/')}`;
}
