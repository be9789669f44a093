import { html, nothing, type TemplateResult } from 'lit';
import { localize, type FormModel, type Language, type Receipt } from '@guichet/core';
import { renderContact } from '../shared/contact-block.js';
import { submissionText } from './messages.js';
import { formatDate } from '../shared/intl.js';
import type { ReceiptOptions } from './types.js';

export const RECEIPT_HEADING_ID = 'guichet-receipt-title';

interface ReceiptContext {
  model: FormModel;
  endpoint: string;
  adapterName: string;
  /** `apiKey`, `jurisdictionId`…, handed on to the tracker. */
  settings: Readonly<Record<string, string>>;
}

function formatMoment(iso: string | undefined, lang: Language, withTime: boolean): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return formatDate(date, lang, withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' });
}

const COPIED_ID = 'guichet-receipt-copied';

/**
 * Copies a code and says so in the receipt's live region; where the clipboard is not available
 * (an http page, an old browser) selects the code instead, so the citizen copies it by hand.
 */
async function copy(button: HTMLElement, value: string, copied: string): Promise<void> {
  const root = button.getRootNode() as Document | ShadowRoot;
  try {
    await navigator.clipboard.writeText(value);
    const status = root.getElementById(COPIED_ID);
    if (status) status.textContent = copied;
  } catch {
    const code = button.closest('dd')?.querySelector('.receipt__code');
    if (code) window.getSelection()?.selectAllChildren(code);
  }
}

/** A code the citizen keeps, with its copy button (`copy`: the button's text, `copied`: what is announced). */
function renderCode(
  label: string,
  value: string,
  { copy: copyText, copied }: { copy: string; copied: string },
): TemplateResult {
  return html`<div class="receipt__pair">
    <dt>${label}</dt>
    <dd>
      <span class="receipt__code" translate="no">${value}</span>
      <button type="button" class="secondary receipt__copy" @click=${(event: Event) => void copy(event.currentTarget as HTMLElement, value, copied)}>
        ${copyText}
      </button>
    </dd>
  </div>`;
}

/**
 * The receipt: what the citizen keeps. Its heading takes focus (the controller moves it there),
 * so a screen reader user hears at once that the request left.
 */
export function renderReceiptView(
  receipt: Receipt | undefined,
  context: ReceiptContext | undefined,
  lang: Language,
  { trackerUrl, headingLevel = 2 }: ReceiptOptions = {},
): TemplateResult {
  if (!receipt) return html``;
  const t = submissionText(lang);
  const model = context?.model;
  const formTitle = model ? localize(model.title, lang) : (receipt.status.formTitle ?? '');
  const nextSteps = localize(model?.processing?.nextSteps, lang);
  const expectedDays = model?.processing?.expectedDays;
  const expectedBy = receipt.expectedBy ?? receipt.status.expectedBy;
  const expected = expectedBy
    ? t.expectedBy(formatMoment(expectedBy, lang, false))
    : expectedDays !== undefined
      ? t.expectedDays(expectedDays)
      : '';
  const trackerReady = customElements.get('guichet-tracker') !== undefined;
  // Some back offices give no tracking code (Open311): only what exists is shown.
  const code = receipt.trackingCode && receipt.trackingCode !== receipt.reference ? receipt.trackingCode : '';
  // What the back office said on receipt (Open311's service_notice).
  const notice = receipt.status.history?.[0]?.note;
  const settings = context?.settings ?? {};
  const trackerLink = linkToTracker(trackerUrl, receipt.reference);
  return html`<section class="receipt" part="receipt" aria-labelledby=${RECEIPT_HEADING_ID}>
    <h2 id=${RECEIPT_HEADING_ID} class="receipt__title" tabindex="-1">
      <span class="receipt__check" aria-hidden="true">✓</span> ${t.receiptTitle}
    </h2>
    <p>${t.receivedOn(formTitle, formatMoment(receipt.receivedAt, lang, true))}</p>
    <dl class="receipt__codes">
      ${renderCode(t.reference, receipt.reference, { copy: t.copyReference, copied: t.copiedReference })}
      ${code ? renderCode(t.trackingCode, code, { copy: t.copyTrackingCode, copied: t.copiedTrackingCode }) : nothing}
    </dl>
    <p class="receipt__keep">${code ? t.keepCodes : t.keepReference}</p>
    <p id=${COPIED_ID} class="receipt__copied" role="status"></p>
    ${
      nextSteps || expected || notice
        ? html`<h3 class="receipt__subtitle">${t.nextTitle}</h3>
          ${notice ? html`<p class="receipt__notice">${notice}</p>` : nothing}
          ${nextSteps ? html`<p>${nextSteps}</p>` : nothing} ${expected ? html`<p>${expected}</p>` : nothing}`
        : nothing
    }
    <p class="receipt__actions">
      <button type="button" class="primary receipt__print" @click=${() => window.print()}>${t.print}</button>
    </p>
    <h3 class="receipt__subtitle">${t.followTitle}</h3>
    ${trackerLink ? html`<p class="receipt__link"><a href=${trackerLink}>${t.followLink}</a></p>` : nothing}
    ${
      trackerReady && context
        ? html`<guichet-tracker
          endpoint=${context.endpoint}
          adapter=${context.adapterName}
          reference=${receipt.reference}
          code=${code}
          api-key=${settings.apiKey ?? nothing}
          jurisdiction=${settings.jurisdictionId ?? nothing}
          lang=${lang}
          heading-level=${headingLevel + 2}
          hide-contact
        ></guichet-tracker>`
        : html`<p class="receipt__follow">${code ? t.followText(receipt.reference) : t.followReference(receipt.reference)}</p>`
    }
    ${renderContact(model?.contact, lang, 'guichet-receipt-contact', 3)}
  </section>`;
}

/**
 * The page's tracker page opened on this request: the reference only, never the tracking code,
 * which an address would leave in server logs and browser histories (the tracker asks for it).
 */
function linkToTracker(trackerUrl: string | undefined, reference: string): string | undefined {
  if (!trackerUrl) return undefined;
  try {
    const url = new URL(trackerUrl, document.baseURI);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    url.searchParams.set('reference', reference);
    return url.href;
  } catch {
    return undefined;
  }
}
