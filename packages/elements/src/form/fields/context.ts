import type { Field, Language } from '@guichet/core';
import type { FormText } from '../messages.js';
import type { SharedText } from '../../shared/messages.js';

/** What a field renderer may know about the form: read-only, so renderers stay pure templates. */
export interface FieldContext {
  lang: Language;
  text: FormText;
  shared: SharedText;
  /** The answer at a pointer. */
  value(pointer: string): unknown;
  /** What the citizen typed in a number field (kept apart from the parsed number, so "1,5" stays "1,5"). */
  typed(pointer: string): string | undefined;
  /** The error shown for a pointer (none before the first attempt). */
  error(pointer: string): string | undefined;
  /** Whether the field must be answered, given the current answers. */
  isRequired(field: Field, pointer: string): boolean;
  /** A child field, rendered through its own part so it can update alone. */
  renderChild(field: Field, pointer: string): unknown;
  /** The file chosen for a file field. */
  file(pointer: string): File | undefined;
  /** A localized text of the definition. */
  t(text: Field['label'] | undefined): string;
}
