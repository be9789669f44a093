import type { FormDefinition } from '../generated/form-definition.js';
import { languages } from '../messages/locales.js';
import type { Language, LocalizedText } from './types.js';

/** The text in `lang`, else in the first language that has it (French first); "" when there is no text. */
export function localize(text: LocalizedText | undefined, lang: Language): string {
  if (!text) return '';
  return text[lang] || languages.map((other) => text[other]).find(Boolean) || '';
}

/**
 * The string at `pointer` in the definition (written in the definition's `lang`), in every
 * language: its translation from `translations[lang][pointer]` when there is one, else as written.
 * The pointer may be given as a function: it is then built only when the definition has
 * translations to look it up in.
 */
export function textAt(definition: FormDefinition, pointer: string | (() => string), original: string): LocalizedText {
  const written: Language = definition.lang ?? 'fr';
  let at: string | undefined;
  const text = {} as LocalizedText;
  for (const lang of languages) {
    const translations = lang === written ? undefined : definition.translations?.[lang];
    at ??= translations ? (typeof pointer === 'string' ? pointer : pointer()) : undefined;
    text[lang] = (translations && at !== undefined ? translations[at] : undefined) ?? original;
  }
  return text;
}
