import { html } from 'lit';
import type { FieldRenderer } from './registry.js';
import { isKind, rankWith } from './registry.js';
import { fieldId } from '../ids.js';
import { joinPointer } from '../answers.js';
import { describedBy, fieldClass, labelText, notes } from './frame.js';

/** A nested object: its fields grouped in a fieldset whose legend is the object's title. */
export const fieldsetRenderer: FieldRenderer = {
  name: 'fieldset',
  tester: rankWith(1, isKind('fieldset')),
  render(field, pointer, context) {
    const id = fieldId(pointer);
    const message = context.error(pointer);
    return html`<fieldset class=${fieldClass('fieldset', message)} part="fieldset" id=${id} aria-describedby=${describedBy(field, id, message, context)}>
      <legend class="legend" part="legend">${labelText(field, pointer, context)}</legend>
      ${notes(field, id, message, context)}
      ${(field.fields ?? []).map((child) => context.renderChild(child, joinPointer(pointer, child.name)))}
    </fieldset>`;
  },
};
