/** Problems with what a definition points at: `$ref`s and translation pointers. */
import type { FormDefinition } from '../generated/form-definition.js';
import type { DefinitionProblem } from './types.js';
import { forEachNode, refName } from './schema-walk.js';
import { formatBoth } from '../messages/format.js';
import { isRecord, joinPointer, valueAt } from '../util/pointer.js';

export function referenceProblems(definition: FormDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const defs = isRecord(definition.schema.$defs) ? definition.schema.$defs : {};
  forEachNode(definition.schema, '/schema', (node, pointer) => {
    if (typeof node.$ref !== 'string') return;
    const name = refName(node.$ref);
    if (name === undefined || !Object.prototype.hasOwnProperty.call(defs, name)) {
      problems.push({
        pointer: joinPointer(pointer(), '$ref'),
        code: 'dangling-ref',
        message: formatBoth('definition.dangling-ref', { ref: node.$ref }),
      });
    }
  });
  for (const [lang, strings] of Object.entries(definition.translations ?? {})) {
    for (const target of Object.keys(strings ?? {})) {
      if (typeof valueAt(definition, target) !== 'string' || target.startsWith('/translations/')) {
        problems.push({
          pointer: joinPointer('/translations', lang, target),
          code: 'dangling-translation',
          message: formatBoth('definition.dangling-translation', { target }),
        });
      }
    }
  }
  return problems;
}
