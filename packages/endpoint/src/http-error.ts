import type { Language } from '@guichet/core';
import type { ErrorCode } from './messages.js';

export interface FieldProblem {
  pointer: string;
  code: string;
  message: string;
}

/** An error with its HTTP status and machine code; the error handler localizes its message. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly details: {
      params?: Record<string, string | number>;
      errors?: FieldProblem[];
      headers?: Record<string, string>;
      /** The language of the message when the body chose one (a submission's `lang`). */
      lang?: Language;
    } = {},
  ) {
    super(code);
  }
}
