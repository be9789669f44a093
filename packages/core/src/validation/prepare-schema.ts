/**
 * The data schema as validators compile it, in one place for the page and the server: every
 * object that holds fields gets `unevaluatedProperties: false`, so an answer to a question the
 * form does not ask (or one it hides) is rejected. Branches (`allOf`, `then`, `else`,
 * `dependentSchemas`) are left open, or they would reject their siblings' properties; `if`,
 * `oneOf` and `anyOf` are tests, not field declarations.
 */
import type { SchemaNode } from '../generated/form-definition.js';
import { isRecord } from '../util/pointer.js';
import { forEachNode } from '../model/schema-walk.js';

export function prepareSchema(schema: SchemaNode): SchemaNode {
  const copy = structuredClone(schema);
  forEachNode(copy, '', rewriteDependentSchemas);
  closeObject(copy);
  return copy;
}

/**
 * `dependentSchemas: {x: S}` → `allOf: [{if: {required: [x]}, then: S}]`, which means the same.
 * ajv 8 forgets the properties evaluated at the level when a dependent schema does not apply,
 * so `unevaluatedProperties` would reject every answer; the `if` form has no such trouble.
 */
function rewriteDependentSchemas(node: SchemaNode): void {
  if (!isRecord(node.dependentSchemas)) return;
  const branches = Object.entries(node.dependentSchemas).map(([trigger, then]) => ({ if: { required: [trigger] }, then }) as SchemaNode);
  delete node.dependentSchemas;
  if (branches.length) node.allOf = [...(node.allOf ?? []), ...branches] as SchemaNode['allOf'];
}

function isObjectNode(node: SchemaNode): boolean {
  return node.type === 'object' || (node.type === undefined && isRecord(node.properties) && node.$ref === undefined);
}

/** `node` declares the fields of one object (the root, a property, an array item, a `$defs` entry). */
function closeObject(node: unknown): void {
  if (!isRecord(node)) return;
  const schema = node as SchemaNode & { unevaluatedProperties?: boolean };
  if (isObjectNode(schema) && schema.additionalProperties === undefined) schema.unevaluatedProperties = false;
  visitFields(schema);
}

/** Visits the field declarations reachable from `node`, at its level and through its branches. */
function visitFields(node: SchemaNode): void {
  for (const property of Object.values(node.properties ?? {})) closeObject(property);
  closeObject(node.items);
  for (const def of Object.values(node.$defs ?? {})) closeObject(def);
  for (const branch of node.allOf ?? []) visitBranch(branch);
  visitBranch(node.then);
  visitBranch(node.else);
  for (const branch of Object.values(node.dependentSchemas ?? {})) visitBranch(branch);
}

function visitBranch(node: unknown): void {
  if (isRecord(node)) visitFields(node as SchemaNode);
}
