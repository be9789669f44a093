/**
 * Type-level test (checked by `tsc`, never run): a TypeScript user gets the elements' types from
 * `document.querySelector` and typed `detail`s from `addEventListener`, with nothing to declare.
 */
import '../../packages/elements/src/index.js';
import type { GuichetForm, GuichetTracker } from '../../packages/elements/src/index.js';

export function wire(): void {
  const form = document.querySelector('guichet-form');
  form satisfies GuichetForm | null;
  form?.addEventListener('guichet-submitted', (e) => {
    e.detail.trackingCode satisfies string;
    e.detail.reference satisfies string;
    e.detail.status.phase satisfies string;
  });
  form?.addEventListener('guichet-submit', (e) => {
    e.detail.data satisfies Record<string, unknown>;
    e.preventDefault();
  });
  form?.addEventListener('guichet-error', (e) => {
    const kind: 'definition' | 'network' | 'server' | 'validation' | 'not-found' | 'rate-limited' | 'configuration' =
      e.detail.kind;
    void kind;
  });
  document.body.addEventListener('guichet-submitted', (e) => e.detail.trackingCode satisfies string);
  document.addEventListener('guichet-error', (e) => e.detail.message satisfies string);
  if (form) form.data = { email: 'amina.benali@exemple.fr' };

  const tracker = document.querySelector('guichet-tracker');
  tracker satisfies GuichetTracker | null;
  tracker?.addEventListener('guichet-status-change', (e) => e.detail.status.phase satisfies string);
  const created = document.createElement('guichet-form');
  created.endpoint = 'https://gru.example/api';
}
