import type { Language } from '../model/types.js';

/** Regional variants for number, date and plural formatting: a French or British reader's usual forms. */
export const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
