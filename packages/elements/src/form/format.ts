import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber, type Field, type Language } from '@guichet/core';
import type { FieldContext } from './fields/context.js';
import { joinPointer } from './answers.js';
import { itemName } from './fields/group.js';
import { formatSize } from './fields/file.js';

/** Intl formatters cost far more to build than to use: one per language and style serves a whole list of answers. */
const formatters = new Map<string, { format(value: never): string }>();
function formatter<F extends { format(value: never): string }>(key: string, lang: Language, make: () => F): F {
  const id = `${lang} ${key}`;
  let found = formatters.get(id) as F | undefined;
  if (!found) formatters.set(id, (found = make()));
  return found;
}

/** An answer as the citizen reads it back: choices by their labels, dates and numbers by Intl. */
export function formatAnswer(field: Field, pointer: string, context: FieldContext, isActive: (field: Field, pointer: string) => boolean): TemplateResult | string {
  const value = context.value(pointer);
  const { lang, text } = context;
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return text.notProvided;
  switch (field.kind) {
    case 'radio':
    case 'select': {
      const choice = field.choices?.find((c) => c.value === value);
      return choice ? context.t(choice.label) : String(value);
    }
    case 'checkboxes': {
      const labels = (field.choices ?? []).filter((c) => Array.isArray(value) && value.includes(c.value)).map((c) => context.t(c.label));
      return formatter('list', lang, () => new Intl.ListFormat(lang, { type: 'conjunction' })).format(labels);
    }
    case 'checkbox':
    case 'consent':
      return value === true ? text.yes : text.no;
    case 'date':
      return formatDate(value, lang);
    case 'time':
      return formatTime(value, lang);
    case 'datetime': {
      const date = new Date(String(value));
      return Number.isNaN(date.getTime()) ? String(value) : formatter('datetime', lang, () => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' })).format(date);
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
          (_, index) => html`<div class="summary__row">
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

function nestedRows(fields: Field[], parent: string, context: FieldContext, isActive: (field: Field, pointer: string) => boolean) {
  return fields.map((child) => {
    const pointer = joinPointer(parent, child.name);
    if (!isActive(child, pointer)) return nothing;
    return html`<div class="summary__row">
      <dt>${context.t(child.label)}</dt>
      <dd class=${child.kind === 'textarea' ? 'summary__value summary__value--text' : 'summary__value'}>${formatAnswer(child, pointer, context, isActive)}</dd>
    </div>`;
  });
}

function formatDate(value: unknown, lang: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
  if (!match) return String(value);
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return formatter('date', lang, () => new Intl.DateTimeFormat(lang, { dateStyle: 'long' })).format(date);
}

function formatTime(value: unknown, lang: Language): string {
  const match = /^(\d{2}):(\d{2})/.exec(String(value));
  if (!match) return String(value);
  return formatter('time', lang, () => new Intl.DateTimeFormat(lang, { timeStyle: 'short' })).format(new Date(2000, 0, 1, Number(match[1]), Number(match[2])));
}
