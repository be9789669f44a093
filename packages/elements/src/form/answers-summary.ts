import { html, nothing, type TemplateResult } from 'lit';
import { localize, type Field, type FormModel } from '@guichet/core';
import type { FieldContext } from './fields/context.js';
import { joinPointer } from './answers.js';
import { fieldId } from './ids.js';
import { formatAnswer, rowClass, valueClass } from './format.js';

export interface AnswersSummaryOptions {
  model: FormModel;
  context: FieldContext;
  isActive: (field: Field, pointer: string) => boolean;
}

/**
 * "Vérifiez vos réponses": one list per step of every active answer, as the citizen reads it
 * back, each with a "Modifier" link whose accessible name says which answer it changes.
 */
export function renderAnswersSummary({ model, context, isActive }: AnswersSummaryOptions): TemplateResult {
  const { lang, text } = context;
  const byName = new Map(model.fields.map((f) => [f.name, f]));
  return html`${model.steps.map((step) => {
    const rows = step.fields
      .map((name) => byName.get(name))
      .filter((field): field is Field => !!field && isActive(field, joinPointer('', field.name)));
    if (rows.length === 0) return nothing;
    return html`${model.steps.length > 1 ? html`<h4 class="summary__step">${localize(step.title, lang)}</h4>` : nothing}
      <dl class="summary__list">
        ${rows.map((field) => {
          const pointer = joinPointer('', field.name);
          const label = localize(field.label, lang);
          return html`<div class=${rowClass(field)}>
            <dt class="summary__key">${label}</dt>
            <dd class=${valueClass(field)}>${formatAnswer(field, pointer, context, isActive)}</dd>
            <dd class="summary__actions">
              <a href=${`#${fieldId(pointer)}`} data-action="change" data-pointer=${pointer}>${text.change}<span class="visually-hidden"> ${label}</span></a>
            </dd>
          </div>`;
        })}
      </dl>`;
  })}`;
}
