import type { ReactiveControllerHost } from 'lit';
import type { Adapter, ContactBlock, RequestStatus } from '@guichet/core';
import { loadWorkChunk, type WorkChunk } from '../shared/lazy-chunk.js';

/** What the tracker's attributes say about where statuses come from. */
export interface StatusSettings {
  readonly endpoint: string;
  readonly adapter: string;
  readonly apiKey?: string;
  readonly jurisdiction?: string;
}

/** One adapter per set of settings: a poll every few seconds reuses it rather than building another. */
export class AdapterCache {
  private cached?: { key: string; adapter: Adapter };

  get(createAdapter: WorkChunk['createAdapter'], settings: StatusSettings): Adapter {
    const config = {
      endpoint: settings.endpoint.trim(),
      ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
      ...(settings.jurisdiction ? { jurisdictionId: settings.jurisdiction } : {}),
    };
    const key = `${settings.adapter}\n${JSON.stringify(config)}`;
    if (this.cached?.key !== key) this.cached = { key, adapter: createAdapter(settings.adapter || 'guichet', config) };
    return this.cached.adapter;
  }
}

/**
 * The "Besoin d'aide ?" block of the request's form, when the page gave none: read once per form
 * from the definition Guichet's endpoint serves next to the statuses (other protocols serve none).
 */
export class FormContact {
  /** The contact of the form of the status shown, once read. */
  value?: ContactBlock;
  private formId?: string;

  constructor(private readonly host: ReactiveControllerHost) {}

  async fetch(status: RequestStatus, settings: StatusSettings): Promise<void> {
    const formId = status.formId;
    if (!formId || settings.adapter !== 'guichet' || this.formId === formId) return;
    this.formId = formId;
    const endpoint = settings.endpoint.trim();
    // The status came through the work chunk, which holds the contact's reader too.
    const contact = await loadWorkChunk().then(
      ({ loadFormContact }) => loadFormContact(endpoint, formId),
      () => undefined,
    );
    if (this.formId === formId && settings.endpoint.trim() === endpoint) {
      this.value = contact;
      this.host.requestUpdate();
    }
  }
}
