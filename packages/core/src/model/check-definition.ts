/** Runs the definition rules over a reading and words what they find in every language. */
import type { DefinitionProblem } from './types.js';
import type { DefinitionReading } from './reading.js';
import type { DefinitionRule } from './rules/rule.js';
import { definitionRules } from './rules/index.js';
import { formatBoth, type MessageKey } from '../messages/format.js';

export function checkDefinition(
  reading: DefinitionReading,
  rules: readonly DefinitionRule[] = definitionRules,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const rule of rules) {
    for (const finding of rule.check(reading)) {
      const key = finding.message ?? (`definition.${rule.code}` as MessageKey);
      problems.push({ pointer: finding.pointer, code: rule.code, message: formatBoth(key, finding.params) });
    }
  }
  return problems;
}
