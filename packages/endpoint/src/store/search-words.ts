/**
 * The words of an agent's search, each to be found in a request's answers (all of them, in any
 * order). At most eight, so a pasted paragraph cannot make one query scan the table eight-hundred
 * times.
 */
export function searchWords(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 8);
}
