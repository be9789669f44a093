import type { Field } from '@guichet/core';

/** Every field, nested ones included, by its path. */
export function indexFields(fields: readonly Field[], map = new Map<string, Field>()): Map<string, Field> {
  for (const field of fields) {
    map.set(field.path, field);
    if (field.fields) indexFields(field.fields, map);
  }
  return map;
}
