import { css } from 'lit';

/**
 * The look-up form, the loading message and the problems: what the tracker shows before its
 * lazily loaded chunk brings the status view and its styles (./status-view.styles.ts).
 */
export const trackerStyles = css`
  h2,
  h3 {
    line-height: 1.25;
  }

  /* Look-up form */
  .lookup__title,
  .status__title,
  .problem__title {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-size: 1.5rem;
  }
  .lookup__intro {
    margin: 0 0 var(--_space);
  }
  .lookup .field {
    margin-block-end: calc(var(--_space) * 1.25);
  }
  .lookup .input {
    max-width: 20em;
  }
  /* A code cut at its hyphen reads as two codes. */
  .field__example {
    white-space: nowrap;
  }

  .problem {
    margin-block-end: calc(var(--_space) * 1.5);
    padding: var(--_space);
    border: 4px solid var(--_color-error);
    border-radius: var(--_radius);
  }
  .problem__title {
    font-size: 1.25rem;
  }
  .problem__message,
  .problem__stale {
    margin: 0 0 0.75rem;
  }

  .loading {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin: 0 0 var(--_space);
    padding: var(--_space);
    background: var(--_color-surface);
  }
  .loading__spinner {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    border: 3px solid var(--_color-border);
    border-top-color: transparent;
    border-radius: 50%;
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  /* Deep under the page's headings (heading-level 4 and more: the tracker inside a receipt), its
     headings look their level, not larger than the page's heading above them. */
  h2[aria-level='4'],
  h3[aria-level='4'] {
    font-size: 1.125rem;
  }
  h2[aria-level='5'],
  h3[aria-level='5'],
  h3[aria-level='6'] {
    font-size: 1rem;
  }
  .another {
    margin: calc(var(--_space) * 1.5) 0 0;
  }

  @media (forced-colors: active) {
    .problem {
      border-color: CanvasText;
    }
    .loading__spinner {
      border-color: CanvasText;
      border-top-color: Canvas;
    }
  }

  @media print {
    .lookup,
    .loading,
    .announcement,
    .another {
      display: none;
    }
  }
`;
