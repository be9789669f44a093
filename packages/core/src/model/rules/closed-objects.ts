/**
 * `additionalProperties: false` has JSON Schema's own meaning: it sees only the `properties`
 * beside it, so a field declared only inside a branch would always be refused by it.
 * `unevaluatedProperties: false` sees every property of its subtree, branches included.
 */
import type { DefinitionRule } from './rule.js';
import { inSchema } from './rule.js';

export const hiddenByAdditionalProperties: DefinitionRule = {
  code: 'hidden-by-additional-properties',
  *check({ levels }) {
    for (const { level, mentions } of levels) {
      for (const closer of level.closers) {
        for (const [name, said] of mentions) {
          if (said.declarations.length + said.allowed.length === 0 || closer.sees.has(name)) continue;
          yield { pointer: inSchema(closer.pointer), params: { field: name, keyword: closer.keyword } };
        }
      }
    }
  },
};
