/** Rules on what a definition points at: `$ref`s and translation pointers. */
import type { DefinitionRule } from './rule.js';
import { forEachNode, refTarget } from '../schema-walk.js';
import { joinPointer, valueAt } from '../../util/pointer.js';

export const danglingRef: DefinitionRule = {
  code: 'dangling-ref',
  *check({ root }) {
    const found: { pointer: string; ref: string }[] = [];
    forEachNode(root, '/schema', (node, pointer) => {
      if (typeof node.$ref === 'string' && !refTarget(root, node.$ref))
        found.push({ pointer: joinPointer(pointer(), '$ref'), ref: node.$ref });
    });
    for (const { pointer, ref } of found) yield { pointer, params: { ref } };
  },
};

export const danglingTranslation: DefinitionRule = {
  code: 'dangling-translation',
  *check({ definition }) {
    for (const [lang, strings] of Object.entries(definition.translations ?? {})) {
      for (const target of Object.keys(strings ?? {})) {
        if (typeof valueAt(definition, target) !== 'string' || target.startsWith('/translations/'))
          yield { pointer: joinPointer('/translations', lang, target), params: { target } };
      }
    }
  },
};
