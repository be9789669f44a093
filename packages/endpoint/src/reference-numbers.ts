/** Readable references: the form's prefix, the year and a number counted per prefix and year. */

export function formatReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The form's `processing.referencePrefix`, else the first three letters of its id, uppercased. */
export function referencePrefixFor(formId: string, declared?: string): string {
  if (declared) return declared;
  const letters = formId
    .replace(/[^a-z0-9]/gi, '')
    .slice(0, 3)
    .toUpperCase();
  return letters.padEnd(3, 'X');
}

/**
 * A reference as a citizen may type or paste it ("  voi-2026-000123 "): references are issued in
 * upper case (prefix, year, number), so case and surrounding spaces never matter.
 */
export function normalizeReference(reference: string): string {
  return reference.trim().toUpperCase();
}
