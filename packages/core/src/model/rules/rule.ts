/**
 * A definition rule: one kind of problem a reading of the whole definition finds, as data
 * (Lion's validators are the model): its stable `code`, and a `check` that returns where it
 * finds it and what the message needs. Rules never write messages themselves: check.ts words
 * each finding with `definition.<code>` of the catalogues, in every language.
 */
import type { Language } from '../types.js';
import type { DefinitionReading } from '../reading.js';
import type { MessageKey, MessageParams } from '../../messages/format.js';

export interface Finding {
  /** JSON pointer into the definition. */
  pointer: string;
  /** The message's parameters (a function when one depends on the language). */
  params?: MessageParams | ((lang: Language) => MessageParams);
  /** The message, when it is not `definition.<code>`. */
  message?: MessageKey;
}

export interface DefinitionRule {
  code: string;
  check(reading: DefinitionReading): Iterable<Finding>;
}

/** The pointer of a node of the data schema in the definition. */
export const inSchema = (pointer: string): string => `/schema${pointer}`;
