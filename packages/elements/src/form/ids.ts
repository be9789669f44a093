/**
 * Deterministic element ids (as react-jsonschema-form does): the same field always gets the same
 * id, so links, `for` and `aria-describedby` hold across renders and in tests.
 * "/children/0/firstName" → "guichet-children-0-firstName"; hint and error add "__hint", "__error".
 */
export function fieldId(pointer: string): string {
  return `guichet${pointer.replace(/[^A-Za-z0-9_/-]/g, (char) => `_${char.codePointAt(0)?.toString(16) ?? ''}_`).replace(/\//g, '-')}`;
}

export const hintId = (id: string): string => `${id}__hint`;
export const errorId = (id: string): string => `${id}__error`;

export const errorSummaryId = 'guichet-error-summary';
