/**
 * A form's validator: which fields are shown and required given the answers, what is sent, and
 * the errors a citizen reads. Works the same over runtime-compiled and precompiled validators.
 */
import type { Branch, Condition, Field, FieldError, FormModel, Language } from '../model/types.js';
import type { CompiledValidators } from './compiled.js';
import { FieldIndex } from './field-index.js';
import { errorPointer, mapErrors, type AjvError } from './error-mapping.js';
import { isRecord, ownValue, setOwn, splitPointer } from '../util/pointer.js';

export interface ValidateOptions {
  lang: Language;
  /** Top-level field names (one step's): errors elsewhere are left out. */
  only?: string[];
  /**
   * At most this many errors: a server bounds the work a hostile body of thousands of unknown
   * answers costs, and the size of its answer.
   */
  maxErrors?: number;
}

export interface FormValidator {
  /** Errors of the active answers, at most one per field; `[]` when they can be sent. */
  validate(data: unknown, options: ValidateOptions): FieldError[];
  /**
   * Errors of the one field at `pointer` (e.g. "/children/0/birthDate"), after an input; with
   * `around`, also those of the fieldsets and groups holding it, which its answer may have fixed.
   */
  validateField(pointer: string, data: unknown, options: { lang: Language; around?: boolean }): FieldError[];
  /** Whether `field` is shown, given the object holding it (the answers, or a fieldset's or an item's value). */
  isActive(field: Field, parentData: unknown): boolean;
  /** Whether the citizen must answer `field` (shown and required now; never one that may be left empty). */
  isRequired(field: Field, parentData: unknown): boolean;
  /** The answers to send: hidden fields (at every depth) and empty values removed; `null` for an empty answer the schema requires and allows to be null. */
  activeData(data: unknown): Record<string, unknown>;
}

/** "", null, undefined, an empty list or an empty object: no answer. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

/** What one object level needs to decide its fields' visibility. */
interface LevelRules {
  byName: Map<string, Field>;
  /** Fields whose visibility or requiredness depends on the answers, or that may be sent as null. */
  dependent: Field[];
}

export function createValidator(model: FormModel, compiled: CompiledValidators): FormValidator {
  const index = new FieldIndex(model.fields);
  const levels = new WeakMap<Field[], LevelRules>();
  const levelOf = (fields: Field[]): LevelRules => {
    let level = levels.get(fields);
    if (!level) {
      const dependent = fields.filter((f) => f.activeWhen.length || f.requiredWhen.length || f.nullWhen);
      level = { byName: new Map(fields.map((f) => [f.name, f])), dependent };
      levels.set(fields, level);
    }
    return level;
  };

  const holds = (condition: Condition, sent: Record<string, unknown>): boolean => {
    if (condition.kind !== 'if') return Object.hasOwn(sent, condition.trigger) === (condition.kind === 'present');
    const test = compiled.conditions[condition.conditionPointer];
    // A condition the validator does not know cannot hide anything: show the field.
    if (!test) return true;
    return test(sent) === (condition.branch === 'then');
  };
  const applies = (branch: Branch, sent: Record<string, unknown>) => branch.every((c) => holds(c, sent));
  const shown = (field: Field, sent: Record<string, unknown>) =>
    field.activeWhen.length === 0 || field.activeWhen.some((b) => applies(b, sent));
  const requiredIn = (field: Field, sent: Record<string, unknown>) =>
    field.required || field.requiredWhen.some((b) => applies(b, sent));

  /**
   * One level as it will be sent: empty answers out, then the hidden fields out and `null` in for
   * an empty answer the schema requires and allows to be null. Conditions are read on what is
   * sent, as any validator reads them, so a hidden answer cannot show another field: this repeats
   * until nothing changes (a chain of conditions settles in as many rounds as it has links).
   */
  const cleanObject = (fields: Field[], value: Record<string, unknown>): Record<string, unknown> => {
    const level = levelOf(fields);
    const answered: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(value)) {
      const field = level.byName.get(name);
      // ajv takes an own "__proto__" for an evaluated property: it would slip through unchecked.
      if (name === '__proto__' && !field) continue;
      const cleaned = field ? cleanValue(field, raw) : isEmpty(raw) ? undefined : raw;
      if (cleaned !== undefined) setOwn(answered, name, cleaned);
    }
    if (!level.dependent.length) return answered;
    let sent = answered;
    for (let round = 0; round <= level.dependent.length; round++) {
      const next: Record<string, unknown> = {};
      for (const [name, answer] of Object.entries(answered)) {
        const field = level.byName.get(name);
        if (!field || shown(field, sent)) setOwn(next, name, answer);
      }
      for (const field of level.dependent) {
        const sendsNull = field.nullWhen?.some((b) => applies(b, sent));
        if (sendsNull && !Object.hasOwn(answered, field.name) && shown(field, sent)) setOwn(next, field.name, null);
      }
      if (sameKeys(next, sent)) return next;
      sent = next;
    }
    return sent;
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

  /** The object holding `field`, as it will be sent. */
  const sentLevel = (field: Field, parentData: unknown) =>
    cleanObject(index.siblingsOf(field), isRecord(parentData) ? parentData : {});

  const errorsOf = (data: unknown) => (compiled.validate(data) ? [] : ((compiled.validate.errors ?? []) as AjvError[]));

  /** `near`: only errors that may concern the field at that pointer are mapped. */
  const run = (data: unknown, lang: Language, near?: string, maxErrors?: number): FieldError[] => {
    const sent = activeData(data);
    let errors = errorsOf(sent);
    if (!errors.length) return [];
    if (maxErrors !== undefined) errors = aboutFewAnswers(errors, maxErrors);
    // A failed submit leaves hundreds of `required` errors at the root: filtered by the answer
    // each names, a keystroke maps a handful of them instead of sorting them all.
    if (near !== undefined) {
      errors = errors.filter((e) => {
        const pointer = errorPointer(e);
        return near.startsWith(pointer) || pointer.startsWith(near);
      });
    }
    return expandEmptyFieldsets(mapErrors(errors, index, lang, sent), sent, lang);
  };

  /**
   * A required fieldset left empty is one `required` error: its own missing answers say more, and
   * at once. They are the errors the fieldset would have with nothing in it; the verdict is the same.
   */
  const expandEmptyFieldsets = (mapped: FieldError[], sent: Record<string, unknown>, lang: Language): FieldError[] => {
    let result = mapped;
    const probe = structuredClone(sent);
    for (let depth = 0; depth < 8; depth++) {
      const empty = result.filter((e) => e.code === 'required' && index.locate(e.pointer).field?.kind === 'fieldset');
      if (!empty.length) return result;
      for (const error of empty) {
        const field = index.locate(error.pointer).field as Field;
        setAt(probe, error.pointer, cleanObject(field.fields ?? [], {}));
      }
      const inside = mapErrors(errorsOf(probe), index, lang, probe);
      const replaced = new Set<string>();
      const added: FieldError[] = [];
      for (const error of empty) {
        const within = inside.filter((e) => e.pointer.startsWith(`${error.pointer}/`));
        if (within.length) {
          replaced.add(error.pointer);
          added.push(...within);
        }
      }
      if (!replaced.size) return result;
      result = [...result.filter((e) => !replaced.has(e.pointer)), ...added].sort((a, b) =>
        index.compare(a.pointer, b.pointer),
      );
    }
    return result;
  };

  return {
    activeData,
    isActive(field, parentData) {
      if (!field.activeWhen.length) return true;
      return shown(field, sentLevel(field, parentData));
    },
    isRequired(field, parentData) {
      if (!field.required && !field.requiredWhen.length) return false;
      if (!field.requiredWhen.length && !field.activeWhen.length) return true;
      const sent = sentLevel(field, parentData);
      return shown(field, sent) && requiredIn(field, sent);
    },
    validate(data, { lang, only, maxErrors }) {
      const all = run(data, lang, undefined, maxErrors);
      const errors = maxErrors === undefined ? all : all.slice(0, maxErrors);
      if (!only) return errors;
      const names = new Set(only);
      return errors.filter((e) => names.has(topLevelName(e.pointer)));
    },
    validateField(pointer, data, { lang, around }) {
      const errors = run(data, lang, pointer);
      return errors.filter((e) => e.pointer === pointer || (around && pointer.startsWith(`${e.pointer}/`)));
    },
  };
}

function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key));
}

/** Sets the value at `pointer` in plain JSON data, where every parent exists. */
function setAt(data: Record<string, unknown>, pointer: string, value: unknown): void {
  const segments = splitPointer(pointer) ?? [];
  const last = segments.pop();
  let node: unknown = data;
  for (const segment of segments)
    node = isRecord(node) ? ownValue(node, segment) : Array.isArray(node) ? node[Number(segment)] : undefined;
  if (last === undefined) return;
  if (isRecord(node)) setOwn(node, last, value);
  else if (Array.isArray(node)) node[Number(last)] = value;
}

/** The answer at the top of an error's pointer: the step field it belongs to. */
function topLevelName(pointer: string): string {
  return splitPointer(pointer)?.[0] ?? '';
}

/**
 * The errors about the first `count` answers they name (all of each one's errors, so the most
 * useful message still wins): mapping costs far more than ajv's verdict, so it is bounded here.
 */
function aboutFewAnswers(errors: AjvError[], count: number): AjvError[] {
  const kept = new Set<string>();
  return errors.filter((error) => {
    const pointer = errorPointer(error);
    if (kept.has(pointer)) return true;
    if (kept.size >= count) return false;
    kept.add(pointer);
    return true;
  });
}
