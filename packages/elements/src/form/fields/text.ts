import { html, nothing } from 'lit';
import { controlValue } from './control-value.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Field } from '@guichet/core';
import type { FieldRenderer } from './registry.js';
import { isKind, rankWith } from './registry.js';
import type { FieldContext } from './context.js';
import { fieldId } from '../ids.js';
import { describedBy, fieldClass, labelText, notes, ariaRequired } from './frame.js';

const inputTypes: Partial<Record<Field['kind'], string>> = {
  text: 'text',
  email: 'email',
  tel: 'tel',
  url: 'url',
  date: 'date',
  time: 'time',
  datetime: 'datetime-local',
  // Numbers are text inputs with an inputmode (as GOV.UK advises): type=number drops what it cannot
  // parse, rounds silently and changes value on scroll.
  number: 'text',
  integer: 'text',
};

const defaultInputmode: Partial<Record<Field['kind'], string>> = {
  number: 'decimal',
  integer: 'numeric',
  email: 'email',
  tel: 'tel',
  url: 'url',
};

function displayed(field: Field, pointer: string, context: FieldContext): string {
  if (field.kind === 'number' || field.kind === 'integer') {
    const typed = context.typed(pointer);
    if (typed !== undefined) return typed;
  }
  // datetime-local values ("2026-05-01T14:30", the town hall's wall time) are kept as typed.
  const value = context.value(pointer);
  return value === undefined || value === null ? '' : String(value);
}

export const textRenderer: FieldRenderer = {
  name: 'text',
  tester: rankWith(1, isKind('text', 'email', 'tel', 'url', 'date', 'time', 'datetime', 'number', 'integer')),
  render(field, pointer, context) {
    const id = fieldId(pointer);
    const message = context.error(pointer);
    const unit = context.t(field.unit);
    const unitId = `${id}__unit`;
    const number = field.kind === 'number' || field.kind === 'integer';
    return html`<div class=${fieldClass('field', message)} part="field">
      <label class="label" part="label" for=${id}>${labelText(field, pointer, context)}</label>
      ${notes(field, id, message, context)}
      <input
        class=${number ? (unit ? 'input input--number input--unit' : 'input input--number') : unit ? 'input input--unit' : 'input'}
        part="input"
        id=${id}
        name=${pointer}
        type=${inputTypes[field.kind] ?? 'text'}
        .value=${controlValue(displayed(field, pointer, context), '')}
        inputmode=${ifDefined(field.inputmode ?? defaultInputmode[field.kind])}
        autocomplete=${ifDefined(field.autocomplete)}
        placeholder=${ifDefined(context.t(field.placeholder) || undefined)}
        spellcheck=${ifDefined(field.kind === 'email' || field.kind === 'url' ? 'false' : undefined)}
        ?readonly=${field.readOnly}
        aria-describedby=${describedBy(field, id, message, context, unit ? [unitId] : [])}
        aria-invalid=${message ? 'true' : nothing}
        aria-required=${ariaRequired(field, pointer, context)}
      />${unit ? html`<span class="unit" id=${unitId}>${unit}</span>` : nothing}
    </div>`;
  },
};
