import { EndpointError, type DefinitionProblem, type Language } from '@guichet/core';
import { formProblem } from './definition-source.js';

/** Where a form without `src` comes from: an Open311 server's service (`service` attribute). */
export interface ServiceSource {
  endpoint: string;
  service: string;
  jurisdiction?: string;
  lang: Language;
}

export type FetchedService =
  | { ok: true; definition: unknown }
  /** `advice`: what the web team must change, when it is theirs to fix (`code` names the setting). */
  | { ok: false; problem: DefinitionProblem; advice?: string; code?: string };

/**
 * The form definition built from the service definition the GeoReport v2 server serves. Part of
 * the lazily loaded chunk (../lazy.ts); Open311's own code (`@guichet/core/open311`) is a chunk
 * of its own, loaded only here and by the open311 adapter.
 */
export async function fetchServiceDefinition(source: ServiceSource): Promise<FetchedService> {
  try {
    const { loadServiceForm } = await import('@guichet/core/open311');
    return {
      ok: true,
      definition: await loadServiceForm({
        endpoint: source.endpoint,
        serviceCode: source.service,
        lang: source.lang,
        ...(source.jurisdiction ? { jurisdictionId: source.jurisdiction } : {}),
      }),
    };
  } catch (error) {
    if (error instanceof EndpointError && error.kind === 'configuration') {
      const code = error.details.code ?? 'configuration';
      return {
        ok: false,
        problem: { pointer: '', code: `open311-${code}`, message: { fr: error.message, en: error.message } },
        advice: error.message,
        code,
      };
    }
    return { ok: false, problem: formProblem('network', (t) => t.definitionNetwork) };
  }
}
