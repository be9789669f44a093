import { html, nothing, type TemplateResult } from 'lit';
import type { HistoryEntry, Language } from '@guichet/core';
import { phaseText } from './messages.js';
import { statusText } from './status-messages.js';
import { phaseIcon } from './phase-icon.js';
import { renderDateTime } from './dates.js';

/**
 * Oldest first, like the GOV.UK and DSFR trackers: an ordered list then reads as the story of the
 * request, in the order "1, 2, 3" that a screen reader announces. The current step is already the
 * heading above it, and the last item says "(current stage)", so nobody has to scroll to find it.
 */
export function chronological(history: readonly HistoryEntry[]): HistoryEntry[] {
  return history
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    .sort((a, b) =>
      Number.isNaN(a.time) || Number.isNaN(b.time) || a.time === b.time ? a.index - b.index : a.time - b.time,
    )
    .map(({ entry }) => entry);
}

export function renderTimeline(
  history: readonly HistoryEntry[],
  lang: Language,
  headingId: string,
  /** The language the service wrote its labels and notes in, when the back office says. */
  written?: Language,
): TemplateResult | typeof nothing {
  if (history.length === 0) return nothing;
  const t = statusText(lang);
  const entries = chronological(history);
  return html`<section class="history" aria-labelledby=${headingId}>
    <h3 id=${headingId} class="history__title">${t.historyTitle}</h3>
    <ol class="timeline" part="timeline">
      ${entries.map((entry, index) => {
        const current = index === entries.length - 1;
        return html`<li class="timeline__entry ${current ? 'timeline__entry--current' : ''} phase--${entry.phase}" part="timeline-entry">
          <span class="timeline__marker">${phaseIcon(entry.phase)}</span>
          <div class="timeline__body">
            <p class="timeline__date">${renderDateTime(entry.at, lang)}</p>
            <p class="timeline__label">
              <strong lang=${written ?? nothing}>${entry.label}</strong>${current ? html` <span class="timeline__current">${t.currentStep}</span>` : nothing}
            </p>
            <p class="timeline__phase">${t.phaseLabel} ${phaseText(entry.phase, lang)}</p>
            ${
              entry.note
                ? html`<div class="note" part="note">
                  <p class="note__title">${t.agentNote}</p>
                  <p class="note__text" lang=${written ?? nothing}>${entry.note}</p>
                </div>`
                : nothing
            }
          </div>
        </li>`;
      })}
    </ol>
  </section>`;
}
