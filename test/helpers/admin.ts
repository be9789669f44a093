import type { StoredRequest } from '@guichet/core';
import { endpointUrl, testEnv } from './env.js';

/** The reference endpoint's API base, as an element's `endpoint` attribute holds it. */
export function apiUrl(): string {
  return `${endpointUrl()}/api`;
}

/**
 * An address where nothing answers: a privileged port no test server can bind, outside the list
 * of ports Chromium refuses outright, so the browser really tries and gets "connection refused".
 */
export const unreachableApi = 'http://127.0.0.1:3/api';

/**
 * Submits answers to a form's current version as a citizen's browser does (a new
 * `Idempotency-Key`), and returns the endpoint's answer: the receipt, with the stored request.
 */
export async function submitAnswers<T>(formId: string, data: Record<string, unknown>, lang: 'fr' | 'en'): Promise<T> {
  const definition = (await (await fetch(`${apiUrl()}/forms/${formId}`)).json()) as { version: string };
  const response = await fetch(`${apiUrl()}/forms/${formId}/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ formVersion: definition.version, channel: 'web', lang, data }),
  });
  if (!response.ok) throw new Error(`submission: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Requests stored by the endpoint for one form, newest first (agent API). */
export async function storedRequests(formId: string): Promise<StoredRequest[]> {
  const response = await fetch(`${apiUrl()}/admin/requests?formId=${encodeURIComponent(formId)}&limit=500`, {
    headers: { Authorization: `Bearer ${testEnv().adminToken}` },
  });
  if (!response.ok) throw new Error(`admin list: HTTP ${response.status}`);
  return (await response.json()) as StoredRequest[];
}

/** Stored requests whose answers hold `marker` in `field` (each test marks its own). */
export async function storedWith(formId: string, field: string, marker: string): Promise<StoredRequest[]> {
  return (await storedRequests(formId)).filter(
    (r) => (r.data as Record<string, unknown> | undefined)?.[field] === marker,
  );
}
