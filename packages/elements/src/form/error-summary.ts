import { html, nothing, type TemplateResult } from 'lit';
import type { FormText } from './messages.js';
import { fieldId } from './ids.js';

export interface SummaryError {
  /** Pointer of the field the error belongs to ("" when it belongs to no field). */
  pointer: string;
  message: string;
}

export const errorSummaryId = 'guichet-error-summary';

/**
 * The GOV.UK error summary: a plain region (no role=alert; it takes focus instead, so it is read
 * once, whole), a heading, and one link per problem that moves to its field.
 */
export function renderErrorSummary(errors: readonly SummaryError[], text: FormText): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" id=${errorSummaryId} tabindex="-1" aria-labelledby=${`${errorSummaryId}__title`}>
    <h3 class="error-summary__title" id=${`${errorSummaryId}__title`}>${text.errorSummaryTitle}</h3>
    <ul class="error-summary__list">
      ${errors.map((error) =>
        error.pointer
          ? html`<li><a href=${`#${fieldId(error.pointer)}`} data-action="go-to-error" data-pointer=${error.pointer}>${error.message}</a></li>`
          : html`<li>${error.message}</li>`,
      )}
    </ul>
  </div>`;
}
