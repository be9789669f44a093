/**
 * The data schema as validators compile it, in one place for the page and the server: every
 * object that holds fields gets `unevaluatedProperties: false`, so an answer to a question the
 * form does not ask (or one it hides) is rejected. Branches (`allOf`, `then`, `else`,
 * `dependentSchemas`) and `$defs` entries are left open, or they would reject their siblings'
 * properties when used as mixins; `if`, `oneOf` and `anyOf` are tests, not field declarations.
 * An object whose author wrote `additionalProperties` (`false`: JSON Schema's own meaning;
 * `true`: other answers are welcome) or `unevaluatedProperties` keeps what they wrote.
 * Each rewrite means the same as what it replaces: any standard validator gives the same verdict.
 */
import type { SchemaNode } from '../generated/form-definition.js';
import type { SchemaObject } from '../model/types.js';
import { isRecord, joinPointer } from '../util/pointer.js';
import { forEachNode, refName } from '../model/schema-walk.js';
import { isNullSchema } from '../model/field-shape.js';

type Defs = Record<string, SchemaNode | undefined>;
type Moves = [from: string, to: string][];

export interface PreparedSchema {
  schema: SchemaObject;
  /** Where the node at `pointer` in the original schema sits in the prepared one. */
  translate(pointer: string): string;
}

export function prepareSchema(original: SchemaNode): PreparedSchema {
  const schema = structuredClone(original) as SchemaObject;
  // The validators compile the schema under Guichet's own `$id`, in the one dialect it reads.
  delete schema.$id;
  delete schema.$schema;
  const moves: Moves = [];
  const wholeValues = new WeakSet<object>();
  forEachNode(schema, '', (node, pointer) => rewriteDependentSchemas(node, pointer, moves));
  forEachNode(schema, '', (node, pointer) => rewriteNullable(node, pointer, moves, wholeValues));
  const defs = isRecord(schema.$defs) ? schema.$defs : {};
  closeObject(schema, defs, wholeValues);
  // Rewrites happen outside-in, so replaying them in order maps any original pointer.
  const translate = (pointer: string) =>
    moves.reduce(
      (current, [from, to]) =>
        current === from || current.startsWith(`${from}/`) ? to + current.slice(from.length) : current,
      pointer,
    );
  return { schema, translate };
}

/**
 * `dependentSchemas: {x: S}` → `allOf: [{if: {required: [x]}, then: S}]`, which means the same.
 * ajv 8 forgets the properties evaluated at the level when a dependent schema does not apply,
 * so `unevaluatedProperties` would reject every answer; the `if` form has no such trouble.
 */
function rewriteDependentSchemas(node: SchemaObject, pointerOf: () => string, moves: Moves): void {
  if (!isRecord(node.dependentSchemas)) return;
  const pointer = pointerOf();
  const start = node.allOf?.length ?? 0;
  const entries = Object.entries(node.dependentSchemas);
  entries.forEach(([trigger], i) =>
    moves.push([joinPointer(pointer, 'dependentSchemas', trigger), joinPointer(pointer, 'allOf', start + i, 'then')]),
  );
  const branches = entries.map(([trigger, then]) => ({ if: { required: [trigger] }, then }) as SchemaNode);
  delete node.dependentSchemas;
  if (branches.length) node.allOf = [...(node.allOf ?? []), ...branches] as SchemaObject['allOf'];
}

/**
 * `anyOf: [X, {"type": "null"}]` → `allOf: [{if: {"type": "null"}, else: X}]`, which means the
 * same: X's own errors then come out as they are, where `anyOf` would fold them into one
 * "matches no branch". X is the whole value of its field: it is closed like one (see closeObject).
 */
function rewriteNullable(
  node: SchemaObject,
  pointerOf: () => string,
  moves: Moves,
  wholeValues: WeakSet<object>,
): void {
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = node[key];
    if (!Array.isArray(list) || list.length !== 2) continue;
    const index = list.findIndex((branch) => !isNullSchema(branch));
    if (index < 0 || !isNullSchema(list[1 - index])) continue;
    const pointer = pointerOf();
    const value = list[index] as SchemaNode;
    const at = node.allOf?.length ?? 0;
    moves.push([joinPointer(pointer, key, index), joinPointer(pointer, 'allOf', at, 'else')]);
    const branch = { if: { type: 'null' }, else: value } as SchemaObject;
    if (isRecord(value)) wholeValues.add(value);
    delete node[key];
    node.allOf = [...(node.allOf ?? []), branch] as SchemaObject['allOf'];
    return;
  }
}

/** Whether `node` (following `$ref`s) describes an object. */
function isObjectNode(node: SchemaObject, defs: Defs, depth = 0): boolean {
  if (typeof node.$ref === 'string' && node.type === undefined && depth < 32) {
    const name = refName(node.$ref);
    const target = name === undefined ? undefined : defs[name];
    return isRecord(target) && isObjectNode(target as SchemaObject, defs, depth + 1);
  }
  const { type } = node;
  return Array.isArray(type)
    ? type.includes('object')
    : type === 'object' || (type === undefined && isRecord(node.properties));
}

/** `node` is the value of one field (the root, a property, an array's items). */
function closeObject(node: unknown, defs: Defs, wholeValues: WeakSet<object>): void {
  if (!isRecord(node)) return;
  const schema = node as SchemaObject;
  if (
    isObjectNode(schema, defs) &&
    schema.additionalProperties === undefined &&
    schema.unevaluatedProperties === undefined
  )
    schema.unevaluatedProperties = false;
  visitFields(schema, defs, wholeValues);
}

/** Visits the field declarations reachable from `node`, at its level and through its branches. */
function visitFields(node: SchemaObject, defs: Defs, wholeValues: WeakSet<object>): void {
  for (const property of Object.values(node.properties ?? {})) closeObject(property, defs, wholeValues);
  closeObject(node.items, defs, wholeValues);
  for (const def of Object.values(node.$defs ?? {})) visitBranch(def, defs, wholeValues);
  for (const branch of node.allOf ?? []) visitBranch(branch, defs, wholeValues);
  visitBranch(node.then, defs, wholeValues);
  visitBranch(node.else, defs, wholeValues);
}

function visitBranch(node: unknown, defs: Defs, wholeValues: WeakSet<object>): void {
  if (!isRecord(node)) return;
  if (wholeValues.has(node)) closeObject(node, defs, wholeValues);
  else visitFields(node as SchemaObject, defs, wholeValues);
}
