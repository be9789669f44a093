import { GuichetDesk } from './desk/guichet-desk.js';

customElements.define('guichet-desk', GuichetDesk);

declare global {
  interface HTMLElementTagNameMap {
    'guichet-desk': GuichetDesk;
  }
}

export { GuichetDesk };
