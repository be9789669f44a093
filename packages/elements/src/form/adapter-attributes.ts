import type { Language } from '@guichet/core';
import type { AdapterSettings } from '../submission/types.js';
import type { ServiceSource } from './service-source.js';

/** What the form's attributes say about how it talks to its back office. */
export interface AdapterAttributes {
  readonly adapter: string;
  readonly endpoint?: string;
  readonly src?: string;
  readonly definition?: unknown;
  readonly service?: string;
  readonly apiKey?: string;
  readonly jurisdiction?: string;
  readonly multiValue?: string;
}

/**
 * Where the definition comes from when neither `definition` nor `src` gives it: an Open311
 * server's service. `undefined` when the form has a definition of its own or nothing names a service.
 */
export function serviceSource(host: AdapterAttributes, lang: Language): ServiceSource | undefined {
  const { service, endpoint } = host;
  if (host.adapter !== 'open311' || !service || !endpoint || host.src || host.definition !== undefined) return;
  return { endpoint, service, lang, ...(host.jurisdiction ? { jurisdiction: host.jurisdiction } : {}) };
}

/** The adapter's settings (`open311`: key, jurisdiction, multi-value style); unset ones are left out. */
export function adapterSettings(host: AdapterAttributes): AdapterSettings {
  const settings: Record<string, string> = {};
  if (host.apiKey) settings.apiKey = host.apiKey;
  if (host.jurisdiction) settings.jurisdictionId = host.jurisdiction;
  if (host.multiValue) settings.multiValue = host.multiValue;
  return settings;
}
