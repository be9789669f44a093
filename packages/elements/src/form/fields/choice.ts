import { html, nothing } from 'lit';
import { controlValue } from './control-value.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Choice, Field } from '@guichet/core';
import type { FieldRenderer } from './registry.js';
import { isKind, rankWith } from './registry.js';
import type { FieldContext } from './context.js';
import { fieldId } from '../ids.js';
import { ariaRequired, describedBy, fieldClass, labelText, notes } from './frame.js';

/** The first option carries the field's id (links and labels point at it), the others a suffix. */
export function optionId(id: string, index: number): string {
  return index === 0 ? id : `${id}--${index + 1}`;
}

function choiceHint(choice: Choice, id: string, context: FieldContext) {
  const text = context.t(choice.hint);
  return text ? html`<p class="hint option__hint" id=${`${id}__item-hint`}>${text}</p>` : nothing;
}

/**
 * Radios and checkboxes: a fieldset whose legend is the question. Radios form a radiogroup, which
 * can say it is required (a group of checkboxes cannot: its legend's "(facultatif)" says it).
 */
function optionGroup(field: Field, pointer: string, context: FieldContext, type: 'radio' | 'checkbox') {
  const id = fieldId(pointer);
  const message = context.error(pointer);
  const value = context.value(pointer);
  const selected = (choice: Choice) =>
    type === 'radio' ? value === choice.value : Array.isArray(value) && value.includes(choice.value);
  return html`<div class=${fieldClass('field', message)} part="field">
    <fieldset
      class="fieldset options"
      part="fieldset"
      role=${ifDefined(type === 'radio' ? 'radiogroup' : undefined)}
      aria-required=${type === 'radio' ? ariaRequired(field, pointer, context) : nothing}
      aria-describedby=${describedBy(field, id, message, context)}
    >
      <legend class="label" part="label legend">${labelText(field, pointer, context)}</legend>
      ${notes(field, id, message, context)}
        ${(field.choices ?? []).map((choice, index) => {
          const inputId = optionId(id, index);
          return html`<div class="option">
            <input
              class="option__input"
              part="input"
              type=${type}
              id=${inputId}
              name=${pointer}
              value=${index}
              .checked=${controlValue(selected(choice), false)}
              ?disabled=${field.readOnly}
              aria-invalid=${message ? 'true' : nothing}
              aria-describedby=${ifDefined(choice.hint && context.t(choice.hint) ? `${inputId}__item-hint` : undefined)}
            />
            <label class="option__label" for=${inputId}>${context.t(choice.label)}</label>
            ${choiceHint(choice, inputId, context)}
          </div>`;
        })}
    </fieldset>
  </div>`;
}

export const radioRenderer: FieldRenderer = {
  name: 'radio',
  tester: rankWith(1, isKind('radio')),
  render(field, pointer, context) {
    return optionGroup(field, pointer, context, 'radio');
  },
};

export const checkboxesRenderer: FieldRenderer = {
  name: 'checkboxes',
  tester: rankWith(1, isKind('checkboxes')),
  render(field, pointer, context) {
    return optionGroup(field, pointer, context, 'checkbox');
  },
};

export const selectRenderer: FieldRenderer = {
  name: 'select',
  tester: rankWith(1, isKind('select')),
  render(field, pointer, context) {
    const id = fieldId(pointer);
    const message = context.error(pointer);
    const value = context.value(pointer);
    return html`<div class=${fieldClass('field', message)} part="field">
      <label class="label" part="label" for=${id}>${labelText(field, pointer, context)}</label>
      ${notes(field, id, message, context)}
      <select
        class="input select"
        part="input"
        id=${id}
        name=${pointer}
        autocomplete=${ifDefined(field.autocomplete)}
        ?disabled=${field.readOnly}
        aria-describedby=${describedBy(field, id, message, context)}
        aria-invalid=${message ? 'true' : nothing}
        aria-required=${ariaRequired(field, pointer, context)}
      >
        <option value="" .selected=${controlValue(value === undefined, true)}>${context.text.choose}</option>
        ${(field.choices ?? []).map(
          (choice, index) =>
            html`<option value=${index} .selected=${controlValue(value === choice.value, false)}>${context.t(choice.label)}</option>`,
        )}
      </select>
    </div>`;
  },
};
