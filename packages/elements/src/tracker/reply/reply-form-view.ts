import { html, nothing, type TemplateResult } from 'lit';
import type { Language } from '@guichet/core';
import { renderErrorSummary } from '../../shared/error-summary.js';
import { sharedText } from '../../shared/messages.js';
import { formatSize } from '../../shared/intl.js';
import { FILES_ID, MESSAGE_ID, REPLY_LIMITS, type ReplyController } from './reply-controller.js';
import { replyText } from './reply-text.js';

export interface ReplyFormActions {
  onSend: () => void;
  /** A link of the error summary: focus the control it names. */
  onGoTo: (id: string) => void;
  /** The request moved on: look it up again. */
  onSeeStatus: () => void;
}

/**
 * The reply form inside the "we need something from you" box: a message, documents, one button.
 * Errors follow the form's pattern (a summary that takes focus, each linked to its control, and
 * the message above the control); the sending state is said in a polite live region that is always
 * there, so a reader hears "Envoi…", the retry countdown and the confirmation once each.
 */
export function renderReplyForm(
  reply: ReplyController,
  lang: Language,
  headingId: string,
  actions: ReplyFormActions,
): TemplateResult {
  const t = replyText(lang);
  const messageError = reply.errors.find((error) => error.pointer === MESSAGE_ID)?.message;
  const fileError = reply.fileErrors.join('. ');
  const state = reply.state;
  const errorPrefix = `${sharedText(lang).errorPrefix} `;
  const errorLine = (id: string, message: string) =>
    html`<p class="error" part="error" id=${id}><span class="visually-hidden">${errorPrefix}</span>${message}</p>`;
  const kept = reply.keptUploads;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    actions.onSend();
  };
  const onClick = (event: Event) => {
    const link = event
      .composedPath()
      .find((node): node is HTMLElement => (node as HTMLElement).dataset?.action === 'go-to-error');
    if (!link) return;
    event.preventDefault();
    actions.onGoTo(link.dataset.pointer ?? '');
  };
  return html`<section class="reply" part="reply" aria-labelledby=${headingId} @click=${onClick}>
    <h4 id=${headingId} class="reply__title">${t.title}</h4>
    ${
      state.kind === 'sent'
        ? html`<p class="reply__sent" part="reply-sent" tabindex="-1">${t.sent} ${t.anotherHint}</p>`
        : html`<p>${t.intro}</p>`
    }
    ${renderErrorSummary(reply.errors, lang, 'reply-errors', (pointer) => pointer)}
    <form class="reply__form" novalidate @submit=${onSubmit}>
      <div class="field ${messageError ? 'field--error' : ''}">
        <label class="label" for=${MESSAGE_ID}>${t.message}</label>
        <p class="hint" id="reply-message-hint">${t.messageHint(REPLY_LIMITS.messageLength)}</p>
        ${messageError ? errorLine('reply-message-error', messageError) : nothing}
        <textarea
          class="input reply__message"
          part="input"
          id=${MESSAGE_ID}
          rows="5"
          .value=${reply.message}
          ?readonly=${reply.busy}
          aria-describedby=${messageError ? 'reply-message-hint reply-message-error' : 'reply-message-hint'}
          aria-invalid=${messageError ? 'true' : nothing}
          @input=${(event: Event) => reply.type((event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="field ${fileError ? 'field--error' : ''}">
        <label class="label" for=${FILES_ID}>${t.files}</label>
        <p class="hint" id="reply-files-hint">${t.filesHint(REPLY_LIMITS.files, formatSize(REPLY_LIMITS.fileSize, lang))}</p>
        ${fileError ? errorLine('reply-files-error', fileError) : nothing}
        <input
          class="input input--file"
          part="input"
          type="file"
          multiple
          id=${FILES_ID}
          accept=${REPLY_LIMITS.accept.join(',')}
          ?disabled=${reply.busy}
          aria-describedby=${fileError ? 'reply-files-hint reply-files-error' : 'reply-files-hint'}
          aria-invalid=${fileError ? 'true' : nothing}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            reply.choose([...(input.files ?? [])], lang);
            // Chosen files are listed below: the input is free for more, and the same file again.
            input.value = '';
          }}
        />
      </div>
      ${
        reply.files.length || kept.length
          ? html`<p class="reply__files-title" id="reply-files-title">${t.chosen}</p>
            <ul class="reply__files" aria-labelledby="reply-files-title">
              ${kept.map(
                (file) => html`<li>
                  <span>${file.name} (${formatSize(file.size, lang)}, ${t.uploaded})</span>
                  <button type="button" class="secondary" ?disabled=${reply.busy} @click=${() => reply.forget(file.id)}>${t.remove(file.name)}</button>
                </li>`,
              )}
              ${reply.files.map(
                (chosen, index) => html`<li>
                  <span>${chosen.file.name} (${formatSize(chosen.file.size, lang)}${chosen.uploaded ? `, ${t.uploaded}` : ''})</span>
                  <button type="button" class="secondary" ?disabled=${reply.busy} @click=${() => reply.remove(index)}>${t.remove(chosen.file.name)}</button>
                </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        state.kind === 'failed'
          ? html`<div class="reply__failed" role="alert">
            <p class="error" part="error">${state.message}</p>
            ${state.stale ? html`<button type="button" class="secondary" @click=${actions.onSeeStatus}>${t.seeStatus}</button>` : nothing}
          </div>`
          : nothing
      }
      ${renderUpload(reply, lang)}
      <p class="reply__progress" role="status" aria-live="polite">${progressText(reply, lang)}</p>
      ${
        /* Seen, not said: the status region says the failure once, not at each new wait. */
        state.kind === 'waiting' && !state.trying
          ? html`<p class="reply__next-try">${t.nextTry(state.seconds)}</p>`
          : nothing
      }
      <p class="reply__buttons">
        <button type="submit" class="primary" part="reply-button">${t.send}</button>
        ${
          state.kind === 'waiting' || (state.kind === 'sending' && reply.retried)
            ? html`<button type="button" class="secondary" aria-disabled=${state.kind === 'waiting' && !state.trying ? 'false' : 'true'} @click=${() => reply.retryNow()}>${t.retryNow}</button>`
            : nothing
        }
      </p>
    </form>
  </section>`;
}

/** Said once per change: "sending", then the failure (once, however many tries follow); never each percent of an upload. */
function progressText(reply: ReplyController, lang: Language): string {
  const t = replyText(lang);
  const state = reply.state;
  if (state.kind === 'waiting') return state.trying ? t.sending : t.waiting;
  return state.kind === 'sending' ? t.sending : '';
}

/** The file being uploaded and how far it is, to see (a progress bar a reader can reach), not announced. */
function renderUpload(reply: ReplyController, lang: Language): TemplateResult | typeof nothing {
  const state = reply.state;
  if (state.kind !== 'sending' || !state.uploading) return nothing;
  const { name, percent } = state.uploading;
  return html`<p class="reply__upload">
    <label for="reply-upload">${replyText(lang).uploading(name, percent)}</label>
    <progress id="reply-upload" max="100" .value=${percent}></progress>
  </p>`;
}
