/**
 * Which adapter the `adapter` attribute names. `guichet` and `open311` come built in; an
 * authority whose back office speaks something else registers its own before the elements
 * send anything:
 *
 * ```ts
 * import { registerAdapter, EndpointError } from '@guichet/core';
 *
 * registerAdapter('my-gru', (config) => ({
 *   name: 'my-gru',
 *   async submit(request) {
 *     const response = await fetch(`${config.endpoint}/demandes`, {
 *       method: 'POST',
 *       headers: { 'Content-Type': 'application/json', 'Idempotency-Key': request.idempotencyKey },
 *       body: JSON.stringify({ formulaire: request.model.id, donnees: request.data }),
 *     });
 *     if (!response.ok) throw new EndpointError(response.status >= 500 ? 'server' : 'rejected', await response.text(), { status: response.status });
 *     const { numero, code } = await response.json();
 *     const now = new Date().toISOString();
 *     const status = { reference: numero, phase: 'received', code: 'new', label: 'Reçue', final: false, updatedAt: now, history: [] } as const;
 *     return { reference: numero, trackingCode: code, receivedAt: now, status: { ...status, history: [] } };
 *   },
 *   async status(query) { … },
 * }));
 * ```
 * then `<guichet-form adapter="my-gru" endpoint="https://gru.example/api">`.
 * See docs/adapters.md.
 */
import type { AdapterFactory } from './types.js';

/**
 * The adapters an authority registered. The built-in ones are not in this table but beside
 * `createAdapter` (create-adapter.ts), which the elements load lazily: registering an adapter
 * costs a page nothing of the adapters it does not use.
 */
const registered = new Map<string, AdapterFactory>();

/** Makes `name` available to `createAdapter` and the elements' `adapter` attribute; a later registration replaces an earlier one (a built-in one too). */
export function registerAdapter(name: string, factory: AdapterFactory): void {
  if (!name.trim()) throw new TypeError('An adapter needs a name');
  registered.set(name, factory);
}

/** The factory registered under `name`, if any. */
export function registeredAdapter(name: string): AdapterFactory | undefined {
  return registered.get(name);
}

/** The names registered so far. */
export function registeredNames(): string[] {
  return [...registered.keys()];
}
