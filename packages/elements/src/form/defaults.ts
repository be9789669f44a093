import { isRecord, ownValue, setOwn, type Field } from '@guichet/core';
import type { Answers } from './answers.js';

/**
 * Fills in what an untouched form already answers: schema `default`s, `false` for a yes/no
 * checkbox (unticked is an answer, unlike an unticked consent), and the items a group needs at
 * least (`minItems`). Given answers are never overwritten.
 */
export function withDefaults(fields: readonly Field[], answers: Answers): Answers {
  for (const field of fields) {
    const value = ownValue(answers, field.name);
    if (value === undefined) {
      if (field.default !== undefined)
        setOwn(answers, field.name, JSON.parse(JSON.stringify(field.default)) as unknown);
      else if (field.kind === 'checkbox') setOwn(answers, field.name, false);
      else if (field.kind === 'fieldset' && field.fields) {
        const nested = withDefaults(field.fields, {});
        if (Object.keys(nested).length > 0) setOwn(answers, field.name, nested);
      } else if (field.kind === 'group' && field.fields && (field.constraints.minItems ?? 0) > 0) {
        const itemFields = field.fields;
        setOwn(
          answers,
          field.name,
          Array.from({ length: field.constraints.minItems ?? 0 }, () => withDefaults(itemFields, {})),
        );
      }
    } else if (field.kind === 'fieldset' && field.fields && isRecord(value)) {
      withDefaults(field.fields, value);
    } else if (field.kind === 'group' && field.fields && Array.isArray(value)) {
      for (const item of value) if (isRecord(item)) withDefaults(field.fields, item);
    }
  }
  return answers;
}
