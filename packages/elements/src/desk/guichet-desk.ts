import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Attachment, StoredRequest } from '@guichet/core';
import { themeStyles } from '../shared/theme.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import { LanguageController } from '../shared/language-controller.js';
import { FocusController } from '../shared/focus-controller.js';
import { Announcer } from '../shared/announcer.js';
import { deskStyles } from './guichet-desk.styles.js';
import { deskText, type DeskText } from './messages.js';
import {
  DeskApi,
  DeskApiError,
  saveBlob,
  type AuditEntry,
  type Credentials,
  type FormSummary,
  type InboxFilters,
} from './desk-api.js';
import { renderInbox } from './inbox-view.js';
import { renderRequest, type StatusChangeValues } from './request-view.js';
import { renderSignIn } from './sign-in-view.js';

/** Requests per page of the inbox. */
const PAGE_SIZE = 25;
/** Where a signed-in tab keeps its token: gone when the tab closes, never shared with other tabs. */
const TOKEN_KEY = 'guichet-desk-token';

type View = 'signed-out' | 'inbox' | 'request';
type Notice = 'signed-out' | 'session-expired' | 'token-refused' | undefined;

/**
 * The agents' workspace: sign in with an agent's token (or the authority's OpenID Connect
 * provider when the endpoint offers it), the inbox of requests newest first with filters, a
 * search in the answers and pages, one request with its answers, attachments and history, the
 * change of its step with a note, and the CSV export of the filtered list. Everything a citizen
 * or an agent typed is shown as text.
 *
 * @summary The agents' workspace: inbox, one request, change of step, CSV export.
 *
 * @attr endpoint - Base URL of the back office's API, e.g. `https://gru.example/api`. Required.
 * @attr lang - `fr` or `en`; defaults to the closest `lang` in the page, else French.
 * @attr sign-in-url - Where agents sign in with the authority's OpenID Connect provider (the
 *   endpoint's `/desk/login`); the sign-in page then offers it. A session started there is found
 *   on load (same origin as the endpoint).
 *
 * @event guichet-desk-signed-in - An agent signed in (`detail.name`).
 * @event guichet-desk-signed-out - The agent signed out, or the session expired (`detail.reason`).
 *
 * @csspart sign-in - The sign-in form.
 * @csspart inbox - The inbox.
 * @csspart filters - The inbox's filters.
 * @csspart export-button - The CSV export button.
 * @csspart inbox-row - One request of the inbox.
 * @csspart empty - The "no request" message.
 * @csspart request - One request.
 * @csspart current-phase - The request's current step.
 * @csspart answers - The request's answers.
 * @csspart attachments - The request's attachments.
 * @csspart history - The request's history.
 * @csspart history-entry - One step of the history.
 * @csspart status-form - The change-of-step form.
 * @csspart problem - An error message.
 *
 * @cssproperty --guichet-color-primary - Links, buttons, accents.
 * @cssproperty --guichet-color-text - Body text.
 * @cssproperty --guichet-color-muted - Dates and hints.
 * @cssproperty --guichet-color-background - Background.
 * @cssproperty --guichet-color-surface - Boxes and table headers.
 * @cssproperty --guichet-color-border - Borders.
 * @cssproperty --guichet-color-error - Errors.
 * @cssproperty --guichet-color-focus - Focus ring.
 * @cssproperty --guichet-font-family - Font.
 * @cssproperty --guichet-space - Base spacing.
 */
export class GuichetDesk extends LitElement {
  static override styles = [themeStyles, fieldStyles, deskStyles];

  // Declared as data rather than with decorators: see GuichetForm.properties.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    signInUrl: { attribute: 'sign-in-url' },
    view: { state: true },
    notice: { state: true },
    agentName: { state: true },
    forms: { state: true },
    filters: { state: true },
    rows: { state: true },
    loading: { state: true },
    cursors: { state: true },
    hasOlder: { state: true },
    current: { state: true },
    definition: { state: true },
    audit: { state: true },
    saving: { state: true },
    problem: { state: true },
    tokenError: { state: true },
  };

  endpoint = '';
  signInUrl = '';

  private view: View = 'signed-out';
  private notice: Notice;
  private agentName = '';
  private forms: FormSummary[] = [];
  private filters: InboxFilters = {};
  private rows?: StoredRequest[];
  private loading = false;
  /** The `before` cursor of each page shown so far: the first page has none. */
  private cursors: (string | undefined)[] = [undefined];
  private hasOlder = false;
  private current?: StoredRequest;
  private definition: unknown;
  private audit: AuditEntry[] = [];
  private saving = false;
  private problem?: DeskApiError;
  private tokenError = false;
  private api?: DeskApi;

  private readonly language = new LanguageController(this);
  private readonly focusing = new FocusController(this);
  private readonly announcer = new Announcer(this, '.announcement');

  private get text(): DeskText {
    return deskText(this.language.value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const token = this.storage()?.getItem(TOKEN_KEY);
    if (token) void this.signIn({ token }, { restoring: true });
    else if (this.endpoint) void this.resumeSession();
  }

  /** A session cookie from an OpenID sign-in, if any: nothing is said when there is none. */
  private async resumeSession(): Promise<void> {
    try {
      const { csrfToken } = await this.newApi({ csrfToken: '' }).session();
      if (csrfToken) await this.signIn({ csrfToken }, { restoring: true });
    } catch {
      // Not signed in: the sign-in form is on screen already.
    }
  }

  private storage(): Storage | undefined {
    try {
      return sessionStorage;
    } catch {
      return undefined;
    }
  }

  private newApi(credentials: Credentials): DeskApi {
    return new DeskApi(this.endpoint, credentials, () => this.language.value);
  }

  /** Signs in with a token (checked by reading the first page) or a session's CSRF token. */
  async signIn(credentials: Credentials, { restoring = false } = {}): Promise<boolean> {
    const api = this.newApi(credentials);
    try {
      const [rows, forms, session] = await Promise.all([
        api.requests({}, { limit: PAGE_SIZE + 1 }),
        api.forms().catch(() => []),
        api.session().catch(() => undefined),
      ]);
      this.api = api;
      this.agentName = session?.actor.name ?? '';
      this.forms = forms;
      this.filters = {};
      this.cursors = [undefined];
      this.showPage(rows);
    } catch (error) {
      if (error instanceof DeskApiError && error.kind === 'unauthorized') {
        if ('token' in credentials) this.storage()?.removeItem(TOKEN_KEY);
        if (!restoring) this.tokenError = true;
        this.notice = restoring ? 'session-expired' : 'token-refused';
        return false;
      }
      this.problem = error instanceof DeskApiError ? error : new DeskApiError('network');
      return false;
    }
    if ('token' in credentials) this.storage()?.setItem(TOKEN_KEY, credentials.token);
    this.tokenError = false;
    this.notice = undefined;
    this.problem = undefined;
    this.view = 'inbox';
    this.focusing.afterRender('#inbox-title');
    this.dispatchEvent(
      new CustomEvent('guichet-desk-signed-in', { bubbles: true, composed: true, detail: { name: this.agentName } }),
    );
    return true;
  }

  signOut(reason: 'signed-out' | 'session-expired' = 'signed-out'): void {
    if (reason === 'signed-out') void this.api?.endSession().catch(() => undefined);
    this.storage()?.removeItem(TOKEN_KEY);
    this.api = undefined;
    this.rows = undefined;
    this.current = undefined;
    this.view = 'signed-out';
    this.notice = reason;
    this.focusing.afterRender('#sign-in-title');
    this.dispatchEvent(
      new CustomEvent('guichet-desk-signed-out', { bubbles: true, composed: true, detail: { reason } }),
    );
  }

  /** Runs a call; a 401 ends the session, any other failure shows its message. */
  private async attempt<T>(work: (api: DeskApi) => Promise<T>): Promise<T | undefined> {
    if (!this.api) return undefined;
    try {
      const result = await work(this.api);
      this.problem = undefined;
      return result;
    } catch (error) {
      const problem = error instanceof DeskApiError ? error : new DeskApiError('network');
      if (problem.kind === 'unauthorized') this.signOut('session-expired');
      else {
        this.problem = problem;
        this.focusing.afterRender('.problem');
      }
      return undefined;
    }
  }

  /** One more row than shown tells whether an older page exists. */
  private showPage(rows: StoredRequest[]): void {
    this.hasOlder = rows.length > PAGE_SIZE;
    this.rows = rows.slice(0, PAGE_SIZE);
  }

  private async loadPage(index: number): Promise<void> {
    this.loading = true;
    const rows = await this.attempt((api) =>
      api.requests(this.filters, {
        limit: PAGE_SIZE + 1,
        ...(this.cursors[index] ? { before: this.cursors[index] } : {}),
      }),
    );
    this.loading = false;
    if (!rows) return;
    this.cursors = this.cursors.slice(0, index + 1);
    this.showPage(rows);
    this.announcer.announce(this.text.pageAnnounce(this.rows!.length));
  }

  private async applyFilters(filters: InboxFilters): Promise<void> {
    this.filters = filters;
    this.cursors = [undefined];
    await this.loadPage(0);
  }

  private async older(): Promise<void> {
    const last = this.rows?.[this.rows.length - 1];
    if (!last) return;
    this.cursors = [...this.cursors, last.reference];
    await this.loadPage(this.cursors.length - 1);
    this.focusing.afterRender('#inbox-caption');
  }

  private async newer(): Promise<void> {
    await this.loadPage(Math.max(0, this.cursors.length - 2));
    this.focusing.afterRender('#inbox-caption');
  }

  private async open(reference: string): Promise<void> {
    const loaded = await this.attempt(async (api) => {
      const request = await api.request(reference);
      const [definition, audit] = await Promise.all([
        api.definition(request.formId).catch(() => undefined),
        api.audit(reference).catch(() => []),
      ]);
      return { request, definition, audit };
    });
    if (!loaded) return;
    this.current = loaded.request;
    this.definition = loaded.definition;
    this.audit = loaded.audit;
    this.view = 'request';
    this.focusing.afterRender('#request-title');
  }

  private back(): void {
    const reference = this.current?.reference;
    this.view = 'inbox';
    this.current = undefined;
    void this.loadPage(this.cursors.length - 1).then(() =>
      this.focusing.afterRender(
        () =>
          this.renderRoot.querySelector<HTMLElement>(`[data-reference="${CSS.escape(reference ?? '')}"]`) ??
          this.renderRoot.querySelector<HTMLElement>('#inbox-title'),
      ),
    );
  }

  private async changeStatus(values: StatusChangeValues): Promise<void> {
    const reference = this.current?.reference;
    if (!reference) return;
    this.saving = true;
    const updated = await this.attempt(async (api) => {
      const request = await api.changeStatus(reference, values);
      const audit = await api.audit(reference).catch(() => this.audit);
      return { request, audit };
    });
    this.saving = false;
    if (!updated) return;
    this.current = updated.request;
    this.audit = updated.audit;
    const form = this.renderRoot.querySelector<HTMLFormElement>('.status-form');
    form?.reset();
    this.announcer.announce(this.text.saved(updated.request.status.label));
    this.focusing.afterRender('.current');
  }

  private async download(attachment: Attachment): Promise<void> {
    const blob = await this.attempt((api) => api.attachment(attachment.id));
    if (blob) saveBlob(blob, attachment.name, this.ownerDocument);
  }

  private async exportCsv(): Promise<void> {
    const blob = await this.attempt((api) => api.exportCsv(this.filters));
    if (!blob) return;
    const name = `demandes-${new Date().toISOString().slice(0, 10)}.csv`;
    saveBlob(blob, name, this.ownerDocument);
    this.announcer.announce(this.text.exported(name));
  }

  private renderProblem(): TemplateResult | typeof nothing {
    const problem = this.problem;
    if (!problem) return nothing;
    const text = this.text;
    const message =
      problem.kind === 'network'
        ? text.network
        : problem.kind === 'not-found'
          ? text.notFound
          : (problem.serverMessage ?? text.server);
    return html`<div class="problem" part="problem" role="alert" tabindex="-1">
      <h2 class="problem__title">${text.problemTitle}</h2>
      <p>${message}</p>
    </div>`;
  }

  private renderBody(): TemplateResult {
    const text = this.text;
    const lang = this.language.value;
    if (!this.endpoint) return html`<p class="problem" role="alert">${text.configuration}</p>`;
    if (this.view === 'signed-out') {
      return renderSignIn({
        text,
        lang,
        notice: this.notice,
        tokenError: this.tokenError,
        signInUrl: this.signInUrl,
        onSignIn: (token) => {
          if (!token) {
            this.tokenError = true;
            this.notice = undefined;
            this.focusing.afterRender('#token');
            return;
          }
          void this.signIn({ token }).then((ok) => {
            if (!ok) this.focusing.afterRender('#token');
          });
        },
      });
    }
    if (this.view === 'request' && this.current) {
      return renderRequest({
        text,
        lang,
        request: this.current,
        definition: this.definition,
        audit: this.audit,
        saving: this.saving,
        onBack: () => this.back(),
        onDownload: (attachment) => void this.download(attachment),
        onChangeStatus: (values) => void this.changeStatus(values),
      });
    }
    return renderInbox({
      text,
      lang,
      forms: this.forms,
      filters: this.filters,
      rows: this.rows,
      loading: this.loading,
      hasNewer: this.cursors.length > 1,
      hasOlder: this.hasOlder,
      onFilter: (filters) => void this.applyFilters(filters),
      onReset: () => void this.applyFilters({}),
      onOpen: (reference) => void this.open(reference),
      onNewer: () => void this.newer(),
      onOlder: () => void this.older(),
      onExport: () => void this.exportCsv(),
    });
  }

  override render(): TemplateResult {
    const text = this.text;
    return html`<div class="desk" lang=${this.language.value}>
      <header class="desk__header">
        <h1 class="desk__title">${text.title}</h1>
        ${
          this.view !== 'signed-out' && this.agentName
            ? html`<p class="desk__agent" part="agent">${text.signedInAs(this.agentName)}</p>`
            : nothing
        }
        ${
          this.view !== 'signed-out'
            ? html`<button class="secondary" type="button" @click=${() => this.signOut()}>${text.signOut}</button>`
            : nothing
        }
      </header>
      ${this.renderProblem()} ${this.renderBody()}
      <div class="announcement visually-hidden" role="status" aria-live="polite"></div>
    </div>`;
  }
}
