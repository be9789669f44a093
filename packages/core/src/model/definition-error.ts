import type { DefinitionProblem } from './types.js';

/** A definition that cannot be rendered, with every problem found in it. */
export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
  readonly problems: DefinitionProblem[];

  constructor(problems: DefinitionProblem[]) {
    const first = problems[0];
    super(first ? first.message.fr : 'Définition invalide');
    this.problems = problems;
  }
}
