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
import type { Adapter, AdapterConfig, AdapterFactory } from './types.js';
import { guichetAdapter } from './adapters/guichet.js';
import { open311Adapter } from './adapters/open311.js';

const factories = new Map<string, AdapterFactory>([
  ['guichet', guichetAdapter],
  ['open311', open311Adapter],
]);

/** Makes `name` available to `createAdapter` and the elements' `adapter` attribute; a later registration replaces an earlier one. */
export function registerAdapter(name: string, factory: AdapterFactory): void {
  if (!name.trim()) throw new TypeError('An adapter needs a name');
  factories.set(name, factory);
}

/** The names `createAdapter` accepts. */
export function adapterNames(): string[] {
  return [...factories.keys()];
}

/**
 * A new adapter talking to `config.endpoint`. Extra settings in `config` (e.g. the Open311
 * adapter's `apiKey`, `jurisdictionId`) go to the factory untouched.
 * @throws TypeError when no adapter of that name is registered.
 */
export function createAdapter<Config extends AdapterConfig>(name: string, config: Config): Adapter {
  const factory = factories.get(name || 'guichet');
  if (!factory) throw new TypeError(`Unknown adapter "${name}" (known: ${adapterNames().join(', ')})`);
  return factory(config);
}
