/**
 * The smallest element that hosts a SubmissionController the way <guichet-form> does: its
 * status above a Send button, then the receipt instead of the form.
 */
import { LitElement, html } from 'lit';
import type { Language, Outbox } from '@guichet/core';
import { SubmissionController } from '../../packages/elements/src/submission/submission-controller.js';
import { submissionStyles } from '../../packages/elements/src/submission/submission.styles.js';
import { themeStyles } from '../../packages/elements/src/shared/theme.styles.js';
import { contactStyles } from '../../packages/elements/src/shared/contact-block.styles.js';

export class TestSubmissionHost extends LitElement {
  static override styles = [themeStyles, contactStyles, submissionStyles];
  static override properties = { language: { attribute: 'lang' } };

  /** The outbox the next host sends through (the default one when unset), for tests that tune its backoff. */
  static nextOutbox?: Outbox;

  language: Language = 'fr';
  readonly submission = new SubmissionController(this, { outbox: TestSubmissionHost.nextOutbox });

  override render() {
    if (this.submission.phase === 'sent') return this.submission.renderReceipt(this.language);
    return html`<h1>Formulaire</h1>
      ${this.submission.renderStatus(this.language)}
      <button type="button" class="primary">${this.language === 'en' ? 'Send' : 'Envoyer'}</button>`;
  }
}

if (!customElements.get('test-submission-host')) customElements.define('test-submission-host', TestSubmissionHost);

declare global {
  interface HTMLElementTagNameMap {
    'test-submission-host': TestSubmissionHost;
  }
}
