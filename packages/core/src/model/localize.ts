import type { FormDefinition } from '../generated/form-definition.js';
import type { Language, LocalizedText } from './types.js';

/** The text in `lang`, falling back to French then English; "" when there is no text. */
export function localize(text: LocalizedText | undefined, lang: Language): string {
  if (!text) return '';
  return text[lang] || text.fr || text.en || '';
}

/**
 * The string at `pointer` in the definition (written in the definition's `lang`), with its
 * translation from `translations[otherLang][pointer]` when there is one. The pointer may be given
 * as a function: it is then built only when the definition has translations to look it up in.
 */
export function textAt(definition: FormDefinition, pointer: string | (() => string), original: string): LocalizedText {
  const own: Language = definition.lang ?? 'fr';
  const translations = definition.translations?.[own === 'fr' ? 'en' : 'fr'];
  const translated = translations ? translations[typeof pointer === 'string' ? pointer : pointer()] : undefined;
  return own === 'fr' ? { fr: original, en: translated ?? original } : { fr: translated ?? original, en: original };
}
