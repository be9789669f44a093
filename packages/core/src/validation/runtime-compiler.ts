/** Compiles a form's validators in the page with ajv (needs `new Function`: not under a strict CSP). */
import type { FormDefinition } from '../generated/form-definition.js';
import type { CompiledValidators } from './compiled.js';
import { createAjv, FORM_SCHEMA_ID, fragmentOf } from './ajv-instance.js';
import { prepareSchema } from './prepare-schema.js';
import { conditionPointers } from '../model/schema-walk.js';

export function compileRuntime(definition: FormDefinition): CompiledValidators {
  const ajv = createAjv();
  const prepared = prepareSchema(definition.schema);
  ajv.addSchema(prepared.schema, FORM_SCHEMA_ID);
  const validate = ajv.getSchema(FORM_SCHEMA_ID);
  if (!validate) throw new Error('The form schema did not compile');
  const conditions: CompiledValidators['conditions'] = {};
  for (const pointer of conditionPointers(definition.schema)) {
    const condition = ajv.getSchema(fragmentOf(prepared.translate(pointer)));
    if (condition) conditions[pointer] = condition;
  }
  return { validate, conditions };
}
