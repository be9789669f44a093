/**
 * ajv's errors → one `FieldError` per field, at the field it belongs to, with the most useful
 * message (a missing answer before a wrong one). Wrapper errors (`if`, the `oneOf`/`anyOf` of a
 * list of choices) say nothing a citizen can act on and are folded or dropped.
 */
import type { FieldError, Language } from '../model/types.js';
import type { FieldIndex } from './field-index.js';
import { customMessage, fieldMessage } from './field-messages.js';
import { namingTheQuestion, questionOf } from './question.js';
import { joinPointer, valueAt } from '../util/pointer.js';

export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}

const PRIORITY: Record<string, number> = { required: 0, 'unknown-field': 1, type: 1, enum: 2, const: 2, format: 3 };
const INSIDE_CHOICE = /\/(?:oneOf|anyOf)\/\d+\//;

/** `data`: the answers validated, which a date typed in three boxes needs to say which part is wrong. */
export function mapErrors(
  errors: readonly AjvError[],
  index: FieldIndex,
  lang: Language,
  data?: unknown,
): FieldError[] {
  const best = new Map<string, { priority: number; error: FieldError }>();
  for (const error of errors) {
    const mapped = mapOne(error, index, lang, data);
    if (!mapped) continue;
    const priority = PRIORITY[mapped.code] ?? 4;
    const current = best.get(mapped.pointer);
    if (!current || priority < current.priority) best.set(mapped.pointer, { priority, error: mapped });
  }
  return [...best.values()].map((b) => b.error).sort((a, b) => index.compare(a.pointer, b.pointer));
}

/** The property an object-level error names (a missing, unevaluated or extra answer). */
const NAMED_PROPERTY: Record<string, string> = {
  required: 'missingProperty',
  dependentRequired: 'missingProperty',
  unevaluatedProperties: 'unevaluatedProperty',
  additionalProperties: 'additionalProperty',
};

/** The answer an ajv error is about: for `required`, the missing property, not its parent. */
export function errorPointer({ keyword, params, instancePath }: AjvError): string {
  const property = NAMED_PROPERTY[keyword];
  return property === undefined ? instancePath : joinPointer(instancePath, String(params[property]));
}

const CHOICE_KINDS = new Set(['radio', 'select', 'checkboxes']);

function mapOne(error: AjvError, index: FieldIndex, lang: Language, data: unknown): FieldError | undefined {
  const { keyword, params } = error;
  if (keyword === 'if' || INSIDE_CHOICE.test(error.schemaPath)) return undefined;
  const pointer = errorPointer(error);
  const located = index.locate(pointer);
  let code = keyword;
  switch (keyword) {
    case 'required':
    case 'dependentRequired':
      code = 'required';
      break;
    case 'unevaluatedProperties':
    case 'additionalProperties':
      code = 'unknown-field';
      break;
    case 'false schema':
      // `"properties": {"x": false}` refuses an answer; `"then": false` a combination of them.
      code = /\/properties\/[^/]+$/.test(error.schemaPath) ? 'unknown-field' : 'not-accepted';
      break;
    case 'oneOf':
    case 'anyOf':
      code = located.pointer === pointer && CHOICE_KINDS.has(located.field?.kind ?? '') ? 'enum' : 'not-accepted';
      break;
  }
  if (code === 'unknown-field') {
    // A declared field is "unevaluated" only when the branch declaring it failed: its own
    // error says why. Hidden fields never get here, being removed before validation.
    if (located.field && located.pointer === pointer) return undefined;
    return { pointer, code, message: fieldMessage(code, params, undefined, lang) };
  }
  const field = located.field;
  const custom = customMessage(code, field, lang);
  const problem = custom ?? fieldMessage(code, params, field, lang, valueAt(data, located.pointer));
  // An author's own message is theirs to word; Guichet's own names the question.
  const question = custom === undefined ? questionOf(index, located.pointer, lang) : undefined;
  const message = question ? namingTheQuestion(question, problem, lang) : problem;
  return { pointer: located.pointer, code, message };
}
