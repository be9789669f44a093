import { html, nothing } from 'lit';
import { controlValue } from './control-value.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  dateProblem,
  datePartNames,
  joinDateParts,
  splitDate,
  type DatePart,
  type DateParts,
  type Field,
} from '@guichet/core';
import type { FieldContext } from './context.js';
import { errorId, fieldId, hintId } from '../ids.js';
import { ariaRequired, fieldClass, help, inlineError, labelText } from './frame.js';

/**
 * A date in three boxes, day, month and year (GOV.UK's date input), for a date the citizen knows
 * by heart: a native date input asks for it in the browser's order (mm/dd/yyyy on an English
 * system) whatever the hint says. A fieldset whose legend is the question, the hint and the error
 * said with it; each box has its own label. Drawn from the lazily loaded chunk (see memorable-date.ts).
 */

/** `bday` becomes `bday-day`, `bday-month`, `bday-year` on the boxes; any other token helps no box. */
function boxAutocomplete(field: Field, part: DatePart): string | undefined {
  const tokens = field.autocomplete?.trim().split(/\s+/) ?? [];
  if (tokens.pop()?.toLowerCase() !== 'bday') return undefined;
  return [...tokens, `bday-${part}`].join(' ');
}

/** The boxes to mark as wrong while the field shows a problem: those the problem is about, else all three. */
function wrongBoxes(parts: DateParts, message: string | undefined): readonly DatePart[] {
  if (!message) return [];
  return dateProblem(parts)?.parts ?? datePartNames;
}

export function renderDateBoxes(field: Field, pointer: string, context: FieldContext) {
  const id = fieldId(pointer);
  const message = context.error(pointer);
  const parts = splitDate(context.value(pointer));
  const wrong = wrongBoxes(parts, message);
  const labels = { day: context.text.dateDay, month: context.text.dateMonth, year: context.text.dateYear };
  // The boxes' order is always shown by example, as GOV.UK does: the definition's hint, else ours.
  const hint = context.t(field.hint) || context.text.dateHint;
  return html`<div class=${fieldClass('field', message)} part="field">
    <fieldset
      class="fieldset date-input"
      part="fieldset"
      id=${id}
      aria-describedby=${message ? `${hintId(id)} ${errorId(id)}` : hintId(id)}
    >
      <legend class="label" part="label legend">${labelText(field, pointer, context)}</legend>
      <p class="hint" part="hint" id=${hintId(id)}>${hint}</p>
      ${help(field, context)}${inlineError(id, message, context)}
      ${datePartNames.map(
        (part) => html`<div class="date-box">
          <label class="label" for=${`${id}__${part}`}>${labels[part]}</label>
          <input
            class=${part === 'year' ? 'input input--4-digits' : 'input input--2-digits'}
            part="input"
            id=${`${id}__${part}`}
            name=${pointer}
            data-part=${part}
            type="text"
            inputmode="numeric"
            .value=${controlValue(parts[part], '')}
            autocomplete=${ifDefined(boxAutocomplete(field, part))}
            spellcheck="false"
            ?readonly=${field.readOnly}
            aria-invalid=${wrong.includes(part) ? 'true' : nothing}
            aria-required=${ariaRequired(field, pointer, context)}
          />
        </div>`,
      )}
    </fieldset>
  </div>`;
}

/** The answer the three boxes hold, read from any of them: the fieldset holding one holds the other two. */
export function readDateBoxes(box: Element): string | undefined {
  const fieldset = box.closest('fieldset');
  const value = (part: DatePart) =>
    fieldset?.querySelector<HTMLInputElement>(`input[data-part="${part}"]`)?.value ?? '';
  return joinDateParts({ day: value('day'), month: value('month'), year: value('year') });
}
