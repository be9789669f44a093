/**
 * The definition meta-schema compiled by ajv in the page, for definitions that did not come from
 * the endpoint (a `definition` property, a static JSON file). Same ajv configuration and formats
 * as the precompiled validator of Node, so the same verdicts; compiled once per page.
 */
import { definitionSchema } from '../generated/definition-schema.js';
import type { DefinitionCheck } from '../model/read-definition.js';
import { createAjv } from './ajv-instance.js';

let compiled: DefinitionCheck | undefined;

export function definitionCheck(): DefinitionCheck {
  compiled ??= createAjv({}, undefined, 'definition').compile(definitionSchema) as DefinitionCheck;
  return compiled;
}
