import type { FormDefinition } from '../generated/form-definition.js';
import type { Language, LocalizedText } from './types.js';

/** The text in `lang`, falling back to French then English; "" when there is no text. */
export function localize(text: LocalizedText | undefined, lang: Language): string {
  if (!text) return '';
  return text[lang] || text.fr || text.en || '';
}

/**
 * The string at `pointer` in the definition (written in the definition's `lang`), with its
 * translation from `translations[otherLang][pointer]` when there is one.
 */
export function textAt(definition: FormDefinition, pointer: string, original: string): LocalizedText {
  const own: Language = definition.lang ?? 'fr';
  const other: Language = own === 'fr' ? 'en' : 'fr';
  const translated = definition.translations?.[other]?.[pointer];
  const text = { [own]: original, [other]: translated ?? original } as Record<Language, string>;
  return { fr: text.fr, en: text.en };
}
