/** The inbox: filters, the page of requests newest first, paging and the CSV export. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Channel, Language, Phase, StoredRequest } from '@guichet/core';
import { formatDate } from '../shared/intl.js';
import type { FormSummary, InboxFilters } from './desk-api.js';
import type { DeskText } from './messages.js';

export const PHASES: Phase[] = ['received', 'in_progress', 'action_required', 'completed', 'rejected', 'cancelled'];
export const CHANNELS: Channel[] = ['web', 'counter', 'phone', 'mail'];

export interface InboxViewOptions {
  text: DeskText;
  lang: Language;
  forms: FormSummary[];
  filters: InboxFilters;
  rows: StoredRequest[] | undefined;
  loading: boolean;
  hasNewer: boolean;
  hasOlder: boolean;
  onFilter: (filters: InboxFilters) => void;
  onReset: () => void;
  onOpen: (reference: string) => void;
  onNewer: () => void;
  onOlder: () => void;
  onExport: () => void;
}

export function shortDate(iso: string, lang: Language): string {
  return formatDate(new Date(iso), lang, { dateStyle: 'medium', timeStyle: 'short' });
}

function readFilters(form: HTMLFormElement): InboxFilters {
  const values = new FormData(form);
  const value = (name: string) => String(values.get(name) ?? '');
  return {
    formId: value('formId'),
    phase: value('phase') as Phase | '',
    channel: value('channel') as Channel | '',
    from: value('from'),
    to: value('to'),
    q: value('q'),
  };
}

function select<T extends string>(
  name: string,
  label: string,
  any: string,
  selected: string | undefined,
  options: [T, string][],
): TemplateResult {
  return html`<div class="field field--inline">
    <label class="label" for="filter-${name}">${label}</label>
    <select class="input" id="filter-${name}" name=${name}>
      <option value="" ?selected=${!selected}>${any}</option>
      ${options.map(([value, text]) => html`<option value=${value} ?selected=${selected === value}>${text}</option>`)}
    </select>
  </div>`;
}

function renderFilters(options: InboxViewOptions): TemplateResult {
  const { text, filters, forms } = options;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    options.onFilter(readFilters(event.currentTarget as HTMLFormElement));
  };
  return html`<form class="filters" part="filters" aria-labelledby="filters-title" @submit=${submit}>
    <h3 class="filters__title" id="filters-title">${text.filtersTitle}</h3>
    <div class="field field--search">
      <label class="label" for="filter-q">${text.searchFilter}</label>
      <p class="hint" id="filter-q-hint">${text.searchHint}</p>
      <input class="input" id="filter-q" name="q" type="search" .value=${filters.q ?? ''} aria-describedby="filter-q-hint" />
    </div>
    <div class="filters__row">
      ${select(
        'formId',
        text.formFilter,
        text.any,
        filters.formId,
        forms.map((form) => [form.id, form.title]),
      )}
      ${select(
        'phase',
        text.phaseFilter,
        text.any,
        filters.phase,
        PHASES.map((phase) => [phase, text.phases[phase]]),
      )}
      ${select(
        'channel',
        text.channelFilter,
        text.any,
        filters.channel,
        CHANNELS.map((c) => [c, text.channels[c]]),
      )}
      <div class="field field--inline">
        <label class="label" for="filter-from">${text.fromFilter}</label>
        <input class="input" id="filter-from" name="from" type="date" .value=${filters.from ?? ''} />
      </div>
      <div class="field field--inline">
        <label class="label" for="filter-to">${text.toFilter}</label>
        <input class="input" id="filter-to" name="to" type="date" .value=${filters.to ?? ''} />
      </div>
    </div>
    <div class="actions">
      <button class="primary" type="submit">${text.applyFilters}</button>
      <button class="secondary" type="button" @click=${options.onReset}>${text.resetFilters}</button>
      <button class="secondary" type="button" part="export-button" @click=${options.onExport}>
        ${text.exportCsv}
      </button>
    </div>
  </form>`;
}

/** Whether the citizen answered after the request last changed step: the agents' next move. */
function repliedSince(request: StoredRequest): boolean {
  const since = Date.parse(request.status.updatedAt);
  return (request.replies ?? []).some((reply) => Date.parse(reply.at) >= since);
}

function renderRow(request: StoredRequest, options: InboxViewOptions): TemplateResult {
  const { text, lang, forms } = options;
  const phase = request.status.phase;
  const formTitle = forms.find((form) => form.id === request.formId)?.title ?? request.status.formTitle;
  return html`<tr part="inbox-row">
    <th scope="row">
      <button class="link" type="button" data-reference=${request.reference} @click=${() => options.onOpen(request.reference)}>
        ${request.reference}
      </button>
    </th>
    <td>${formTitle}</td>
    <td>${shortDate(request.createdAt, lang)}</td>
    <td>${text.channels[request.channel]}</td>
    <td>
      <span class="phase phase--${phase}">${text.phases[phase]}</span>
      ${request.status.label !== text.phases[phase] ? html`<span class="phase__label">${request.status.label}</span>` : nothing}
      ${repliedSince(request) ? html`<span class="badge" part="replied">${text.repliedBadge}</span>` : nothing}
    </td>
  </tr>`;
}

export function renderInbox(options: InboxViewOptions): TemplateResult {
  const { text, rows, loading } = options;
  const filtered = Object.values(options.filters).some((value) => value);
  const columns = text.columns;
  return html`<section class="inbox" part="inbox" aria-labelledby="inbox-title">
    <h2 class="title" id="inbox-title" tabindex="-1">${text.inboxTitle}</h2>
    ${renderFilters(options)}
    ${
      rows === undefined
        ? html`<p class="loading" role="status">${text.loading}</p>`
        : rows.length === 0
          ? html`<p class="empty" part="empty">${filtered ? text.empty : text.emptyNoFilter}</p>`
          : html`<div class="table-wrap" role="region" aria-labelledby="inbox-caption" tabindex="0">
            <table class="inbox__table" aria-busy=${loading ? 'true' : 'false'}>
              <caption id="inbox-caption">${text.inboxTitle} — ${text.count(rows.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">${columns.reference}</th>
                  <th scope="col">${columns.form}</th>
                  <th scope="col">${columns.receivedAt}</th>
                  <th scope="col">${columns.channel}</th>
                  <th scope="col">${columns.phase}</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map((request) => renderRow(request, options))}
              </tbody>
            </table>
          </div>`
    }
    ${
      options.hasNewer || options.hasOlder
        ? html`<nav class="pager" aria-label=${text.inboxTitle}>
          ${
            options.hasNewer
              ? html`<button class="secondary" type="button" @click=${options.onNewer}>${text.newer}</button>`
              : nothing
          }
          ${
            options.hasOlder
              ? html`<button class="secondary" type="button" @click=${options.onOlder}>${text.older}</button>`
              : nothing
          }
        </nav>`
        : nothing
    }
  </section>`;
}
