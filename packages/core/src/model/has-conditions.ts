import type { Field } from './types.js';

/** Whether any field, nested ones included, is shown or required only under a condition. */
export function hasConditions(fields: readonly Field[]): boolean {
  return fields.some((f) => f.activeWhen.length > 0 || f.requiredWhen.length > 0 || hasConditions(f.fields ?? []));
}
