import { html, nothing, type TemplateResult } from 'lit';
import type { Field } from '@guichet/core';
import type { FieldContext } from './context.js';
import { errorId, hintId } from '../ids.js';

/** Shared pieces of every field: label, hint, help, inline error, and the describedby list. */

/** Definitions often write "(facultatif)" in the title already; say it once. */
const saysOptional = /\((?:facultatif|facultative|optionnel|optionnelle|optional)\)/i;

export function labelContent(field: Field, pointer: string, context: FieldContext): TemplateResult {
  const label = context.t(field.label);
  const optional = !context.isRequired(field, pointer) && !saysOptional.test(label);
  return html`${label}${optional ? html`<span class="optional"> (${context.shared.optional})</span>` : nothing}`;
}

export function hint(field: Field, id: string, context: FieldContext): TemplateResult | typeof nothing {
  const text = context.t(field.hint);
  return text ? html`<p class="hint" part="hint" id=${hintId(id)}>${text}</p>` : nothing;
}

export function help(field: Field, context: FieldContext): TemplateResult | typeof nothing {
  const text = context.t(field.help);
  return text
    ? html`<details class="help" part="help">
        <summary>${context.text.moreInfo}</summary>
        <p>${text}</p>
      </details>`
    : nothing;
}

export function inlineError(id: string, message: string | undefined, context: FieldContext): TemplateResult | typeof nothing {
  return message
    ? html`<p class="error" part="error" id=${errorId(id)}><span class="visually-hidden">${context.shared.errorPrefix} </span>${message}</p>`
    : nothing;
}

/** `aria-describedby`: hint first, then any extra description, then the error (as GOV.UK does). */
export function describedBy(field: Field, id: string, message: string | undefined, context: FieldContext, extra: string[] = []): string | typeof nothing {
  const ids: string[] = [];
  if (field.hint && context.t(field.hint)) ids.push(hintId(id));
  ids.push(...extra);
  if (message) ids.push(errorId(id));
  return ids.length > 0 ? ids.join(' ') : nothing;
}

export function fieldClass(base: string, message: string | undefined): string {
  return message ? `${base} field--error` : base;
}
