/** Rules on one field: a widget that does not suit it, a list Guichet cannot render, values of the wrong type. */
import type { DefinitionRule } from './rule.js';
import { inSchema } from './rule.js';
import { formatBoth } from '../../messages/format.js';
import { matchesType, isChoiceValue, typeOf } from '../kind.js';
import { joinPointer } from '../../util/pointer.js';

export const incompatibleWidget: DefinitionRule = {
  code: 'incompatible-widget',
  *check({ fields }) {
    for (const { field, kind, ui } of fields) {
      const reason = kind.widgetProblem;
      if (!reason) continue;
      yield {
        pointer: joinPointer('/ui/fields', field.path, 'widget'),
        params: (lang) => ({ widget: ui?.widget ?? '', reason: formatBoth(reason)[lang] }),
      };
    }
  },
};

export const unsupportedArray: DefinitionRule = {
  code: 'unsupported-array',
  *check({ fields }) {
    for (const { kind, declaration } of fields)
      if (kind.unsupportedArray) yield { pointer: inSchema(declaration.pointer) };
  },
};

export const invalidDefault: DefinitionRule = {
  code: 'invalid-default',
  *check({ fields }) {
    for (const { field, resolved } of fields) {
      const type = typeOf(resolved.node);
      const value = resolved.node.default;
      if (!('default' in resolved.node) || matchesType(value, type) || (value === null && field.nullable)) continue;
      yield { pointer: inSchema(resolved.at('default')), params: { type: type ?? '' } };
    }
  },
};

export const invalidChoice: DefinitionRule = {
  code: 'invalid-choice',
  *check({ fields }) {
    for (const { choices, choiceType } of fields) {
      for (const choice of choices ?? []) {
        if (isChoiceValue(choice.value, choiceType)) continue;
        yield {
          pointer: inSchema(choice.pointer()),
          params: { value: JSON.stringify(choice.value) ?? 'undefined', type: choiceType ?? 'string' },
        };
      }
    }
  },
};
