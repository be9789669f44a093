import { inEveryLanguage, languages, type ContactBlock, type Language, type LocalizedText } from '@guichet/core';

/** A text a page may give as one string (same in every language) or per language. */
export type ContactText = string | Partial<LocalizedText>;

/**
 * The `contact` property of <guichet-tracker>: how a citizen reaches a person. A page sets it in
 * plain strings (`{ phone: '01 23 45 67 89' }`) or per language (`{ openingHours: { fr, en } }`).
 */
export interface TrackerContact {
  name?: ContactText;
  phone?: string;
  email?: string;
  address?: ContactText;
  openingHours?: ContactText;
  url?: string;
}

/** The text in every language; a language the page left out reads the first one it gave (French first). */
function text(value: ContactText | undefined): LocalizedText | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() ? inEveryLanguage(() => value) : undefined;
  if (typeof value !== 'object') return undefined;
  const given = (lang: Language) => (typeof value[lang] === 'string' ? value[lang] : undefined);
  const first = languages.map(given).find((found) => found !== undefined);
  return first === undefined ? undefined : inEveryLanguage((lang) => given(lang) ?? first);
}

function plain(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** The page's contact as the shared contact block takes it; undefined when it holds nothing. */
export function toContactBlock(contact: TrackerContact | ContactBlock | null | undefined): ContactBlock | undefined {
  if (!contact || typeof contact !== 'object') return undefined;
  const block: ContactBlock = {
    name: text(contact.name),
    phone: plain(contact.phone),
    email: plain(contact.email),
    address: text(contact.address),
    openingHours: text(contact.openingHours),
    url: plain(contact.url),
  };
  for (const key of Object.keys(block) as (keyof ContactBlock)[]) {
    if (block[key] === undefined) delete block[key];
  }
  return Object.keys(block).length > 0 ? block : undefined;
}
