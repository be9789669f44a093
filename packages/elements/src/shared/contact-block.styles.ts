import { css } from 'lit';

export const contactStyles = css`
  .contact {
    margin-block: calc(var(--_space) * 1.5) 0;
    padding: var(--_space);
    border-inline-start: 4px solid var(--_color-primary);
    background: var(--_color-surface);
  }
  .contact__title {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
  }
  .contact__name {
    margin: 0 0 0.5rem;
  }
  .contact__list {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  .contact__list dt {
    font-weight: 600;
  }
  .contact__list dd {
    margin: 0;
  }
  @media (max-width: 30rem) {
    .contact__list {
      grid-template-columns: 1fr;
    }
    .contact__list dd {
      margin-block-end: 0.5rem;
    }
  }
`;
