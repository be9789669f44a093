import { html, nothing, type TemplateResult } from 'lit';
import type { EndpointError, Language } from '@guichet/core';
import type { SubmissionPhase, UploadProgress } from './types.js';
import { submissionText } from './messages.js';

export interface StatusState {
  readonly phase: SubmissionPhase;
  readonly uploads: readonly UploadProgress[];
  readonly error?: EndpointError;
  readonly uploadAnnouncement: string;
  readonly cancelled: boolean;
  /** Whether the form shows how to reach a person. */
  readonly hasContact: boolean;
  /** The citizen's own try after a failure is under way ("Réessayer" stays, inert). */
  readonly retrying: boolean;
}

/** Why a send failed, in plain words; a server's own message (already in the citizen's language) when it gave one. */
export function failureReason(error: EndpointError, lang: Language): string {
  const t = submissionText(lang);
  switch (error.kind) {
    case 'network':
      // The endpoint refusing the page's origin is the site's to fix, not the citizen's connection.
      return error.details.refusedOrigin ? t.busy : t.offline;
    case 'timeout':
      return t.timeout;
    case 'server':
    case 'rate-limited':
      return t.busy;
    case 'configuration':
      return t.configuration;
    case 'unconfirmed':
      return t.unconfirmed;
    default: {
      const known = error.details.code ? t.refused[error.details.code] : undefined;
      return known ?? error.message;
    }
  }
}

function percentOf(upload: UploadProgress): number {
  return upload.total > 0 ? Math.min(100, Math.floor((upload.sent / upload.total) * 100)) : 0;
}

function renderUpload(
  upload: UploadProgress,
  index: number,
  lang: Language,
  onCancel: (pointer: string) => void,
  busy: boolean,
): TemplateResult {
  const t = submissionText(lang);
  const percent = percentOf(upload);
  const id = `guichet-upload-${index}`;
  return html`<li class="upload">
    <label class="upload__label" for=${id}>${t.uploadOf(upload.name)}</label>
    <span class="upload__bar">
      <progress id=${id} max="100" .value=${percent}>${t.percent(percent)}</progress>
      <span class="upload__percent" aria-hidden="true">${t.percent(percent)}</span>
    </span>
    ${
      busy && percent < 100
        ? html`<button type="button" class="secondary upload__cancel" @click=${() => onCancel(upload.pointer)}>${t.cancelUpload(upload.name)}</button>`
        : nothing
    }
  </li>`;
}

/**
 * The sending state, above the form's buttons. The message sits in a polite live region that is
 * always rendered (a region that appears with its text is often not announced); the region being
 * updated (uploads, sending) carries `aria-busy`.
 */
export function renderSubmissionStatus(
  state: StatusState,
  lang: Language,
  actions: { onRetry: () => void; onCancel: (pointer: string) => void },
): TemplateResult {
  const t = submissionText(lang);
  const busy = state.phase === 'uploading' || state.phase === 'sending';
  let message: TemplateResult | string | typeof nothing = nothing;
  if (state.phase === 'sending') message = t.sending;
  else if (state.phase === 'uploading') message = state.uploadAnnouncement || t.uploading;
  else if (state.phase === 'idle' && state.cancelled) message = t.uploadCancelled;
  else if (state.phase === 'invalid') message = t.invalid;
  else if (state.phase === 'waiting') {
    message = html`<strong class="submission__title">${t.waitingTitle}</strong>
      ${state.error ? html`<span>${failureReason(state.error, lang)}</span>` : nothing}
      <span>${t.kept}</span>`;
  } else if (state.phase === 'refused') {
    message = html`<strong class="submission__title">${state.error?.kind === 'unconfirmed' ? t.unconfirmedTitle : t.refusedTitle}</strong>
      ${state.error ? html`<span>${failureReason(state.error, lang)}</span>` : nothing}
      <span>${state.hasContact ? t.refusedOther : t.refusedNoContact}</span>`;
  }
  // Trying again cannot mend a setting, and could file twice a request whose fate is unknown.
  const retry =
    state.retrying ||
    state.phase === 'waiting' ||
    (state.phase === 'refused' && state.error?.kind !== 'configuration' && state.error?.kind !== 'unconfirmed');
  const tone =
    state.phase === 'waiting' ? 'warning' : state.phase === 'refused' || state.phase === 'invalid' ? 'error' : 'info';
  return html`<div class="submission" part="submission-status">
    <div class="submission__region" aria-busy=${busy ? 'true' : 'false'}>
      ${
        state.uploads.length > 0 && (state.phase === 'uploading' || state.phase === 'waiting')
          ? html`<ul class="uploads">
            ${state.uploads.map((u, i) => renderUpload(u, i, lang, actions.onCancel, state.phase === 'uploading'))}
          </ul>`
          : nothing
      }
    </div>
    <p class="submission__message submission__message--${message === nothing ? 'empty' : tone}" role="status">${message}</p>
    ${
      retry
        ? html`<button type="button" class="secondary submission__retry" aria-disabled=${state.retrying ? 'true' : 'false'} @click=${actions.onRetry}>${t.retry}</button>`
        : nothing
    }
  </div>`;
}
