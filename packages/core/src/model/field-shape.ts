/**
 * The shape of a field's answer as a form asks it: its node with `$ref` resolved and "may be left
 * empty" unwrapped. JSON Schema says "may be null" two ways, both common in generated schemas:
 * `"type": ["string", "null"]`, and `anyOf`/`oneOf` with a `{"type": "null"}` branch (zod's
 * `.nullable()`, TypeBox's `Union([…, Null()])`). A form has no null to type: such a field may be
 * left empty.
 */
import type { SchemaNode } from '../generated/form-definition.js';
import type { SchemaObject } from './types.js';
import { Plain, resolveRef, type Resolved } from './schema-walk.js';
import { isRecord, joinPointer } from '../util/pointer.js';

export interface FieldShape {
  resolved: Resolved;
  nullable: boolean;
  /** The node as written that describes a non-null answer (the branch beside `{"type": "null"}`), and its pointer. */
  written: { node: SchemaNode; pointer: string };
}

/** A branch that accepts `null` and nothing else: `{"type": "null"}` or `{"const": null}`. */
export function isNullSchema(node: SchemaNode | undefined): boolean {
  return isRecord(node) && (node.type === 'null' || (node.const === null && node.type === undefined));
}

/** `declared`: the property's node as written, at `pointer`. */
export function fieldShape(root: SchemaObject, declared: SchemaObject, pointer: string): FieldShape {
  const resolved = resolveRef(root, declared, pointer);
  const written = { node: declared, pointer };
  const { node } = resolved;
  if (Array.isArray(node.type)) {
    const others = node.type.filter((type) => type !== 'null');
    if (others.length === 1 && node.type.length === 2)
      return { resolved: withNode(resolved, { ...node, type: others[0] }), nullable: true, written };
    return { resolved, nullable: false, written };
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = node[key];
    if (!Array.isArray(list) || !list.some(isNullSchema)) continue;
    const others = list.map((branch, i) => ({ branch, i })).filter(({ branch }) => !isNullSchema(branch));
    const only = others.length === 1 ? others[0] : undefined;
    // Several other branches are choices (kind.ts skips the null one); one is the field itself.
    if (!only) return { resolved, nullable: true, written };
    const branchPointer = joinPointer(resolved.at(key), only.i);
    const inner = isRecord(only.branch)
      ? resolveRef(root, only.branch as SchemaObject, branchPointer)
      : new Plain({}, branchPointer);
    const { [key]: _choices, ...siblings } = node;
    return {
      resolved: {
        node: { ...inner.node, ...siblings },
        pointer: resolved.pointer,
        at: (keyword) => (keyword in siblings ? resolved.at(keyword) : inner.at(keyword)),
      },
      nullable: true,
      written: { node: only.branch, pointer: branchPointer },
    };
  }
  return { resolved, nullable: false, written };
}

function withNode(resolved: Resolved, node: SchemaObject): Resolved {
  return { node, pointer: resolved.pointer, at: (key) => resolved.at(key) };
}

/** The one type of a node: its `type`, or what its keywords imply. */
export function typeOf(node: SchemaObject): string | undefined {
  if (typeof node.type === 'string') return node.type;
  if (Array.isArray(node.type)) return undefined;
  if (isRecord(node.properties)) return 'object';
  if (node.items !== undefined) return 'array';
  return undefined;
}
