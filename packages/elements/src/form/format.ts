import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber, type Field, type Language } from '@guichet/core';
import type { FieldContext } from './fields/context.js';
import { joinPointer } from './answers.js';
import { itemName } from './fields/group.js';
import { formatDate, formatList, formatSize } from '../shared/intl.js';

/** An answer as the citizen reads it back: choices by their labels, dates and numbers by Intl. */
export function formatAnswer(
  field: Field,
  pointer: string,
  context: FieldContext,
  isActive: (field: Field, pointer: string) => boolean,
): TemplateResult | string {
  const value = context.value(pointer);
  const { lang, text } = context;
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return text.notProvided;
  switch (field.kind) {
    case 'radio':
    case 'select': {
      const choice = field.choices?.find((c) => c.value === value);
      return choice ? context.t(choice.label) : String(value);
    }
    case 'checkboxes': {
      const labels = (field.choices ?? [])
        .filter((c) => Array.isArray(value) && value.includes(c.value))
        .map((c) => context.t(c.label));
      return formatList(labels, lang, 'conjunction');
    }
    case 'checkbox':
    case 'consent':
      return value === true ? text.yes : text.no;
    case 'date':
    case 'memorable-date':
      return formatDay(value, lang);
    case 'time':
      return formatTime(value, lang);
    case 'datetime': {
      const date = new Date(String(value));
      return Number.isNaN(date.getTime())
        ? String(value)
        : formatDate(date, lang, { dateStyle: 'long', timeStyle: 'short' });
    }
    case 'number':
    case 'integer': {
      const unit = context.t(field.unit);
      const number = typeof value === 'number' ? formatNumber(value, lang) : String(value);
      return unit ? `${number} ${unit}` : number;
    }
    case 'file': {
      const file = context.file(pointer);
      return file ? `${file.name} (${formatSize(file.size, lang)})` : text.notProvided;
    }
    case 'fieldset':
      return html`<dl class="summary__nested">${nestedRows(field.fields ?? [], pointer, context, isActive)}</dl>`;
    case 'group': {
      const items = Array.isArray(value) ? value : [];
      return html`<dl class="summary__nested">
        ${items.map(
          (_, index) => html`<div class="summary__row summary__row--item">
            <dt>${itemName(field, index, context)}</dt>
            <dd><dl class="summary__nested">${nestedRows(field.fields ?? [], joinPointer(pointer, index), context, isActive)}</dl></dd>
          </div>`,
        )}
      </dl>`;
    }
    default:
      return String(value);
  }
}

function nestedRows(
  fields: Field[],
  parent: string,
  context: FieldContext,
  isActive: (field: Field, pointer: string) => boolean,
) {
  return fields.map((child) => {
    const pointer = joinPointer(parent, child.name);
    if (!isActive(child, pointer)) return nothing;
    return html`<div class=${rowClass(child)}>
      <dt>${context.t(child.label)}</dt>
      <dd class=${valueClass(child)}>${formatAnswer(child, pointer, context, isActive)}</dd>
    </div>`;
  });
}

/**
 * A summary row: label and answer side by side; the answers of a fieldset or a repeatable group
 * under their label, as wide as the row, so nested answers never shrink into narrow columns.
 */
export function rowClass(field: Field): string {
  return field.kind === 'fieldset' || field.kind === 'group' ? 'summary__row summary__row--nested' : 'summary__row';
}

export function valueClass(field: Field): string {
  return field.kind === 'textarea' ? 'summary__value summary__value--text' : 'summary__value';
}

function formatDay(value: unknown, lang: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
  if (!match) return String(value);
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return formatDate(date, lang, { dateStyle: 'long' });
}

function formatTime(value: unknown, lang: Language): string {
  const match = /^(\d{2}):(\d{2})/.exec(String(value));
  if (!match) return String(value);
  return formatDate(new Date(2000, 0, 1, Number(match[1]), Number(match[2])), lang, { timeStyle: 'short' });
}
