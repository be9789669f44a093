import { html, nothing, type TemplateResult } from 'lit';
import type { ContactBlock, Language, RequestStatus } from '@guichet/core';
import { renderContact } from '../shared/contact-block.js';
import { phaseText } from './messages.js';
import { statusText } from './status-messages.js';
import { phaseIcon } from './phase-icon.js';
import { renderDateTime, renderDay } from './dates.js';
import { chronological, renderTimeline } from './timeline.js';

export interface StatusViewOptions {
  status: RequestStatus;
  lang: Language;
  contact?: ContactBlock;
  /** Id of the heading, focused after a look-up so the citizen lands on the answer. */
  headingId: string;
  /** The reply form of a request that waits for the citizen, given the id of its heading. */
  reply?: (headingId: string) => TemplateResult | typeof nothing;
}

/** Where the request stands: the authority's label, the phase in words and icon, dates, history. */
export function renderStatusView({ status, lang, contact, headingId, reply }: StatusViewOptions): TemplateResult {
  const t = statusText(lang);
  const actionRequired = status.phase === 'action_required';
  // The service's own words (title, labels, notes) are in the request's language, which may not be the page's.
  const written = status.lang ?? nothing;
  const finalText = status.final ? (t.final as Partial<Record<string, string>>)[status.phase] : undefined;
  return html`<section class="status phase--${status.phase}" part="status" aria-labelledby=${headingId}>
    <p class="status__reference" part="reference">
      ${t.requestNumber(status.reference)}${status.formTitle ? html`<span class="status__form"> — <span lang=${written}>${status.formTitle}</span></span>` : nothing}
    </p>
    <h2 id=${headingId} class="status__title" part="title" tabindex="-1" lang=${written}>${status.label}</h2>
    <p class="phase" part="phase">
      ${phaseIcon(status.phase)}<span class="phase__text">${t.phaseLabel} <strong>${phaseText(status.phase, lang)}</strong></span>
    </p>
    <dl class="facts">
      <div class="facts__item">
        <dt>${t.lastUpdate}</dt>
        <dd>${renderDateTime(status.updatedAt, lang)}</dd>
      </div>
      ${
        status.expectedBy && !status.final
          ? html`<div class="facts__item">
            <dt>${t.expectedBy}</dt>
            <dd>${renderDay(status.expectedBy, lang)}</dd>
          </div>`
          : nothing
      }
    </dl>
    ${finalText ? html`<p class="final" part="final">${finalText}</p>` : nothing}
    ${actionRequired ? renderActionRequired(status, lang, contact, `${headingId}-action`, reply) : nothing}
    ${renderTimeline(status.history, lang, `${headingId}-history`, status.lang, status.replies)}
    ${actionRequired ? nothing : renderContact(contact, lang, `${headingId}-contact`, 3)}
  </section>`;
}

function renderActionRequired(
  status: RequestStatus,
  lang: Language,
  contact: ContactBlock | undefined,
  id: string,
  reply: StatusViewOptions['reply'],
): TemplateResult {
  const t = statusText(lang);
  const note = chronological(status.history)
    .reverse()
    .find((entry) => entry.note)?.note;
  return html`<section class="action-required" part="action-required" aria-labelledby=${id}>
    <h3 id=${id} class="action-required__title">${phaseIcon('action_required')}<span>${t.actionRequiredTitle}</span></h3>
    <p>${t.actionRequiredHow}</p>
    ${
      note
        ? html`<div class="note note--action" part="note">
          <p class="note__title">${t.agentNote}</p>
          <p class="note__text" lang=${status.lang ?? nothing}>${note}</p>
        </div>`
        : html`<p>${t.actionRequiredNoNote}</p>`
    }
    ${reply?.(`${id}-reply`) ?? nothing}
    ${renderContact(contact, lang, `${id}-contact`, 4)}
  </section>`;
}
