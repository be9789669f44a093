import { readDefinition, type ContactBlock } from '@guichet/core';

/**
 * The contact block of the form a request was made with (`GET {endpoint}/forms/{formId}`), so a
 * status page shows the service that handles it even when the page set no `contact`. Optional
 * by nature: any failure means "no contact from the form", never an error for the citizen.
 */
export async function loadFormContact(
  endpoint: string,
  formId: string,
  signal?: AbortSignal,
): Promise<ContactBlock | undefined> {
  try {
    const response = await fetch(`${endpoint.replace(/\/+$/, '')}/forms/${encodeURIComponent(formId)}`, {
      headers: { Accept: 'application/json' },
      signal,
    });
    if (!response.ok) return undefined;
    // The endpoint serves only definitions it checked against the meta-schema.
    const result = readDefinition(await response.json());
    return result.ok ? result.model.contact : undefined;
  } catch {
    return undefined;
  }
}
