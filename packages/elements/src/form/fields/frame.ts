import { html, nothing, type TemplateResult } from 'lit';
import type { Field } from '@guichet/core';
import type { FieldContext } from './context.js';
import { errorId, hintId } from '../ids.js';

/** Shared pieces of every field: label, hint, help, inline error, and the describedby list. */

/** Definitions often write "(facultatif)" in the title already; say it once. */
const saysOptional = /\((?:facultatif|facultative|optionnel|optionnelle|optional)\)/i;

/**
 * A field's label, with the word that marks it optional (" (facultatif)") when an answer is not
 * required, as GOV.UK writes it: one text, so one part per label in a form of hundreds of fields.
 */
export function labelText(field: Field, pointer: string, context: FieldContext): string {
  const label = context.t(field.label);
  return context.isRequired(field, pointer) || saysOptional.test(label)
    ? label
    : `${label} (${context.shared.optional})`;
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

/** Hint, help and inline error together: one part, and nothing at all for most fields. */
export function notes(
  field: Field,
  id: string,
  message: string | undefined,
  context: FieldContext,
): TemplateResult | typeof nothing {
  if (!message && !context.t(field.hint) && !context.t(field.help)) return nothing;
  return html`${hint(field, id, context)}${help(field, context)}${inlineError(id, message, context)}`;
}

export function inlineError(
  id: string,
  message: string | undefined,
  context: FieldContext,
): TemplateResult | typeof nothing {
  // The space after "Erreur :" is part of the value: field templates lose the whitespace between tags.
  return message
    ? html`<p class="error" part="error" id=${errorId(id)}><span class="visually-hidden">${`${context.shared.errorPrefix} `}</span>${message}</p>`
    : nothing;
}

/** `aria-describedby`: hint first, then any extra description, then the error (as GOV.UK does). */
export function describedBy(
  field: Field,
  id: string,
  message: string | undefined,
  context: FieldContext,
  extra: string[] = [],
): string | typeof nothing {
  const ids: string[] = [];
  if (field.hint && context.t(field.hint)) ids.push(hintId(id));
  ids.push(...extra);
  if (message) ids.push(errorId(id));
  return ids.length > 0 ? ids.join(' ') : nothing;
}

/** `aria-required` as the label says it: true while an answer is required now (a condition may change it). */
export function ariaRequired(field: Field, pointer: string, context: FieldContext): 'true' | typeof nothing {
  return context.isRequired(field, pointer) ? 'true' : nothing;
}

export function fieldClass(base: string, message: string | undefined): string {
  return message ? `${base} field--error` : base;
}
