import { html, nothing, type TemplateResult } from 'lit';
import { localize, type ContactBlock, type Language } from '@guichet/core';
import { sharedText } from './messages.js';

/** The block's heading at the level of where it sits (RGAA 9.1: never an h2 under an h3). */
function heading(level: 2 | 3 | 4, id: string, text: string): TemplateResult {
  if (level === 4) return html`<h4 id=${id} class="contact__title">${text}</h4>`;
  if (level === 3) return html`<h3 id=${id} class="contact__title">${text}</h3>`;
  return html`<h2 id=${id} class="contact__title">${text}</h2>`;
}

/**
 * "Besoin d'aide ?": how to reach a person, on every step and every status, because not everyone
 * can or wants to finish online. Everything is rendered as text.
 */
export function renderContact(
  contact: ContactBlock | undefined,
  lang: Language,
  headingId: string,
  level: 2 | 3 | 4 = 2,
): TemplateResult | typeof nothing {
  if (!contact) return nothing;
  const t = sharedText(lang);
  const name = localize(contact.name, lang);
  const address = localize(contact.address, lang);
  const hours = localize(contact.openingHours, lang);
  return html`<section class="contact" part="contact" aria-labelledby=${headingId}>
    ${heading(level, headingId, t.needHelp)}
    ${name ? html`<p class="contact__name">${name}</p>` : nothing}
    <dl class="contact__list">
      ${
        contact.phone
          ? html`<dt>${t.phone}</dt>
            <dd><a href=${`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>${contact.phone}</a></dd>`
          : nothing
      }
      ${
        contact.email
          ? html`<dt>${t.email}</dt>
            <dd><a href=${`mailto:${contact.email}`}>${breakable(contact.email)}</a></dd>`
          : nothing
      }
      ${
        address
          ? html`<dt>${t.address}</dt>
            <dd>${address}</dd>`
          : nothing
      }
      ${
        hours
          ? html`<dt>${t.openingHours}</dt>
            <dd>${hours}</dd>`
          : nothing
      }
      ${
        contact.url && /^https?:\/\//i.test(contact.url)
          ? html`<dt>${t.website}</dt>
            <dd><a href=${contact.url}>${breakable(contact.url)}</a></dd>`
          : nothing
      }
    </dl>
  </section>`;
}

/**
 * An e-mail address or a web address, allowed to wrap where a reader expects it (after "@" and
 * "/", before a dot) on a narrow screen, instead of mid-word ("montfleury.exampl/e").
 */
function breakable(address: string): TemplateResult[] {
  return address.split(/(?<=[@/])|(?=\.)/).map((part, index) => (index ? html`<wbr>${part}` : html`${part}`));
}
