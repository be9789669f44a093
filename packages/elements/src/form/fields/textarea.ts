import { html, nothing } from 'lit';
import { controlValue } from './control-value.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldRenderer } from './registry.js';
import { isKind, rankWith } from './registry.js';
import { fieldId } from '../ids.js';
import { plural } from '../messages.js';
import { describedBy, fieldClass, labelText, notes, ariaRequired } from './frame.js';

/** Counts as the citizen sees them (and as JSON Schema's maxLength counts): code points. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export const textareaRenderer: FieldRenderer = {
  name: 'textarea',
  tester: rankWith(1, isKind('textarea')),
  render(field, pointer, context) {
    const id = fieldId(pointer);
    const message = context.error(pointer);
    const value = context.value(pointer);
    const text = typeof value === 'string' ? value : '';
    const max = field.constraints.maxLength;
    const infoId = `${id}__count-info`;
    const left = max === undefined ? 0 : max - characterCount(text);
    return html`<div class=${fieldClass('field', message)} part="field">
      <label class="label" part="label" for=${id}>${labelText(field, pointer, context)}</label>
      ${notes(field, id, message, context)}
      <textarea
        class="input textarea"
        part="input"
        id=${id}
        name=${pointer}
        rows=${field.rows ?? 5}
        .value=${controlValue(text, '')}
        autocomplete=${ifDefined(field.autocomplete)}
        placeholder=${ifDefined(context.t(field.placeholder) || undefined)}
        ?readonly=${field.readOnly}
        aria-describedby=${describedBy(field, id, message, context, max === undefined ? [] : [infoId])}
        aria-invalid=${message ? 'true' : nothing}
        aria-required=${ariaRequired(field, pointer, context)}
      ></textarea>
      ${
        max === undefined
          ? nothing
          : html`<p class="visually-hidden" id=${infoId}>${plural(context.lang, context.text.charactersMax, max)}</p>
            <p class=${left < 0 ? 'count count--over' : 'count'} part="count" aria-hidden="true">
              ${left < 0 ? plural(context.lang, context.text.charactersOver, -left) : plural(context.lang, context.text.charactersLeft, left)}
            </p>`
      }
    </div>`;
  },
};
