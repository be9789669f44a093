import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { localize, type FormModel, type Language } from '@guichet/core';
import { renderContact } from '../shared/contact-block.js';
import { shiftHeadings } from '../shared/heading-levels.js';
import { checksChunkNow, loadChecksChunk, loadLazyChunk } from '../shared/lazy-chunk.js';
import { LazySubmission } from '../submission/lazy-submission.js';
import { formStyles } from './guichet-form.styles.js';
import { formText, type FormText } from './messages.js';
import type { Answers } from './answers.js';
import { defaultRegistry, type FieldRegistry } from './fields/index.js';
import { renderConvention, renderLoading, renderProblems } from './notices.js';
import { StepsController } from './steps-controller.js';
import { AnswerInput } from './answer-input.js';
import { StartOver } from './start-over.js';
import { createFormParts, type FormParts } from './form-parts.js';
import { adapterSettings } from './adapter-attributes.js';
import { languageFollower, loadWhatChanged } from './definition-inputs.js';
import { SendAction } from './send-action.js';
import { formClicks } from './form-clicks.js';
import { renderStep, renderSummary } from './step-view.js';
import { afterFirstPaint } from './idle.js';
import { StepPage } from './step-page.js';

/**
 * An online procedure (téléservice) described by a form definition: one step at a time, with
 * errors a citizen can act on, a summary to check, drafts kept on the device and a way to reach a
 * person at every step.
 *
 * @summary An accessible, schema-driven e-service form.
 *
 * @attr lang - `fr` (default) or `en`; without it, the closest `lang` in the page, else French.
 * @attr service - `open311`: the service code. Without `src` or `definition`, the form is built from the
 *   server's service definition (`GET {endpoint}/services/{service}.json`).
 * @attr api-key - `open311`: sent as `api_key` with each request (the server's key for this site).
 * @attr jurisdiction - `open311`: sent as `jurisdiction_id`, for a server that serves several.
 * @attr multi-value - `open311`: how a multivaluelist answer is sent: `brackets` (default, the spec's
 *   `attribute[code][]=a&attribute[code][]=b`) or `repeat` (`attribute[code]=a&attribute[code]=b`, as
 *   servers built on Open311::Endpoint read it).
 * @attr heading-level - The level of the form's title (2 by default: 3 when the page's own heading
 *   above it is an h2); the step, summary and receipt headings follow.
 * @attr hide-title - The page's own heading already names the procedure: the form's title is hidden
 *   from sight (screen readers still hear it as the form's heading, above its steps).
 * @attr tracker-url - The page of the site that holds `<guichet-tracker from-url>`: the receipt links
 *   to it with the request's reference (never its tracking code, which the tracker asks for).
 * @attr draft-days - How many days a draft is kept on the device (7 by default); older ones are
 *   deleted, not offered. A draft is deleted as soon as its request is sent. `draft="none"` keeps none
 *   (public computers, kiosks).
 * @attr update-title - The page's title follows the step, GOV.UK style ("Adresse – Signaler un problème", "Erreur : …"
 *   while the step shows errors, the receipt's title once sent); the page's own comes back when the element is removed.
 * @attr history - Each step is a history entry (same URL): the browser's Back button goes to the previous step.
 *
 * @event guichet-submit - Before sending; cancelable; `detail.data` holds the cleaned answers (a file field holds the key of its file in `chosenFiles`).
 * @event guichet-submitted - The endpoint acknowledged the request (`detail.reference`, `detail.trackingCode`).
 * @event guichet-step - A step is shown (`detail.step` from 1, `count`, `title`; `summary` for "Vérifiez vos réponses").
 * @event guichet-error - Something went wrong that the citizen is told about (`detail.kind`: definition, network, server,
 *   validation, configuration). For `configuration` (and `network` with `detail.code` `unconfirmed`), `detail.message`
 *   tells the web team what happened and what to change; it is also written to the console.
 *
 * @csspart base - The element's whole content.
 * @csspart title - The form's title.
 * @csspart convention - "Toutes les questions sont obligatoires, sauf…", above the questions.
 * @csspart form - The `<form>` of the current step or of the summary.
 * @csspart step - The current step.
 * @csspart progress - "Étape 2 sur 4".
 * @csspart field - One field (label, hint, error and control).
 * @csspart label - A field's label or legend.
 * @csspart legend - A fieldset's legend.
 * @csspart fieldset - A group of controls (radios, checkboxes, nested object, repeatable group).
 * @csspart group - A repeatable group.
 * @csspart group-item - One item of a repeatable group.
 * @csspart hint - A field's hint.
 * @csspart help - A field's longer help, shown on demand.
 * @csspart error - A field's inline error.
 * @csspart input - A native control.
 * @csspart count - A textarea's character count.
 * @csspart file - The chosen file of a file field.
 * @csspart error-summary - The list of problems after a failed attempt.
 * @csspart uncheckable - Above Continue or Send, when the answers could not be checked (the checking rules did not download).
 * @csspart summary - "Vérifiez vos réponses".
 * @csspart button - Every button.
 * @csspart button-primary - Continue and Send.
 * @csspart notice - The draft notice and the clear-answers confirmation.
 * @csspart contact - "Besoin d'aide ?".
 * @csspart loading - The loading message.
 * @csspart definition-error - The box shown when the definition cannot be used (with a "Réessayer" button when the connection, not the definition, is at fault).
 * @csspart submission-status - Sending, upload progress, or why the request is waiting (above Send).
 * @csspart receipt - The receipt once the request is sent: reference, tracking code, what happens next.
 *
 * @cssproperty --guichet-color-text - Text colour.
 * @cssproperty --guichet-color-muted - Hints and secondary text.
 * @cssproperty --guichet-color-background - Background.
 * @cssproperty --guichet-color-surface - Background of notices, the contact block and the summary.
 * @cssproperty --guichet-color-border - Borders of controls.
 * @cssproperty --guichet-color-primary - Buttons, links, progress.
 * @cssproperty --guichet-color-primary-text - Text on primary buttons.
 * @cssproperty --guichet-color-error - Errors.
 * @cssproperty --guichet-color-success - Confirmations.
 * @cssproperty --guichet-color-warning - Warnings.
 * @cssproperty --guichet-color-focus - Focus ring colour.
 * @cssproperty --guichet-font-family - Font.
 * @cssproperty --guichet-font-size - Base font size.
 * @cssproperty --guichet-line-height - Line height.
 * @cssproperty --guichet-space - Base spacing unit.
 * @cssproperty --guichet-radius - Corner radius.
 * @cssproperty --guichet-focus-ring - Focus outline.
 * @cssproperty --guichet-max-width - Largest width of the element.
 */
export class GuichetForm extends LitElement {
  static override styles = formStyles;

  /**
   * The field renderers, ranked as in JSON Forms: register one with a rank above 1 to replace a
   * built-in renderer for the fields its tester picks (before the forms that use it render), and
   * `unregister` it to give those fields back to the built-in one.
   */
  static readonly renderers: FieldRegistry = defaultRegistry();

  // Declared as data rather than with decorators: the decorators' runtime and their call sites
  // weigh about half a kilobyte gzip in the CDN bundle, for the same accessors.
  static override properties: PropertyDeclarations = {
    src: {},
    endpoint: {},
    adapter: {},
    channel: {},
    draft: {},
    service: {},
    apiKey: { attribute: 'api-key' },
    jurisdiction: {},
    multiValue: { attribute: 'multi-value' },
    draftDays: { type: Number, attribute: 'draft-days' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    hideTitle: { type: Boolean, attribute: 'hide-title' },
    trackerUrl: { attribute: 'tracker-url' },
    updateTitle: { type: Boolean, attribute: 'update-title' },
    history: { type: Boolean },
    definition: { attribute: false },
    data: { attribute: false },
  };

  /** URL of the form definition (JSON). Ignored when `definition` is set. */
  declare src?: string;
  /** Base URL of the endpoint that receives the requests. */
  declare endpoint?: string;
  /** How requests are sent: `guichet` (default) or `open311`. */
  adapter = 'guichet';
  /** How the request came in: `web` (default), `counter`, `phone`, `mail`. */
  channel: string = 'web';
  /** `local` (default): answers saved on this device as the citizen goes; `none`: nothing stored. */
  draft: string = 'local';
  /** `open311`: the service code; without `src`, the form is built from the server's service definition. */
  declare service?: string;
  /** `open311`: the server's API key for this site, sent as `api_key` with each request. */
  declare apiKey?: string;
  /** `open311`: the `jurisdiction_id` of a server that serves several. */
  declare jurisdiction?: string;
  /** `open311`: `brackets` (default) or `repeat`, how a multivaluelist answer is sent. */
  declare multiValue?: string;
  /** Days a draft is kept on the device (7 by default). */
  declare draftDays?: number;
  /** The level of the form's title (2 by default). */
  declare headingLevel?: number;
  /** Hides the form's title from sight, when the page's heading already says it. */
  hideTitle = false;
  /** The page holding the tracker: the receipt links to it with `?reference=…`. */
  declare trackerUrl?: string;
  /** The page's title follows the step (GOV.UK style). */
  updateTitle = false;
  /** The browser's Back button goes to the previous step. */
  history = false;
  /** The form definition as an object (instead of `src`). */
  declare definition?: unknown;
  /** Answers to start with ("Dites-le-nous une fois"). */
  declare data?: Record<string, unknown>;

  private readonly submission = new LazySubmission(this);
  private readonly parts: FormParts = createFormParts(this, {
    renderers: GuichetForm.renderers,
    ready: (model) => this.start(model),
    draftsEnabled: () => this.draft === 'local',
    draftDays: () => this.draftDays,
    step: () => this.steps.index,
  });
  private readonly steps = new StepsController(this, this.parts);
  private readonly input = new AnswerInput(this, this.parts);
  private readonly startOver = new StartOver(this, { ...this.parts, steps: this.steps, prefill: () => this.data });
  private readonly sending = new SendAction(this, this.parts, this.steps, this.submission);
  private readonly onClick = formClicks(this.input, this.steps);
  private readonly followLanguage = languageFollower(this.parts);

  /** The answers as they stand (a copy). */
  get answersSnapshot(): Answers {
    return this.parts.answers.snapshot();
  }

  /** Files the citizen chose, keyed by the value their field holds in the answers. */
  get chosenFiles(): ReadonlyMap<string, File> {
    return this.parts.answers.files;
  }

  private get text(): FormText {
    return formText(this.parts.lang());
  }

  constructor() {
    super();
    // Sent, whether now or by a submission a closed tab left pending: the draft has done its job.
    this.addEventListener('guichet-submitted', () => this.parts.drafts.forget());
    new StepPage(this, this.parts, this.steps, () => this.submission.phase === 'sent');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A form on the page will need the loader: its download starts now, beside the definition's.
    loadLazyChunk().catch(() => undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    loadWhatChanged(this, this.parts, changed);
    this.followLanguage();
  }

  protected override updated(): void {
    shiftHeadings(this.renderRoot, this.headingLevel);
  }

  /**
   * A definition handed over as a property is drawn by the time `updateComplete` resolves, as it
   * was before the loader moved to a chunk of its own: the wait for that chunk counts as the update.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.parts.definition.arriving) {
      await this.parts.definition.arriving.catch(() => undefined);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  private start(model: FormModel): void {
    this.startOver.begin();
    this.parts.drafts.look();
    // A submission this browser kept for the form is looked for once the first step is painted:
    // the first read of localStorage can cost a phone a few tens of milliseconds.
    void afterFirstPaint().then(() => {
      if (this.parts.definition.model !== model) return;
      if (this.endpoint)
        void this.submission.resumePending(model, this.endpoint, this.adapter || 'guichet', adapterSettings(this));
      // The code that sends downloads now, not on Send: a connection lost by then loses nothing.
      this.submission.prefetch();
    });
  }

  protected override render(): TemplateResult {
    const lang = this.parts.lang();
    const { definition } = this.parts;
    const { status, model, problems } = definition;
    if (status === 'broken') return renderProblems(problems, lang, this.text, definition.retry);
    if (status !== 'ready' || !model) return renderLoading(lang, this.text);
    if (this.submission.phase === 'sent') {
      // The receipt holds the one contact block.
      const { trackerUrl, headingLevel } = this;
      return html`<div class="root" part="base" lang=${lang}>${this.submission.renderReceipt(lang, { trackerUrl, headingLevel })}</div>`;
    }
    const description = localize(model.description, lang);
    return html`<div class="root" part="base" lang=${lang}>
      <h2 class="title ${this.hideTitle ? 'visually-hidden' : ''}" part="title" id="guichet-title" tabindex="-1">${localize(model.title, lang)}</h2>
      ${description ? html`<p class="description">${description}</p>` : nothing}
      ${renderConvention(definition.index?.asksRequired ?? false, this.text)}
      ${this.startOver.renderOffer()}
      ${this.renderForm(model, lang)}
      ${this.startOver.renderClear()}
      ${renderContact(model.contact, lang, 'guichet-contact-title', 3)}
      <div class="visually-hidden" id="guichet-live" aria-live="polite"></div>
    </div>`;
  }

  /** The current step, or the answers summary, as a `<form>`. */
  private renderForm(model: FormModel, lang: Language): unknown {
    const { definition, errors, fields } = this.parts;
    const { text } = this;
    const summaryErrors = errors.summary;
    if (this.steps.onSummary) {
      // A resumed draft or the browser's Back may open the summary before the checks chunk that
      // draws it arrived (a served form paints its first step without it).
      if (!checksChunkNow())
        loadChecksChunk().then(
          () => this.requestUpdate(),
          () => undefined,
        );
      const status = this.submission.renderStatus(lang);
      const on = { submit: this.sending.onSend, click: this.onClick };
      return keyed(
        'summary',
        renderSummary({ model, lang, text, summaryErrors, fields, uncheckable: this.steps.uncheckable, status, on }),
      );
    }
    const { index, onContinue } = this.steps;
    const { onInput, onChange, onFocusOut } = this.input;
    const stepFields = definition.index?.stepFields(index) ?? [];
    const on = {
      submit: onContinue,
      input: onInput,
      change: onChange,
      focusin: definition.onFocusIn,
      focusout: onFocusOut,
      click: this.onClick,
    };
    return keyed(
      index,
      renderStep({
        model,
        lang,
        text,
        summaryErrors,
        fields,
        uncheckable: this.steps.uncheckable,
        index,
        stepFields,
        on,
      }),
    );
  }
}
