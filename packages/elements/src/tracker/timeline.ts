import { html, nothing, type TemplateResult } from 'lit';
import type { HistoryEntry, Language, Reply } from '@guichet/core';
import { formatDate, formatSize } from '../shared/intl.js';
import { replyText } from './reply/reply-text.js';
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

type Moment = { entry: HistoryEntry } | { reply: Reply };

/** The history's steps with the citizen's replies among them, each where it happened. */
function moments(history: readonly HistoryEntry[], replies: readonly Reply[]): Moment[] {
  const steps: Moment[] = chronological(history).map((entry) => ({ entry }));
  for (const reply of replies) {
    const at = Date.parse(reply.at);
    const after = steps.findLastIndex(
      (moment) => Date.parse('entry' in moment ? moment.entry.at : moment.reply.at) <= at,
    );
    steps.splice(after + 1, 0, { reply });
  }
  return steps;
}

export function renderTimeline(
  history: readonly HistoryEntry[],
  lang: Language,
  headingId: string,
  /** The language the service wrote its labels and notes in, when the back office says. */
  written?: Language,
  replies: readonly Reply[] = [],
): TemplateResult | typeof nothing {
  if (history.length === 0) return nothing;
  const t = statusText(lang);
  const entries = moments(history, replies);
  const last = entries.findLastIndex((moment) => 'entry' in moment);
  return html`<section class="history" aria-labelledby=${headingId}>
    <h3 id=${headingId} class="history__title">${t.historyTitle}</h3>
    <ol class="timeline" part="timeline">
      ${entries.map((moment, index) => {
        if ('reply' in moment) return renderReply(moment.reply, lang);
        const entry = moment.entry;
        const current = index === last;
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

/** The citizen's own words, in the history: "Votre réponse du 4 décembre", the message, the files. */
function renderReply(reply: Reply, lang: Language): TemplateResult {
  const t = replyText(lang);
  const date = new Date(reply.at);
  const day = Number.isNaN(date.getTime()) ? reply.at : formatDate(date, lang, { day: 'numeric', month: 'long' });
  return html`<li class="timeline__entry timeline__entry--reply" part="timeline-entry reply-entry">
    <span class="timeline__marker" aria-hidden="true">↩</span>
    <div class="timeline__body">
      <p class="timeline__date">${renderDateTime(reply.at, lang)}</p>
      <p class="timeline__label"><strong>${t.yourReplyOf(day)}</strong></p>
      ${reply.message ? html`<p class="timeline__reply">${reply.message}</p>` : nothing}
      ${
        reply.attachments.length
          ? html`<ul class="timeline__files">
            ${reply.attachments.map((file) => html`<li>${file.name} (${formatSize(file.size, lang)})</li>`)}
          </ul>`
          : nothing
      }
    </div>
  </li>`;
}
