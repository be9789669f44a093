/**
 * Reading a data schema the way Guichet renders it: `$ref`s resolved (local, `#/$defs/…`), and
 * the properties of one object level gathered from `properties`, `allOf` items, `if`/`then`/`else`
 * branches and `dependentSchemas`, each with the conditions under which it applies.
 */
import type { SchemaNode } from '../generated/form-definition.js';
import type { Condition } from './types.js';
import { isRecord, joinPointer, ownValue, unescapeSegment } from '../util/pointer.js';

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

/** A node without a `$ref`: its keywords are where it is written (a class, not a closure per node). */
class Plain implements Resolved {
  constructor(
    readonly node: SchemaNode,
    readonly pointer: string,
  ) {}

  at(key: string): string {
    return joinPointer(this.pointer, key);
  }
}

export function resolveRef(root: SchemaNode, node: SchemaNode, pointer: string, depth = 0): Resolved {
  if (typeof node.$ref !== 'string' || depth > MAX_DEPTH) return new Plain(node, pointer);
  const name = refName(node.$ref);
  const target = name === undefined ? undefined : root.$defs?.[name];
  const { $ref: _ref, ...siblings } = node;
  if (name === undefined || !isRecord(target)) return new Plain(siblings, pointer);
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

function walkLevel(
  root: SchemaNode,
  raw: SchemaNode,
  pointer: string,
  conditions: Condition[],
  level: Level,
  depth: number,
): void {
  if (!isRecord(raw) || depth > MAX_DEPTH) return;
  const resolved = resolveRef(root, raw, pointer);
  const { node } = resolved;
  const at = (key: string) => resolved.at(key);
  const properties = node.properties;
  if (isRecord(properties)) {
    const propertiesPointer = at('properties');
    for (const name in properties) {
      const property = ownValue(properties, name);
      if (isRecord(property))
        level.declarations.push({ name, node: property, pointer: joinPointer(propertiesPointer, name), conditions });
    }
  }
  if (Array.isArray(node.required)) {
    node.required.forEach((name, i) => {
      if (typeof name === 'string')
        level.requirements.push({ name, pointer: joinPointer(at('required'), i), conditions });
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
        if (typeof name === 'string')
          level.requirements.push({ name, pointer: joinPointer(triggerPointer, i), conditions: when });
      });
    }
  }
  if (Array.isArray(node.allOf)) {
    node.allOf.forEach((item, i) => walkLevel(root, item, joinPointer(at('allOf'), i), conditions, level, depth + 1));
  }
  if (isRecord(node.if)) {
    const conditionPointer = at('if');
    if (isRecord(node.then)) {
      walkLevel(
        root,
        node.then,
        at('then'),
        [...conditions, { kind: 'if', conditionPointer, branch: 'then' }],
        level,
        depth + 1,
      );
    }
    if (isRecord(node.else)) {
      walkLevel(
        root,
        node.else,
        at('else'),
        [...conditions, { kind: 'if', conditionPointer, branch: 'else' }],
        level,
        depth + 1,
      );
    }
  }
  if (isRecord(node.dependentSchemas)) {
    for (const [trigger, sub] of Object.entries(node.dependentSchemas)) {
      level.triggers.push({ name: trigger, pointer: joinPointer(at('dependentSchemas'), trigger) });
      walkLevel(
        root,
        sub as SchemaNode,
        joinPointer(at('dependentSchemas'), trigger),
        [...conditions, { kind: 'present', trigger }],
        level,
        depth + 1,
      );
    }
  }
}

/** Subschema keywords of the supported subset: each maps to one node or a map/list of nodes. */
const SINGLE = ['items', 'if', 'then', 'else'] as const;
const MAPS = ['properties', '$defs', 'dependentSchemas'] as const;
const LISTS = ['allOf', 'oneOf', 'anyOf'] as const;

/**
 * Calls `visit` on every schema node under `node` (itself included). Its pointer (from `base`) is
 * built only when the visitor asks for it, during the call: a definition is walked on every load,
 * a form of a few hundred fields has as many nodes, and few of them are ever reported.
 */
export function forEachNode(
  node: unknown,
  base: string,
  visit: (node: SchemaNode, pointer: () => string) => void,
): void {
  const path: (string | number)[] = [];
  const pointer = () => joinPointer(base, ...path);
  const walk = (current: unknown, depth: number): void => {
    if (!isRecord(current) || depth > 200) return;
    visit(current as SchemaNode, pointer);
    for (const key of SINGLE) {
      path.push(key);
      walk(current[key], depth + 1);
      path.pop();
    }
    for (const key of MAPS) {
      const map = current[key];
      if (!isRecord(map)) continue;
      path.push(key);
      for (const name in map) {
        if (!Object.hasOwn(map, name)) continue;
        path.push(name);
        walk(map[name], depth + 1);
        path.pop();
      }
      path.pop();
    }
    for (const key of LISTS) {
      const list = current[key];
      if (!Array.isArray(list)) continue;
      path.push(key);
      for (let i = 0; i < list.length; i++) {
        path.push(i);
        walk(list[i], depth + 1);
        path.pop();
      }
      path.pop();
    }
  };
  walk(node, 0);
}

/** Pointers (in the data schema) of every `if` subschema: the conditions a validator compiles. */
export function conditionPointers(schema: SchemaNode): string[] {
  const pointers: string[] = [];
  forEachNode(schema, '', (node, pointer) => {
    if (isRecord(node.if)) pointers.push(joinPointer(pointer(), 'if'));
  });
  return pointers;
}
