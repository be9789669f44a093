/**
 * From a definition (a JSON string or a parsed value) to a form model, or to every problem found,
 * each with its pointer and a message in French and English. It never throws: a page showing a
 * broken form must be able to say why.
 *
 * The meta-schema check is passed in: the precompiled one (loadDefinition, for Node) or one ajv
 * compiles in the page (see validation/definition-check.ts). A definition the endpoint served,
 * which it checked before serving it, is only built (read-served.ts); this reader says what is
 * wrong when even that fails.
 */
import type { FormDefinition } from '../generated/form-definition.js';
import type { DefinitionProblem, FormModel } from './types.js';
import { DefinitionError } from './definition-error.js';
import { metaProblems, type MetaError } from './meta-problems.js';
import { buildModel } from './build-model.js';
import { checkDefinition } from './check-definition.js';
import { definitionRules } from './rules/index.js';
import type { DefinitionReading } from './reading.js';
import { formatBoth } from '../messages/format.js';
import { isRecord } from '../util/pointer.js';
import { jsonErrorOffset, lineColumn } from '../util/json-position.js';

export type LoadResult = { ok: true; model: FormModel } | { ok: false; error: DefinitionError };

/** A meta-schema validator, as ajv makes them: the verdict, and `errors` when it is false. */
export interface DefinitionCheck {
  (data: unknown): boolean;
  errors?: MetaError[] | null;
}

export function readDefinition(input: unknown, check?: DefinitionCheck): LoadResult {
  try {
    const problems: DefinitionProblem[] = [];
    const parsed = parse(input, problems);
    if (problems.length) return failure(problems);
    if (!isRecord(parsed)) {
      const actual = Array.isArray(parsed) ? 'array' : parsed === null ? 'null' : typeof parsed;
      return failure([
        { pointer: '', code: 'not-an-object', message: formatBoth('definition.not-an-object', { actual }) },
      ]);
    }
    const wellFormed = check ? check(parsed) : true;
    if (!wellFormed) problems.push(...metaProblems(check?.errors ?? [], parsed));
    // Whatever the meta-schema said, a readable schema is checked further, so one round of fixes
    // is enough; these checks only read what is well-formed.
    const definition = parsed as unknown as FormDefinition;
    let reading: DefinitionReading | undefined;
    if (isRecord(definition.schema)) {
      problems.push(
        ...safely(() => {
          reading = buildModel(definition);
          return [];
        }, wellFormed),
      );
    }
    // Each rule on its own: one that trips over a malformed part does not silence the others.
    if (reading)
      for (const rule of definitionRules) problems.push(...safely(() => checkDefinition(reading!, [rule]), wellFormed));
    if (problems.length || !reading) return failure(firstThingsFirst(dedupe(problems)));
    return { ok: true, model: reading.model };
  } catch (error) {
    return failure([internal(error)]);
  }
}

function parse(input: unknown, problems: DefinitionProblem[]): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input) as unknown;
  } catch (error) {
    problems.push(jsonProblem(input, error));
    return undefined;
  }
}

/** Where JSON.parse stopped, as a line and column a person can find in an editor. */
function jsonProblem(text: string, error: unknown): DefinitionProblem {
  const reported = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
  const offset = reported !== undefined ? Number(reported) : jsonErrorOffset(text);
  const { line, column } = lineColumn(text, offset);
  const found = text.slice(offset, offset + 1);
  const message = found
    ? formatBoth('definition.invalid-json', { line, column, found })
    : formatBoth('definition.invalid-json-end', { line, column });
  return { pointer: '', code: 'invalid-json', message };
}

/** A check that trips over a malformed part says nothing: the meta-schema already reported it. */
function safely(check: () => DefinitionProblem[], wellFormed: boolean): DefinitionProblem[] {
  try {
    return check();
  } catch (error) {
    return wellFormed ? [internal(error)] : [];
  }
}

function internal(error: unknown): DefinitionProblem {
  const detail = error instanceof Error ? error.message : String(error);
  return { pointer: '', code: 'internal', message: formatBoth('definition.internal', { detail }) };
}

function dedupe(problems: DefinitionProblem[]): DefinitionProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.pointer}\u0000${p.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A schema in an older draft says so first: most of its other problems follow from it. */
function firstThingsFirst(problems: DefinitionProblem[]): DefinitionProblem[] {
  const draft = problems.filter((p) => p.code === 'unsupported-draft');
  return draft.length ? [...draft, ...problems.filter((p) => p.code !== 'unsupported-draft')] : problems;
}

function failure(problems: DefinitionProblem[]): LoadResult {
  return { ok: false, error: new DefinitionError(problems) };
}
