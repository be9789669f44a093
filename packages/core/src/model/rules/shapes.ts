/** Rules on answers Guichet cannot ask for: a field of several types, a choice between shapes. */
import type { DefinitionRule, Finding } from './rule.js';
import { inSchema } from './rule.js';
import { forEachNode } from '../schema-walk.js';
import { joinPointer } from '../../util/pointer.js';

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/** One type, or one type and "null"; a field of type "null" alone asks for nothing. */
export const unsupportedType: DefinitionRule = {
  code: 'unsupported-type',
  *check({ root, fields }) {
    const found: Finding[] = [];
    forEachNode(root, '/schema', (node, pointer) => {
      const { type } = node;
      if (type === undefined) return;
      const names = Array.isArray(type) ? type : [type];
      const oneAndNull = names.length === 1 || (names.length === 2 && names.includes('null') && names[0] !== names[1]);
      if (!oneAndNull || !names.every((name) => TYPES.has(name)))
        found.push({ pointer: joinPointer(pointer(), 'type'), params: { value: JSON.stringify(type) } });
    });
    for (const { resolved } of fields)
      if (resolved.node.type === 'null')
        found.push({ pointer: inSchema(resolved.at('type')), params: { value: '"null"' } });
    yield* found;
  },
};

/**
 * `anyOf`/`oneOf` that is neither a list of choices (each branch a `const`) nor "may be left
 * empty" (a `{"type": "null"}` branch beside one other), on a field or on an object level whose
 * branches declare properties: a choice between shapes of answer, which a form cannot show.
 */
export const unsupportedUnion: DefinitionRule = {
  code: 'unsupported-union',
  *check({ fields, levels }) {
    for (const { field, resolved } of fields) {
      if (field.choices || field.kind === 'checkboxes') continue;
      for (const keyword of ['anyOf', 'oneOf'] as const)
        if (Array.isArray(resolved.node[keyword]))
          yield { pointer: inSchema(resolved.at(keyword)), params: { keyword } };
    }
    for (const { level } of levels) {
      for (const pointer of level.shapeChoices)
        yield { pointer: inSchema(pointer), params: { keyword: pointer.slice(pointer.lastIndexOf('/') + 1) } };
    }
  },
};
