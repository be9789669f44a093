/**
 * The one ajv configuration behind every validator (page and server, compiled at runtime or
 * standalone), so both give the same verdicts. Imported only lazily in the page.
 */
import type { Options } from 'ajv/dist/core.js';
import { GuichetAjv, _ } from './guichet-ajv.js';
import { formats } from './formats.js';

/** The `$id` under which a form's data schema is compiled (conditions are fragments of it). */
export const FORM_SCHEMA_ID = 'https://guichet.invalid/form';

/**
 * @param code ajv's code options; `formatsModule` is the path standalone code imports the
 * function formats from (regular expressions are inlined).
 * @param checked What the validators check. A form's answers are keyed by field names, which may
 * be "constructor" or "toString": only the answers' own properties count, or every object would
 * meet `required: ["constructor"]`. A definition's keys are the meta-schema's own words, which no
 * object inherits: its check leaves those tests out (a page keeps that validator, hot, for good).
 */
export function createAjv(
  code: Options['code'] = {},
  formatsModule?: string,
  checked: 'answers' | 'definition' = 'answers',
): GuichetAjv {
  const ajv = new GuichetAjv({
    allErrors: true,
    strict: false,
    messages: false,
    ownProperties: checked === 'answers',
    code: formatsModule ? { ...code, formats: _`require(${formatsModule}).formats` } : code,
  });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  return ajv;
}

/** The fragment URI of the schema node at `pointer` in the form's data schema. */
export function fragmentOf(pointer: string): string {
  return `${FORM_SCHEMA_ID}#${pointer.split('/').map(encodeURIComponent).join('/')}`;
}
