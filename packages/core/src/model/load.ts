/**
 * `loadDefinition`: from untrusted input (a JSON string or a parsed value) to a form model, or
 * to every problem found, each with its pointer and a message in French and English, checked
 * against the meta-schema by its precompiled validator (no code compiled at run time). It never
 * throws. Pages load definitions through readDefinition instead (see guichet-form), so that this
 * validator is not part of what they download.
 */
import { validateDefinition } from '../generated/definition-validator.js';
import { readDefinition, type DefinitionCheck, type LoadResult } from './read-definition.js';

export type { LoadResult } from './read-definition.js';

export function loadDefinition(input: unknown): LoadResult {
  return readDefinition(input, validateDefinition as DefinitionCheck);
}
