import type { Field } from '@guichet/core';

/** Whether any field, nested ones included, is shown or required only under a condition. */
export function hasConditions(fields: readonly Field[]): boolean {
  return fields.some((f) => f.activeWhen.length > 0 || f.requiredWhen.length > 0 || hasConditions(f.fields ?? []));
}

/** Every field, nested ones included, by its path. */
export function indexFields(fields: readonly Field[], map = new Map<string, Field>()): Map<string, Field> {
  for (const field of fields) {
    map.set(field.path, field);
    if (field.fields) indexFields(field.fields, map);
  }
  return map;
}
