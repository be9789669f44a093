/**
 * "Any standard validator": ajv's own 2020-12 class, unmodified, compiling the schema exactly as
 * the author wrote it (no `unevaluatedProperties` added, no rewrite), with format assertion on
 * and Guichet's five format definitions. Guichet's verdict on what it sends must be this one's.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { formats } from '../../packages/core/src/validation/formats.js';

export function standardValidator(schema: unknown): (data: unknown) => boolean {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  const validate = ajv.compile(schema as object);
  return (data) => validate(data) === true;
}
