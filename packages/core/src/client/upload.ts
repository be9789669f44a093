/**
 * A multipart upload that reports its progress. `fetch` cannot report upload progress, so in a
 * browser this goes through XMLHttpRequest; elsewhere (Node, workers without XHR) it falls back to
 * `fetch` and reports only the end.
 */
import { refusedOrigin } from './cors.js';
import { EndpointError } from './types.js';
import { DEFAULT_TIMEOUT_MS, fetchWithTimeout, type HttpOptions } from './http.js';

export interface UploadOptions extends HttpOptions {
  headers?: Record<string, string>;
  onProgress?: (sent: number, total: number) => void;
  /** The file's size, for the progress reported by the fallback. */
  total: number;
}

export async function uploadWithProgress(url: string, body: FormData, options: UploadOptions): Promise<Response> {
  if (typeof XMLHttpRequest === 'undefined' || options.fetch) {
    const response = await fetchWithTimeout(url, { method: 'POST', body, headers: options.headers }, options);
    options.onProgress?.(options.total, options.total);
    return response;
  }
  return xhrUpload(url, body, options);
}

function xhrUpload(url: string, body: FormData, options: UploadOptions): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const limit = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // A large file on a slow uplink may take minutes: give up only when nothing moves for `limit`.
    let stall: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    const armStall = () => {
      clearTimeout(stall);
      stall = setTimeout(() => {
        timedOut = true;
        xhr.abort();
      }, limit);
    };
    const onAbort = () => xhr.abort();
    const finish = () => {
      clearTimeout(stall);
      options.signal?.removeEventListener('abort', onAbort);
    };
    if (options.signal?.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });

    xhr.open('POST', url);
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      armStall();
      options.onProgress?.(event.loaded, event.lengthComputable ? event.total : options.total);
    });
    xhr.addEventListener('load', () => {
      finish();
      resolve(
        new Response([101, 204, 205, 304].includes(xhr.status) ? null : xhr.responseText, {
          status: xhr.status,
          statusText: xhr.statusText,
          headers: parseHeaders(xhr.getAllResponseHeaders()),
        }),
      );
    });
    xhr.addEventListener('error', () => {
      finish();
      void refusedOrigin(url).then((origin) =>
        reject(new EndpointError('network', 'Network error', origin ? { refusedOrigin: origin } : {})),
      );
    });
    xhr.addEventListener('abort', () => {
      finish();
      reject(
        timedOut ? new EndpointError('timeout', 'No answer in time', {}) : new DOMException('Aborted', 'AbortError'),
      );
    });
    armStall();
    xhr.send(body);
  });
}

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}
