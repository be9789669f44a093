/**
 * The URI resolution ajv needs, done by the platform's URL instead of fast-uri (18 KB of the
 * page's validator chunk). Guichet's schemas only use local references (`#/$defs/…`) under one
 * absolute id, so resolving and comparing ids is all there is to it.
 */
import type { UriResolver } from 'ajv/dist/types/index.js';

interface Parts {
  /** Everything before `#`. */
  document: string;
  /** After `#`, as written (ajv unescapes JSON pointer fragments itself). */
  fragment?: string;
}

function parse(uri: string): Parts {
  const hash = uri.indexOf('#');
  return hash < 0 ? { document: uri } : { document: uri.slice(0, hash), fragment: uri.slice(hash + 1) };
}

function serialize(parts: Parts): string {
  return parts.fragment === undefined ? parts.document : `${parts.document}#${parts.fragment}`;
}

function resolve(base: string, reference: string): string {
  if (!reference) return base;
  try {
    return new URL(reference, base).href;
  } catch {
    // No absolute base: a fragment applies to the base document; anything else stands alone.
    return reference.startsWith('#') ? `${parse(base).document}${reference}` : reference;
  }
}

export const uriResolver = { parse, serialize, resolve } as unknown as UriResolver;
