/**
 * The meta-schema's errors (from the precompiled `validateDefinition`) in words a web team
 * understands, each at the pointer of the offending value.
 */
import type { DefinitionProblem, Language } from './types.js';
import { format, formatBoth, type MessageKey } from '../messages/format.js';
import { joinPointer, valueAt } from '../util/pointer.js';

export interface MetaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}

const typeName = (type: unknown, lang: Language): string =>
  String(type)
    .split(',')
    .map((t) => format(`type-name.${t}` as MessageKey, {}, lang))
    .join(' / ');

const show = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));

const PATTERN_WHAT: Record<string, { fr: string; en: string }> = {
  id: { fr: 'lettres minuscules, chiffres et tirets, par exemple « signalement-voirie »', en: 'lowercase letters, digits and hyphens, e.g. “report-street-problem”' },
  version: { fr: 'trois nombres comme « 1.0.0 »', en: 'three numbers like “1.0.0”' },
  $ref: { fr: 'une référence locale « #/$defs/nom »', en: 'a local reference “#/$defs/name”' },
};

export function metaProblems(errors: readonly MetaError[], definition: unknown): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const error of errors) {
    const p = mapError(error, definition);
    if (p) problems.push(p);
  }
  return problems;
}

function mapError(error: MetaError, definition: unknown): DefinitionProblem | undefined {
  const { instancePath, schemaPath, keyword, params } = error;
  const inSchemaNode = schemaPath.includes('/schemaNode/') || schemaPath.startsWith('#/$defs/schemaNode');
  const last = instancePath.split('/').pop() ?? '';
  const value = valueAt(definition, instancePath);
  switch (keyword) {
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const pointer = joinPointer(instancePath, property);
      if (inSchemaNode && schemaPath.endsWith('schemaNode/additionalProperties')) {
        return { pointer, code: 'unsupported-keyword', message: formatBoth('definition.unsupported-keyword', { keyword: property }) };
      }
      return { pointer, code: 'unknown-property', message: formatBoth('definition.unknown-property', { property }) };
    }
    case 'required': {
      const property = String(params.missingProperty);
      return { pointer: instancePath, code: 'missing-property', message: formatBoth('definition.missing-property', { property }) };
    }
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.map(show).join(', ') : '';
      if (schemaPath.includes('fieldUi/properties/widget')) {
        return { pointer: instancePath, code: 'unknown-widget', message: formatBoth('definition.unknown-widget', { value: show(value), allowed }) };
      }
      if (schemaPath.includes('propertyNames')) {
        const name = String(params.propertyName ?? '');
        return { pointer: joinPointer(instancePath, name), code: 'not-allowed', message: formatBoth('definition.not-allowed', { value: name, allowed }) };
      }
      if (inSchemaNode && last === 'type') {
        return { pointer: instancePath, code: 'unsupported-type', message: formatBoth('definition.not-allowed', { value: show(value), allowed }) };
      }
      if (inSchemaNode && last === 'format') {
        return { pointer: instancePath, code: 'unsupported-format', message: formatBoth('definition.not-allowed', { value: show(value), allowed }) };
      }
      return { pointer: instancePath, code: 'not-allowed', message: formatBoth('definition.not-allowed', { value: show(value), allowed }) };
    }
    case 'type':
      return { pointer: instancePath, code: 'wrong-type', message: formatBoth('definition.wrong-type', (lang) => ({ expected: typeName(params.type, lang) })) };
    case 'const':
      return { pointer: instancePath, code: 'wrong-value', message: formatBoth('definition.wrong-const', { expected: show(params.allowedValue) }) };
    case 'pattern': {
      if (schemaPath.includes('propertyNames')) {
        const name = String(params.propertyName ?? '');
        return { pointer: joinPointer(instancePath, name), code: 'invalid-name', message: formatBoth('definition.pattern', () => ({ value: name, what: String(params.pattern) })) };
      }
      const what = PATTERN_WHAT[last];
      return {
        pointer: instancePath,
        code: 'pattern',
        message: formatBoth('definition.pattern', (lang) => ({ value: show(value), what: what ? what[lang] : String(params.pattern) })),
      };
    }
    case 'minLength':
    case 'minItems':
      return { pointer: instancePath, code: 'too-short', message: formatBoth('definition.too-short', { count: Number(params.limit) }) };
    case 'minimum':
    case 'exclusiveMinimum':
      return { pointer: instancePath, code: 'too-small', message: formatBoth('definition.too-small', { limit: Number(params.limit) }) };
    case 'maximum':
      return { pointer: instancePath, code: 'too-big', message: formatBoth('definition.too-big', { limit: Number(params.limit) }) };
    case 'uniqueItems':
      return { pointer: instancePath, code: 'not-unique', message: formatBoth('definition.not-unique') };
    case 'format':
      return { pointer: instancePath, code: 'invalid-format', message: formatBoth('definition.invalid-format', { format: String(params.format) }) };
    // Wrappers repeat what their inner errors already say.
    case 'propertyNames':
    case 'if':
    case 'allOf':
      return undefined;
    default:
      return { pointer: instancePath, code: 'invalid', message: formatBoth('definition.invalid', { keyword }) };
  }
}
