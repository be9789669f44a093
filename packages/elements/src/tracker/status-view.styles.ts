import { css } from 'lit';

/**
 * The status view's styles, in the lazily loaded chunk with the view (the tracker adopts them
 * when it first shows a status). Phases are told apart by words and icons first; colour (a border
 * and the icon's tint) only adds to them, and forced-colors mode keeps the borders and draws icons
 * in the text colour.
 */
export const statusViewStyles = css`
  /* Status view */
  .status__reference {
    margin: 0 0 0.25rem;
    color: var(--_color-muted);
    font-weight: 600;
  }
  .phase {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0 0 var(--_space);
    padding: 0.25rem 0.75rem;
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    color: var(--_phase-color, var(--_color-primary));
    background: var(--_color-background);
  }
  .phase__text {
    color: var(--_color-text);
  }
  .phase-icon {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
  }
  /* Set on the status and on each timeline entry, so a past step keeps its own colour. */
  .phase--received,
  .phase--in_progress {
    --_phase-color: var(--_color-primary);
  }
  .phase--completed {
    --_phase-color: var(--_color-success);
  }
  .phase--action_required {
    --_phase-color: var(--_color-warning);
  }
  .phase--rejected,
  .phase--cancelled {
    --_phase-color: var(--_color-error);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 2rem;
    margin: 0 0 var(--_space);
  }
  .facts dt {
    color: var(--_color-muted);
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }
  .final {
    margin: 0 0 var(--_space);
    padding: 0.75rem var(--_space);
    border-inline-start: 4px solid var(--_phase-color, var(--_color-primary));
    background: var(--_color-surface);
    font-weight: 600;
  }

  .action-required {
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: var(--_space);
    border: 4px solid var(--_color-warning);
    border-radius: var(--_radius);
  }
  .action-required__title {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
  }
  .action-required__title .phase-icon {
    color: var(--_color-warning);
  }
  .action-required > p {
    margin: 0 0 0.75rem;
  }

  .note {
    margin: 0.5rem 0 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_color-border);
    background: var(--_color-surface);
  }
  .note__title {
    margin: 0;
    font-weight: 600;
  }
  .note__text {
    margin: 0.25rem 0 0;
    white-space: pre-line;
  }

  .history__title {
    margin: calc(var(--_space) * 1.5) 0 0.75rem;
    font-size: 1.25rem;
  }
  .timeline {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .timeline__entry {
    position: relative;
    display: flex;
    gap: 0.75rem;
    padding-block-end: var(--_space);
  }
  .timeline__entry:not(:last-child)::after {
    content: '';
    position: absolute;
    inset-block: 2rem 0.25rem;
    inset-inline-start: calc(1rem - 1px);
    border-inline-start: 2px solid var(--_color-border);
  }
  .timeline__marker {
    flex: none;
    display: flex;
    align-items: center;
    justify-content: center;
    width: 2rem;
    height: 2rem;
    border: 2px solid currentColor;
    border-radius: 50%;
    color: var(--_phase-color, var(--_color-primary));
    background: var(--_color-background);
  }
  .timeline__marker .phase-icon {
    width: 1.125rem;
    height: 1.125rem;
  }
  .timeline__body {
    flex: 1;
    min-width: 0;
  }
  .timeline__body > p {
    margin: 0;
  }
  .timeline__date,
  .timeline__phase {
    color: var(--_color-muted);
  }
  .timeline__current {
    font-weight: 400;
  }

  @media (forced-colors: active) {
    .phase,
    .timeline__marker,
    .action-required,
    .final,
    .note {
      border-color: CanvasText;
    }
    .phase,
    .timeline__marker,
    .action-required__title .phase-icon {
      color: CanvasText;
    }
  }

  @media print {
    .timeline__entry,
    .action-required,
    .note {
      break-inside: avoid;
    }
    .phase,
    .timeline__marker {
      color: #000;
    }
  }
`;
