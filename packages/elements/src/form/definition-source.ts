import { inEveryLanguage, type DefinitionProblem } from '@guichet/core';
import { fill, formText, type FormText } from './messages.js';

export type FetchedDefinition =
  | {
      ok: true;
      definition: unknown;
      /** Absolute URL of the precompiled validator the server offers. */ validatorUrl?: string;
    }
  | { ok: false; problem: DefinitionProblem };

/** A problem of the whole form (no pointer), said in both languages from the form's texts. */
export function formProblem(code: string, pick: (text: FormText) => string): DefinitionProblem {
  return { pointer: '', code, message: inEveryLanguage((lang) => pick(formText(lang))) };
}

/**
 * Fetches a definition. A server that precompiled the form's validator says where with
 * `X-Guichet-Validator` (relative to the definition's URL): the element then needs no eval, which
 * is what makes it work under a strict Content-Security-Policy.
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
    return { ok: false, problem: formProblem('network', (t) => t.definitionNetwork) };
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
  try {
    return { ok: true, definition, validatorUrl: new URL(header, response.url || url.href).href };
  } catch {
    return { ok: true, definition };
  }
}
