/**
 * A form's validator: which fields are active given the answers, what is submitted, and the
 * errors a citizen reads. Works the same over runtime-compiled and precompiled validators.
 */
import type { Condition, Field, FieldError, FormModel, Language } from '../model/types.js';
import type { CompiledValidators } from './compiled.js';
import { FieldIndex } from './field-index.js';
import { errorPointer, mapErrors, type AjvError } from './error-mapping.js';
import { isRecord, ownValue, setOwn, splitPointer } from '../util/pointer.js';

export interface ValidateOptions {
  lang: Language;
  /** Top-level field names (one step's): errors elsewhere are left out. */
  only?: string[];
}

export interface FormValidator {
  /** Errors of the active answers, at most one per field; `[]` when they can be sent. */
  validate(data: unknown, options: ValidateOptions): FieldError[];
  /** Errors of the one field at `pointer` (e.g. "/children/0/birthDate"), after an input. */
  validateField(pointer: string, data: unknown, options: { lang: Language }): FieldError[];
  /** Whether `field` is shown, given the object holding it (the answers, or a fieldset's or an item's value). */
  isActive(field: Field, parentData: unknown): boolean;
  /** The answers to send: inactive fields (at every depth) and empty values removed. */
  activeData(data: unknown): Record<string, unknown>;
}

/** "", null, undefined, an empty list or an empty object: no answer. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

export function createValidator(model: FormModel, compiled: CompiledValidators): FormValidator {
  const index = new FieldIndex(model.fields);
  const byLevel = new WeakMap<Field[], Map<string, Field>>();
  const levelOf = (fields: Field[]) => {
    let map = byLevel.get(fields);
    if (!map) {
      map = new Map(fields.map((f) => [f.name, f]));
      byLevel.set(fields, map);
    }
    return map;
  };

  const holds = (condition: Condition, parent: Record<string, unknown>): boolean => {
    if (condition.kind === 'present') return !isEmpty(ownValue(parent, condition.trigger));
    const test = compiled.conditions[condition.conditionPointer];
    // A condition the validator does not know cannot hide anything: show the field.
    if (!test) return true;
    return test(parent) === (condition.branch === 'then');
  };

  const activeIn = (field: Field, parent: Record<string, unknown>) => field.activeWhen.every((c) => holds(c, parent));

  /** Cleans one level: empty answers first, then the fields their conditions hide. */
  const cleanObject = (fields: Field[], value: Record<string, unknown>): Record<string, unknown> => {
    const level = levelOf(fields);
    const answered: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(value)) {
      const field = level.get(name);
      // ajv takes an own "__proto__" for an evaluated property: it would slip through unchecked.
      if (name === '__proto__' && !field) continue;
      const cleaned = field ? cleanValue(field, raw) : isEmpty(raw) ? undefined : raw;
      if (cleaned !== undefined) setOwn(answered, name, cleaned);
    }
    const result: Record<string, unknown> = {};
    for (const [name, answer] of Object.entries(answered)) {
      const field = level.get(name);
      if (field && field.activeWhen.length && !activeIn(field, answered)) continue;
      setOwn(result, name, answer);
    }
    return result;
  };

  const cleanValue = (field: Field, value: unknown): unknown => {
    if (isEmpty(value)) return undefined;
    if (field.kind === 'fieldset' && field.fields && isRecord(value)) {
      const cleaned = cleanObject(field.fields, value);
      return isEmpty(cleaned) ? undefined : cleaned;
    }
    if (field.kind === 'group' && field.fields && Array.isArray(value)) {
      // Items stay in place (an empty item still shows its own errors), only emptied inside.
      const subFields = field.fields;
      return value.map((item) => (isRecord(item) ? cleanObject(subFields, item) : item));
    }
    return value;
  };

  const activeData = (data: unknown): Record<string, unknown> =>
    isRecord(data) ? cleanObject(model.fields, data) : {};

  /** `near`: only errors that may concern the field at that pointer are mapped. */
  const run = (data: unknown, lang: Language, near?: string): FieldError[] => {
    const cleaned = activeData(data);
    if (compiled.validate(cleaned)) return [];
    let errors = (compiled.validate.errors ?? []) as AjvError[];
    // A failed submit leaves hundreds of `required` errors at the root: filtered by the answer
    // each names, a keystroke maps a handful of them instead of sorting them all.
    if (near !== undefined) {
      errors = errors.filter((e) => {
        const pointer = errorPointer(e);
        return near.startsWith(pointer) || pointer.startsWith(near);
      });
    }
    return mapErrors(errors, index, lang);
  };

  return {
    activeData,
    isActive(field, parentData) {
      if (!field.activeWhen.length) return true;
      if (!isRecord(parentData)) return field.activeWhen.every((c) => c.kind === 'if' && holds(c, {}));
      const answered: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(parentData)) if (!isEmpty(value)) setOwn(answered, name, value);
      return activeIn(field, answered);
    },
    validate(data, { lang, only }) {
      const errors = run(data, lang);
      if (!only) return errors;
      const names = new Set(only);
      return errors.filter((e) => names.has(topLevelName(e.pointer)));
    },
    validateField(pointer, data, { lang }) {
      return run(data, lang, pointer).filter((e) => e.pointer === pointer);
    },
  };
}

/** The answer at the top of an error's pointer: the step field it belongs to. */
function topLevelName(pointer: string): string {
  return splitPointer(pointer)?.[0] ?? '';
}
