/**
 * Which fields are shown and which must be answered, given the answers: what a form's screen needs
 * from its checking rules. It reads the schema's conditions through their compiled tests only, so
 * a form whose conditions decide what its first step shows can draw it as soon as the compiled
 * rules arrive, before the code that turns the rules' errors into messages (see validator.ts).
 */
import type { Branch, Condition, Field, FormModel } from '../model/types.js';
import type { CompiledValidators } from './compiled.js';
import { FieldIndex } from './field-index.js';
import { isRecord, setOwn } from '../util/pointer.js';

export interface FieldConditions {
  /** Whether `field` is shown, given the object holding it (the answers, or a fieldset's or an item's value). */
  isActive(field: Field, parentData: unknown): boolean;
  /** Whether the citizen must answer `field` (shown and required now; never one that may be left empty). */
  isRequired(field: Field, parentData: unknown): boolean;
  /** The answers to send: hidden fields (at every depth) and empty values removed; `null` for an empty answer the schema requires and allows to be null. */
  activeData(data: unknown): Record<string, unknown>;
}

export interface Conditions extends FieldConditions {
  /** One object level (the fields of the model, a fieldset or an item) as it will be sent. */
  sentObject(fields: Field[], value: Record<string, unknown>): Record<string, unknown>;
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

/** `index`: the model's, when the caller has one already. */
export function readConditions(
  model: FormModel,
  compiled: Pick<CompiledValidators, 'conditions'>,
  index = new FieldIndex(model.fields),
): Conditions {
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
  const sentObject = (fields: Field[], value: Record<string, unknown>): Record<string, unknown> => {
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
      const cleaned = sentObject(field.fields, value);
      return isEmpty(cleaned) ? undefined : cleaned;
    }
    if (field.kind === 'group' && field.fields && Array.isArray(value)) {
      // Items stay in place (an empty item still shows its own errors), only emptied inside.
      const subFields = field.fields;
      return value.map((item) => (isRecord(item) ? sentObject(subFields, item) : item));
    }
    return value;
  };

  const activeData = (data: unknown): Record<string, unknown> => (isRecord(data) ? sentObject(model.fields, data) : {});

  /** The object holding `field`, as it will be sent. */
  const sentLevel = (field: Field, parentData: unknown) =>
    sentObject(index.siblingsOf(field), isRecord(parentData) ? parentData : {});

  return {
    activeData,
    sentObject,
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
  };
}

function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key));
}
