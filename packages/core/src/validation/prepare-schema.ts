/**
 * The data schema as validators compile it, in one place for the page and the server: every
 * object that holds fields gets `unevaluatedProperties: false`, so an answer to a question the
 * form does not ask (or one it hides) is rejected. Branches (`allOf`, `then`, `else`,
 * `dependentSchemas`) and `$defs` entries are left open, or they would reject their siblings'
 * properties when used as mixins; `if`, `oneOf` and `anyOf` are tests, not field declarations.
 */
import type { SchemaNode } from '../generated/form-definition.js';
import { isRecord, joinPointer } from '../util/pointer.js';
import { forEachNode, refName } from '../model/schema-walk.js';

type Node = SchemaNode & { unevaluatedProperties?: boolean };

export interface PreparedSchema {
  schema: SchemaNode;
  /** Where the node at `pointer` in the original schema sits in the prepared one. */
  translate(pointer: string): string;
}

export function prepareSchema(original: SchemaNode): PreparedSchema {
  const schema = structuredClone(original);
  const moves: [from: string, to: string][] = [];
  forEachNode(schema, '', (node, pointer) => rewriteDependentSchemas(node, pointer, moves));
  const defs = isRecord(schema.$defs) ? schema.$defs : {};
  closeObject(schema, defs);
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
function rewriteDependentSchemas(node: SchemaNode, pointerOf: () => string, moves: [string, string][]): void {
  if (!isRecord(node.dependentSchemas)) return;
  const pointer = pointerOf();
  const start = node.allOf?.length ?? 0;
  const entries = Object.entries(node.dependentSchemas);
  entries.forEach(([trigger], i) =>
    moves.push([joinPointer(pointer, 'dependentSchemas', trigger), joinPointer(pointer, 'allOf', start + i, 'then')]),
  );
  const branches = entries.map(([trigger, then]) => ({ if: { required: [trigger] }, then }) as SchemaNode);
  delete node.dependentSchemas;
  if (branches.length) node.allOf = [...(node.allOf ?? []), ...branches] as SchemaNode['allOf'];
}

/** Whether `node` (following `$ref`s) describes an object. */
function isObjectNode(node: SchemaNode, defs: Record<string, SchemaNode | undefined>, depth = 0): boolean {
  if (typeof node.$ref === 'string' && node.type === undefined && depth < 32) {
    const name = refName(node.$ref);
    const target = name === undefined ? undefined : defs[name];
    return isRecord(target) && isObjectNode(target, defs, depth + 1);
  }
  return node.type === 'object' || (node.type === undefined && isRecord(node.properties));
}

/** `node` is the value of one field (the root, a property, an array's items). */
function closeObject(node: unknown, defs: Record<string, SchemaNode | undefined>): void {
  if (!isRecord(node)) return;
  const schema = node as Node;
  if (isObjectNode(schema, defs) && schema.additionalProperties === undefined) schema.unevaluatedProperties = false;
  visitFields(schema, defs);
}

/** Visits the field declarations reachable from `node`, at its level and through its branches. */
function visitFields(node: SchemaNode, defs: Record<string, SchemaNode | undefined>): void {
  for (const property of Object.values(node.properties ?? {})) closeObject(property, defs);
  closeObject(node.items, defs);
  for (const def of Object.values(node.$defs ?? {})) visitBranch(def, defs);
  for (const branch of node.allOf ?? []) visitBranch(branch, defs);
  visitBranch(node.then, defs);
  visitBranch(node.else, defs);
}

function visitBranch(node: unknown, defs: Record<string, SchemaNode | undefined>): void {
  if (isRecord(node)) visitFields(node as SchemaNode, defs);
}
