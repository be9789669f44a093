/**
 * The words of an agent's search, each to be found in a request's answers (all of them, in any
 * order), without regard to case or accents: an agent typing "ecole" finds "École", one typing
 * "oeuvre" finds "œuvre". At most eight words, so a pasted paragraph cannot make one query scan
 * the table eight-hundred times.
 */
export function searchWords(text: string | undefined): string[] {
  if (!text) return [];
  return folded(text)
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 8);
}

/** Lower case, without accents, œ and æ written out: how both sides of a search are compared. */
export function folded(text: string): string {
  return text.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * A LIKE pattern every answer holding `word` (folded) matches, accents or not: the letters an
 * accent may change become `_` (one character). SQLite reads it at C speed and folds only the
 * rows it lets through; none when the word spells out œ or æ, which take one character in the text.
 */
export function accentBlindPattern(word: string): string | undefined {
  if (/oe|ae/.test(word)) return undefined;
  return word.replace(/[\\%_]/g, '\\$&').replace(/[aceinouy]/g, '_');
}

/**
 * The same folding in PostgreSQL without an extension (`unaccent` needs a superuser to install):
 * `translate` over the letters of French and its neighbours, upper case included because
 * `lower()` leaves them alone under the C locale.
 */
const ACCENTED = 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸ';
const PLAIN = 'aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuyy';
export function foldedSql(expression: string): string {
  const plain = `translate(lower(${expression}), '${ACCENTED}', '${PLAIN}')`;
  return `replace(replace(replace(replace(${plain}, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae')`;
}
