/**
 * The `guichet` adapter: Guichet's own protocol, as served by the reference endpoint
 * (`schemas/protocol/`, the OpenAPI document beside it).
 */
import type {
  Adapter,
  AdapterConfig,
  Attachment,
  Receipt,
  RequestStatus,
  UploadRequest,
  CallOptions,
} from '../types.js';
import type { Language } from '../../model/types.js';
import type { ErrorBody } from '../../generated/protocol/error.js';
import type { Submission } from '../../generated/protocol/submission.js';
import type { ReplyRequest } from '../../generated/protocol/reply-request.js';
import { errorFromStatus, fetchWithTimeout, readJson } from '../http.js';
import { uploadWithProgress } from '../upload.js';
import { apiBase } from '../url.js';

async function failure(response: Response) {
  let body: Partial<ErrorBody> = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // A proxy's HTML error page: the status alone says enough.
  }
  // Only a 422's pointers are into the answers; a 400's point into the envelope.
  return errorFromStatus(response, {
    message: body.message,
    code: body.code,
    fieldErrors: response.status === 422 ? body.errors : undefined,
  });
}

export function guichetAdapter(config: AdapterConfig): Adapter {
  const base = apiBase(config.endpoint);
  // References and codes are case-insensitive in this protocol: "voi-2026-000123 " is found.
  const requestUrl = (reference: string) => `${base}/requests/${encodeURIComponent(reference.trim().toUpperCase())}`;
  // The code goes in a header, never in the URL: reverse proxies and their logs keep URLs.
  const requestHeaders = (query: { trackingCode: string; lang: Language }) => ({
    'Accept-Language': query.lang,
    'X-Guichet-Tracking-Code': query.trackingCode.trim().toUpperCase(),
  });
  const http = (options?: CallOptions) => ({
    fetch: config.fetch,
    timeoutMs: config.timeoutMs,
    signal: options?.signal,
  });

  return {
    name: 'guichet',

    async submit(request, options) {
      const body: Submission = {
        formVersion: request.model.version,
        channel: request.channel,
        lang: request.lang,
        data: request.data,
      };
      const response = await fetchWithTimeout(
        `${base}/forms/${encodeURIComponent(request.model.id)}/submissions`,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Accept-Language': request.lang,
            'Idempotency-Key': request.idempotencyKey,
          },
          body: JSON.stringify(body),
        },
        http(options),
      );
      if (!response.ok) throw await failure(response);
      return readJson<Receipt>(response);
    },

    async upload(request: UploadRequest, options?: CallOptions): Promise<Attachment> {
      const query = request.field ? `?field=${encodeURIComponent(request.field)}` : '';
      const form = new FormData();
      form.append('file', request.file, request.file.name ?? 'file');
      const response = await uploadWithProgress(
        `${base}/forms/${encodeURIComponent(request.model.id)}/attachments${query}`,
        form,
        {
          ...http(options),
          headers: { 'Accept-Language': request.lang },
          onProgress: request.onProgress,
          total: request.file.size,
        },
      );
      if (!response.ok) throw await failure(response);
      return readJson<Attachment>(response);
    },

    async status(query, options) {
      const response = await fetchWithTimeout(
        requestUrl(query.reference),
        { headers: { Accept: 'application/json', ...requestHeaders(query) } },
        http(options),
      );
      if (!response.ok) throw await failure(response);
      return readJson<RequestStatus>(response);
    },

    async uploadForReply(request, options) {
      const form = new FormData();
      form.append('file', request.file, request.file.name ?? 'file');
      const response = await uploadWithProgress(`${requestUrl(request.reference)}/attachments`, form, {
        ...http(options),
        headers: requestHeaders(request),
        onProgress: request.onProgress,
        total: request.file.size,
      });
      if (!response.ok) throw await failure(response);
      return readJson<Attachment>(response);
    },

    async reply(request, options) {
      // The schema wants a message, files, or both: the tracker sends nothing else.
      const body = {
        lang: request.lang,
        ...(request.message ? { message: request.message } : {}),
        ...(request.attachments.length ? { attachments: request.attachments } : {}),
      } as ReplyRequest;
      const response = await fetchWithTimeout(
        `${requestUrl(request.reference)}/replies`,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': request.idempotencyKey,
            ...requestHeaders(request),
          },
          body: JSON.stringify(body),
        },
        http(options),
      );
      if (!response.ok) throw await failure(response);
      return readJson<RequestStatus>(response);
    },
  };
}
