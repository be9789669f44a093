import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Language } from '@guichet/core';
import { sharedText } from '../shared/messages.js';
import { renderErrorSummary } from '../shared/error-summary.js';
import { trackerText, type TrackerText } from './messages.js';

export interface LookupValues {
  reference: string;
  trackingCode: string;
}

type FieldName = 'reference' | 'code';
type Problem = 'referenceMissing' | 'codeMissing';

interface FieldSpec {
  name: FieldName;
  label: 'referenceLabel' | 'codeLabel';
  hint: 'referenceHint' | 'codeHint';
  /** In the formats the reference endpoint issues, so the example looks like the real thing. */
  example: string;
  /** A back office without tracking codes numbers its requests (Open311's ids). */
  numberExample: string;
}

const fields: readonly FieldSpec[] = [
  {
    name: 'reference',
    label: 'referenceLabel',
    hint: 'referenceHint',
    example: 'VOI-2026-000123',
    numberExample: '638344',
  },
  { name: 'code', label: 'codeLabel', hint: 'codeHint', example: 'H4KQ7-MXP2D', numberExample: '' },
];

/**
 * The look-up form ("numéro de demande" + "code de suivi"), with the error pattern of the forms:
 * nothing is flagged until a submit attempt; then an error summary takes focus (no role=alert: the
 * focus has it read once, whole) and links to each field, and each field carries `aria-invalid` and a described-by list "hint, then error".
 */
export class LookupController implements ReactiveController {
  values: Record<FieldName, string> = { reference: '', code: '' };
  private problems = new Map<FieldName, Problem>();
  private focusSummary = false;
  private needsCode = true;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly onLookup: (values: LookupValues) => void,
  ) {
    host.addController(this);
  }

  /** Prefills the fields (from attributes or the URL) so a citizen only corrects what is wrong. */
  prefill(values: Partial<LookupValues>): void {
    if (values.reference !== undefined) this.values.reference = values.reference;
    if (values.trackingCode !== undefined) this.values.code = values.trackingCode;
  }

  hostUpdated(): void {
    if (!this.focusSummary) return;
    this.focusSummary = false;
    this.host.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  /** `needsCode` is false for back offices without tracking codes (Open311): the reference alone is asked. */
  render(lang: Language, headingId: string, needsCode = true): TemplateResult {
    this.needsCode = needsCode;
    const t = trackerText(lang);
    return html`<form class="lookup" part="lookup" novalidate aria-labelledby=${headingId} @submit=${this.submit} @click=${this.click}>
      <h2 id=${headingId} class="lookup__title">${t.lookupTitle}</h2>
      ${renderErrorSummary(
        [...this.problems].map(([name, problem]) => ({ pointer: name, message: t[problem] })),
        lang,
        `${headingId}-errors`,
        (name) => name,
      )}
      <p class="lookup__intro">${needsCode ? t.lookupIntro : t.lookupIntroNumber}</p>
      ${fields.filter((field) => needsCode || field.name !== 'code').map((field) => this.renderField(field, t, lang))}
      <button class="primary" type="submit">${t.lookupSubmit}</button>
    </form>`;
  }

  private renderField(field: FieldSpec, t: TrackerText, lang: Language): TemplateResult {
    const problem = this.problems.get(field.name);
    const hintId = `${field.name}__hint`;
    const errorId = `${field.name}__error`;
    return html`<div class="field ${problem ? 'field--error' : ''}">
      <label class="label" for=${field.name}>${t[field.label]}</label>
      <p class="hint" id=${hintId}>${`${t[field.hint]} ${t.forExample} `}<span class="field__example">${this.needsCode ? field.example : field.numberExample}</span></p>
      ${
        problem
          ? html`<p class="error" id=${errorId}>
            <span class="visually-hidden">${sharedText(lang).errorPrefix}</span> ${t[problem]}
          </p>`
          : nothing
      }
      <input
        class="input"
        part="input"
        id=${field.name}
        name=${field.name}
        type="text"
        spellcheck="false"
        autocapitalize=${field.name === 'code' ? 'characters' : 'off'}
        autocomplete=${field.name === 'code' ? 'off' : 'on'}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? `${hintId} ${errorId}` : hintId}
        .value=${live(this.values[field.name])}
        @input=${(event: Event) => {
          this.values[field.name] = (event.target as HTMLInputElement).value;
        }}
      />
    </div>`;
  }

  private submit = (event: Event): void => {
    event.preventDefault();
    const reference = this.values.reference.trim();
    const trackingCode = this.values.code.trim();
    this.problems = new Map();
    if (!reference) this.problems.set('reference', 'referenceMissing');
    if (!trackingCode && this.needsCode) this.problems.set('code', 'codeMissing');
    if (this.problems.size > 0) {
      this.focusSummary = true;
      this.host.requestUpdate();
      return;
    }
    this.host.requestUpdate();
    this.onLookup({ reference, trackingCode });
  };

  /** Like GOV.UK: a summary link brings the label into view too (not just the input), then focuses the input. */
  private click = (event: Event): void => {
    const link = (event.target as Element).closest<HTMLElement>('[data-action="go-to-error"]');
    if (!link) return;
    event.preventDefault();
    const name = link.dataset.pointer;
    const root = this.host.renderRoot;
    root.querySelector(`label[for="${name}"]`)?.scrollIntoView();
    root.querySelector<HTMLInputElement>(`#${name}`)?.focus({ preventScroll: true });
  };
}
