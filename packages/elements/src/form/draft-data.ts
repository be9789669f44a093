import { isRecord, type Field } from '@guichet/core';
import type { Answers } from './answers.js';

/** The answers without file fields: a draft never keeps files (nor their keys, useless after a reload). */
export function withoutFiles(fields: readonly Field[], answers: Answers): Answers {
  const result: Answers = {};
  const byName = new Map(fields.map((f) => [f.name, f]));
  for (const [name, value] of Object.entries(answers)) {
    const field = byName.get(name);
    if (field?.kind === 'file') continue;
    if (field?.kind === 'fieldset' && field.fields && isRecord(value)) result[name] = withoutFiles(field.fields, value);
    else if (field?.kind === 'group' && field.fields && Array.isArray(value)) {
      const itemFields = field.fields;
      result[name] = value.map((item) => (isRecord(item) ? withoutFiles(itemFields, item) : item));
    } else result[name] = value;
  }
  return result;
}
