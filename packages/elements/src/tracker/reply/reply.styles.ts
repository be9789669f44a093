import { css } from 'lit';

/** The reply form in the action-required box, and the citizen's replies in the history. */
export const replyStyles = css`
  .reply {
    margin: var(--_space) 0 0;
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_color-border);
  }
  .reply__title {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
  }
  .reply .field {
    margin: 0 0 var(--_space);
  }
  .reply__message {
    min-height: 8rem;
    resize: vertical;
  }
  .reply__sent {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_color-success);
    background: var(--_color-surface);
  }
  .reply__files {
    margin: 0.25rem 0 var(--_space);
    padding: 0;
    list-style: none;
  }
  .reply__files li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-block-end: 0.5rem;
    overflow-wrap: anywhere;
  }
  .reply__files-title {
    margin: 0;
    font-weight: 600;
  }
  .reply__upload progress {
    display: block;
    width: 100%;
  }
  .reply__progress:empty {
    display: none;
  }
  /* Inert while the citizen's try is under way, still focusable and as legible. */
  .reply__buttons [aria-disabled='true'] {
    cursor: progress;
  }
  .timeline__reply {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .timeline__files {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  @media (forced-colors: active) {
    .reply__sent {
      border-color: CanvasText;
    }
  }
  @media print {
    .reply__form {
      display: none;
    }
  }
`;
