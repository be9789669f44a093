/**
 * A form's validator: the errors a citizen reads, over what conditions.ts decides (which fields are
 * shown and required given the answers, what is sent). Works the same over runtime-compiled and
 * precompiled validators.
 */
import type { Field, FieldError, FormModel, Language } from '../model/types.js';
import type { CompiledValidators } from './compiled.js';
import { FieldIndex } from './field-index.js';
import { readConditions, type FieldConditions } from './conditions.js';
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

export interface FormValidator extends FieldConditions {
  /** Errors of the active answers, at most one per field; `[]` when they can be sent. */
  validate(data: unknown, options: ValidateOptions): FieldError[];
  /**
   * Errors of the one field at `pointer` (e.g. "/children/0/birthDate"), after an input; with
   * `around`, also those of the fieldsets and groups holding it, which its answer may have fixed.
   */
  validateField(pointer: string, data: unknown, options: { lang: Language; around?: boolean }): FieldError[];
}

export function createValidator(model: FormModel, compiled: CompiledValidators): FormValidator {
  const index = new FieldIndex(model.fields);
  const conditions = readConditions(model, compiled, index);
  const { activeData, sentObject } = conditions;

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
        setAt(probe, error.pointer, sentObject(field.fields ?? [], {}));
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
    isActive: conditions.isActive,
    isRequired: conditions.isRequired,
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
