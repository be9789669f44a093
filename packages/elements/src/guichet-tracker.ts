import { GuichetTracker } from './tracker/guichet-tracker.js';

customElements.define('guichet-tracker', GuichetTracker);

declare global {
  interface HTMLElementTagNameMap {
    'guichet-tracker': GuichetTracker;
  }
}
