import type { FieldError } from '@guichet/core';
import type { SummaryError } from '../shared/error-summary.js';
import type { FormIndex } from './form-index.js';

/**
 * The problems the form shows: one message per field, inline, and the error summary above the
 * step. "Invalid" is kept apart from "shows an error" (as Shoelace does): nothing shows before the
 * citizen's first failed attempt; from then on a field that shows a problem is checked again as
 * the citizen answers or leaves it, and its message goes once fixed (a new kind waits for Continue).
 */
export class ErrorState {
  private readonly messages = new Map<string, string>();
  /** Whether messages show: from a failed attempt (or a refused file) until the next step. */
  shown = false;
  /** The error summary's problems, in reading order. */
  summary: SummaryError[] = [];

  /** The message shown for a field, if any. */
  message(pointer: string): string | undefined {
    return this.shown ? this.messages.get(pointer) : undefined;
  }

  /** A failed attempt: each field shows its first problem, the summary lists them in reading order. */
  round(errors: readonly FieldError[], index: FormIndex): void {
    this.messages.clear();
    const summary: SummaryError[] = [];
    for (const error of errors) {
      const pointer = index.nearestField(error.pointer);
      if (pointer && !this.messages.has(pointer)) this.messages.set(pointer, error.message);
      if (!summary.some((s) => s.pointer === pointer && s.message === error.message))
        summary.push({ pointer, message: error.message });
    }
    this.shown = true;
    this.summary = summary
      .map((error, order) => ({ error, order }))
      .sort((a, b) => index.rank(a.error.pointer) - index.rank(b.error.pointer) || a.order - b.order)
      .map(({ error }) => error);
  }

  /** The round is over (the step was passed, or left): nothing shows. */
  clear(): void {
    this.messages.clear();
    this.shown = false;
    this.summary = [];
  }

  /** A problem told at once, whatever the attempt (a file refused before any upload). */
  tell(pointer: string, message: string): void {
    this.shown = true;
    this.messages.set(pointer, message);
  }

  /** Takes a field's message away. */
  forget(pointer: string): void {
    this.messages.delete(pointer);
  }

  /** Takes away the messages of a field and of everything inside it. */
  forgetUnder(pointer: string): void {
    for (const key of [...this.messages.keys()])
      if (key === pointer || key.startsWith(`${pointer}/`)) this.messages.delete(key);
  }

  /**
   * A field checked again as the citizen answers or leaves it (`stillWrong`: the check found a
   * problem): its message goes as soon as the answer is right, but a problem of another kind
   * ("au moins 5 caractères" after "obligatoire") waits for the next Continue, so that a message
   * never changes under the cursor. True when what the field shows changed.
   */
  recheck(pointer: string, stillWrong: boolean): boolean {
    if (stillWrong || !this.messages.has(pointer)) return false;
    this.messages.delete(pointer);
    return true;
  }

  /**
   * An item of a repeatable group was removed: the messages (and summary links) of the items after
   * it move up with them, those of the removed item go. An item never checked shows nothing.
   */
  itemRemoved(group: string, index: number): void {
    const moved = (pointer: string): string | undefined => {
      if (!pointer.startsWith(`${group}/`)) return pointer;
      const [head, ...rest] = pointer.slice(group.length + 1).split('/');
      const at = Number(head);
      if (at === index) return undefined;
      return at < index ? pointer : [group, String(at - 1), ...rest].join('/');
    };
    const kept = [...this.messages].flatMap(([pointer, message]) => {
      const now = moved(pointer);
      return now === undefined ? [] : [[now, message] as const];
    });
    this.messages.clear();
    for (const [pointer, message] of kept) this.messages.set(pointer, message);
    this.summary = this.summary.flatMap((error) => {
      const pointer = moved(error.pointer);
      return pointer === undefined ? [] : [{ ...error, pointer }];
    });
  }

  /** The messages in `pointer` (itself included) that a new check (`errors`) no longer finds are fixed: they go. */
  clearFixedUnder(pointer: string, errors: readonly FieldError[], index: FormIndex): void {
    const still = new Set(errors.map((error) => index.nearestField(error.pointer)));
    for (const key of [...this.messages.keys()])
      if ((key === pointer || key.startsWith(`${pointer}/`)) && !still.has(key)) this.messages.delete(key);
  }

  /** After a language switch, what shows is said again in the new language (`errors`: a fresh check). */
  relocalize(errors: readonly FieldError[], index: FormIndex): void {
    const fresh = new Map<string, string>();
    for (const error of errors) {
      const pointer = index.nearestField(error.pointer);
      if (!fresh.has(pointer)) fresh.set(pointer, error.message);
    }
    for (const pointer of [...this.messages.keys()]) {
      const message = fresh.get(pointer);
      if (message) this.messages.set(pointer, message);
    }
    this.summary = this.summary.map((error) => ({ ...error, message: fresh.get(error.pointer) ?? error.message }));
  }

  /** The summary keeps only the problems of one step (the citizen went to fix one there). */
  keepStep(step: number, index: FormIndex): void {
    this.summary = this.summary.filter((error) => index.inStep(error.pointer, step));
  }
}
