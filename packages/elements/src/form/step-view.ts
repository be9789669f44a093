import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { localize, type Field, type FormModel, type Language } from '@guichet/core';
import { renderErrorSummary, type SummaryError } from '../shared/error-summary.js';
import { detached } from '../shared/detached.js';
import { checksChunkNow } from '../shared/lazy-chunk.js';
import { joinPointer } from './answers.js';
import { inChunks } from './field-chunks.js';
import type { FieldParts } from './field-parts.js';
import { errorSummaryId, fieldId } from './ids.js';
import { fill, type FormText } from './messages.js';

interface ViewOptions {
  model: FormModel;
  lang: Language;
  text: FormText;
  summaryErrors: readonly SummaryError[];
  fields: FieldParts;
  /** How many Continue or Send in a row could not check the answers (the rules did not download). */
  uncheckable: number;
}

/**
 * Above the buttons, said at once: pressing them again is what the citizen can do. A new alert
 * each time, so that a screen reader hears a second failure too.
 */
function renderUncheckable(uncheckable: number, text: FormText): unknown {
  return uncheckable
    ? keyed(
        uncheckable,
        html`<p class="notice notice--warning" part="uncheckable" role="alert">${text.uncheckable}</p>`,
      )
    : nothing;
}

export interface StepViewOptions extends ViewOptions {
  /** The step's index. */
  index: number;
  /** The step's fields, in order. */
  stepFields: readonly Field[];
  /** Listeners of the step's `<form>`: Continue, answers, focus (see answer-input.ts), buttons. */
  on: {
    submit: (event: SubmitEvent) => void;
    input: (event: Event) => void;
    change: (event: Event) => void;
    focusin: () => void;
    focusout: (event: FocusEvent) => void;
    click: (event: MouseEvent) => void;
  };
}

/** One step: its error summary, progress, heading, fields (in chunks, see field-chunks.ts), Continue and Back. */
export function renderStep({
  model,
  lang,
  text,
  summaryErrors,
  fields,
  uncheckable,
  index,
  stepFields,
  on,
}: StepViewOptions): TemplateResult {
  const step = model.steps[index];
  const total = model.steps.length;
  const stepDescription = localize(step?.description, lang);
  return html`<form class="form" part="form" novalidate @submit=${on.submit} @input=${on.input} @change=${on.change} @focusin=${on.focusin} @focusout=${on.focusout} @click=${on.click}>
      <section class="step" part="step" aria-labelledby=${total > 1 ? 'guichet-step-title' : 'guichet-title'}>
        ${renderErrorSummary(summaryErrors, lang, errorSummaryId, fieldId)}
        ${
          total > 1
            ? /* The heading is named "Étape 2 sur 3 Adresse": focused on a step change, it says where the
                 citizen is; the progress line above is that name's first half, hidden from readers so
                 that browsing the page does not read it twice. */
              html`<p class="progress" part="progress" id="guichet-step-progress" aria-hidden="true">${fill(text.stepOf, { current: index + 1, total })}</p>
              <h3 class="step__title" id="guichet-step-title" tabindex="-1" aria-labelledby="guichet-step-progress guichet-step-title">${localize(step?.title, lang)}</h3>`
            : nothing
        }
        ${stepDescription ? html`<p class="step__description">${stepDescription}</p>` : nothing}
        ${detached(
          step,
          'fields',
          inChunks(stepFields, (field) => fields.render(field, joinPointer('', field.name))),
        )}
        ${renderUncheckable(uncheckable, text)}
        <div class="actions">
          <button type="submit" class="primary" part="button button-primary">${text.continue}</button>
          ${index > 0 ? html`<button type="button" class="secondary" part="button" data-action="back">${text.back}</button>` : nothing}
        </div>
      </section>
    </form>`;
}

export interface SummaryViewOptions extends ViewOptions {
  /** The submission's status (sending, uploads, why it waits), above Send. */
  status: TemplateResult;
  on: { submit: (event: SubmitEvent) => void; click: (event: MouseEvent) => void };
}

/** "Vérifiez vos réponses": every active answer with a link to change it, the submission's status, Send and Back. */
export function renderSummary({
  model,
  lang,
  text,
  summaryErrors,
  fields,
  uncheckable,
  status,
  on,
}: SummaryViewOptions): TemplateResult {
  return html`<form class="form" part="form" novalidate @submit=${on.submit} @click=${on.click}>
      <section class="summary" part="summary" aria-labelledby="guichet-step-title">
        ${renderErrorSummary(summaryErrors, lang, errorSummaryId, fieldId)}
        <h3 class="step__title" id="guichet-step-title" tabindex="-1">${text.checkAnswers}</h3>
        <p>${text.checkAnswersIntro}</p>
        ${/* The summary follows a check of every answer, by the validator the checks chunk brought: it is there. */ checksChunkNow()?.renderAnswersSummary({ model, context: fields.context, isActive: (field, pointer) => fields.isActive(field, pointer) })}
        ${status}
        ${renderUncheckable(uncheckable, text)}
        <div class="actions">
          <button type="submit" class="primary" part="button button-primary">${localize(model.submitLabel, lang) || text.send}</button>
          <button type="button" class="secondary" part="button" data-action="back">${text.back}</button>
        </div>
      </section>
    </form>`;
}
