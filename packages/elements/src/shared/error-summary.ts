import { html, nothing, type TemplateResult } from 'lit';
import { pluralCategory, type Language } from '@guichet/core';
import { sharedText } from './messages.js';

export interface SummaryError {
  /** What the link leads to: a field's pointer in a form, a field's name in the look-up form; "" for a problem of no field. */
  pointer: string;
  message: string;
}

/**
 * The GOV.UK error summary of the form and of the tracker's look-up form, in GOV.UK's structure:
 * the box that takes focus has no name of its own (named by its title, a reader would say the
 * title only), and an inner `role="alert"` wrapper makes a reader say the title, which counts the
 * problems, *and* the list. One link per problem; a click on a link is the host's
 * `data-action="go-to-error"` with the link's `data-pointer`.
 */
export function renderErrorSummary(
  errors: readonly SummaryError[],
  lang: Language,
  id: string,
  idOf: (pointer: string) => string,
): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  const title = sharedText(lang).errorSummaryTitle;
  const count = errors.length;
  return html`<div class="error-summary" part="error-summary" id=${id} tabindex="-1">
    <div role="alert">
    <h3 class="error-summary__title" id=${`${id}__title`}>${(title[pluralCategory(count, lang)] ?? title.other).replace('{count}', String(count))}</h3>
    <ul class="error-summary__list">
      ${errors.map((error) =>
        error.pointer
          ? html`<li><a href=${`#${idOf(error.pointer)}`} data-action="go-to-error" data-pointer=${error.pointer}>${error.message}</a></li>`
          : html`<li>${error.message}</li>`,
      )}
    </ul>
    </div>
  </div>`;
}
