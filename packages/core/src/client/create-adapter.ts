import type { Adapter, AdapterConfig, AdapterFactory } from './types.js';
import { guichetAdapter } from './adapters/guichet.js';
import { open311Adapter } from './adapters/open311.js';
import { registeredAdapter, registeredNames } from './registry.js';

const builtIn: Record<string, AdapterFactory> = { guichet: guichetAdapter, open311: open311Adapter };

/** The names `createAdapter` accepts: the built-in ones and those registered. */
export function adapterNames(): string[] {
  return [...new Set([...Object.keys(builtIn), ...registeredNames()])];
}

/**
 * A new adapter talking to `config.endpoint`. Extra settings in `config` (e.g. the Open311
 * adapter's `apiKey`, `jurisdictionId`) go to the factory untouched.
 * @throws TypeError when no adapter of that name is registered.
 */
export function createAdapter<Config extends AdapterConfig>(name: string, config: Config): Adapter {
  const wanted = name || 'guichet';
  const factory = registeredAdapter(wanted) ?? (Object.hasOwn(builtIn, wanted) ? builtIn[wanted] : undefined);
  if (!factory) throw new TypeError(`Unknown adapter "${name}" (known: ${adapterNames().join(', ')})`);
  return factory(config);
}
