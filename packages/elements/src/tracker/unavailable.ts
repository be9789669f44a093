import { html, type TemplateResult } from 'lit';
import type { Language } from '@guichet/core';
import { GuichetErrorEvent } from '../events.js';

/**
 * What a tracker says when the code that tracks (a chunk of its own) did not download: the
 * connection dropped between guichet.js and it. These few words stay in guichet.js; every other
 * text of the tracker comes with the chunk.
 */
const texts = {
  fr: {
    title: 'Connexion impossible',
    message: 'Le suivi de votre demande n’a pas pu se charger. Vérifiez votre connexion internet, puis réessayez.',
    retry: 'Réessayer',
  },
  en: {
    title: 'Cannot connect',
    message: 'Tracking your request could not load. Check your internet connection, then try again.',
    retry: 'Try again',
  },
} satisfies Record<Language, Record<string, string>>;

/** The same box as a look-up's network problem (problem.ts), with its retry button. */
export function renderUnavailable(lang: Language, onRetry: () => void): TemplateResult {
  const t = texts[lang];
  return html`<div class="tracker" lang=${lang}>
    <div class="problem problem--network" part="error" tabindex="-1">
      <div role="alert">
        <h2 class="problem__title">${t.title}</h2>
        <p class="problem__message">${t.message}</p>
      </div>
      <button class="secondary" part="retry-button" type="button" @click=${onRetry}>${t.retry}</button>
    </div>
  </div>`;
}

export function unavailableEvent(lang: Language): GuichetErrorEvent {
  return new GuichetErrorEvent({ kind: 'network', message: texts[lang].message });
}
