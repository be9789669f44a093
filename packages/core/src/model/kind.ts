/**
 * Which field kind renders a schema node: inferred from the schema, overridden by `ui.fields[path].widget`
 * when the widget suits the data (a widget that does not suit is a definition problem).
 */
import type { FieldUi } from '../generated/form-definition.js';
import type { FieldKind, SchemaObject } from './types.js';
import type { Resolved } from './schema-walk.js';
import { resolveRef } from './schema-walk.js';
import { isNullSchema, typeOf } from './field-shape.js';
import { isRecord, joinPointer } from '../util/pointer.js';
import type { MessageKey } from '../messages/format.js';

/** Up to this many choices render as radio buttons, more as a select. */
export const RADIO_LIMIT = 5;

export interface RawChoice {
  value: unknown;
  title?: string;
  description?: string;
  /**
   * Pointer of the `const`/`enum` member (for problems), or of its `title` or `description` (for
   * translations): built when asked, as most definitions have neither problems nor translations.
   */
  pointer(of?: 'title' | 'description'): string;
}

/**
 * Labelled choices of a node: its `enum`, its `oneOf`/`anyOf` whose every branch has a `const`, or
 * its one `const` (a literal). `null` is no choice: a field that accepts it may be left empty.
 */
export function choicesOf(root: SchemaObject, resolved: Resolved): RawChoice[] | undefined {
  const { node } = resolved;
  if (Array.isArray(node.enum)) {
    const choices: RawChoice[] = [];
    node.enum.forEach((value, i) => {
      if (value !== null) choices.push({ value, pointer: () => joinPointer(resolved.at('enum'), i) });
    });
    return choices;
  }
  const key = Array.isArray(node.oneOf) ? 'oneOf' : Array.isArray(node.anyOf) ? 'anyOf' : undefined;
  if (!key) {
    // A literal is a list of one choice, labelled by its value; `true` alone is a consent box.
    if ('const' in node && node.const !== null && node.const !== true)
      return [{ value: node.const, pointer: () => resolved.at('const') }];
    return undefined;
  }
  const branches: Resolved[] = [];
  const list = node[key] ?? [];
  for (let i = 0; i < list.length; i++) {
    const branch = list[i];
    if (isNullSchema(branch)) continue;
    if (!isRecord(branch)) return undefined;
    const resolvedBranch = resolveRef(root, branch, joinPointer(resolved.at(key), i));
    if (!('const' in resolvedBranch.node)) return undefined;
    branches.push(resolvedBranch);
  }
  if (!branches.length) return undefined;
  return branches.map(choiceOfBranch);
}

/** A `const` branch as a choice; its `title`/`description` kept only when they are strings. */
function choiceOfBranch(branch: Resolved): RawChoice {
  const { const: value, title, description } = branch.node;
  const choice: RawChoice = { value, pointer: (of) => branch.at(of ?? 'const') };
  if (typeof title === 'string') choice.title = title;
  if (typeof description === 'string') choice.description = description;
  return choice;
}

export { typeOf };

export interface KindResult {
  kind: FieldKind;
  /** A list of files (`array` of `contentMediaType` strings). */
  multiple?: boolean;
  /** Why the widget asked for does not suit the field. */
  widgetProblem?: MessageKey;
  /** The array holds neither objects, choices nor files. */
  unsupportedArray?: boolean;
}

const STRING_KINDS: Partial<Record<NonNullable<FieldUi['widget']>, FieldKind>> = {
  text: 'text',
  textarea: 'textarea',
  email: 'email',
  tel: 'tel',
  url: 'url',
  date: 'date',
  time: 'time',
  file: 'file',
};

const FORMAT_KINDS: Record<string, FieldKind> = {
  email: 'email',
  date: 'date',
  time: 'time',
  'date-time': 'datetime',
  uri: 'url',
};

/** A string longer than this renders as a textarea. */
export const TEXTAREA_THRESHOLD = 200;

/** `choices`: the node's own (choicesOf), which the caller keeps for the model as well. */
export function inferKind(
  root: SchemaObject,
  resolved: Resolved,
  ui: FieldUi | undefined,
  choices: RawChoice[] | undefined,
): KindResult {
  const node = resolved.node;
  const type = typeOf(node);
  let natural = naturalKind(root, resolved, type, choices);
  // A phone number is a string like any other: its autocomplete token says what it is.
  if (natural.kind === 'text' && (ui?.autocomplete?.split(' ').pop()?.startsWith('tel') || ui?.inputmode === 'tel'))
    natural = { kind: 'tel' };
  const widget = ui?.widget;
  if (!widget) return natural;
  const stringKind = STRING_KINDS[widget];
  if (stringKind) {
    const isString = (type === 'string' || type === undefined) && !choices && natural.kind !== 'consent';
    return isString ? { ...natural, kind: stringKind } : { ...natural, widgetProblem: 'widget-reason.string' };
  }
  switch (widget) {
    case 'number':
      return type === 'number' || type === 'integer' ? natural : { ...natural, widgetProblem: 'widget-reason.number' };
    case 'select':
    case 'radio':
      return choices && type !== 'array'
        ? { ...natural, kind: widget }
        : { ...natural, widgetProblem: 'widget-reason.choices' };
    case 'checkbox':
      return type === 'boolean' ? natural : { ...natural, widgetProblem: 'widget-reason.boolean' };
    case 'checkboxes':
      return natural.kind === 'checkboxes' ? natural : { ...natural, widgetProblem: 'widget-reason.choice-list' };
    case 'memorable-date':
      return natural.kind === 'date'
        ? { ...natural, kind: widget }
        : { ...natural, widgetProblem: 'widget-reason.date' };
    default:
      return natural;
  }
}

function naturalKind(
  root: SchemaObject,
  resolved: Resolved,
  type: string | undefined,
  choices: RawChoice[] | undefined,
): KindResult {
  const node = resolved.node;
  switch (type) {
    case 'object':
      return { kind: 'fieldset' };
    case 'array': {
      if (!isRecord(node.items)) return { kind: 'group', unsupportedArray: true };
      const items = resolveRef(root, node.items as SchemaObject, resolved.at('items'));
      if (choicesOf(root, items)) return { kind: 'checkboxes' };
      if (typeOf(items.node) === 'object') return { kind: 'group' };
      if (typeof items.node.contentMediaType === 'string') return { kind: 'file', multiple: true };
      return { kind: 'group', unsupportedArray: true };
    }
    case 'boolean':
      if (node.const === true) return { kind: 'consent' };
      return choices ? { kind: 'radio' } : { kind: 'checkbox' };
    case 'number':
    case 'integer':
      if (choices) return { kind: choices.length <= RADIO_LIMIT ? 'radio' : 'select' };
      return { kind: type };
    default:
      if (node.const === true) return { kind: 'consent' };
      if (choices) return { kind: choices.length <= RADIO_LIMIT ? 'radio' : 'select' };
      if (typeof node.contentMediaType === 'string') return { kind: 'file' };
      if (typeof node.format === 'string' && FORMAT_KINDS[node.format])
        return { kind: FORMAT_KINDS[node.format] as FieldKind };
      if (typeof node.maxLength === 'number' && node.maxLength > TEXTAREA_THRESHOLD) return { kind: 'textarea' };
      return { kind: 'text' };
  }
}

/** Whether `value` is of the JSON Schema type `type` (any value when the type is unknown). */
export function matchesType(value: unknown, type: string | undefined): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

/** Whether a choice can be an answer of its field: a string, number or boolean of the field's type. */
export function isChoiceValue(value: unknown, type: string | undefined): boolean {
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  return scalar && matchesType(value, type);
}
