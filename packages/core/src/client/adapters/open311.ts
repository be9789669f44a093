/**
 * The `open311` adapter: GeoReport v2 (https://wiki.open311.org/GeoReport_v2), the protocol many
 * city back offices speak. Its code (../../open311/) loads on first use, in a chunk of its own:
 * pages that talk to a Guichet endpoint never download it.
 */
import type { Adapter, AdapterConfig } from '../types.js';

/** How a multivaluelist answer is written in the form-urlencoded body. */
export type MultiValueStyle =
  /** `attribute[code][]=a&attribute[code][]=b`, as the GeoReport v2 spec writes it (the default). */
  | 'brackets'
  /** `attribute[code]=a&attribute[code]=b`, as servers built on Open311::Endpoint (FixMyStreet's) read it. */
  | 'repeat';

export interface Open311Config extends AdapterConfig {
  /** Sent as `api_key` with each new request (GeoReport v2 asks for it on POST only). */
  apiKey?: string;
  /** Sent as `jurisdiction_id` with every call, for servers that serve several jurisdictions. */
  jurisdictionId?: string;
  /** Default `brackets`. */
  multiValue?: MultiValueStyle;
}

export function open311Adapter(config: Open311Config): Adapter {
  let loading: Promise<Adapter> | undefined;
  const adapter = () => {
    // The whole of Open311 in one chunk: a page that sends also built its form from the service.
    loading ??= import('../../open311/index.js').then((module) => module.createOpen311Adapter(config));
    // A chunk that failed to download is fetched again by the next call (the outbox retries).
    loading.catch(() => (loading = undefined));
    return loading;
  };
  return {
    name: 'open311',
    submit: async (request, options) => (await adapter()).submit(request, options),
    status: async (query, options) => (await adapter()).status(query, options),
  };
}
