import { css } from 'lit';

/**
 * The neutral default theme. Every visual decision goes through a `--guichet-*` custom property
 * so a host page themes the element from outside its shadow root (see themes/dsfr.css).
 */
export const themeStyles = css`
  :host {
    --_color-text: var(--guichet-color-text, #1e1e1e);
    --_color-muted: var(--guichet-color-muted, #4d4d4d);
    --_color-background: var(--guichet-color-background, #ffffff);
    --_color-surface: var(--guichet-color-surface, #f4f4f6);
    --_color-border: var(--guichet-color-border, #666666);
    --_color-primary: var(--guichet-color-primary, #1f4e9c);
    --_color-primary-text: var(--guichet-color-primary-text, #ffffff);
    --_color-error: var(--guichet-color-error, #b3261e);
    --_color-success: var(--guichet-color-success, #17643a);
    --_color-warning: var(--guichet-color-warning, #8a4b00);
    --_color-focus: var(--guichet-color-focus, #0a76f6);
    --_font-family: var(--guichet-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    --_font-size: var(--guichet-font-size, 1rem);
    --_line-height: var(--guichet-line-height, 1.5);
    --_space: var(--guichet-space, 1rem);
    --_radius: var(--guichet-radius, 0.25rem);
    --_focus-ring: var(--guichet-focus-ring, 3px solid var(--_color-focus));
    --_max-width: var(--guichet-max-width, 40rem);

    display: block;
    box-sizing: border-box;
    max-width: var(--_max-width);
    color: var(--_color-text);
    background: var(--_color-background);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    overflow-wrap: anywhere;
  }

  :host([hidden]) {
    display: none;
  }

  /* Not *::before/*::after: a universal pseudo-element rule makes the browser resolve a
     ::before and an ::after style for every element, a large share of a long form's style work.
     The one pseudo-element drawn (the tracker's timeline line) has no box to size. */
  * {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  button {
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_color-primary);
    border-radius: var(--_radius);
    font: inherit;
    cursor: pointer;
  }

  button.primary {
    background: var(--_color-primary);
    color: var(--_color-primary-text);
  }

  button.secondary {
    background: var(--_color-background);
    color: var(--_color-primary);
  }

  a {
    color: var(--_color-primary);
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      /* Stopped, not sped up: an endless spinner at 0.01ms a turn flickers instead of standing still. */
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }

  @media (forced-colors: active) {
    button.primary {
      border-color: ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }

  @media print {
    :host {
      max-width: none;
      color: #000;
      background: #fff;
    }
    button {
      display: none;
    }
  }
`;
