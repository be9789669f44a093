import { inEveryLanguage, refusedOrigin, type DefinitionProblem } from '@guichet/core';
import { fill, formText, type FormText } from './messages.js';

export type FetchedDefinition =
  | {
      ok: true;
      definition: unknown;
      /** Absolute URL of the precompiled validator the server offers, on the definition's origin. */
      validatorUrl?: string;
      /** The server says conditions decide what the form shows (`X-Guichet-Conditions`). */
      conditional?: boolean;
      /** The origin the definition came from (after redirects). */
      origin?: string;
    }
  | {
      ok: false;
      problem: DefinitionProblem;
      /** The page's origin, when the endpoint answers but does not allow it (CORS). */
      refusedOrigin?: string;
    };

/** A problem of the whole form (no pointer), said in both languages from the form's texts. */
export function formProblem(code: string, pick: (text: FormText) => string): DefinitionProblem {
  return { pointer: '', code, message: inEveryLanguage((lang) => pick(formText(lang))) };
}

/**
 * Fetches a definition. A server that precompiled the form's validator says where with
 * `X-Guichet-Validator` (relative to the definition's URL): the element then needs no eval, which
 * is what makes it work under a strict Content-Security-Policy. A validator is code the page
 * runs: one on another origin than the definition's is refused (the form then checks answers
 * with its own compiled rules), so whoever can only write a header cannot make the page load a
 * script from their own site. `X-Guichet-Conditions` beside it says that conditions decide what
 * the form shows: the element then asks for the validator at once (see definition-controller.ts).
 */
export async function fetchDefinition(src: string, baseUrl: string, signal?: AbortSignal): Promise<FetchedDefinition> {
  let url: URL;
  try {
    url = new URL(src, baseUrl);
  } catch {
    return { ok: false, problem: formProblem('bad-src', (t) => t.definitionNetwork) };
  }
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: signal ?? null });
  } catch {
    // The endpoint answering yet refusing this page's origin is the web team's to fix: the code says so.
    const refused = await refusedOrigin(url.href);
    return {
      ok: false,
      problem: formProblem('network', (t) => t.definitionNetwork),
      ...(refused ? { refusedOrigin: refused } : {}),
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      problem: formProblem(`http-${response.status}`, (t) => fill(t.definitionNotFound, { status: response.status })),
    };
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    return { ok: false, problem: formProblem('network', (t) => t.definitionNetwork) };
  }
  // The text goes to loadDefinition as is: it reports invalid JSON with its line and column.
  const definition = text;
  const header = response.headers.get('x-guichet-validator');
  if (!header) return { ok: true, definition };
  const definitionUrl = new URL(response.url || url.href);
  let validator: URL;
  try {
    validator = new URL(header, definitionUrl);
  } catch {
    return { ok: true, definition };
  }
  if (validator.origin !== definitionUrl.origin) {
    console.warn(
      `<guichet-form>: the validator ${validator.href} is not on the definition's origin (${definitionUrl.origin}); it is not loaded.`,
    );
    return { ok: true, definition };
  }
  return {
    ok: true,
    definition,
    validatorUrl: validator.href,
    origin: definitionUrl.origin,
    conditional: response.headers.has('x-guichet-conditions'),
  };
}
