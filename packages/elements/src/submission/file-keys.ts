import { escapeSegment } from './pointer.js';

/** Where each chosen file sits in the answers: its key (the value in `data`) and the field's JSON pointer. */
export interface FileSlot {
  key: string;
  pointer: string;
}

/** Finds the values of `data` that are keys of `files`, at any depth (files inside groups too). */
export function findFileSlots(data: unknown, files: ReadonlyMap<string, File>, pointer = ''): FileSlot[] {
  if (typeof data === 'string') return files.has(data) ? [{ key: data, pointer }] : [];
  if (Array.isArray(data)) return data.flatMap((item, index) => findFileSlots(item, files, `${pointer}/${index}`));
  if (data && typeof data === 'object') {
    return Object.entries(data).flatMap(([name, value]) =>
      findFileSlots(value, files, `${pointer}/${escapeSegment(name)}`),
    );
  }
  return [];
}

/** A copy of `data` with each file key replaced by what `replace` gives for it. */
export function replaceFileKeys(data: unknown, replace: (key: string) => unknown): unknown {
  if (typeof data === 'string') return replace(data);
  if (Array.isArray(data)) return data.map((item) => replaceFileKeys(item, replace));
  if (data && typeof data === 'object') {
    return Object.fromEntries(Object.entries(data).map(([name, value]) => [name, replaceFileKeys(value, replace)]));
  }
  return data;
}

/** The field path ("a/b", array items left out) the endpoint checks a file against. */
export function fieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .filter((segment) => !/^\d+$/.test(segment))
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('/');
}
