import { css } from 'lit';

/**
 * What a question looks like in both elements (the form's fields and the tracker's look-up
 * form): label, hint, inline error, text input, and the error summary above them. One stylesheet,
 * so a citizen meets the same pattern in both, and the bundle carries it once.
 */
export const fieldStyles = css`
  .field--error {
    padding-inline-start: 0.75rem;
    border-inline-start: 5px solid var(--_color-error);
  }
  .label,
  .legend {
    display: block;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }
  .hint {
    margin: 0 0 0.5rem;
    color: var(--_color-muted);
  }
  .error {
    margin: 0 0 0.5rem;
    color: var(--_color-error);
    font-weight: 600;
  }
  .input {
    display: block;
    width: 100%;
    max-width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem;
    border: 2px solid var(--_color-border);
    border-radius: var(--_radius);
    color: var(--_color-text);
    background: var(--_color-background);
    font: inherit;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_color-error);
  }
  .error-summary {
    margin-block-end: calc(var(--_space) * 1.5);
    padding: var(--_space);
    border: 4px solid var(--_color-error);
  }
  .error-summary:focus {
    outline: var(--_focus-ring);
    outline-offset: 4px;
  }
  .error-summary__title {
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
  }
  .error-summary__list {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary__list a {
    color: var(--_color-error);
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .field--error,
    .error-summary {
      border-color: CanvasText;
    }
    .input {
      border-color: ButtonText;
    }
    /* Colour is gone in a contrast theme: the error keeps a bar of its own, so it does not read as a label. */
    .error {
      padding-inline-start: 0.5rem;
      border-inline-start: 3px solid CanvasText;
    }
  }
`;
