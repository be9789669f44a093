import { html, nothing, type TemplateResult } from 'lit';
import { localize, type DefinitionProblem, type Draft, type Language } from '@guichet/core';
import { fill, type FormText } from './messages.js';
import { formatDate } from '../shared/intl.js';

/** The element's boxes other than the form itself: loading, broken definition, draft, clearing. */

export function renderLoading(lang: Language, text: FormText): TemplateResult {
  return html`<div class="root" part="base" lang=${lang} aria-busy="true">
    <p class="loading" part="loading" role="status">${text.loading}</p>
  </div>`;
}

/**
 * The convention said once, above the questions (RGAA 11.10): a question is required unless its
 * label says "(facultatif)". Left out when nothing is ever required (see FormIndex.asksRequired),
 * where it would be untrue.
 */
export function renderConvention(asksRequired: boolean, text: FormText): TemplateResult | typeof nothing {
  return asksRequired ? html`<p class="convention" part="convention">${text.requiredConvention}</p>` : nothing;
}

/**
 * Never a blank box: what went wrong, in words, each problem as text; with `onRetry` (problems
 * of the connection, not of the definition) a button to try again.
 */
export function renderProblems(
  problems: readonly DefinitionProblem[],
  lang: Language,
  text: FormText,
  onRetry?: () => void,
): TemplateResult {
  return html`<div class="root" part="base" lang=${lang}>
    <div class="definition-error" part="definition-error" role="alert" aria-labelledby="guichet-definition-error-title">
      <h2 class="definition-error__title" id="guichet-definition-error-title">${text.definitionErrorTitle}</h2>
      <p>${text.definitionErrorIntro}</p>
      <p>${text.definitionProblems}</p>
      <ul class="definition-error__list">
        ${problems.map((p) => html`<li>${p.pointer ? html`<code>${p.pointer}</code>${lang === 'fr' ? '\u00a0: ' : ': '}` : nothing}${localize(p.message, lang)}</li>`)}
      </ul>
      ${onRetry ? html`<button type="button" class="primary" part="button button-primary" @click=${onRetry}>${text.definitionRetry}</button>` : nothing}
    </div>
  </div>`;
}

export interface DraftOfferOptions {
  offer: Draft | undefined;
  lang: Language;
  text: FormText;
  onResume: () => void;
  onRestart: () => void;
}

export function renderDraftOffer({
  offer,
  lang,
  text,
  onResume,
  onRestart,
}: DraftOfferOptions): TemplateResult | typeof nothing {
  if (!offer) return nothing;
  const date = formatDate(new Date(offer.savedAt), lang, { dateStyle: 'long', timeStyle: 'short' });
  return html`<section class="notice" part="notice" aria-labelledby="guichet-draft-title">
    <h3 class="notice__title" id="guichet-draft-title">${text.draftNoticeTitle}</h3>
    <p>${fill(text.draftFound, { date })}</p>
    <div class="actions">
      <button type="button" class="primary" part="button button-primary" @click=${onResume}>${text.draftResume}</button>
      <button type="button" class="secondary" part="button" @click=${onRestart}>${text.draftRestart}</button>
    </div>
  </section>`;
}

export interface ClearActionOptions {
  confirming: boolean;
  text: FormText;
  onAsk: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Effacer mes réponses", confirmed in the page (a `window.confirm` cannot be styled, translated or tested). */
export function renderClearAction({
  confirming,
  text,
  onAsk,
  onConfirm,
  onCancel,
}: ClearActionOptions): TemplateResult {
  if (!confirming) {
    return html`<p class="clear">
      <button type="button" class="link-button" part="button" id="guichet-clear" @click=${onAsk}>${text.clearAnswers}</button>
    </p>`;
  }
  return html`<div class="notice notice--warning" part="notice">
    <p id="guichet-clear-question" tabindex="-1">${text.clearConfirmQuestion}</p>
    <div class="actions">
      <button type="button" class="primary" part="button button-primary" @click=${onConfirm}>${text.clearConfirmYes}</button>
      <button type="button" class="secondary" part="button" @click=${onCancel}>${text.clearConfirmNo}</button>
    </div>
  </div>`;
}
