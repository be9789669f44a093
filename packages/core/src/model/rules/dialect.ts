/**
 * The dialect a schema is written in. Guichet reads JSON Schema 2020-12: an older draft is
 * refused with what to write instead, and `$id` is read at the root only (an `$id` deeper down
 * would change what its `$ref`s point at).
 */
import type { DefinitionRule, Finding } from './rule.js';
import { forEachNode } from '../schema-walk.js';
import { joinPointer } from '../../util/pointer.js';

export const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** What changed since each older draft, in the keywords' own names. */
const CHANGES: Record<string, string> = {
  'draft-03':
    '`definitions` → `$defs`, `dependencies` → `dependentRequired`/`dependentSchemas`, `required: true` → `required: [names]`',
  'draft-04':
    '`definitions` → `$defs`, `dependencies` → `dependentRequired`/`dependentSchemas`, `exclusiveMinimum: true` → `exclusiveMinimum: <number>`',
  'draft-06': '`definitions` → `$defs`, `dependencies` → `dependentRequired`/`dependentSchemas`',
  'draft-07': '`definitions` → `$defs`, `dependencies` → `dependentRequired`/`dependentSchemas`',
  '2019-09': '`$recursiveRef` → `$ref`, `items: [ … ]` → one `items` schema',
};

/** `draft-07`, `2019-09`…, `2020-12`, or undefined for a URI that names no JSON Schema draft. */
export function draftOf(uri: string): string | undefined {
  const match = /^https?:\/\/json-schema\.org\/(?:(draft-0\d)|draft\/(\d{4}-\d\d))\/schema#?$/.exec(uri);
  return match?.[1] ?? match?.[2];
}

export const unsupportedDraft: DefinitionRule = {
  code: 'unsupported-draft',
  *check({ root }) {
    const found: Finding[] = [];
    forEachNode(root, '/schema', (node, pointer) => {
      if (typeof node.$schema !== 'string') return;
      const draft = draftOf(node.$schema);
      if (draft === '2020-12') return;
      const at = joinPointer(pointer(), '$schema');
      const changes = draft && CHANGES[draft];
      found.push(
        changes
          ? { pointer: at, params: { draft, changes } }
          : { pointer: at, params: { value: node.$schema }, message: 'definition.unknown-dialect' },
      );
    });
    yield* found;
  },
};

export const misplacedId: DefinitionRule = {
  code: 'misplaced-id',
  *check({ root }) {
    const found: string[] = [];
    forEachNode(root, '/schema', (node, pointer) => {
      if (node.$id !== undefined && node !== root) found.push(joinPointer(pointer(), '$id'));
    });
    for (const pointer of found) yield { pointer };
  },
};
