import { css } from 'lit';
import { themeStyles } from '../shared/theme.styles.js';
import { contactStyles } from '../shared/contact-block.styles.js';
import { submissionStyles } from '../submission/submission.styles.js';
import { fieldStyles } from '../shared/field.styles.js';

const formOwnStyles = css`
  .root {
    padding-block: calc(var(--_space) * 0.5);
  }
  .title {
    margin: 0 0 0.5rem;
    font-size: 1.75rem;
    line-height: 1.25;
  }
  .title:focus,
  .step__title:focus,
  #guichet-clear-question:focus {
    outline: var(--_focus-ring);
    outline-offset: 4px;
  }
  .description,
  .convention,
  .step__description {
    margin: 0 0 var(--_space);
  }
  .progress {
    margin: 0 0 0.25rem;
    color: var(--_color-muted);
    font-weight: 600;
  }
  .step__title {
    margin: 0 0 var(--_space);
    font-size: 1.375rem;
    line-height: 1.3;
  }
  .form {
    margin: 0;
  }
  /* Block flow, not a grid: a grid measures every item's intrinsic size before placing any,
     which at hundreds of fields costs more than the rest of the layout together. Each question
     keeps its distance below it; a selector ending in a class (not "> * + *") is only tried on
     the elements that carry it, not on every element of a long form. */
  .fields__chunk > .field,
  .fields__chunk > .fieldset {
    margin-block-end: calc(var(--_space) * 1.5);
  }
  /* In a long step, chunks off screen are not drawn until they come near it (see field-chunks.ts).
     Their paint containment would clip the focus ring of a full-width input: where the browser
     cannot let the ring overflow the chunk, every chunk is drawn. */
  @supports (overflow-clip-margin: 1rem) {
    .fields__chunk--waits {
      content-visibility: auto;
      /* 25 fields, until a chunk has been drawn once and its own height is known. */
      contain-intrinsic-size: auto 125rem;
      overflow-clip-margin: 1rem;
    }
    @media print {
      .fields__chunk--waits {
        content-visibility: visible;
      }
    }
  }
  .field {
    min-width: 0;
  }
  .fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .fieldset > .legend,
  .options > .label,
  .date-input > .label {
    padding: 0;
    font-size: 1.125rem;
  }
  .fieldset > .field,
  .fieldset > .fieldset {
    margin-block-start: var(--_space);
  }
  .help {
    margin: 0 0 0.5rem;
  }
  .help summary {
    display: inline-block;
    min-height: 24px;
    color: var(--_color-primary);
    text-decoration: underline;
    cursor: pointer;
  }
  .help p {
    margin: 0.5rem 0 0;
    padding-inline-start: 0.75rem;
    border-inline-start: 4px solid var(--_color-border);
  }
  /* A unit ("m²", "personnes") sits after its input on the same line, or under it when narrow. */
  .input--unit {
    display: inline-block;
    width: min(100%, 24rem);
    margin-inline-end: 0.5rem;
    vertical-align: middle;
  }
  .input--number {
    max-width: 14rem;
  }
  /* A date in three boxes (memorable-date) side by side, each as wide as what it holds, so its
     width says what to type. */
  .date-box {
    display: inline-block;
    margin-inline-end: 1.25rem;
    vertical-align: top;
  }
  .input--2-digits {
    width: calc(3ch + 1rem + 4px);
  }
  .input--4-digits {
    width: calc(5ch + 1rem + 4px);
  }
  .textarea {
    resize: vertical;
  }
  .input:focus-visible,
  .option__input:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .input--file {
    padding: 0.375rem;
  }
  .unit {
    font-weight: 600;
  }
  .count {
    margin: 0.25rem 0 0;
    color: var(--_color-muted);
  }
  .count--over {
    color: var(--_color-error);
    font-weight: 600;
  }
  /* Radios and checkboxes as GOV.UK lays them out: the control positioned in the label's gutter.
     Block flow only: grids here multiply the layout cost of a long form. */
  .option + .option {
    margin-block-start: 0.5rem;
  }
  .option {
    position: relative;
    min-height: 1.75rem;
    padding-inline-start: 2rem;
  }
  .option__input {
    position: absolute;
    inset-inline-start: 0;
    top: 0;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0.125rem 0 0;
    accent-color: var(--_color-primary);
  }
  .option__label {
    display: block;
    min-height: 24px;
    padding-block: 0.125rem;
    cursor: pointer;
  }
  .group__item {
    margin: var(--_space) 0 0;
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .group__item > .legend {
    padding-inline: 0.25rem;
  }
  /* Inside an item, questions keep the same distance as everywhere else in the form. */
  .group__item > .field,
  .group__item > .fieldset {
    margin-block-start: calc(var(--_space) * 1.5);
  }
  .group__item > .legend + .field,
  .group__item > .legend + .fieldset {
    margin-block-start: 0.5rem;
  }
  .group__item > button {
    margin-block-start: var(--_space);
  }
  .group > button {
    margin-block-start: var(--_space);
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block-start: 0.5rem;
  }
  .file__name {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  .summary__step {
    margin: calc(var(--_space) * 1.5) 0 0.5rem;
    font-size: 1.125rem;
  }
  /* Rows follow the summary's own width (the element may sit in a narrow column of a wide page). */
  .summary {
    container-type: inline-size;
  }
  .summary__list {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .summary__row {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr) auto;
    gap: 0.25rem 1rem;
    padding-block: 0.5rem;
    border-block-end: 1px solid var(--_color-border);
  }
  .summary__nested {
    margin: 0.25rem 0 0;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_color-border);
  }
  .summary__nested .summary__row {
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    border: 0;
    padding-block: 0.125rem;
  }
  /* A fieldset's or a group's answers: under their label, as wide as the row; an item's name above its answers. */
  .summary__row.summary__row--nested {
    grid-template-columns: minmax(0, 1fr) auto;
  }
  .summary__row--nested > .summary__value {
    grid-column: 1 / -1;
    grid-row: 2;
  }
  .summary__row.summary__row--item {
    grid-template-columns: minmax(0, 1fr);
    padding-block: 0.25rem;
  }
  .summary__row dt {
    font-weight: 600;
  }
  .summary__row dd {
    margin: 0;
  }
  .summary__value--text {
    white-space: pre-wrap;
  }
  .summary__actions a {
    display: inline-block;
    min-height: 24px;
  }
  .notice {
    margin-block: var(--_space);
    padding: var(--_space);
    border-inline-start: 5px solid var(--_color-primary);
    background: var(--_color-surface);
  }
  .notice--warning {
    border-inline-start-color: var(--_color-warning);
  }
  .notice__title {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
  }
  .notice p {
    margin: 0 0 0.75rem;
  }
  .clear {
    margin: calc(var(--_space) * 1.5) 0 0;
  }
  .link-button {
    min-height: 24px;
    min-width: 0;
    padding: 0.25rem 0;
    border: 0;
    color: var(--_color-primary);
    background: none;
    text-decoration: underline;
  }
  .loading {
    margin: 0;
    padding: var(--_space);
    color: var(--_color-muted);
  }
  .definition-error {
    padding: var(--_space);
    border: 4px solid var(--_color-error);
  }
  .definition-error__title {
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
  }
  .definition-error__list {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  @container (max-width: 30rem) {
    .summary__row.summary__row {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  @media (max-width: 30rem) {
    .actions button {
      flex: 1 1 100%;
    }
  }
  @media (forced-colors: active) {
    .definition-error,
    .notice {
      border-color: CanvasText;
    }
  }
`;

export const formStyles = [themeStyles, contactStyles, submissionStyles, fieldStyles, formOwnStyles];
