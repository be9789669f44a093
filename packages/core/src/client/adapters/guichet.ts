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
import type { ErrorBody } from '../../generated/protocol/error.js';
import type { Submission } from '../../generated/protocol/submission.js';
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
      // References and codes are case-insensitive in this protocol: "voi-2026-000123 " is found.
      // The code goes in a header, never in the URL: reverse proxies and their logs keep URLs.
      const reference = query.reference.trim().toUpperCase();
      const response = await fetchWithTimeout(
        `${base}/requests/${encodeURIComponent(reference)}`,
        {
          headers: {
            Accept: 'application/json',
            'Accept-Language': query.lang,
            'X-Guichet-Tracking-Code': query.trackingCode.trim().toUpperCase(),
          },
        },
        http(options),
      );
      if (!response.ok) throw await failure(response);
      return readJson<RequestStatus>(response);
    },
  };
}
