import { css } from 'lit';

/**
 * Styles of the sending state and the receipt. A host rendering `renderStatus`/`renderReceipt`
 * adds these to its own `static styles` (after `themeStyles` and `contactStyles`).
 */
export const submissionStyles = css`
  .submission__message {
    margin: var(--_space) 0 0;
    display: grid;
    gap: 0.25rem;
  }
  .submission__message--empty {
    margin: 0;
  }
  .submission__message--warning,
  .submission__message--error {
    padding: var(--_space);
    border-inline-start: 4px solid var(--_color-warning);
    background: var(--_color-surface);
  }
  .submission__message--error {
    border-inline-start-color: var(--_color-error);
  }
  .submission__title {
    font-weight: 700;
  }
  .submission__retry {
    margin-block-start: 0.75rem;
  }
  /* Inert while the citizen's try is under way, still focusable (focus stays where it was) and as legible. */
  .submission__retry[aria-disabled='true'] {
    cursor: progress;
  }
  .uploads {
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .upload {
    display: grid;
    gap: 0.25rem;
  }
  .upload__bar {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .upload progress {
    flex: 1;
    min-width: 0;
    height: 1rem;
    accent-color: var(--_color-primary);
  }
  .upload__percent {
    min-width: 3.5em;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .upload__cancel {
    justify-self: start;
  }

  .receipt__title {
    margin: 0 0 var(--_space);
    font-size: 1.5rem;
    color: var(--_color-success);
  }
  .receipt__title:focus {
    outline: none;
  }
  .receipt__title:focus-visible {
    outline: var(--_focus-ring);
  }
  .receipt__codes {
    display: grid;
    gap: var(--_space);
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border: 2px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .receipt__pair dt {
    font-weight: 600;
  }
  .receipt__pair dd {
    margin: 0.25rem 0 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .receipt__code {
    font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace;
    font-size: 1.5rem;
    font-weight: 700;
    letter-spacing: 0.05em;
    user-select: all;
  }
  .receipt__subtitle {
    margin: calc(var(--_space) * 1.5) 0 0.5rem;
    font-size: 1.125rem;
  }
  .receipt__copied:empty {
    margin: 0;
  }

  @media print {
    .receipt__actions,
    .receipt__copy,
    .receipt__copied,
    .submission {
      display: none;
    }
    .receipt__title {
      color: #000;
    }
    .receipt__codes {
      border-color: #000;
    }
  }
`;
