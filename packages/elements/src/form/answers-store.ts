import type { Field } from '@guichet/core';
import { cloneAnswers, getAt, setAt, type Answers } from './answers.js';
import { withDefaults } from './defaults.js';
import { withoutFiles } from './draft-data.js';

/**
 * What the citizen has answered so far: the answers as one JSON object, what they typed in number
 * fields (so "1,5" stays "1,5" while the answers hold 1.5), and the files they chose. A file field
 * holds the key of its file in `files`; files are found by their field's kind, never by the look
 * of a value (a text answer may well read "file-1").
 */
export class AnswersStore {
  private answers: Answers = {};
  private readonly typedNumbers = new Map<string, string>();
  /** The chosen files, keyed by the value their field holds in the answers. */
  readonly files = new Map<string, File>();
  private fileCounter = 0;

  /** The answers as they stand (the store's own object: read, do not change). */
  get data(): Answers {
    return this.answers;
  }

  /** A copy of the answers. */
  snapshot(): Answers {
    return cloneAnswers(this.answers);
  }

  /** Starts from `data` (prefill, a resumed draft) completed with the fields' defaults. */
  replace(fields: readonly Field[], data: Answers | undefined): void {
    this.answers = withDefaults(fields, cloneAnswers(data ?? {}));
    this.typedNumbers.clear();
  }

  /** Forgets every chosen file (a new form, answers cleared). */
  forgetFiles(): void {
    this.files.clear();
  }

  value(pointer: string): unknown {
    return getAt(this.answers, pointer);
  }

  /** Sets (or with `undefined`, removes) one answer. */
  set(pointer: string, value: unknown): void {
    setAt(this.answers, pointer, value);
  }

  /** What was typed in a number field, if anything. */
  typed(pointer: string): string | undefined {
    return this.typedNumbers.get(pointer);
  }

  /** Keeps what was typed in a number field beside the number the answers hold. */
  setNumber(pointer: string, typed: string, value: unknown): void {
    if (typed.trim() === '') this.typedNumbers.delete(pointer);
    else this.typedNumbers.set(pointer, typed);
    this.set(pointer, value);
  }

  /** The file chosen for a file field. */
  file(pointer: string): File | undefined {
    const key = this.value(pointer);
    return typeof key === 'string' ? this.files.get(key) : undefined;
  }

  /** A file chosen for a file field, in place of the one it held. */
  chooseFile(pointer: string, file: File): void {
    this.removeFile(pointer);
    const key = `file-${++this.fileCounter}`;
    this.files.set(key, file);
    this.set(pointer, key);
  }

  /** Takes a file field's file away; returns it. */
  removeFile(pointer: string): File | undefined {
    const file = this.file(pointer);
    const key = this.value(pointer);
    if (typeof key === 'string') {
      this.files.delete(key);
      this.set(pointer, undefined);
    }
    return file;
  }

  /** Adds an item (with its defaults) to a repeatable group; its index, or undefined when full. */
  addItem(field: Field, pointer: string): number | undefined {
    const current = this.value(pointer);
    const items = Array.isArray(current) ? current : [];
    if (field.constraints.maxItems !== undefined && items.length >= field.constraints.maxItems) return undefined;
    items.push(withDefaults(field.fields ?? [], {}));
    this.set(pointer, items);
    return items.length - 1;
  }

  /**
   * Removes an item of a repeatable group; what was typed in the items after it goes, as their
   * pointers now name other answers. How many items are left, or undefined when there was no such item.
   */
  removeItem(pointer: string, index: number): number | undefined {
    const items = this.value(pointer);
    if (!Array.isArray(items) || !(index >= 0 && index < items.length)) return undefined;
    items.splice(index, 1);
    if (items.length === 0) this.set(pointer, undefined);
    for (const key of [...this.typedNumbers.keys()]) if (key.startsWith(`${pointer}/`)) this.typedNumbers.delete(key);
    return items.length;
  }

  /** The answers a draft keeps: everything but files. */
  forDraft(fields: readonly Field[]): Answers {
    return withoutFiles(fields, this.answers);
  }
}
