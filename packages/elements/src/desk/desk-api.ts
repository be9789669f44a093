/**
 * The desk's calls to the agents' API (`{endpoint}/admin/…`): with an agent's token (Bearer), or
 * with the session cookie of an OpenID sign-in, then with its anti-forgery token on every change.
 * Answers that are not 2xx become a `DeskApiError` the element turns into a message.
 */
import { apiBase, type Channel, type Phase, type StoredRequest } from '@guichet/core';

export interface InboxFilters {
  formId?: string;
  phase?: Phase | '';
  channel?: Channel | '';
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive (the API's `to` is exclusive: the next day is sent). */
  to?: string;
  q?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: { kind: string; id?: string; name: string };
  action: string;
  reference?: string;
  detail?: Record<string, unknown>;
}

export interface FormSummary {
  id: string;
  title: string;
}

export type Credentials = { token: string } | { csrfToken: string };

export class DeskApiError extends Error {
  constructor(
    readonly kind: 'unauthorized' | 'not-found' | 'invalid' | 'network' | 'server',
    /** The endpoint's own localized message, when it sent one. */
    readonly serverMessage?: string,
  ) {
    super(kind);
  }
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** The API's query string of the inbox's filters. */
export function filterParams(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.formId) params.set('formId', filters.formId);
  if (filters.phase) params.set('phase', filters.phase);
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', nextDay(filters.to));
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  return params;
}

export class DeskApi {
  constructor(
    private readonly endpoint: string,
    private readonly credentials: Credentials,
    private readonly lang: () => string,
  ) {}

  private async call(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept-Language', this.lang());
    if ('token' in this.credentials) headers.set('Authorization', `Bearer ${this.credentials.token}`);
    else if (init.method && init.method !== 'GET') headers.set('X-CSRF-Token', this.credentials.csrfToken);
    let response: Response;
    try {
      response = await fetch(`${apiBase(this.endpoint)}${path}`, {
        ...init,
        headers,
        // The session cookie of an OpenID sign-in; a token needs none.
        credentials: 'token' in this.credentials ? 'omit' : 'include',
      });
    } catch {
      throw new DeskApiError('network');
    }
    if (response.ok) return response;
    let message: string | undefined;
    try {
      message = ((await response.json()) as { message?: string }).message;
    } catch {
      // Not an ErrorBody: the generic message will do.
    }
    if (response.status === 401) throw new DeskApiError('unauthorized', message);
    if (response.status === 404) throw new DeskApiError('not-found', message);
    if (response.status < 500) throw new DeskApiError('invalid', message);
    throw new DeskApiError('server', message);
  }

  async requests(filters: InboxFilters, page: { limit: number; before?: string }): Promise<StoredRequest[]> {
    const params = filterParams(filters);
    params.set('limit', String(page.limit));
    if (page.before) params.set('before', page.before);
    return (await this.call(`/admin/requests?${params}`)).json() as Promise<StoredRequest[]>;
  }

  async request(reference: string): Promise<StoredRequest> {
    return (await this.call(`/admin/requests/${encodeURIComponent(reference)}`)).json() as Promise<StoredRequest>;
  }

  async audit(reference: string): Promise<AuditEntry[]> {
    return (await this.call(`/admin/audit?reference=${encodeURIComponent(reference)}`)).json() as Promise<AuditEntry[]>;
  }

  async changeStatus(
    reference: string,
    change: { phase: Phase; label?: string; note?: string },
  ): Promise<StoredRequest> {
    const response = await this.call(`/admin/requests/${encodeURIComponent(reference)}/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(change),
    });
    return response.json() as Promise<StoredRequest>;
  }

  async attachment(id: string): Promise<Blob> {
    return (await this.call(`/admin/attachments/${encodeURIComponent(id)}`)).blob();
  }

  async exportCsv(filters: InboxFilters): Promise<Blob> {
    return (await this.call(`/admin/requests.csv?${filterParams(filters)}`)).blob();
  }

  /** Who is signed in; for a cookie session, also its CSRF token. */
  async session(): Promise<{ actor: { name: string }; csrfToken?: string }> {
    return (await this.call('/admin/session')).json() as Promise<{ actor: { name: string }; csrfToken?: string }>;
  }

  /** Ends a cookie session (a token has nothing to end). */
  async endSession(): Promise<void> {
    await this.call('/admin/session', { method: 'DELETE' });
  }

  /** The forms the endpoint serves (public), for the filter and the answers' labels. */
  async forms(): Promise<FormSummary[]> {
    return (await this.call('/forms')).json() as Promise<FormSummary[]>;
  }

  async definition(formId: string): Promise<unknown> {
    return (await this.call(`/forms/${encodeURIComponent(formId)}`)).json();
  }
}

/** Saves a blob as a file, the way a download link does (no navigation, CSP-safe). */
export function saveBlob(blob: Blob, name: string, ownerDocument: Document): void {
  const url = URL.createObjectURL(blob);
  const link = ownerDocument.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  ownerDocument.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
