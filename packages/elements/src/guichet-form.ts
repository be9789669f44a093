import { GuichetForm } from './form/guichet-form.js';

customElements.define('guichet-form', GuichetForm);

declare global {
  interface HTMLElementTagNameMap {
    'guichet-form': GuichetForm;
  }
}
