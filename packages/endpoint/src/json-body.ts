/**
 * Guards run on every JSON body before anything looks at its content: strict UTF-8, bounded
 * nesting (checked on the text, so a 10,000-deep document never reaches a recursive walker) and
 * bounded arrays.
 */
import { HttpError } from './http-error.js';

export interface JsonLimits {
  maxDepth: number;
  maxArrayItems: number;
}

export const defaultJsonLimits: JsonLimits = { maxDepth: 64, maxArrayItems: 10_000 };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(body: Buffer): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    throw new HttpError(400, 'invalid-utf8');
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;

/** Throws when objects and arrays nest deeper than `maxDepth` (counted on the raw text). */
export function checkDepth(text: string, maxDepth: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) throw new HttpError(400, 'too-deep', { params: { max: maxDepth } });
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
}

/** Throws when any array of a parsed value holds more than `maxItems` items. */
export function checkArrays(value: unknown, maxItems: number): void {
  const pending: unknown[] = [value];
  while (pending.length) {
    const current = pending.pop();
    if (Array.isArray(current)) {
      if (current.length > maxItems) throw new HttpError(400, 'too-many-items', { params: { max: maxItems } });
      for (const item of current) if (item !== null && typeof item === 'object') pending.push(item);
    } else if (current !== null && typeof current === 'object') {
      for (const item of Object.values(current)) if (item !== null && typeof item === 'object') pending.push(item);
    }
  }
}
