/**
 * Reading a data schema the way Guichet renders it: local `$ref`s resolved (`#/$defs/name`),
 * boolean subschemas understood, and every place one object level speaks of its properties —
 * `properties`, `required`, `allOf` items, `if`/`then`/`else` branches, `dependentRequired` and
 * `dependentSchemas` — each with the branch (the conditions) it sits in.
 */
import type { SchemaNode } from '../generated/form-definition.js';
import type { Branch, SchemaObject } from './types.js';
import { isRecord, joinPointer, ownValue, unescapeSegment } from '../util/pointer.js';

export interface Resolved {
  /** The node with its `$ref` target merged under its own sibling keywords. */
  node: SchemaObject;
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

/** The `$defs` entry a `$ref` leads to (an object or a boolean subschema), with its pointer. */
export function refTarget(root: SchemaObject, ref: string): { node: SchemaNode; pointer: string } | undefined {
  const name = refName(ref);
  if (name === undefined || !isRecord(root.$defs)) return undefined;
  const node = ownValue(root.$defs, name) as SchemaNode | undefined;
  return node === undefined ? undefined : { node, pointer: joinPointer('', '$defs', name) };
}

/** A node without a `$ref`: its keywords are where it is written (a class, not a closure per node). */
export class Plain implements Resolved {
  constructor(
    readonly node: SchemaObject,
    readonly pointer: string,
  ) {}

  at(key: string): string {
    return joinPointer(this.pointer, key);
  }
}

export function resolveRef(root: SchemaObject, node: SchemaObject, pointer: string, depth = 0): Resolved {
  if (typeof node.$ref !== 'string' || depth > MAX_DEPTH) return new Plain(node, pointer);
  const target = refTarget(root, node.$ref);
  const { $ref: _ref, ...siblings } = node;
  if (!target) return new Plain(siblings, pointer);
  // `true` as a target is the empty schema; `false` accepts nothing, which the validator says.
  const inner = isRecord(target.node)
    ? resolveRef(root, target.node, target.pointer, depth + 1)
    : new Plain({}, target.pointer);
  return {
    node: { ...inner.node, ...siblings },
    pointer,
    at: (key) => (key in siblings ? joinPointer(pointer, key) : inner.at(key)),
  };
}

/** A place where an object level names one of its properties. */
export interface Mention {
  name: string;
  /** Where it is named: `…/properties/name`, `…/required/0`, `…/dependentRequired/x/0`… */
  pointer: string;
  /** The branch it sits in; empty at the level itself (or in an unconditional `allOf` item). */
  branch: Branch;
}

/** `"properties": {"name": {…}}`: the property's shape. */
export interface Declaration extends Mention {
  node: SchemaObject;
}

/** `additionalProperties: false` or `unevaluatedProperties: false`, with the names it lets through. */
export interface Closer {
  keyword: 'additionalProperties' | 'unevaluatedProperties';
  pointer: string;
  sees: ReadonlySet<string>;
}

export interface Level {
  declarations: Declaration[];
  /** `"properties": {"name": true}`. */
  allowed: Mention[];
  /** `"properties": {"name": false}`. */
  forbidden: Mention[];
  /** Entries of `required` and `dependentRequired`. */
  requirements: Mention[];
  /** Keys of `dependentRequired` and `dependentSchemas`. */
  triggers: Mention[];
  closers: Closer[];
  /** Pointers of `anyOf`/`oneOf` at the level whose branches declare properties: a choice between shapes. */
  shapeChoices: string[];
}

/** Every property the object level `node` (at `pointer` in the data schema) speaks of. */
export function collectLevel(root: SchemaObject, node: SchemaNode, pointer: string): Level {
  const level = emptyLevel();
  walkLevel(root, node, pointer, [], level, 0, true);
  return level;
}

/** The names a subtree of a level declares, allows or forbids: what `unevaluatedProperties` there sees. */
function namesIn(root: SchemaObject, node: SchemaObject, pointer: string): Set<string> {
  const level = emptyLevel();
  walkLevel(root, node, pointer, [], level, 0, false);
  return new Set([...level.declarations, ...level.allowed, ...level.forbidden].map((m) => m.name));
}

function emptyLevel(): Level {
  return {
    declarations: [],
    allowed: [],
    forbidden: [],
    requirements: [],
    triggers: [],
    closers: [],
    shapeChoices: [],
  };
}

function walkLevel(
  root: SchemaObject,
  raw: SchemaNode | undefined,
  pointer: string,
  branch: Branch,
  level: Level,
  depth: number,
  closers: boolean,
): void {
  if (!isRecord(raw) || depth > MAX_DEPTH) return;
  const walk = (child: SchemaNode | undefined, at: string, inner: Branch) =>
    walkLevel(root, child, at, inner, level, depth + 1, closers);
  // A `$ref` is read as one more item of `allOf`: the keywords of its target keep their own
  // meaning there (an `additionalProperties` in the target sees the target's properties only).
  if (typeof raw.$ref === 'string') {
    const target = refTarget(root, raw.$ref);
    if (target) walk(target.node, target.pointer, branch);
  }
  const node = raw;
  const at = (key: string) => joinPointer(pointer, key);
  if (isRecord(node.properties)) {
    for (const name in node.properties) {
      const property = ownValue(node.properties, name);
      const mention = { name, pointer: joinPointer(at('properties'), name), branch };
      if (property === true) level.allowed.push(mention);
      else if (property === false) level.forbidden.push(mention);
      else if (isRecord(property)) level.declarations.push({ ...mention, node: property as SchemaObject });
    }
  }
  if (Array.isArray(node.required)) {
    node.required.forEach((name, i) => {
      if (typeof name === 'string') level.requirements.push({ name, pointer: joinPointer(at('required'), i), branch });
    });
  }
  if (closers && node.additionalProperties === false) {
    const sees = new Set(isRecord(node.properties) ? Object.keys(node.properties) : []);
    level.closers.push({ keyword: 'additionalProperties', pointer: at('additionalProperties'), sees });
  }
  if (closers && node.unevaluatedProperties === false) {
    level.closers.push({
      keyword: 'unevaluatedProperties',
      pointer: at('unevaluatedProperties'),
      sees: namesIn(root, node, pointer),
    });
  }
  if (isRecord(node.dependentRequired)) {
    for (const [trigger, names] of Object.entries(node.dependentRequired)) {
      const triggerPointer = joinPointer(at('dependentRequired'), trigger);
      level.triggers.push({ name: trigger, pointer: triggerPointer, branch });
      if (!Array.isArray(names)) continue;
      const when: Branch = [...branch, { kind: 'present', trigger }];
      names.forEach((name, i) => {
        if (typeof name === 'string')
          level.requirements.push({ name, pointer: joinPointer(triggerPointer, i), branch: when });
      });
    }
  }
  if (Array.isArray(node.allOf)) node.allOf.forEach((item, i) => walk(item, joinPointer(at('allOf'), i), branch));
  if (node.if === true) walk(node.then, at('then'), branch);
  else if (node.if === false) walk(node.else, at('else'), branch);
  else if (isRecord(node.if)) {
    const conditionPointer = at('if');
    walk(node.then, at('then'), [...branch, { kind: 'if', conditionPointer, branch: 'then' }]);
    walk(node.else, at('else'), [...branch, { kind: 'if', conditionPointer, branch: 'else' }]);
  }
  if (isRecord(node.dependentSchemas)) {
    for (const [trigger, sub] of Object.entries(node.dependentSchemas)) {
      const subPointer = joinPointer(at('dependentSchemas'), trigger);
      level.triggers.push({ name: trigger, pointer: subPointer, branch });
      walk(sub as SchemaNode, subPointer, [...branch, { kind: 'present', trigger }]);
    }
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = node[key];
    if (
      Array.isArray(list) &&
      list.some((item) => isRecord(item) && isRecord(resolveRef(root, item, '').node.properties))
    )
      level.shapeChoices.push(at(key));
  }
}

/** Keywords whose value is one subschema, a map of subschemas, or a list of them. */
export const SUBSCHEMA_KEYWORDS = {
  single: ['items', 'if', 'then', 'else'],
  maps: ['properties', '$defs', 'dependentSchemas'],
  lists: ['allOf', 'oneOf', 'anyOf'],
} as const;

/**
 * Calls `visit` on every schema node under `node` (itself included) that is an object (boolean
 * subschemas have no keywords to visit). Its pointer (from `base`) is built only when the visitor
 * asks for it, during the call: a definition is walked on every load, a form of a few hundred
 * fields has as many nodes, and few of them are ever reported.
 */
export function forEachNode(
  node: unknown,
  base: string,
  visit: (node: SchemaObject, pointer: () => string) => void,
): void {
  const path: (string | number)[] = [];
  const pointer = () => joinPointer(base, ...path);
  const { single, maps, lists } = SUBSCHEMA_KEYWORDS;
  // Indexed loops: this runs for every node at every read of a definition, mostly as code not yet
  // optimised, where `for…of` allocates an iterator per loop and a result per step (130 KB of a
  // 50-field form's 800 KB read and drawn, sampled).
  const walk = (current: unknown, depth: number): void => {
    if (!isRecord(current) || depth > 200) return;
    visit(current as SchemaObject, pointer);
    for (let k = 0; k < single.length; k++) {
      const key = single[k]!;
      const child = current[key];
      if (child === undefined) continue;
      path.push(key);
      walk(child, depth + 1);
      path.pop();
    }
    for (let k = 0; k < maps.length; k++) {
      const key = maps[k]!;
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
    for (let k = 0; k < lists.length; k++) {
      const key = lists[k]!;
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

/** Pointers (in the data schema) of every `if` subschema that is an object: the conditions a validator compiles. */
export function conditionPointers(schema: SchemaNode): string[] {
  const pointers: string[] = [];
  forEachNode(schema, '', (node, pointer) => {
    if (isRecord(node.if)) pointers.push(joinPointer(pointer(), 'if'));
  });
  return pointers;
}
