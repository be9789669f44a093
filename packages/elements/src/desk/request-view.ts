/**
 * One request: its answers laid out like the citizen's check-your-answers page, its attachments
 * to download, its history (with the agent of each change, from the audit) and the form that
 * changes its step with a label and a note.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Attachment, Language, Notification, Phase, StoredRequest } from '@guichet/core';
import { answerGroups } from './answers.js';
import type { AuditEntry } from './desk-api.js';
import { PHASES, shortDate } from './inbox-view.js';
import type { DeskText } from './messages.js';

export interface StatusChangeValues {
  phase: Phase;
  label?: string;
  note?: string;
}

export interface RequestViewOptions {
  text: DeskText;
  lang: Language;
  request: StoredRequest;
  definition: unknown;
  audit: AuditEntry[];
  saving: boolean;
  onBack: () => void;
  onDownload: (attachment: Attachment) => void;
  onChangeStatus: (values: StatusChangeValues) => void;
}

function formatSize(bytes: number, lang: Language): string {
  const units = lang === 'fr' ? ['o', 'Ko', 'Mo'] : ['B', 'KB', 'MB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

function renderAnswers(options: RequestViewOptions): TemplateResult {
  const { request, definition, text } = options;
  return html`<section class="answers" part="answers" aria-labelledby="answers-title">
    <h3 id="answers-title">${text.answersTitle}</h3>
    ${answerGroups((request.data ?? {}) as Record<string, unknown>, definition, request.attachments ?? [], text).map(
      (group) => html`${group.title ? html`<h4 class="summary__step">${group.title}</h4>` : nothing}
        <dl class="summary__list">
          ${group.rows.map(
            (row) => html`<div class="summary__row">
              <dt class="summary__key">${row.question}</dt>
              <dd class=${row.long ? 'summary__value summary__value--text' : 'summary__value'}>${row.answer}</dd>
            </div>`,
          )}
        </dl>`,
    )}
  </section>`;
}

function renderAttachments(options: RequestViewOptions): TemplateResult {
  const { text } = options;
  const attachments = options.request.attachments ?? [];
  return html`<section class="attachments" part="attachments" aria-labelledby="attachments-title">
    <h3 id="attachments-title">${text.attachmentsTitle}</h3>
    ${attachments.length === 0 ? html`<p>${text.noAttachment}</p>` : renderFiles(attachments, options)}
  </section>`;
}

function renderFiles(files: readonly Attachment[], options: RequestViewOptions): TemplateResult {
  const { text, lang } = options;
  return html`<ul class="attachments__list">
    ${files.map(
      (attachment) => html`<li>
        <button class="link" type="button" @click=${() => options.onDownload(attachment)}>
          ${text.download(attachment.name)}
        </button>
        <span class="muted">(${attachment.type}, ${formatSize(attachment.size, lang)})</span>
      </li>`,
    )}
  </ul>`;
}

/** What the citizen answered from the tracker while the request waited for them, oldest first. */
function renderReplies(options: RequestViewOptions): TemplateResult {
  const { text, lang } = options;
  const replies = options.request.replies ?? [];
  return html`<section class="replies" part="replies" aria-labelledby="replies-title">
    <h3 id="replies-title">${text.repliesTitle}</h3>
    ${
      replies.length === 0
        ? html`<p>${text.noReply}</p>`
        : html`<ol class="replies__list">
          ${replies.map(
            (reply) => html`<li class="reply" part="reply">
              <p class="reply__title"><strong>${text.replyOf(shortDate(reply.at, lang))}</strong></p>
              ${reply.message ? html`<p class="note">${reply.message}</p>` : nothing}
              ${reply.attachments.length ? renderFiles(reply.attachments, options) : nothing}
            </li>`,
          )}
        </ol>`
    }
  </section>`;
}

function notificationState(item: Notification, options: RequestViewOptions): string {
  const { text, lang } = options;
  const states = text.notificationStates;
  if (item.state === 'sent') return states.sent(shortDate(item.doneAt ?? item.lastAttemptAt ?? item.createdAt, lang));
  if (item.state === 'failed')
    return states.failed(shortDate(item.doneAt ?? item.lastAttemptAt ?? item.createdAt, lang));
  return states.pending(item.attempts, shortDate(item.nextAttemptAt, lang));
}

/** The mails to the citizen and the deliveries to the back office, with their state: what agents answer "did they get it?" with. */
function renderNotifications(options: RequestViewOptions): TemplateResult {
  const { text } = options;
  const items = options.request.notifications ?? [];
  return html`<section class="notifications" part="notifications" aria-labelledby="notifications-title">
    <h3 id="notifications-title">${text.notificationsTitle}</h3>
    ${
      items.length === 0
        ? html`<p>${text.noNotification}</p>`
        : html`<ul class="notifications__list">
          ${items.map(
            (item) => html`<li class="notification notification--${item.state}" part="notification">
              <p>
                <strong>${item.channel === 'mail' ? text.mailTo(item.recipient ?? '') : text.webhook}</strong>
                ${item.subject ? html`— ${item.subject}` : nothing}
              </p>
              <p class="muted">${notificationState(item, options)}</p>
              ${item.lastError && item.state !== 'sent' ? html`<p class="muted">${text.lastError(item.lastError)}</p>` : nothing}
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}

function renderHistory(options: RequestViewOptions): TemplateResult {
  const { request, text, lang, audit } = options;
  // A change and its audit entry share their instant and phase.
  const agentOf = (at: string, phase: Phase) =>
    audit.find((entry) => entry.action === 'status.changed' && entry.at === at && entry.detail?.phase === phase)?.actor
      .name;
  return html`<section class="history" part="history" aria-labelledby="history-title">
    <h3 id="history-title">${text.historyTitle}</h3>
    <ol class="timeline">
      ${[...request.status.history].reverse().map((entry) => {
        const who = agentOf(entry.at, entry.phase);
        return html`<li class="timeline__entry" part="history-entry">
          <p class="timeline__label"><strong>${entry.label}</strong> (${text.phases[entry.phase]})</p>
          <p class="muted">${shortDate(entry.at, lang)}${who ? html` — ${text.by(who)}` : nothing}</p>
          ${entry.note ? html`<p class="note">${entry.note}</p>` : nothing}
        </li>`;
      })}
    </ol>
  </section>`;
}

function renderStatusForm(options: RequestViewOptions): TemplateResult {
  const { text, request } = options;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const values = new FormData(event.currentTarget as HTMLFormElement);
    const label = String(values.get('label') ?? '').trim();
    const note = String(values.get('note') ?? '').trim();
    options.onChangeStatus({
      phase: String(values.get('phase')) as Phase,
      ...(label ? { label } : {}),
      ...(note ? { note } : {}),
    });
  };
  return html`<form class="status-form" part="status-form" aria-labelledby="change-title" @submit=${submit}>
    <h3 id="change-title">${text.changeTitle}</h3>
    <fieldset class="field">
      <legend class="legend">${text.phaseLabel}</legend>
      ${PHASES.map(
        (phase) => html`<div class="choice">
          <input
            type="radio"
            id="phase-${phase}"
            name="phase"
            value=${phase}
            ?checked=${phase === request.status.phase}
          />
          <label for="phase-${phase}">${text.phases[phase]}</label>
        </div>`,
      )}
    </fieldset>
    <div class="field">
      <label class="label" for="status-label">${text.labelLabel}</label>
      <p class="hint" id="status-label-hint">${text.labelHint}</p>
      <input class="input" id="status-label" name="label" maxlength="200" aria-describedby="status-label-hint" />
    </div>
    <div class="field">
      <label class="label" for="status-note">${text.noteLabel}</label>
      <p class="hint" id="status-note-hint">${text.noteHint}</p>
      <textarea class="input" id="status-note" name="note" rows="4" maxlength="4000" aria-describedby="status-note-hint"></textarea>
    </div>
    <button class="primary" type="submit" ?disabled=${options.saving}>${text.save}</button>
  </form>`;
}

export function renderRequest(options: RequestViewOptions): TemplateResult {
  const { request, text, lang } = options;
  return html`<article class="request" part="request" aria-labelledby="request-title">
    <p><button class="link" type="button" @click=${options.onBack}>${text.back}</button></p>
    <h2 class="title" id="request-title" tabindex="-1">${text.requestTitle(request.reference)}</h2>
    <p class="muted">
      ${request.status.formTitle} — ${text.receivedOn(shortDate(request.createdAt, lang), text.channels[request.channel])}
    </p>
    <p class="current" part="current-phase" tabindex="-1">
      ${text.current} <strong>${request.status.label}</strong>
      <span class="phase phase--${request.status.phase}">${text.phases[request.status.phase]}</span>
    </p>
    <div class="request__columns">
      <div>${renderAnswers(options)} ${renderAttachments(options)} ${renderReplies(options)}</div>
      <div>${renderStatusForm(options)} ${renderHistory(options)} ${renderNotifications(options)}</div>
    </div>
  </article>`;
}
