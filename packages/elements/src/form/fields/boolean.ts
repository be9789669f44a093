import { html, nothing } from 'lit';
import { controlValue } from './control-value.js';
import type { FieldRenderer } from './registry.js';
import { isKind, rankWith } from './registry.js';
import { fieldId } from '../ids.js';
import { describedBy, fieldClass, help, hint, inlineError } from './frame.js';

/** A single checkbox: a yes/no question, or the consent a citizen must give (`const: true`). */
export const checkboxRenderer: FieldRenderer = {
  name: 'checkbox',
  tester: rankWith(1, isKind('checkbox', 'consent')),
  render(field, pointer, context) {
    const id = fieldId(pointer);
    const message = context.error(pointer);
    return html`<div class=${fieldClass('field field--checkbox', message)} part="field">
      ${inlineError(id, message, context)}
      <div class="option">
        <input
          class="option__input"
          part="input"
          type="checkbox"
          id=${id}
          name=${pointer}
          .checked=${controlValue(context.value(pointer) === true, false)}
          ?disabled=${field.readOnly}
          aria-describedby=${describedBy(field, id, message, context)}
          aria-invalid=${message ? 'true' : nothing}
        />
        <label class="option__label" part="label" for=${id}>${context.t(field.label)}</label>
        ${hint(field, id, context)}
      </div>
      ${help(field, context)}
    </div>`;
  },
};
