/**
 * Reading a data schema the way Guichet renders it: `$ref`s resolved (local, `#/$defs/…`), and
 * the properties of one object level gathered from `properties`, `allOf` items, `if`/`then`/`else`
 * branches and `dependentSchemas`, each with the conditions under which it applies.
 */
import type { SchemaNode } from '../generated/form-definition.js';
import type { Condition } from './types.js';
import { isRecord, joinPointer, unescapeSegment } from '../util/pointer.js';

export interface Resolved {
  /** The node with its `$ref` target merged under its own sibling keywords. */
  node: SchemaNode;
  /** Pointer (in the data schema) of the node as written where it is used. */
  pointer: string;
  /** Pointer of keyword `key` in whichever node (the referring one or the target) holds it. */
  at(key: string): string;
}

const MAX_DEPTH = 32;

/** The `$defs` name a `$ref` points at, or undefined when it is not a local `#/$defs/x`. */
export function refName(ref: string): string | undefined {
  const match = /^#\/\$defs\/([^/]+)$/.exec(ref);
  if (!match?.[1]) return undefined;
  try {
    return unescapeSegment(decodeURIComponent(match[1]));
  } catch {
    return undefined;
  }
}

export function resolveRef(root: SchemaNode, node: SchemaNode, pointer: string, depth = 0): Resolved {
  const plain: Resolved = { node, pointer, at: (key) => joinPointer(pointer, key) };
  if (typeof node.$ref !== 'string' || depth > MAX_DEPTH) return plain;
  const name = refName(node.$ref);
  const target = name === undefined ? undefined : root.$defs?.[name];
  const { $ref: _ref, ...siblings } = node;
  if (name === undefined || !isRecord(target)) return { ...plain, node: siblings };
  const inner = resolveRef(root, target, joinPointer('', '$defs', name), depth + 1);
  return {
    node: { ...inner.node, ...siblings },
    pointer,
    at: (key) => (key in siblings ? joinPointer(pointer, key) : inner.at(key)),
  };
}

export interface Declaration {
  name: string;
  node: SchemaNode;
  /** Pointer of the property's schema (`…/properties/name`). */
  pointer: string;
  conditions: Condition[];
}

export interface Requirement {
  name: string;
  /** Pointer of the entry naming it (in `required` or `dependentRequired`). */
  pointer: string;
  conditions: Condition[];
}

export interface Level {
  declarations: Declaration[];
  requirements: Requirement[];
  /** `dependentRequired`/`dependentSchemas` triggers, with the pointer of their key. */
  triggers: { name: string; pointer: string }[];
  /** Pointers of `additionalProperties: false` at this level. */
  closed: string[];
}

/** Every property declared at the object level `node` (at `pointer` in the data schema). */
export function collectLevel(root: SchemaNode, node: SchemaNode, pointer: string): Level {
  const level: Level = { declarations: [], requirements: [], triggers: [], closed: [] };
  walkLevel(root, node, pointer, [], level, 0);
  return level;
}

function walkLevel(root: SchemaNode, raw: SchemaNode, pointer: string, conditions: Condition[], level: Level, depth: number): void {
  if (!isRecord(raw) || depth > MAX_DEPTH) return;
  const { node, at } = resolveRef(root, raw, pointer);
  if (isRecord(node.properties)) {
    for (const [name, property] of Object.entries(node.properties)) {
      if (isRecord(property)) level.declarations.push({ name, node: property, pointer: joinPointer(at('properties'), name), conditions });
    }
  }
  if (Array.isArray(node.required)) {
    node.required.forEach((name, i) => {
      if (typeof name === 'string') level.requirements.push({ name, pointer: joinPointer(at('required'), i), conditions });
    });
  }
  if (node.additionalProperties === false) level.closed.push(at('additionalProperties'));
  if (isRecord(node.dependentRequired)) {
    for (const [trigger, names] of Object.entries(node.dependentRequired)) {
      const triggerPointer = joinPointer(at('dependentRequired'), trigger);
      level.triggers.push({ name: trigger, pointer: triggerPointer });
      if (!Array.isArray(names)) continue;
      const when: Condition[] = [...conditions, { kind: 'present', trigger }];
      names.forEach((name, i) => {
        if (typeof name === 'string') level.requirements.push({ name, pointer: joinPointer(triggerPointer, i), conditions: when });
      });
    }
  }
  if (Array.isArray(node.allOf)) {
    node.allOf.forEach((item, i) => walkLevel(root, item, joinPointer(at('allOf'), i), conditions, level, depth + 1));
  }
  if (isRecord(node.if)) {
    const conditionPointer = at('if');
    if (isRecord(node.then)) {
      walkLevel(root, node.then, at('then'), [...conditions, { kind: 'if', conditionPointer, branch: 'then' }], level, depth + 1);
    }
    if (isRecord(node.else)) {
      walkLevel(root, node.else, at('else'), [...conditions, { kind: 'if', conditionPointer, branch: 'else' }], level, depth + 1);
    }
  }
  if (isRecord(node.dependentSchemas)) {
    for (const [trigger, sub] of Object.entries(node.dependentSchemas)) {
      level.triggers.push({ name: trigger, pointer: joinPointer(at('dependentSchemas'), trigger) });
      walkLevel(root, sub as SchemaNode, joinPointer(at('dependentSchemas'), trigger), [...conditions, { kind: 'present', trigger }], level, depth + 1);
    }
  }
}

/** Subschema keywords of the supported subset: each maps to one node or a map/list of nodes. */
const SINGLE = ['items', 'if', 'then', 'else'] as const;
const MAPS = ['properties', '$defs', 'dependentSchemas'] as const;
const LISTS = ['allOf', 'oneOf', 'anyOf'] as const;

/** Calls `visit` on every schema node under `node` (itself included), with its pointer. */
export function forEachNode(node: unknown, pointer: string, visit: (node: SchemaNode, pointer: string) => void, depth = 0): void {
  if (!isRecord(node) || depth > 200) return;
  visit(node as SchemaNode, pointer);
  for (const key of SINGLE) forEachNode(node[key], joinPointer(pointer, key), visit, depth + 1);
  for (const key of MAPS) {
    const map = node[key];
    if (isRecord(map)) for (const [name, sub] of Object.entries(map)) forEachNode(sub, joinPointer(pointer, key, name), visit, depth + 1);
  }
  for (const key of LISTS) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((sub, i) => forEachNode(sub, joinPointer(pointer, key, i), visit, depth + 1));
  }
}

/** Pointers (in the data schema) of every `if` subschema: the conditions a validator compiles. */
export function conditionPointers(schema: SchemaNode): string[] {
  const pointers: string[] = [];
  forEachNode(schema, '', (node, pointer) => {
    if (isRecord(node.if)) pointers.push(joinPointer(pointer, 'if'));
  });
  return pointers;
}
