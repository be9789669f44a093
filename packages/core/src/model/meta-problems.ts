/**
 * The meta-schema's errors (from the precompiled `validateDefinition`) in words a web team
 * understands, each at the pointer of the offending value.
 */
import type { DefinitionProblem, Language, LocalizedText } from './types.js';
import { format, formatBoth, type MessageKey, type MessageParams } from '../messages/format.js';
import { isRecord, joinPointer, splitPointer, valueAt } from '../util/pointer.js';
import { SUBSCHEMA_KEYWORDS } from './schema-walk.js';

const NODE_KEYWORDS = new Set<string>(SUBSCHEMA_KEYWORDS.single);
const NODE_MAPS = new Set<string>(SUBSCHEMA_KEYWORDS.maps);
const NODE_LISTS = new Set<string>(SUBSCHEMA_KEYWORDS.lists);

/** What to write instead of a keyword Guichet refuses: older drafts' names, and what a form can ask. */
const ADVICE: Record<string, [MessageKey, MessageParams?]> = {
  definitions: ['advice.renamed', { instead: '$defs' }],
  dependencies: ['advice.renamed', { instead: 'dependentRequired / dependentSchemas' }],
  id: ['advice.renamed', { instead: '$id' }],
  nullable: ['advice.renamed', { instead: '"type": [T, "null"]' }],
  $recursiveRef: ['advice.renamed', { instead: '$ref' }],
  patternProperties: ['advice.fixed-names'],
  propertyNames: ['advice.fixed-names'],
  minProperties: ['advice.fixed-names'],
  maxProperties: ['advice.fixed-names'],
  additionalProperties: ['advice.fixed-names'],
  prefixItems: ['advice.one-kind-of-item'],
  additionalItems: ['advice.one-kind-of-item'],
  unevaluatedItems: ['advice.one-kind-of-item'],
  contains: ['advice.one-kind-of-item'],
  minContains: ['advice.one-kind-of-item'],
  maxContains: ['advice.one-kind-of-item'],
  $anchor: ['advice.local-ref'],
  $dynamicRef: ['advice.local-ref'],
  $dynamicAnchor: ['advice.local-ref'],
  $recursiveAnchor: ['advice.local-ref'],
  not: ['advice.not'],
  contentEncoding: ['advice.files'],
  contentSchema: ['advice.files'],
  $vocabulary: ['advice.remove'],
  unevaluatedProperties: ['advice.unevaluated'],
};

/** "The keyword … is not supported", with what to write instead when there is advice for it. */
export function unsupportedKeyword(keyword: string, written = keyword): LocalizedText {
  const [key, params] = ADVICE[keyword] ?? [];
  return formatBoth('definition.unsupported-keyword', (lang) => ({
    keyword: written,
    advice: key ? format(key, params, lang) : '',
  }));
}

/** Whether the segments (from the definition's root) lead to a node of the data schema. */
export function isSchemaNodePath(segments: readonly string[]): boolean {
  if (segments[0] !== 'schema') return false;
  let i = 1;
  while (i < segments.length) {
    const keyword = segments[i] as string;
    if (NODE_KEYWORDS.has(keyword)) i += 1;
    else if (NODE_MAPS.has(keyword) || NODE_LISTS.has(keyword)) i += 2;
    else return false;
  }
  return i === segments.length;
}

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
  id: {
    fr: 'lettres minuscules, chiffres et tirets, par exemple « signalement-voirie »',
    en: 'lowercase letters, digits and hyphens, e.g. “report-street-problem”',
  },
  version: { fr: 'trois nombres comme « 1.0.0 »', en: 'three numbers like “1.0.0”' },
  $ref: { fr: 'une référence locale « #/$defs/nom »', en: 'a local reference “#/$defs/name”' },
  url: {
    fr: 'une adresse web commençant par https:// (ou http://)',
    en: 'a web address starting with https:// (or http://)',
  },
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
  const { instancePath, keyword, params } = error;
  const segments = splitPointer(instancePath) ?? [];
  const last = segments[segments.length - 1] ?? '';
  // ajv's schemaPath is relative to whichever compiled function reported it: the data's own
  // shape says more reliably where the error sits.
  const parentIsSchemaNode = isSchemaNodePath(segments.slice(0, -1));
  const value = valueAt(definition, instancePath);
  // A schema for `additionalProperties`, anything but `false` for `unevaluatedProperties`.
  if (parentIsSchemaNode && (last === 'additionalProperties' || last === 'unevaluatedProperties'))
    return {
      pointer: instancePath,
      code: 'unsupported-keyword',
      message: unsupportedKeyword(last, `${last}: ${isRecord(value) ? '{…}' : show(value)}`),
    };
  switch (keyword) {
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const pointer = joinPointer(instancePath, property);
      if (isSchemaNodePath(segments))
        return { pointer, code: 'unsupported-keyword', message: unsupportedKeyword(property) };
      return { pointer, code: 'unknown-property', message: formatBoth('definition.unknown-property', { property }) };
    }
    case 'required': {
      const property = String(params.missingProperty);
      return {
        pointer: instancePath,
        code: 'missing-property',
        message: formatBoth('definition.missing-property', { property }),
      };
    }
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.map(show).join(', ') : '';
      if (segments.length === 4 && segments[0] === 'ui' && segments[1] === 'fields' && last === 'widget') {
        return {
          pointer: instancePath,
          code: 'unknown-widget',
          message: formatBoth('definition.unknown-widget', { value: show(value), allowed }),
        };
      }
      if (params.propertyName !== undefined) {
        const name = String(params.propertyName ?? '');
        return {
          pointer: joinPointer(instancePath, name),
          code: 'not-allowed',
          message: formatBoth('definition.not-allowed', { value: name, allowed }),
        };
      }
      if (parentIsSchemaNode && last === 'type') {
        return {
          pointer: instancePath,
          code: 'unsupported-type',
          message: formatBoth('definition.not-allowed', { value: show(value), allowed }),
        };
      }
      if (parentIsSchemaNode && last === 'format') {
        return {
          pointer: instancePath,
          code: 'unsupported-format',
          message: formatBoth('definition.not-allowed', { value: show(value), allowed }),
        };
      }
      return {
        pointer: instancePath,
        code: 'not-allowed',
        message: formatBoth('definition.not-allowed', { value: show(value), allowed }),
      };
    }
    case 'type':
      return {
        pointer: instancePath,
        code: 'wrong-type',
        message: formatBoth('definition.wrong-type', (lang) => ({ expected: typeName(params.type, lang) })),
      };
    case 'const':
      return {
        pointer: instancePath,
        code: 'wrong-value',
        message: formatBoth('definition.wrong-const', { expected: show(params.allowedValue) }),
      };
    case 'pattern': {
      if (params.propertyName !== undefined) {
        const name = String(params.propertyName ?? '');
        return {
          pointer: joinPointer(instancePath, name),
          code: 'invalid-name',
          message: formatBoth('definition.pattern', () => ({ value: name, what: String(params.pattern) })),
        };
      }
      const what = PATTERN_WHAT[last];
      return {
        pointer: instancePath,
        code: 'pattern',
        message: formatBoth('definition.pattern', (lang) => ({
          value: show(value),
          what: what ? what[lang] : String(params.pattern),
        })),
      };
    }
    case 'minLength':
    case 'minItems':
      return {
        pointer: instancePath,
        code: 'too-short',
        message: formatBoth('definition.too-short', { count: Number(params.limit) }),
      };
    case 'minimum':
    case 'exclusiveMinimum':
      return {
        pointer: instancePath,
        code: 'too-small',
        message: formatBoth('definition.too-small', { limit: Number(params.limit) }),
      };
    case 'maximum':
      return {
        pointer: instancePath,
        code: 'too-big',
        message: formatBoth('definition.too-big', { limit: Number(params.limit) }),
      };
    case 'uniqueItems':
      return { pointer: instancePath, code: 'not-unique', message: formatBoth('definition.not-unique') };
    case 'format':
      return {
        pointer: instancePath,
        code: 'invalid-format',
        message: formatBoth('definition.invalid-format', { format: String(params.format) }),
      };
    // Wrappers repeat what their inner errors already say.
    case 'propertyNames':
    case 'if':
    case 'allOf':
      return undefined;
    default:
      return { pointer: instancePath, code: 'invalid', message: formatBoth('definition.invalid', { keyword }) };
  }
}
