import { ownValue, setOwn, splitPointer as split } from '@guichet/core';

/**
 * The answers as one nested JSON object, addressed by JSON pointers ("/children/0/firstName").
 * Setting `undefined` removes the key, so an emptied field is absent (and "required" fires),
 * never an empty string the schema would have to special-case.
 */
export type Answers = Record<string, unknown>;

/** `getAt`: the answer at a pointer, only what the answers hold themselves (never "constructor"). */
export { joinPointer, valueAt as getAt } from '@guichet/core';

/** The tokens of a pointer the form built (always "" or starting with "/"). */
export function splitPointer(pointer: string): string[] {
  return split(pointer) ?? [];
}

export function parentPointer(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

/** Sets (or with `undefined`, removes) the value at `pointer`, creating objects on the way. */
export function setAt(data: Answers, pointer: string, value: unknown): void {
  const tokens = splitPointer(pointer);
  const last = tokens.pop();
  if (last === undefined) return;
  let node: Record<string, unknown> = data;
  for (const token of tokens) {
    let next = ownValue(node, token);
    if (typeof next !== 'object' || next === null) {
      if (value === undefined) return;
      next = {};
      setOwn(node, token, next);
    }
    node = next as Record<string, unknown>;
  }
  if (Array.isArray(node) && /^\d+$/.test(last)) {
    node[Number(last)] = value;
  } else if (value === undefined) {
    delete node[last];
  } else {
    setOwn(node, last, value);
  }
}

/** The field path of a data pointer, as keys of `ui.fields`: array indexes left out. */
export function pathOf(pointer: string): string {
  return splitPointer(pointer)
    .filter((token) => !/^\d+$/.test(token))
    .join('/');
}

/** Deep copy of plain JSON answers. */
export function cloneAnswers<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
