import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Adapter, ContactBlock, Language, RequestStatus } from '@guichet/core';
import { AdapterCache, FormContact } from './status-sources.js';
import { renderContact } from '../shared/contact-block.js';
import { FocusController } from '../shared/focus-controller.js';
import { Announcer } from '../shared/announcer.js';
import { GuichetStatusChangeEvent } from '../events.js';
import { phaseText, trackerText } from './messages.js';
import { LookupController, type LookupValues } from './lookup-form.js';
import { PollController, refreshSeconds } from './poll-controller.js';
import { problemEvent, problemMessage, renderProblem, toProblem, type TrackerProblem } from './problem.js';
import { toContactBlock } from './contact.js';
import { workChunkNow, loadWorkChunk, type WorkChunk } from '../shared/lazy-chunk.js';
import { refusedOriginDetail } from '../shared/diagnosis.js';
import { changed, checked } from './status-answer.js';
import { tellWebTeam } from '../shared/web-team.js';
import type { GuichetTracker } from './guichet-tracker.js';

/** Adapters whose back office gives no separate tracking code: the reference alone finds a request. */
const referenceOnlyAdapters = new Set(['open311']);

/**
 * What `<guichet-tracker>` does — the look-up form, the status and its polling, the problems and
 * the contact — in a chunk of its own (../tracking.ts): a page with a form only never downloads it,
 * and guichet.js keeps the element itself, its settings and its styles. The element hands every
 * update over (`willUpdate`, `render`, `updated`); what changes on screen goes through
 * `host.requestUpdate()`.
 */
export class Tracking {
  private currentStatus?: RequestStatus;
  private currentProblem?: TrackerProblem;
  private isLoading = false;
  private lookupWasUsed = false;

  private readonly lookup: LookupController;
  private readonly poller: PollController;
  private readonly focusing: FocusController;
  private readonly announcer: Announcer;
  private readonly formContact: FormContact;
  private inFlight?: AbortController;
  private readonly adapters = new AdapterCache();
  private replyPart?: InstanceType<WorkChunk['TrackerReply']>;
  /** Diagnoses already written to the console. */
  private readonly told = new Set<string>();

  constructor(
    private readonly host: GuichetTracker,
    /** The language the element speaks now. */
    private readonly lang: () => Language,
  ) {
    this.lookup = new LookupController(host, (values) => this.onLookup(values));
    this.poller = new PollController(host, () => this.load('refresh'));
    this.focusing = new FocusController(host);
    this.announcer = new Announcer(host, '.announcement');
    this.formContact = new FormContact(host);
    // The element is in the page already: what its connection would have read.
    if (host.fromUrl && host.isConnected) this.readUrl();
  }

  // What the citizen sees: each change draws the element again.
  private get current(): RequestStatus | undefined {
    return this.currentStatus;
  }
  private set current(status: RequestStatus | undefined) {
    if (this.currentStatus === status) return;
    this.currentStatus = status;
    this.host.requestUpdate();
  }
  private get problem(): TrackerProblem | undefined {
    return this.currentProblem;
  }
  private set problem(problem: TrackerProblem | undefined) {
    if (this.currentProblem === problem) return;
    this.currentProblem = problem;
    this.host.requestUpdate();
  }
  private get loading(): boolean {
    return this.isLoading;
  }
  private set loading(loading: boolean) {
    if (this.isLoading === loading) return;
    this.isLoading = loading;
    this.host.requestUpdate();
  }
  private get lookupUsed(): boolean {
    return this.lookupWasUsed;
  }
  private set lookupUsed(used: boolean) {
    if (this.lookupWasUsed === used) return;
    this.lookupWasUsed = used;
    this.host.requestUpdate();
  }

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
    await this.host.updateComplete;
  }

  /** The element joined a page (again). */
  connected(): void {
    if (this.host.fromUrl) this.readUrl();
    // Moved in the page (a CMS re-parenting its blocks): ask again for what the removal abandoned.
    const abandoned = !this.inFlight || this.inFlight.signal.aborted;
    if (
      this.host.hasUpdated &&
      abandoned &&
      this.host.endpoint.trim() &&
      this.hasQuery() &&
      !this.current &&
      !this.problem
    )
      void this.load('initial');
  }

  disconnected(): void {
    // The look-up's own `finally` clears `loading`, so nothing stays "looking…" forever.
    this.inFlight?.abort();
  }

  willUpdate(changed: PropertyValues<GuichetTracker>): void {
    if (changed.has('fromUrl') && this.host.fromUrl && this.host.isConnected) this.readUrl();
    const settings = ['endpoint', 'reference', 'code', 'adapter', 'apiKey', 'jurisdiction'] as const;
    if (settings.some((name) => changed.has(name))) this.restart();
  }

  updated(): void {
    this.poller.set(this.shouldPoll() ? refreshSeconds(this.host.refresh) : undefined);
  }

  /** After a citizen's action (look-up, retry): focus moves to the answer once it is in. */
  private focusAnswer(): void {
    // The button or form that had focus is gone: focus holds on the message until the answer comes.
    const target = () => (this.loading ? '.loading' : this.problem ? '.problem' : '.status__title');
    this.focusing.afterRender(() => this.host.renderRoot.querySelector<HTMLElement>(target()), {
      until: () => !this.loading,
    });
  }

  render(): TemplateResult {
    const lang = this.lang();
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
      this.replyPart ??= new chunk.TrackerReply(this.host, {
        target: () => this.current && { ...this.query(), adapter: this.adapters.get(chunk.createAdapter, this.host) },
        onSent: (answer) => this.accept(checked(answer, this.lang())),
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
    return this.host.hideContact ? undefined : (toContactBlock(this.host.contact) ?? this.formContact.value);
  }

  private needsCode(): boolean {
    return !referenceOnlyAdapters.has(this.host.adapter);
  }

  private trackingCode(): string {
    return this.host.code.trim() || (this.needsCode() ? '' : this.host.reference.trim());
  }

  private hasQuery(): boolean {
    return Boolean(this.host.reference.trim() && this.trackingCode());
  }

  private shouldPoll(): boolean {
    if (!this.hasQuery() || !this.host.endpoint.trim() || this.current?.final) return false;
    return this.problem?.kind !== 'not-found' && this.problem?.kind !== 'configuration';
  }

  private readUrl(): void {
    try {
      const query = new URL(window.location.href).searchParams;
      if (!this.host.reference) this.host.reference = query.get('reference')?.trim() ?? '';
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
    this.lookup.prefill({ reference: this.host.reference, trackingCode: this.host.code });
    if (!this.host.endpoint.trim()) {
      this.fail({ kind: 'configuration', code: 'endpoint' });
      return;
    }
    if (this.hasQuery()) void this.load('initial');
  }

  private onLookup({ reference, trackingCode }: LookupValues): void {
    this.lookupUsed = true;
    this.focusAnswer();
    if (reference === this.host.reference && trackingCode === this.host.code) {
      // Same values as the failed attempt: the properties do not change, so ask again ourselves.
      void this.load('initial');
      return;
    }
    this.host.reference = reference;
    this.host.code = trackingCode;
  }

  private retry(): void {
    this.focusAnswer();
    void this.load('initial');
  }

  private trackAnother = (): void => {
    this.lookup.prefill({ reference: '', trackingCode: '' });
    this.host.reference = '';
    this.host.code = '';
    this.focusing.afterRender('#reference');
  };

  private query() {
    return { reference: this.host.reference.trim(), trackingCode: this.trackingCode(), lang: this.lang() };
  }

  /** One status look-up. Never throws: every failure becomes a message and a `guichet-error`. */
  private async load(mode: 'initial' | 'refresh'): Promise<void> {
    const { reference, trackingCode, lang } = this.query();
    if (!reference || !trackingCode || !this.host.endpoint.trim()) return;
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
        adapter = this.adapters.get(chunk.createAdapter, this.host);
      } catch (error) {
        this.fail({ kind: 'configuration', code: 'adapter', advice: (error as Error).message });
        return;
      }
      const status = await adapter.status({ reference, trackingCode, lang }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      const answer = checked(status, this.lang());
      // Awaited so the status and its contact block appear together (once per form, then cached).
      if (!this.host.hideContact && !toContactBlock(this.host.contact)) await this.formContact.fetch(answer, this.host);
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
        trackerText(this.lang()).announceChange(status.label, phaseText(status.phase, this.lang())),
      );
      const detail = { reference: status.reference, previous: previous.phase, status };
      this.host.dispatchEvent(new GuichetStatusChangeEvent(detail));
    }
  }

  private fail(problem: TrackerProblem): void {
    this.problem = problem;
    if (problem.advice) tellWebTeam(this.host, problem.advice);
    const message = problem.advice ?? problemMessage(problem, this.lang(), this.needsCode()).message;
    const origin = refusedOriginDetail(problem.refusedOrigin, this.host.endpoint.trim(), this.told);
    this.host.dispatchEvent(problemEvent(problem, message, origin));
  }
}
