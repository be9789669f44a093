/** `processing.notify`: the address the endpoint mails must be an email answer the form asks. */
import type { DefinitionRule } from './rule.js';
import type { Field } from '../types.js';
import { splitPointer } from '../../util/pointer.js';

/** The field a data pointer names, through fieldsets only (a group's items have no one address). */
export function fieldAtDataPointer(fields: readonly Field[], pointer: string): Field | undefined {
  let level: readonly Field[] | undefined = fields;
  let found: Field | undefined;
  for (const name of splitPointer(pointer) ?? []) {
    found = level?.find((field) => field.name === name);
    if (!found) return undefined;
    level = found.kind === 'fieldset' ? found.fields : undefined;
  }
  return found;
}

export const notifyEmail: DefinitionRule = {
  code: 'notify-email',
  *check({ definition, model }) {
    const pointer = definition.processing?.notify?.email;
    if (pointer === undefined) return;
    const field = fieldAtDataPointer(model.fields, pointer);
    if (field?.kind !== 'email')
      yield {
        pointer: '/processing/notify/email',
        params: { pointer },
        message: field ? 'definition.notify-email-kind' : 'definition.notify-email',
      };
  },
};
