/**
 * Every 4xx and 5xx answer is an ErrorBody with a plain-language message in the request's
 * language, whatever raised it: our own HttpError, Fastify's body parsing, multipart, the rate
 * limiter, an unknown route, or a bug (logged, answered as a neutral 500).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLanguage, type ErrorBody, type Language } from '@guichet/core';
import { HttpError } from './http-error.js';
import { invalidInput } from './invalid-input.js';
import { errorMessage, languageFrom, type ErrorCode } from './messages.js';

const fastifyCodes: Record<string, { status: number; code: ErrorCode }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'too-large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported-media-type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad-request' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed-json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed-json' },
  FST_ERR_BAD_URL: { status: 400, code: 'bad-request' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'bad-request' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'too-large' },
  FST_PARTS_LIMIT: { status: 413, code: 'too-large' },
  FST_FILES_LIMIT: { status: 413, code: 'too-large' },
  FST_FIELDS_LIMIT: { status: 413, code: 'too-large' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'unsupported-media-type' },
  FST_PROTO_VIOLATION: { status: 400, code: 'malformed-json' },
};

/** How long a client is told to wait when the database cannot be reached (it retries then). */
const UNAVAILABLE_RETRY_AFTER_S = 5;

export interface ErrorHandling {
  /** The most problems an answer lists (ErrorBody's own cap). */
  maxErrors?: number;
  /** Whether an error says the database cannot be reached just now (the store's `unavailable`). */
  unavailable?: (error: unknown) => boolean;
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  raised: unknown,
  { maxErrors = Number.POSITIVE_INFINITY, unavailable }: ErrorHandling = {},
): FastifyReply {
  const validation = (raised as { validation?: unknown }).validation;
  const error = Array.isArray(validation)
    ? invalidInput(request, raised as Parameters<typeof invalidInput>[1], bodyLanguage(request))
    : unavailable?.(raised)
      ? databaseUnavailable(request, raised)
      : raised;
  const lang = (error instanceof HttpError && error.details.lang) || languageFrom(request.headers['accept-language']);
  let status: number;
  let body: ErrorBody;
  if (error instanceof HttpError) {
    status = error.statusCode;
    body = { code: error.code, message: errorMessage(error.code, lang, error.details.params) };
    if (error.details.errors) body.errors = error.details.errors.slice(0, maxErrors);
    for (const [name, value] of Object.entries(error.details.headers ?? {})) reply.header(name, value);
  } else {
    const fastifyError = error as Partial<FastifyError>;
    const known = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
    if (known) status = known.status;
    else if (fastifyError instanceof SyntaxError) status = 400;
    else
      status =
        fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 600
          ? fastifyError.statusCode
          : 500;
    const code: ErrorCode =
      known?.code ??
      (status === 400 && error instanceof SyntaxError
        ? 'malformed-json'
        : status === 503
          ? 'shutting-down'
          : status < 500
            ? 'bad-request'
            : 'server-error');
    const params = code === 'unsupported-media-type' ? { expected: 'application/json' } : undefined;
    body = { code, message: errorMessage(code, lang, params) };
  }
  if (status >= 500 && !(error instanceof HttpError)) request.log.error({ err: error }, 'request failed');
  reply.header('Cache-Control', 'no-store');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** The language a JSON body names for itself (a submission's `lang`), else Accept-Language's. */
function bodyLanguage(request: FastifyRequest): Language {
  const named = (request.body as { lang?: unknown } | undefined)?.lang;
  return isLanguage(named) ? named : languageFrom(request.headers['accept-language']);
}

/**
 * The database down, restarting or out of reach is not a bug: the answer says so (503, with when
 * to try again, which the form's outbox follows), and the log says it in one line, not a stack
 * per request while it lasts.
 */
function databaseUnavailable(request: FastifyRequest, error: unknown): HttpError {
  request.log.warn({ route: request.routeOptions.url, cause: (error as Error).message }, 'database unavailable');
  return new HttpError(503, 'unavailable', { headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_S) } });
}

export function installErrorHandling(app: FastifyInstance, handling: ErrorHandling): void {
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error, handling));
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new HttpError(404, 'not-found')));
}
