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
 */
export function createAjv(code: Options['code'] = {}, formatsModule?: string): GuichetAjv {
  const ajv = new GuichetAjv({
    allErrors: true,
    strict: false,
    messages: false,
    // `required: ["constructor"]` must not be met by what every object inherits.
    ownProperties: true,
    code: formatsModule ? { ...code, formats: _`require(${formatsModule}).formats` } : code,
  });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  return ajv;
}

/** The fragment URI of the schema node at `pointer` in the form's data schema. */
export function fragmentOf(pointer: string): string {
  return `${FORM_SCHEMA_ID}#${pointer.split('/').map(encodeURIComponent).join('/')}`;
}
