/** The names of uploaded files, as kept and as shown. */

/**
 * Characters that reorder the text around them (U+202A–U+202E, U+2066–U+2069, the marks
 * U+200E, U+200F, U+061C): "facture\u202Efdp.exe" reads "facture" then "exe.pdf" reversed, a
 * program passing for a PDF.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name as shown to agents (lists, downloads): without reordering characters, so its real
 * ending shows, including in names kept before uploads were cleaned.
 */
export function shownFileName(name: string): string {
  return name.replace(BIDI_CONTROLS, '');
}

/** An uploaded file's own name, without any folder, control or reordering character, or excessive length. */
export function cleanName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = shownFileName(base)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200)
    // Last: the cut may have split a pair of surrogates.
    .replace(/\p{Cs}/gu, '');
  return clean || 'fichier';
}
