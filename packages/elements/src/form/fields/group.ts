import { html, nothing } from 'lit';
import type { Field } from '@guichet/core';
import type { FieldRenderer } from './registry.js';
import { isKind, rankWith } from './registry.js';
import type { FieldContext } from './context.js';
import { fieldId } from '../ids.js';
import { joinPointer } from '../answers.js';
import { fill, plural } from '../messages.js';
import { describedBy, fieldClass, labelText, notes } from './frame.js';

/** "Enfant 2": the name of one item, numbered from 1. */
export function itemName(field: Field, index: number, context: FieldContext): string {
  return `${context.t(field.itemLabel) || context.text.defaultItem} ${index + 1}`;
}

export const addButtonId = (id: string): string => `${id}__add`;

/** A repeatable group (array of objects): one fieldset per item, add and remove buttons. */
export const groupRenderer: FieldRenderer = {
  name: 'group',
  tester: rankWith(1, isKind('group')),
  render(field, pointer, context) {
    const id = fieldId(pointer);
    const message = context.error(pointer);
    const items = context.value(pointer);
    const count = Array.isArray(items) ? items.length : 0;
    const { minItems = 0, maxItems } = field.constraints;
    const canAdd = maxItems === undefined || count < maxItems;
    // French needs an article the noun's gender decides: without the author's own `addLabel`, the
    // button names the next item ("Ajouter Enfant 3"), or says "Ajouter un élément".
    const addLabel =
      context.t(field.addLabel) ||
      (context.t(field.itemLabel)
        ? fill(context.text.addItem, { item: itemName(field, count, context) })
        : context.text.addAnItem);
    return html`<fieldset class=${fieldClass('fieldset group', message)} part="fieldset group" id=${id} aria-describedby=${describedBy(field, id, message, context)}>
      <legend class="legend" part="legend">${labelText(field, pointer, context)}</legend>
      ${notes(field, id, message, context)}
      ${Array.from({ length: count }, (_, index) => {
        const itemPointer = joinPointer(pointer, index);
        const name = itemName(field, index, context);
        return html`<fieldset class="group__item" part="group-item" id=${fieldId(itemPointer)}>
          <legend class="legend legend--item">${name}</legend>
          ${(field.fields ?? []).map((child) => context.renderChild(child, joinPointer(itemPointer, child.name)))}
          ${
            count > minItems
              ? html`<button type="button" class="secondary" part="button" data-action="remove-item" data-pointer=${pointer} data-index=${index}>
                ${fill(context.text.removeItem, { item: name })}
              </button>`
              : nothing
          }
        </fieldset>`;
      })}
      ${
        canAdd
          ? html`<button type="button" class="secondary" part="button" id=${addButtonId(id)} data-action="add-item" data-pointer=${pointer}>
            ${addLabel}
          </button>`
          : html`<p class="hint" id=${addButtonId(id)} tabindex="-1">${plural(context.lang, context.text.maxItemsReached, maxItems ?? count)}</p>`
      }
    </fieldset>`;
  },
};
