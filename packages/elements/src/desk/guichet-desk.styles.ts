import { css } from 'lit';

/** The desk's own layout: a wide workspace that still reflows to one column at 320 px. */
export const deskStyles = css`
  :host {
    --_max-width: var(--guichet-max-width, 80rem);
  }

  .desk__header {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
    justify-content: space-between;
    border-bottom: 1px solid var(--_color-border);
    margin-bottom: var(--_space);
  }

  .desk__title {
    font-size: 1.25rem;
    margin: 0.5rem 0;
  }

  .desk__agent {
    margin: 0;
    color: var(--_color-muted);
  }

  a.provider {
    display: inline-block;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_color-primary);
    border-radius: var(--_radius);
    font-weight: 600;
  }

  .title {
    font-size: 1.5rem;
    margin: 0 0 var(--_space);
  }

  .title:focus,
  .problem:focus {
    outline: var(--_focus-ring);
  }

  .field {
    margin: 0 0 var(--_space);
    border: 0;
    padding: 0;
  }

  .label {
    display: block;
    font-weight: 600;
  }

  .filters {
    background: var(--_color-surface);
    padding: var(--_space);
    border-radius: var(--_radius);
    margin-bottom: var(--_space);
  }

  .filters__title {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.125rem;
  }

  .filters__row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }

  .field--inline {
    flex: 1 1 10rem;
    min-width: 0;
  }

  .field--search .input {
    width: 100%;
  }

  .input {
    max-width: 100%;
  }

  select.input,
  input[type='date'].input {
    width: 100%;
  }

  .actions,
  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin: var(--_space) 0;
  }

  .table-wrap {
    overflow-x: auto;
  }

  .table-wrap:focus-visible {
    outline: var(--_focus-ring);
  }

  table {
    border-collapse: collapse;
    width: 100%;
  }

  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.5rem;
  }

  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5rem;
    border-bottom: 1px solid var(--_color-border);
  }

  thead th {
    background: var(--_color-surface);
  }

  button.link {
    min-height: 2.75rem;
    padding: 0.25rem 0;
    border: 0;
    background: none;
    color: var(--_color-primary);
    text-decoration: underline;
    font-weight: 600;
    text-align: start;
  }

  .phase {
    display: inline-block;
    font-weight: 600;
  }

  .phase--action_required {
    color: var(--_color-warning);
  }

  .phase--completed {
    color: var(--_color-success);
  }

  .phase--rejected,
  .phase--cancelled {
    color: var(--_color-error);
  }

  .phase__label,
  .muted {
    display: block;
    color: var(--_color-muted);
  }

  span.muted {
    display: inline;
  }

  .problem {
    border-inline-start: 0.3rem solid var(--_color-error);
    padding: 0.5rem var(--_space);
    margin-bottom: var(--_space);
  }

  .problem__title {
    font-size: 1.125rem;
    margin: 0;
  }

  .notice {
    border-inline-start: 0.3rem solid var(--_color-primary);
    padding: 0.5rem var(--_space);
  }

  .request__columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    gap: var(--_space) calc(var(--_space) * 2);
  }

  .summary__step {
    margin: var(--_space) 0 0.5rem;
  }

  .summary__list {
    margin: 0 0 var(--_space);
  }

  .summary__row {
    border-bottom: 1px solid var(--_color-border);
    padding: 0.5rem 0;
  }

  .summary__key {
    font-weight: 600;
  }

  .summary__value {
    margin: 0;
  }

  .summary__value--text,
  .note {
    white-space: pre-wrap;
  }

  .attachments__list,
  .timeline {
    padding-inline-start: 1.25rem;
  }

  .timeline__entry {
    margin-bottom: 0.75rem;
  }

  .timeline__entry p {
    margin: 0;
  }

  .note {
    background: var(--_color-surface);
    padding: 0.5rem;
    margin-top: 0.25rem !important;
  }

  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2.75rem;
  }

  .choice input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
  }

  textarea.input,
  .status-form .input {
    width: 100%;
  }

  .current {
    font-size: 1.125rem;
  }

  .current:focus {
    outline: var(--_focus-ring);
  }

  .badge {
    display: inline-block;
    margin-inline-start: 0.25rem;
    padding: 0 0.4rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    color: var(--_color-primary);
    font-size: 0.875rem;
    font-weight: 600;
  }

  .replies__list,
  .notifications__list {
    padding-inline-start: 1.25rem;
  }

  .reply,
  .notification {
    margin-bottom: 0.75rem;
  }

  .reply p,
  .notification p {
    margin: 0;
  }

  .notification--failed strong {
    color: var(--_color-error);
  }
`;
