import { isRecord, joinPointer, ownValue, type Field } from '@guichet/core';

/** Where a file field holds a file's key: the field's pointer and the key. */
export interface FileSlot {
  pointer: string;
  key: string;
}

/** The file fields of `fields` that hold a key in `data`, at any depth (in groups and fieldsets too). */
export function fileSlots(fields: readonly Field[], data: unknown, pointer = ''): FileSlot[] {
  if (!isRecord(data)) return [];
  return fields.flatMap((field) => {
    const value = ownValue(data, field.name);
    const at = joinPointer(pointer, field.name);
    if (field.kind === 'file') return typeof value === 'string' ? [{ pointer: at, key: value }] : [];
    if (field.kind === 'fieldset') return fileSlots(field.fields ?? [], value, at);
    if (field.kind === 'group' && Array.isArray(value))
      return value.flatMap((item, index) => fileSlots(field.fields ?? [], item, joinPointer(at, index)));
    return [];
  });
}
