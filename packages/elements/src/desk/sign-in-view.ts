/** The sign-in form: an agent's token, with the reason the agent is here (signed out, session expired). */
import { html, nothing, type TemplateResult } from 'lit';
import type { DeskText } from './messages.js';
import { sharedText } from '../shared/messages.js';
import type { Language } from '@guichet/core';

export interface SignInViewOptions {
  text: DeskText;
  lang: Language;
  notice: 'signed-out' | 'session-expired' | 'token-refused' | undefined;
  tokenError: boolean;
  /** The OpenID Connect sign-in's address, when the endpoint offers one. */
  signInUrl: string;
  onSignIn: (token: string) => void;
}

export function renderSignIn({
  text,
  lang,
  notice,
  tokenError,
  signInUrl,
  onSignIn,
}: SignInViewOptions): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const token = String(new FormData(event.currentTarget as HTMLFormElement).get('token') ?? '').trim();
    onSignIn(token);
  };
  const error = notice === 'token-refused' ? text.tokenRefused : tokenError ? text.tokenMissing : undefined;
  const noticeText =
    notice === 'session-expired' ? text.sessionExpired : notice === 'signed-out' ? text.signedOut : undefined;
  return html`<section class="sign-in" part="sign-in" aria-labelledby="sign-in-title">
    <h2 class="title" id="sign-in-title" tabindex="-1">${text.signInTitle}</h2>
    ${noticeText ? html`<p class="notice" role="status">${noticeText}</p>` : nothing}
    ${
      signInUrl
        ? html`<p><a class="provider" part="provider-link" href=${signInUrl}>${text.signInWithProvider}</a></p>
          <p class="muted">${text.or}</p>`
        : nothing
    }
    <form novalidate @submit=${submit}>
      <p>${text.signInIntro}</p>
      <div class=${error ? 'field field--error' : 'field'}>
        <label class="label" for="token">${text.tokenLabel}</label>
        <p class="hint" id="token-hint">${text.tokenHint}</p>
        ${error ? html`<p class="error" id="token-error"><span class="visually-hidden">${sharedText(lang).errorPrefix}</span> ${error}</p>` : nothing}
        <input
          class="input"
          id="token"
          name="token"
          type="password"
          autocomplete="off"
          spellcheck="false"
          aria-describedby=${error ? 'token-hint token-error' : 'token-hint'}
          aria-invalid=${error ? 'true' : 'false'}
        />
      </div>
      <button class="primary" type="submit">${text.signIn}</button>
    </form>
  </section>`;
}
