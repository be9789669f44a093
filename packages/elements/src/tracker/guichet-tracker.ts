import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { type Adapter, type ContactBlock, type Language, type RequestStatus } from '@guichet/core';
import { AdapterCache, FormContact } from './status-sources.js';
import { themeStyles } from '../shared/theme.styles.js';
import { contactStyles } from '../shared/contact-block.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import { renderContact } from '../shared/contact-block.js';
import { LanguageController } from '../shared/language-controller.js';
import { FocusController } from '../shared/focus-controller.js';
import { Announcer } from '../shared/announcer.js';
import { GuichetStatusChangeEvent } from '../events.js';
import { trackerStyles } from './guichet-tracker.styles.js';
import { phaseText, trackerText } from './messages.js';
import { LookupController, type LookupValues } from './lookup-form.js';
import { PollController, refreshSeconds } from './poll-controller.js';
import { problemEvent, problemMessage, renderProblem, toProblem, type TrackerProblem } from './problem.js';
import { toContactBlock, type TrackerContact } from './contact.js';
import { workChunkNow, loadWorkChunk, type WorkChunk } from '../shared/lazy-chunk.js';
import { refusedOriginDetail } from '../shared/diagnosis.js';
import { shiftHeadings } from '../shared/heading-levels.js';
import { changed, checked } from './status-answer.js';
import { tellWebTeam } from '../shared/web-team.js';

/** Adapters whose back office gives no separate tracking code: the reference alone finds a request. */
const referenceOnlyAdapters = new Set(['open311']);

/**
 * Shows where one request stands — the authority's own name for the current step, the phase in
 * words and icon, the dates, the history with the agents' public notes, and how to reach a
 * person — so that a citizen does not have to phone the town hall. Without `reference` and `code`
 * it shows a look-up form.
 *
 * @summary Follow a request: status, history and contact, or a look-up form.
 *
 * @attr endpoint - Base URL of the back office's API, e.g. `https://gru.example/api`. Required.
 * @attr reference - The request's reference, e.g. `VOI-2026-000123`. With `code`, skips the look-up form.
 * @attr code - The tracking code given with the receipt. Not needed with `adapter="open311"` (Open311 has none).
 * @attr refresh - Polls every N seconds while the page is visible (at least 10: smaller values count as 10).
 *   Polling pauses while the tab is hidden and fetches at once when it comes back; it stops on a final phase.
 * @attr adapter - `guichet` (default), `open311`, or a name given to `registerAdapter`.
 * @attr api-key - Passed to the adapter as `apiKey` (`open311`: GeoReport v2 sends it with new requests only,
 *   so a tracker does not need it; an authority's own adapter may).
 * @attr jurisdiction - `open311`: the `jurisdiction_id` of a server that serves several.
 * @attr lang - `fr` or `en`; defaults to the closest `lang` in the page, else French.
 * @attr heading-level - The level of the element's top headings (the status or the look-up form), 2 by
 *   default: 3 when the page's own heading above it is an h2. The others follow; from level 4 down
 *   they also look smaller.
 * @attr hide-contact - Shows no "Need help?" block: the page (or the receipt around the tracker) shows one.
 * @attr from-url - Opt-in: takes `reference` from the page URL's query (`?reference=VOI-2026-000123`),
 *   for the links of receipts and e-mails; the look-up form then shows it and asks for the tracking
 *   code. A `code` in the URL is never read: a secret in an address ends up in server logs, browser
 *   history and shared links. An attribute set on the element wins over the URL.
 *
 * @prop {TrackerContact} contact - How to reach a person: `{ name, phone, email, address, openingHours, url }`,
 *   each text a string or `{ fr, en }`. Without it, the contact of the request's form (from the endpoint) is shown.
 *
 * @event guichet-status-change - `GuichetStatusChangeEvent`: a refresh found the request at a new step
 *   (`detail.reference`, `detail.previous`, `detail.status`).
 * @event guichet-reply - `GuichetReplyEvent`: the endpoint took the citizen's reply (`detail.reference`, `detail.reply`, `detail.status`).
 * @event guichet-error - `GuichetErrorEvent`: the look-up failed and the citizen is told so
 *   (`detail.kind`: `not-found` | `network` | `server` | `rate-limited` | `configuration`). For
 *   `configuration`, `detail.message` says what the web team must change (also written to the
 *   console) and `detail.code` which setting (`endpoint`, `adapter`, `cors`, `jurisdiction`…). When the
 *   endpoint answers but does not allow the page's origin, `detail.refusedOrigin` and `detail.diagnosis`
 *   (also in the console) say which origin to add to its `GUICHET_ALLOWED_ORIGINS`.
 *
 * @csspart lookup - The look-up form.
 * @csspart error-summary - The look-up form's error summary.
 * @csspart input - The look-up form's text inputs.
 * @csspart loading - The "looking for your request" message.
 * @csspart status - The status view.
 * @csspart reference - The request number line.
 * @csspart title - The current step's heading (the authority's label).
 * @csspart phase - The phase, icon and words.
 * @csspart final - The sentence saying a final phase will not change.
 * @csspart action-required - The box telling the citizen what is expected of them.
 * @csspart reply - The reply form of a request that waits for the citizen (a message and documents).
 * @csspart reply-button - The reply form's "Send my reply" button.
 * @csspart reply-sent - The confirmation that the reply was sent.
 * @csspart timeline - The ordered list of steps (the citizen's replies among them, part `reply-entry`).
 * @csspart timeline-entry - One step in the timeline.
 * @csspart note - An agent's public note.
 * @csspart contact - The "Need help?" block.
 * @csspart error - A failed look-up's message.
 * @csspart retry-button - The "Try again" button.
 * @csspart track-another - The "Track another request" button.
 *
 * @cssproperty --guichet-color-primary - Links, buttons, accents.
 * @cssproperty --guichet-color-text - Body text.
 * @cssproperty --guichet-color-muted - Dates and hints.
 * @cssproperty --guichet-color-background - Background.
 * @cssproperty --guichet-color-surface - Boxes (notes, contact).
 * @cssproperty --guichet-color-border - Input and timeline borders.
 * @cssproperty --guichet-color-error - Errors and the rejected phase.
 * @cssproperty --guichet-color-success - The completed phase.
 * @cssproperty --guichet-color-warning - The action-required phase and box.
 * @cssproperty --guichet-color-focus - Focus ring.
 * @cssproperty --guichet-font-family - Font.
 * @cssproperty --guichet-space - Base spacing.
 * @cssproperty --guichet-radius - Corner radius.
 * @cssproperty --guichet-max-width - Largest width of the element.
 */
export class GuichetTracker extends LitElement {
  static override styles = [themeStyles, contactStyles, fieldStyles, trackerStyles];

  // Declared as data rather than with decorators: see GuichetForm.properties.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    reference: {},
    code: {},
    refresh: { type: Number },
    adapter: {},
    apiKey: { attribute: 'api-key' },
    jurisdiction: {},
    fromUrl: { type: Boolean, attribute: 'from-url' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    hideContact: { type: Boolean, attribute: 'hide-contact' },
    contact: { attribute: false },
    current: { state: true },
    problem: { state: true },
    loading: { state: true },
    lookupUsed: { state: true },
  };

  endpoint = '';
  reference = '';
  code = '';
  declare refresh?: number;
  adapter = 'guichet';
  declare apiKey?: string;
  declare jurisdiction?: string;
  fromUrl = false;
  declare headingLevel?: number;
  hideContact = false;
  declare contact?: TrackerContact;

  declare private current?: RequestStatus;
  declare private problem?: TrackerProblem;
  private loading = false;
  private lookupUsed = false;

  private readonly language = new LanguageController(this);
  private readonly lookup = new LookupController(this, (values) => this.onLookup(values));
  private readonly poller = new PollController(this, () => this.load('refresh'));
  private readonly focusing = new FocusController(this);
  private readonly announcer = new Announcer(this, '.announcement');
  private inFlight?: AbortController;
  private readonly adapters = new AdapterCache();
  private readonly formContact = new FormContact(this);
  private replyPart?: InstanceType<WorkChunk['TrackerReply']>;
  /** Diagnoses already written to the console. */
  private readonly told = new Set<string>();

  /** The status last received, if any. */
  get status(): RequestStatus | undefined {
    return this.current;
  }

  /**
   * Fetches the status now, whatever `refresh` says (a page's own "refresh" button; tests, which
   * must not wait for a 10-second poll). Resolves once the result is rendered; never rejects.
   */
  async refreshNow(): Promise<void> {
    await this.load('refresh');
    await this.updateComplete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.fromUrl) this.readUrl();
    // Moved in the page (a CMS re-parenting its blocks): ask again for what the removal abandoned.
    const abandoned = !this.inFlight || this.inFlight.signal.aborted;
    if (this.hasUpdated && abandoned && this.endpoint.trim() && this.hasQuery() && !this.current && !this.problem)
      void this.load('initial');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The look-up's own `finally` clears `loading`, so nothing stays "looking…" forever.
    this.inFlight?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('fromUrl') && this.fromUrl && this.isConnected) this.readUrl();
    const settings = ['endpoint', 'reference', 'code', 'adapter', 'apiKey', 'jurisdiction'] as const;
    if (settings.some((name) => changed.has(name))) this.restart();
  }

  protected override updated(): void {
    this.poller.set(this.shouldPoll() ? refreshSeconds(this.refresh) : undefined);
    shiftHeadings(this.renderRoot, this.headingLevel);
  }

  /** After a citizen's action (look-up, retry): focus moves to the answer once it is in. */
  private focusAnswer(): void {
    // The button or form that had focus is gone: focus holds on the message until the answer comes.
    const target = () => (this.loading ? '.loading' : this.problem ? '.problem' : '.status__title');
    this.focusing.afterRender(() => this.renderRoot.querySelector<HTMLElement>(target()), {
      until: () => !this.loading,
    });
  }

  protected override render(): TemplateResult {
    const lang = this.language.value;
    const waiting = this.loading && !this.current;
    // The message stays outside the busy region: assistive technology may hold back what is inside.
    return html`${
      waiting
        ? html`<p class="loading" part="loading" tabindex="-1" lang=${lang}>
            <span class="loading__spinner" aria-hidden="true"></span>${trackerText(lang).loading}
          </p>`
        : nothing
    }
      <div class="tracker" lang=${lang} aria-busy=${this.loading ? 'true' : 'false'}>
        ${waiting ? renderContact(this.contactBlock(), lang, 'tracker-contact') : this.renderBody(lang)}
      </div>
      <div class="visually-hidden announcement" role="status" aria-live="polite" aria-atomic="true" lang=${lang}></div>`;
  }

  private renderBody(lang: Language): TemplateResult {
    const contact = this.contactBlock();
    const contactBlock = renderContact(contact, lang, 'tracker-contact');
    const problem = this.problem;
    const problemView = (stale: boolean) =>
      problem
        ? renderProblem({
            problem,
            lang,
            stale,
            headingId: 'tracker-problem',
            onRetry: () => this.retry(),
            needsCode: this.needsCode(),
          })
        : nothing;

    if (problem?.kind === 'configuration') return html`${problemView(false)}${contactBlock}`;
    if (!this.hasQuery() || problem?.kind === 'not-found') {
      return html`${problemView(false)}${this.lookup.render(lang, 'tracker-lookup', this.needsCode())}${contactBlock}`;
    }
    // The status only comes through an adapter, so the chunk that draws it is there.
    const chunk = workChunkNow();
    if (this.current && chunk) {
      const status = this.current;
      this.replyPart ??= new chunk.TrackerReply(this, {
        target: () => this.current && { ...this.query(), adapter: this.adapters.get(chunk.createAdapter, this) },
        onSent: (answer) => this.accept(checked(answer, this.language.value)),
        onSeeStatus: () => this.retry(),
      });
      const reply = (id: string) => this.replyPart!.render(status, lang, id);
      return html`${problemView(true)}${chunk.renderStatusView({ status, lang, contact, headingId: 'tracker-status', reply })}
      ${
        this.lookupUsed
          ? html`<p class="another">
            <button class="secondary" part="track-another" type="button" @click=${this.trackAnother}>${trackerText(lang).trackAnother}</button>
          </p>`
          : nothing
      }`;
    }
    return html`${problemView(false)}${contactBlock}`;
  }

  private contactBlock(): ContactBlock | undefined {
    return this.hideContact ? undefined : (toContactBlock(this.contact) ?? this.formContact.value);
  }

  private needsCode(): boolean {
    return !referenceOnlyAdapters.has(this.adapter);
  }

  private trackingCode(): string {
    return this.code.trim() || (this.needsCode() ? '' : this.reference.trim());
  }

  private hasQuery(): boolean {
    return Boolean(this.reference.trim() && this.trackingCode());
  }

  private shouldPoll(): boolean {
    if (!this.hasQuery() || !this.endpoint.trim() || this.current?.final) return false;
    return this.problem?.kind !== 'not-found' && this.problem?.kind !== 'configuration';
  }

  private readUrl(): void {
    try {
      const query = new URL(window.location.href).searchParams;
      if (!this.reference) this.reference = query.get('reference')?.trim() ?? '';
    } catch {
      // An unreadable URL simply means "nothing to take from it": the look-up form shows.
    }
  }

  /** A new question (other request, code, endpoint or adapter): forget the old answer. */
  private restart(): void {
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.loading = false;
    this.current = undefined;
    this.problem = undefined;
    this.announcer.clear();
    this.lookup.prefill({ reference: this.reference, trackingCode: this.code });
    if (!this.endpoint.trim()) {
      this.fail({ kind: 'configuration', code: 'endpoint' });
      return;
    }
    if (this.hasQuery()) void this.load('initial');
  }

  private onLookup({ reference, trackingCode }: LookupValues): void {
    this.lookupUsed = true;
    this.focusAnswer();
    if (reference === this.reference && trackingCode === this.code) {
      // Same values as the failed attempt: the properties do not change, so ask again ourselves.
      void this.load('initial');
      return;
    }
    this.reference = reference;
    this.code = trackingCode;
  }

  private retry(): void {
    this.focusAnswer();
    void this.load('initial');
  }

  private trackAnother = (): void => {
    this.lookup.prefill({ reference: '', trackingCode: '' });
    this.reference = '';
    this.code = '';
    this.focusing.afterRender('#reference');
  };

  private query() {
    return { reference: this.reference.trim(), trackingCode: this.trackingCode(), lang: this.language.value };
  }

  /** One status look-up. Never throws: every failure becomes a message and a `guichet-error`. */
  private async load(mode: 'initial' | 'refresh'): Promise<void> {
    const { reference, trackingCode, lang } = this.query();
    if (!reference || !trackingCode || !this.endpoint.trim()) return;
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    // A citizen's (re)try replaces the message with "looking…"; a background refresh changes
    // nothing on screen until it has an answer, so focus and reading are never disturbed.
    if (mode === 'initial') this.problem = undefined;
    if (mode === 'initial' || (!this.current && !this.problem)) this.loading = true;
    try {
      // Awaited only by the first look-up of the page: later ones (another adapter) answer at once.
      const chunk = workChunkNow() ?? (await loadWorkChunk());
      if (controller.signal.aborted) return;
      let adapter: Adapter;
      try {
        adapter = this.adapters.get(chunk.createAdapter, this);
      } catch (error) {
        this.fail({ kind: 'configuration', code: 'adapter', advice: (error as Error).message });
        return;
      }
      const status = await adapter.status({ reference, trackingCode, lang }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      const answer = checked(status, this.language.value);
      // Awaited so the status and its contact block appear together (once per form, then cached).
      if (!this.hideContact && !toContactBlock(this.contact)) await this.formContact.fetch(answer, this);
      if (controller.signal.aborted) return;
      this.accept(answer);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.fail(toProblem(error));
    } finally {
      if (this.inFlight === controller) {
        this.inFlight = undefined;
        this.loading = false;
      }
    }
  }

  private accept(status: RequestStatus): void {
    const previous = this.current;
    this.current = status;
    this.problem = undefined;
    if (previous && changed(previous, status)) {
      // Written once per change: the live region only speaks when its text changes, so a poll
      // that finds nothing new says nothing.
      this.announcer.announce(
        trackerText(this.language.value).announceChange(status.label, phaseText(status.phase, this.language.value)),
      );
      const detail = { reference: status.reference, previous: previous.phase, status };
      this.dispatchEvent(new GuichetStatusChangeEvent(detail));
    }
  }

  private fail(problem: TrackerProblem): void {
    this.problem = problem;
    if (problem.advice) tellWebTeam(this, problem.advice);
    const message = problem.advice ?? problemMessage(problem, this.language.value, this.needsCode()).message;
    const origin = refusedOriginDetail(problem.refusedOrigin, this.endpoint.trim(), this.told);
    this.dispatchEvent(problemEvent(problem, message, origin));
  }
}
