/**
 * What a route answers when its path, query, headers or body do not match the protocol's schema:
 * each route may say (its `config.invalid`), else the defaults below. The problems point at what
 * is wrong, in the reader's language.
 */
import type { ErrorObject } from 'ajv';
import type { FastifyRequest } from 'fastify';
import type { Language } from '@guichet/core';
import { HttpError } from './http-error.js';
import { protocolProblems, type HttpPart } from './protocol.js';

export type InvalidAnswer = (errors: ErrorObject[], lang: Language) => HttpError;

declare module 'fastify' {
  interface FastifyContextConfig {
    invalid?: Partial<Record<HttpPart, InvalidAnswer>>;
  }
}

const defaults: Record<HttpPart, InvalidAnswer> = {
  // A path that cannot name anything names nothing.
  params: () => new HttpError(404, 'not-found'),
  querystring: (errors, lang) => new HttpError(400, 'invalid-query', { errors: protocolProblems(errors, lang) }),
  headers: (errors, lang) => new HttpError(400, 'bad-request', { errors: protocolProblems(errors, lang) }),
  body: (errors, lang) => new HttpError(400, 'bad-request', { errors: protocolProblems(errors, lang), lang }),
};

/** The HttpError of a Fastify validation error. */
export function invalidInput(
  request: FastifyRequest,
  error: { validation: ErrorObject[]; validationContext?: string },
  lang: Language,
): HttpError {
  const part = (error.validationContext ?? 'body') as HttpPart;
  const answer = request.routeOptions.config?.invalid?.[part] ?? defaults[part];
  return answer(error.validation, lang);
}
