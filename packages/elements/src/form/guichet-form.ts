import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import {
  localize,
  type Channel,
  type DefinitionProblem,
  type Field,
  type FieldError,
  type FormModel,
  type FormValidator,
  type Language,
  type LocalizedText,
} from '@guichet/core';
import { LanguageController } from '../shared/language-controller.js';
import { detached } from '../shared/detached.js';
import { renderContact } from '../shared/contact-block.js';
import { sharedText } from '../shared/messages.js';
import { GuichetErrorEvent, GuichetSubmitEvent } from '../events.js';
import { formStyles } from './guichet-form.styles.js';
import { fill, formText, plural, type FormText } from './messages.js';
import {
  cloneAnswers,
  getAt,
  joinPointer,
  parentPointer,
  pathOf,
  setAt,
  splitPointer,
  type Answers,
} from './answers.js';
import { errorSummaryId, fieldId } from './ids.js';
import { fieldPart, type FieldHost, type FieldPart } from './field-part.js';
import { defaultRegistry, type FieldContext, type FieldRegistry } from './fields/index.js';
import { addButtonId, itemName } from './fields/group.js';
import { checkFile } from './fields/file.js';
import { characterCount } from './fields/textarea.js';
import { inChunks } from './field-chunks.js';
import { renderErrorSummary, type SummaryError } from '../shared/error-summary.js';
import { renderClearAction, renderDraftOffer, renderLoading, renderProblems } from './notices.js';
import { fetchDefinition, formProblem } from './definition-source.js';
import { withoutFiles } from './draft-data.js';
import { DraftController } from './draft-controller.js';
import { parseAnswer } from './read-control.js';
import { withDefaults } from './defaults.js';
import { LazySubmission } from '../submission/lazy-submission.js';
import { lazyChunkNow, loadLazyChunk } from '../shared/lazy-chunk.js';
import { loadReader, readerNow } from './definition-reader.js';
import { afterFirstPaint, afterIdle } from './idle.js';
import { hasConditions, indexFields } from './field-tree.js';

type Status = 'idle' | 'loading' | 'ready' | 'broken';
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const channels: readonly Channel[] = ['web', 'counter', 'phone', 'mail'];
const countAnnouncementDelay = 1000;

/**
 * An online procedure (téléservice) described by a form definition: one step at a time, with
 * errors a citizen can act on, a summary to check, drafts kept on the device and a way to reach a
 * person at every step.
 *
 * @summary An accessible, schema-driven e-service form.
 *
 * @attr lang - `fr` (default) or `en`; without it, the closest `lang` in the page, else French.
 *
 * @event guichet-submit - Before sending; cancelable; `detail.data` holds the cleaned answers (a file field holds the key of its file in `chosenFiles`).
 * @event guichet-submitted - The endpoint acknowledged the request (`detail.reference`, `detail.trackingCode`).
 * @event guichet-error - Something went wrong that the citizen is told about (`detail.kind`: definition, network, server, validation).
 *
 * @csspart base - The element's whole content.
 * @csspart title - The form's title.
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
 * @csspart summary - "Vérifiez vos réponses".
 * @csspart button - Every button.
 * @csspart button-primary - Continue and Send.
 * @csspart notice - The draft notice and the clear-answers confirmation.
 * @csspart contact - "Besoin d'aide ?".
 * @csspart loading - The loading message.
 * @csspart definition-error - The box shown when the definition cannot be used.
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
export class GuichetForm extends LitElement implements FieldHost {
  static override styles = formStyles;

  /**
   * The field renderers, ranked as in JSON Forms: register one with a rank above 1 to replace a
   * built-in renderer for the fields its tester picks (before the first form renders).
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
    definition: { attribute: false },
    data: { attribute: false },
    status: { state: true },
    model: { state: true },
    problems: { state: true },
    stepIndex: { state: true },
    summaryErrors: { state: true },
    confirmingClear: { state: true },
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
  /** The form definition as an object (instead of `src`). */
  declare definition?: unknown;
  /** Answers to start with ("Dites-le-nous une fois"). */
  declare data?: Record<string, unknown>;

  private status: Status = 'idle';
  declare private model?: FormModel;
  private problems: DefinitionProblem[] = [];
  /** Index of the step shown; `steps.length` is the summary. */
  private stepIndex = 0;
  private summaryErrors: SummaryError[] = [];
  private confirmingClear = false;

  private readonly language = new LanguageController(this);
  private readonly submission = new LazySubmission(this);
  private readonly drafts = new DraftController(this, {
    enabled: () => this.draft === 'local' && !!this.model,
    key: () => (this.model ? { formId: this.model.id, version: this.model.version } : undefined),
    snapshot: () => ({ data: withoutFiles(this.model?.fields ?? [], this.answers), step: this.stepIndex }),
  });
  private validator?: FormValidator;
  private validatorReady?: Promise<FormValidator>;
  /** Starts compiling the validator that waits for the citizen (see load). */
  private compileNow?: () => void;
  private compileScheduled = false;
  private answers: Answers = {};
  /** What was typed in number fields, by pointer (the answers hold the parsed numbers). */
  private readonly typedNumbers = new Map<string, string>();
  /** The chosen files, keyed by the value their field holds in the answers. */
  private readonly files = new Map<string, File>();
  private fileCounter = 0;
  /** Errors shown inline, by pointer: empty until the first failed attempt. */
  private readonly errors = new Map<string, string>();
  private showErrors = false;
  private returnToSummary = false;
  private loadToken = 0;
  /** While the form waits for the definition reader's chunks (see getUpdateComplete). */
  private coreArriving?: Promise<unknown>;
  private countTimer?: ReturnType<typeof setTimeout>;
  private renderedLang?: Language;
  private focusAfterRender?: () => void;

  /**
   * FieldHost: bumped when every field must be drawn again.
   * @internal
   */
  epoch = 0;
  private readonly versions = new Map<string, number>();
  private readonly parts = new Map<string, FieldPart>();
  /** Parts whose field depends on other answers, with what they showed last ("active/required"). */
  private readonly conditional = new Map<string, { field: Field; drawn: string }>();
  private fieldsByPath = new Map<string, Field>();

  /** The answers as they stand (a copy). */
  get answersSnapshot(): Answers {
    return cloneAnswers(this.answers);
  }

  /** Files the citizen chose, keyed by the value their field holds in the answers. */
  get chosenFiles(): ReadonlyMap<string, File> {
    return this.files;
  }

  private get liveRegion(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('#guichet-live');
  }

  private get currentLang(): Language {
    return this.language.value;
  }

  private get text(): FormText {
    return formText(this.currentLang);
  }

  private get channelValue(): Channel {
    return (channels as readonly string[]).includes(this.channel) ? (this.channel as Channel) : 'web';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A form on the page will need the loader: its download starts now, beside the definition's.
    loadLazyChunk().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.countTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('definition') || changed.has('src')) void this.load();
    else if (changed.has('data') && this.model) this.prefill();
    else if (!this.hasUpdated && this.definition === undefined && !this.src) {
      // Frameworks set `definition` right after creating the element, in the same task: only
      // when nothing came by then is the missing definition reported, rather than "loading" forever.
      setTimeout(() => {
        if (this.definition === undefined && !this.src && this.status === 'idle') void this.load();
      });
    }
    if (this.renderedLang !== this.currentLang) {
      this.renderedLang = this.currentLang;
      this.context.lang = this.currentLang;
      this.context.text = formText(this.currentLang);
      this.context.shared = sharedText(this.currentLang);
      this.relocalizeErrors();
      this.epoch++;
    }
  }

  /**
   * A definition handed over as a property is drawn by the time `updateComplete` resolves, as it
   * was before the loader moved to a chunk of its own: the wait for that chunk counts as the update.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.coreArriving) {
      await this.coreArriving.catch(() => undefined);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /** Puts focus on the element matching `selector` once the next render is on screen. */
  private focusLater(selector: string, then?: () => void): void {
    this.focusAfterRender = () => {
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
      then?.();
    };
  }

  protected override updated(): void {
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    focus?.();
  }

  // ── Loading ────────────────────────────────────────────────────────────────────────────────

  private async load(): Promise<void> {
    const token = ++this.loadToken;
    this.status = 'loading';
    this.model = undefined;
    this.validator = undefined;
    this.validatorReady = undefined;
    this.compileNow = undefined;
    this.compileScheduled = false;
    let input: unknown = this.definition;
    let validatorUrl: string | undefined;
    if (input === undefined) {
      if (!this.src) return this.fail([formProblem('no-definition', (t) => t.definitionMissing)]);
      const fetched = await fetchDefinition(this.src, this.ownerDocument.baseURI);
      if (token !== this.loadToken) return;
      if (!fetched.ok) return this.fail([fetched.problem]);
      input = fetched.definition;
      validatorUrl = fetched.validatorUrl;
    }
    // A definition the endpoint served with its precompiled validator was checked against the
    // meta-schema before it was served; any other is checked here, by ajv (loaded lazily).
    let reader = readerNow(!validatorUrl);
    if (!reader) {
      const arriving = loadReader(!validatorUrl);
      this.coreArriving = arriving;
      try {
        reader = await arriving;
      } catch {
        return this.failValidator(token);
      } finally {
        if (this.coreArriving === arriving) this.coreArriving = undefined;
      }
      if (token !== this.loadToken) return;
    }
    const { core, check } = reader;
    const { compileRuntimeValidators, createValidator, loadStandaloneValidators, preloadRuntimeCompiler } = core;
    const result = core.readDefinition(input, check);
    if (!result.ok) return this.fail(result.error.problems);
    const model = result.model;
    const compile = () => (validatorUrl ? loadStandaloneValidators(validatorUrl) : compileRuntimeValidators(model));
    const conditional = hasConditions(model.fields);
    let compiled: Promise<Awaited<ReturnType<typeof compile>>>;
    if (conditional || validatorUrl) {
      // Conditions decide what is shown; a precompiled validator is only a download.
      compiled = compile();
    } else {
      // Compiling with ajv takes about a millisecond per field on a cheap phone, and nothing needs
      // it before the citizen starts answering: it waits for the first focus in the form (or for
      // Continue), while ajv itself downloads once the fields are on screen.
      afterFirstPaint()
        .then(preloadRuntimeCompiler)
        .catch(() => undefined);
      compiled = new Promise<void>((resolve) => (this.compileNow = resolve)).then(compile);
    }
    const ready = compiled.then((validators) => createValidator(model, validators));
    this.validatorReady = ready;
    ready.then(
      (validator) => {
        if (token !== this.loadToken) return;
        this.validator = validator;
        // Conditions could only be evaluated now: draw the fields that depend on them.
        this.updateConditions(true);
        // V8 compiles a validator's code on its first call (~120 ms for 1000 fields here): in a
        // pause of the citizen's, not when they press Continue.
        afterIdle(() => {
          if (token === this.loadToken) validator.validate({}, { lang: this.currentLang });
        });
      },
      () => this.failValidator(token),
    );
    // A form with conditions waits for its validator, which decides what is shown; the others
    // render at once.
    if (conditional) {
      try {
        await ready;
      } catch {
        return;
      }
      if (token !== this.loadToken) return;
    }
    this.start(model);
  }

  private failValidator(token: number): void {
    if (token !== this.loadToken) return;
    this.fail([formProblem('validator', (t) => t.validatorFailed)]);
  }

  private fail(problems: DefinitionProblem[]): void {
    this.status = 'broken';
    this.problems = problems;
    this.model = undefined;
    const lang = this.currentLang;
    this.dispatchEvent(
      new GuichetErrorEvent({
        kind: 'definition',
        message: this.text.definitionErrorTitle,
        problems: problems.map((p) => ({ pointer: p.pointer, code: p.code, message: localize(p.message, lang) })),
      }),
    );
  }

  private start(model: FormModel): void {
    this.model = model;
    this.fieldsByPath = indexFields(model.fields);
    this.answers = withDefaults(model.fields, cloneAnswers(this.data ?? {}));
    this.typedNumbers.clear();
    this.files.clear();
    this.errors.clear();
    this.showErrors = false;
    this.summaryErrors = [];
    this.stepIndex = 0;
    this.returnToSummary = false;
    this.confirmingClear = false;
    this.drafts.look();
    this.epoch++;
    this.status = 'ready';
    if (this.endpoint) void this.submission.resumePending(model, this.endpoint, this.adapter || 'guichet');
  }

  private prefill(): void {
    this.answers = withDefaults(this.model?.fields ?? [], cloneAnswers(this.data ?? {}));
    this.typedNumbers.clear();
    this.epoch++;
    this.requestUpdate();
  }

  // ── FieldHost and FieldContext ─────────────────────────────────────────────────────────────

  /** @internal FieldHost, for the field parts. */
  fieldVersion(pointer: string): number {
    return this.versions.get(pointer) ?? 0;
  }

  /** @internal FieldHost, for the field parts. */
  registerFieldPart(pointer: string, part: FieldPart): void {
    this.parts.set(pointer, part);
  }

  /** @internal FieldHost, for the field parts. */
  unregisterFieldPart(pointer: string, part: FieldPart): void {
    if (this.parts.get(pointer) === part) {
      this.parts.delete(pointer);
      this.conditional.delete(pointer);
    }
  }

  /** @internal FieldHost, for the field parts. */
  renderFieldNow(field: Field, pointer: string): unknown {
    if (field.activeWhen.length > 0 || field.requiredWhen.length > 0) {
      this.conditional.set(pointer, { field, drawn: this.conditionState(field, pointer) });
    }
    if (!this.isActive(field, pointer)) return nothing;
    const renderer = GuichetForm.renderers.pick(field);
    return renderer ? renderer.render(field, pointer, this.context) : nothing;
  }

  /** What field renderers read; its language is kept in step in willUpdate. */
  private readonly context: FieldContext = {
    lang: 'fr',
    text: formText('fr'),
    shared: sharedText('fr'),
    value: (pointer) => getAt(this.answers, pointer),
    typed: (pointer) => this.typedNumbers.get(pointer),
    error: (pointer) => (this.showErrors ? this.errors.get(pointer) : undefined),
    isRequired: (field, pointer) => this.isRequired(field, pointer),
    renderChild: (field, pointer) => fieldPart(this, field, pointer),
    file: (pointer) => {
      const key = getAt(this.answers, pointer);
      return typeof key === 'string' ? this.files.get(key) : undefined;
    },
    t: (text: LocalizedText | undefined) => localize(text, this.currentLang),
  };

  private isActive(field: Field, pointer: string): boolean {
    if (field.activeWhen.length === 0) return true;
    // Without its validator a condition cannot be evaluated; such forms wait for it (see load).
    if (!this.validator) return true;
    return this.validator.isActive(field, getAt(this.answers, parentPointer(pointer)));
  }

  private isRequired(field: Field, pointer: string): boolean {
    if (field.required) return true;
    if (field.requiredWhen.length === 0 || !this.validator) return false;
    const parent = getAt(this.answers, parentPointer(pointer));
    const validator = this.validator;
    return field.requiredWhen.some((condition) => validator.isActive({ ...field, activeWhen: [condition] }, parent));
  }

  private conditionState(field: Field, pointer: string): string {
    return `${this.isActive(field, pointer)}/${this.isRequired(field, pointer)}`;
  }

  /** Redraws the fields whose visibility or requiredness changed with the last answer. */
  private updateConditions(all = false): void {
    for (const [pointer, entry] of this.conditional) {
      const now = this.conditionState(entry.field, pointer);
      if (all || now !== entry.drawn) {
        if (now.startsWith('false')) this.forgetErrorsUnder(pointer);
        this.refreshField(pointer);
      }
    }
  }

  private refreshField(pointer: string): void {
    this.versions.set(pointer, this.fieldVersion(pointer) + 1);
    this.parts.get(pointer)?.refresh();
  }

  private fieldAt(pointer: string): Field | undefined {
    return this.fieldsByPath.get(pathOf(pointer));
  }

  // ── Answers ────────────────────────────────────────────────────────────────────────────────

  private onInput(event: Event): void {
    const control = event.target as Control;
    const pointer = control.name;
    if (!pointer?.startsWith('/')) return;
    const field = this.fieldAt(pointer);
    if (!field || field.kind === 'file') return;
    const value = parseAnswer(field, control, this.renderRoot);
    if (field.kind === 'number' || field.kind === 'integer') {
      if (control.value.trim() === '') this.typedNumbers.delete(pointer);
      else this.typedNumbers.set(pointer, control.value);
    }
    setAt(this.answers, pointer, value);
    this.afterAnswer(field, pointer);
  }

  private onChange(event: Event): void {
    const control = event.target as HTMLInputElement;
    if (control.type !== 'file' || !control.name.startsWith('/')) return;
    const pointer = control.name;
    const field = this.fieldAt(pointer);
    const file = control.files?.[0];
    if (!field || !file) return;
    const problem = checkFile(field, file, this.currentLang, this.text);
    this.removeFile(pointer);
    if (problem) {
      control.value = '';
      // A wrong file is told at once, before any upload, whatever the attempt state.
      this.showErrors = true;
      this.errors.set(pointer, problem);
      this.refreshField(pointer);
      return;
    }
    // The problem with the previous file is gone with it; the validator speaks for the new one.
    this.errors.delete(pointer);
    const key = `file-${++this.fileCounter}`;
    this.files.set(key, file);
    setAt(this.answers, pointer, key);
    this.afterAnswer(field, pointer);
    this.refreshField(pointer);
  }

  private onFocusIn(): void {
    const compile = this.compileNow;
    if (!compile || this.compileScheduled) return;
    this.compileScheduled = true;
    // In a pause of the citizen's, not between focus and the first keystroke.
    afterIdle(compile);
  }

  private onFocusOut(event: FocusEvent): void {
    if (!this.showErrors) return;
    const control = event.target as Control;
    const pointer = control.name;
    if (!pointer?.startsWith('/') || control.type === 'file') return;
    if (this.revalidate(pointer)) this.refreshField(pointer);
  }

  private afterAnswer(field: Field, pointer: string): void {
    let redraw = field.kind === 'textarea' && field.constraints.maxLength !== undefined;
    if (this.showErrors && this.revalidate(pointer)) redraw = true;
    if (redraw) this.refreshField(pointer);
    if (this.conditional.size > 0) this.updateConditions();
    if (redraw && field.kind === 'textarea') this.announceCountLater(field, pointer);
    // Typing without answering the draft notice means starting again with what is typed now.
    this.drafts.dismiss();
    this.drafts.schedule();
  }

  /** Validates one field again; true when what it shows changed. */
  private revalidate(pointer: string): boolean {
    if (!this.validator) return false;
    const errors = this.validator.validateField(pointer, this.answers, { lang: this.currentLang });
    const message = errors[0]?.message;
    if (message === this.errors.get(pointer)) return false;
    if (message) this.errors.set(pointer, message);
    else this.errors.delete(pointer);
    return true;
  }

  private forgetErrorsUnder(pointer: string): void {
    for (const key of [...this.errors.keys()])
      if (key === pointer || key.startsWith(`${pointer}/`)) this.errors.delete(key);
  }

  private announce(message: string): void {
    if (!this.liveRegion) return;
    // Emptying first makes a repeated message be read again.
    this.liveRegion.textContent = '';
    requestAnimationFrame(() => {
      if (this.liveRegion) this.liveRegion.textContent = message;
    });
  }

  private announceCountLater(field: Field, pointer: string): void {
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => {
      const max = field.constraints.maxLength ?? 0;
      const value = getAt(this.answers, pointer);
      const left = max - characterCount(typeof value === 'string' ? value : '');
      this.announce(
        left < 0
          ? plural(this.currentLang, this.text.charactersOver, -left)
          : plural(this.currentLang, this.text.charactersLeft, left),
      );
    }, countAnnouncementDelay);
  }

  // ── Buttons and links inside the form ──────────────────────────────────────────────────────

  private onClick(event: MouseEvent): void {
    const target = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (!target) return;
    const pointer = target.dataset.pointer ?? '';
    switch (target.dataset.action) {
      case 'add-item':
        return this.addItem(pointer);
      case 'remove-item':
        return this.removeItem(pointer, Number(target.dataset.index));
      case 'remove-file':
        return this.removeFileAndFocus(pointer);
      case 'go-to-error':
        event.preventDefault();
        // From the summary, fixing a problem leads back to the summary.
        if (this.onSummary) this.returnToSummary = true;
        return void this.goToField(pointer);
      case 'change':
        event.preventDefault();
        this.returnToSummary = true;
        return void this.goToField(pointer);
      case 'back':
        return this.back();
    }
  }

  private addItem(pointer: string): void {
    const field = this.fieldAt(pointer);
    if (!field) return;
    const current = getAt(this.answers, pointer);
    const items = Array.isArray(current) ? current : [];
    if (field.constraints.maxItems !== undefined && items.length >= field.constraints.maxItems) return;
    items.push(withDefaults(field.fields ?? [], {}));
    setAt(this.answers, pointer, items);
    const index = items.length - 1;
    this.refreshField(pointer);
    this.focusFirstControl(fieldId(joinPointer(pointer, index)));
    this.announce(fill(this.text.itemAdded, { item: itemName(field, index, this.context), count: items.length }));
    this.drafts.schedule();
  }

  private removeItem(pointer: string, index: number): void {
    const field = this.fieldAt(pointer);
    const items = getAt(this.answers, pointer);
    if (!field || !Array.isArray(items) || !(index >= 0 && index < items.length)) return;
    const name = itemName(field, index, this.context);
    items.splice(index, 1);
    if (items.length === 0) setAt(this.answers, pointer, undefined);
    // Items after the removed one moved up: their pointers now name other answers.
    this.forgetErrorsUnder(pointer);
    for (const key of [...this.typedNumbers.keys()]) if (key.startsWith(`${pointer}/`)) this.typedNumbers.delete(key);
    for (const key of this.parts.keys())
      if (key.startsWith(`${pointer}/`)) this.versions.set(key, this.fieldVersion(key) + 1);
    if (this.showErrors && this.validator) {
      for (const error of this.validator.validate(this.answers, { lang: this.currentLang })) {
        if (error.pointer === pointer || error.pointer.startsWith(`${pointer}/`))
          if (!this.errors.has(error.pointer)) this.errors.set(error.pointer, error.message);
      }
    }
    this.refreshField(pointer);
    const id = fieldId(pointer);
    if (index > 0) this.focusFirstControl(fieldId(joinPointer(pointer, index - 1)));
    else if (items.length > 0) this.focusFirstControl(fieldId(joinPointer(pointer, 0)));
    else this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(addButtonId(id))}`)?.focus();
    this.announce(fill(this.text.itemRemoved, { item: name }));
    this.drafts.schedule();
  }

  private removeFile(pointer: string): File | undefined {
    const key = getAt(this.answers, pointer);
    if (typeof key !== 'string') return undefined;
    const file = this.files.get(key);
    this.files.delete(key);
    setAt(this.answers, pointer, undefined);
    return file;
  }

  private removeFileAndFocus(pointer: string): void {
    const field = this.fieldAt(pointer);
    const file = this.removeFile(pointer);
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${CSS.escape(fieldId(pointer))}`);
    if (input) input.value = '';
    if (field) this.afterAnswer(field, pointer);
    this.refreshField(pointer);
    input?.focus();
    if (file) this.announce(fill(this.text.fileRemoved, { name: file.name }));
  }

  /** Focuses the first control inside the element with this id (or the element itself). */
  private focusFirstControl(id: string): boolean {
    const element = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!element) return false;
    const control = element.matches('fieldset')
      ? element.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button')
      : element;
    if (!control) return false;
    // As GOV.UK does: bring the question (label or legend) into view, then focus the control.
    const label =
      (control.id && this.renderRoot.querySelector(`label[for="${CSS.escape(control.id)}"]`)) ||
      control.closest('fieldset')?.querySelector('legend');
    label?.scrollIntoView?.({ block: 'start' });
    control.focus({ preventScroll: Boolean(label) });
    return true;
  }

  /** Shows the step holding a field and puts focus on it. */
  private async goToField(pointer: string): Promise<void> {
    const model = this.model;
    if (!model) return;
    const name = splitPointer(pointer)[0] ?? '';
    const step = model.steps.findIndex((s) => s.fields.includes(name));
    if (step >= 0 && step !== this.stepIndex) {
      this.stepIndex = step;
      this.summaryErrors = this.summaryErrors.filter(
        (e) =>
          splitPointer(e.pointer)[0] !== undefined &&
          model.steps[step]?.fields.includes(splitPointer(e.pointer)[0] ?? ''),
      );
      await this.updateComplete;
    }
    if (!this.focusFirstControl(fieldId(pointer))) this.focusFirstControl(fieldId(parentPointer(pointer)));
  }

  // ── Steps ──────────────────────────────────────────────────────────────────────────────────

  private get onSummary(): boolean {
    return !!this.model && this.stepIndex >= this.model.steps.length;
  }

  private async validatorNow(): Promise<FormValidator | undefined> {
    if (this.validator) return this.validator;
    this.compileNow?.();
    // On a slow connection the checking rules may still be on their way: say so, once.
    this.announce(this.text.checking);
    try {
      return await this.validatorReady;
    } catch {
      return undefined;
    }
  }

  private async onContinue(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const model = this.model;
    const validator = await this.validatorNow();
    if (!model || !validator) return;
    const step = model.steps[this.stepIndex];
    const errors = validator.validate(this.answers, { lang: this.currentLang, only: step?.fields ?? [] });
    if (errors.length > 0) return this.showErrorRound(errors);
    this.clearErrorRound();
    const next = this.returnToSummary ? model.steps.length : this.stepIndex + 1;
    this.returnToSummary = false;
    this.goToStep(next);
  }

  private back(): void {
    this.clearErrorRound();
    this.returnToSummary = false;
    this.goToStep(Math.max(0, this.stepIndex - 1));
  }

  private goToStep(index: number): void {
    this.stepIndex = index;
    this.epoch++;
    this.drafts.schedule();
    this.focusLater('#guichet-step-title');
  }

  private showErrorRound(errors: FieldError[]): void {
    this.errors.clear();
    const summary: SummaryError[] = [];
    for (const error of errors) {
      const pointer = this.nearestFieldPointer(error.pointer);
      if (pointer && !this.errors.has(pointer)) this.errors.set(pointer, error.message);
      if (!summary.some((s) => s.pointer === pointer && s.message === error.message))
        summary.push({ pointer, message: error.message });
    }
    this.showErrors = true;
    this.summaryErrors = this.inPageOrder(summary);
    this.epoch++;
    this.focusLater(`#${errorSummaryId}`);
    this.dispatchEvent(
      new GuichetErrorEvent({
        kind: 'validation',
        message: plural(this.currentLang, this.text.validationFailed, summary.length),
        problems: errors.map((e) => ({ pointer: e.pointer, code: e.code, message: e.message })),
      }),
    );
  }

  private clearErrorRound(): void {
    this.errors.clear();
    this.showErrors = false;
    this.summaryErrors = [];
  }

  /** After a language switch, the problems shown are said again in the new language. */
  private relocalizeErrors(): void {
    if (!this.showErrors || !this.validator) return;
    const fresh = new Map<string, string>();
    for (const error of this.validator.validate(this.answers, { lang: this.currentLang })) {
      const pointer = this.nearestFieldPointer(error.pointer);
      if (!fresh.has(pointer)) fresh.set(pointer, error.message);
    }
    for (const pointer of [...this.errors.keys()]) {
      const message = fresh.get(pointer);
      if (message) this.errors.set(pointer, message);
    }
    this.summaryErrors = this.summaryErrors.map((error) => ({
      ...error,
      message: fresh.get(error.pointer) ?? error.message,
    }));
  }

  /** Problems in the order their fields appear, as the citizen reads the page. */
  private inPageOrder(errors: SummaryError[]): SummaryError[] {
    const order = new Map<string, number>();
    this.model?.steps.forEach((step, stepIndex) =>
      step.fields.forEach((name, index) => order.set(name, stepIndex * 10_000 + index)),
    );
    const rank = (error: SummaryError) => order.get(splitPointer(error.pointer)[0] ?? '') ?? Number.MAX_SAFE_INTEGER;
    return errors
      .map((error, index) => ({ error, index }))
      .sort((a, b) => rank(a.error) - rank(b.error) || a.index - b.index)
      .map(({ error }) => error);
  }

  /** The pointer of the field an error belongs to: its own, or its closest ancestor's. */
  private nearestFieldPointer(pointer: string): string {
    let current = pointer;
    while (current && !this.fieldAt(current)) current = parentPointer(current);
    return current;
  }

  private async onSend(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const model = this.model;
    const validator = await this.validatorNow();
    if (!model || !validator) return;
    const errors = validator.validate(this.answers, { lang: this.currentLang });
    if (errors.length > 0) return this.showErrorRound(errors);
    this.clearErrorRound();
    const data = validator.activeData(this.answers);
    const submit = new GuichetSubmitEvent({
      formId: model.id,
      formVersion: model.version,
      data,
      channel: this.channelValue,
    });
    this.dispatchEvent(submit);
    if (submit.defaultPrevented) return;
    await this.send(model, data);
  }

  /** Hands the answers to the submission pipeline (see ../submission/types.ts). */
  private async send(model: FormModel, data: Record<string, unknown>): Promise<void> {
    if (!this.endpoint) return;
    await this.submission.send({
      model,
      data,
      files: this.files,
      channel: this.channelValue,
      lang: this.currentLang,
      endpoint: this.endpoint,
      adapter: this.adapter || 'guichet',
    });
    if (this.submission.phase === 'invalid' && this.submission.fieldErrors.length > 0) {
      this.showErrorRound([...this.submission.fieldErrors]);
    } else if (this.submission.phase === 'sent') {
      this.drafts.forget();
    }
    this.requestUpdate();
  }

  // ── Drafts ─────────────────────────────────────────────────────────────────────────────────

  private resumeDraft(): void {
    const offer = this.drafts.take();
    if (!offer || !this.model) return;
    this.answers = withDefaults(this.model.fields, cloneAnswers(offer.data));
    this.typedNumbers.clear();
    this.goToStep(Math.min(offer.step, this.model.steps.length));
  }

  private restart(): void {
    this.drafts.forget();
    this.focusLater('#guichet-title');
  }

  private askClear(): void {
    this.confirmingClear = true;
    this.focusLater('#guichet-clear-question');
  }

  private cancelClear(): void {
    this.confirmingClear = false;
    this.focusLater('#guichet-clear');
  }

  private clearAnswers(): void {
    this.drafts.forget();
    this.answers = withDefaults(this.model?.fields ?? [], cloneAnswers(this.data ?? {}));
    this.typedNumbers.clear();
    this.files.clear();
    this.clearErrorRound();
    this.confirmingClear = false;
    this.returnToSummary = false;
    this.stepIndex = 0;
    this.epoch++;
    this.focusLater('#guichet-title', () => this.announce(this.text.answersCleared));
  }

  // ── Rendering ──────────────────────────────────────────────────────────────────────────────

  protected override render(): TemplateResult {
    const lang = this.currentLang;
    if (this.status === 'broken') return renderProblems(this.problems, lang, this.text);
    const model = this.model;
    if (this.status !== 'ready' || !model) return renderLoading(lang, this.text);
    if (this.submission.phase === 'sent') {
      return html`<div class="root" part="base" lang=${lang}>
        ${this.submission.renderReceipt(lang)} ${renderContact(model.contact, lang, 'guichet-contact-title')}
      </div>`;
    }
    const description = localize(model.description, lang);
    return html`<div class="root" part="base" lang=${lang}>
      <h2 class="title" part="title" id="guichet-title" tabindex="-1">${localize(model.title, lang)}</h2>
      ${description ? html`<p class="description">${description}</p>` : nothing}
      ${renderDraftOffer({ offer: this.drafts.offer, lang, text: this.text, onResume: this.resumeDraft, onRestart: this.restart })}
      ${this.onSummary ? keyed('summary', this.renderSummary(model)) : keyed(this.stepIndex, this.renderStep(model))}
      ${renderClearAction({ confirming: this.confirmingClear, text: this.text, onAsk: this.askClear, onConfirm: this.clearAnswers, onCancel: this.cancelClear })}
      ${renderContact(model.contact, lang, 'guichet-contact-title')}
      <div class="visually-hidden" id="guichet-live" aria-live="polite"></div>
    </div>`;
  }

  private renderStep(model: FormModel): TemplateResult {
    const lang = this.currentLang;
    const step = model.steps[this.stepIndex];
    const total = model.steps.length;
    const byName = new Map(model.fields.map((f) => [f.name, f]));
    const fields = (step?.fields ?? []).map((name) => byName.get(name)).filter((f): f is Field => f !== undefined);
    const stepDescription = localize(step?.description, lang);
    return html`<form class="form" part="form" novalidate @submit=${this.onContinue} @input=${this.onInput} @change=${this.onChange} @focusin=${this.onFocusIn} @focusout=${this.onFocusOut} @click=${this.onClick}>
      <section class="step" part="step" aria-labelledby=${total > 1 ? 'guichet-step-title' : 'guichet-title'}>
        ${renderErrorSummary(this.summaryErrors, this.currentLang, errorSummaryId, fieldId)}
        ${
          total > 1
            ? html`<p class="progress" part="progress">${fill(this.text.stepOf, { current: this.stepIndex + 1, total })}</p>
              <h3 class="step__title" id="guichet-step-title" tabindex="-1">${localize(step?.title, lang)}</h3>`
            : nothing
        }
        ${stepDescription ? html`<p class="step__description">${stepDescription}</p>` : nothing}
        ${detached(
          step,
          'fields',
          inChunks(fields, (field) => fieldPart(this, field, joinPointer('', field.name))),
        )}
        <div class="actions">
          <button type="submit" class="primary" part="button button-primary">${this.text.continue}</button>
          ${this.stepIndex > 0 ? html`<button type="button" class="secondary" part="button" data-action="back">${this.text.back}</button>` : nothing}
        </div>
      </section>
    </form>`;
  }

  private renderSummary(model: FormModel): TemplateResult {
    const lang = this.currentLang;
    return html`<form class="form" part="form" novalidate @submit=${this.onSend} @click=${this.onClick}>
      <section class="summary" part="summary" aria-labelledby="guichet-step-title">
        ${renderErrorSummary(this.summaryErrors, this.currentLang, errorSummaryId, fieldId)}
        <h3 class="step__title" id="guichet-step-title" tabindex="-1">${this.text.checkAnswers}</h3>
        <p>${this.text.checkAnswersIntro}</p>
        ${/* The model came through the lazily loaded chunk: it is there. */ lazyChunkNow()?.renderAnswersSummary({ model, context: this.context, isActive: (field, pointer) => this.isActive(field, pointer) })}
        ${this.submission.renderStatus(lang)}
        <div class="actions">
          <button type="submit" class="primary" part="button button-primary">${localize(model.submitLabel, lang) || this.text.send}</button>
          <button type="button" class="secondary" part="button" data-action="back">${this.text.back}</button>
        </div>
      </section>
    </form>`;
  }
}
