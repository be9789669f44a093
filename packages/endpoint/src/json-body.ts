/**
 * Guards run on every JSON body before anything looks at its content: strict UTF-8, bounded
 * nesting (checked on the text, so a 10,000-deep document never reaches a recursive walker),
 * bounded arrays and names (keys), and text that can be stored and shown: no lone surrogate
 * (`"\ud800"` is valid JSON, not a character) and no NUL.
 */
import { HttpError } from './http-error.js';

export interface JsonLimits {
  maxDepth: number;
  maxArrayItems: number;
  /** Names (object keys) in the whole body: what a validator walks and may report, one by one. */
  maxKeys: number;
}

export const defaultJsonLimits: JsonLimits = { maxDepth: 64, maxArrayItems: 10_000, maxKeys: 10_000 };

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

/**
 * Throws when an array of a parsed value holds more than `maxArrayItems` items, when the value
 * holds more than `maxKeys` names, or a text (name or value) that is not well-formed or holds NUL.
 */
export function checkValues(value: unknown, limits: Pick<JsonLimits, 'maxArrayItems' | 'maxKeys'>): void {
  const pending: unknown[] = [value];
  let keys = 0;
  while (pending.length) {
    const current = pending.pop();
    if (typeof current === 'string') checkText(current);
    else if (Array.isArray(current)) {
      if (current.length > limits.maxArrayItems)
        throw new HttpError(400, 'too-many-items', { params: { max: limits.maxArrayItems } });
      for (const item of current)
        if (item !== null && typeof item !== 'number' && typeof item !== 'boolean') pending.push(item);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (++keys > limits.maxKeys) throw new HttpError(400, 'too-many-keys', { params: { max: limits.maxKeys } });
        checkText(key);
        if (item !== null && typeof item !== 'number' && typeof item !== 'boolean') pending.push(item);
      }
    }
  }
}

/** In a `u` pattern a surrogate pair is one character: only a lone surrogate is in Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

function checkText(text: string): void {
  if (LONE_SURROGATE.test(text) || text.includes('\0')) throw new HttpError(400, 'invalid-characters');
}
