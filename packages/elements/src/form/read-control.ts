import type { Field } from '@guichet/core';
import { lazyChunkNow } from '../shared/lazy-chunk.js';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * "1 234,5" and "1234.5" are the same number to a citizen. Anything else that is not a number is
 * kept as typed, so the validator says "enter a number" instead of the answer silently vanishing.
 */
export function parseNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const normalized = trimmed.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalized)) {
    const number = Number(normalized);
    if (Number.isFinite(number)) return number;
  }
  return trimmed;
}

/** The answer a control holds now, as the schema expects it; undefined for no answer. */
export function parseAnswer(field: Field, control: Control, root: ParentNode): unknown {
  switch (field.kind) {
    case 'number':
    case 'integer':
      return parseNumber(control.value);
    case 'checkbox':
      return (control as HTMLInputElement).checked;
    case 'consent':
      // Unticked consent is no answer, so "required" speaks rather than "must be true".
      return (control as HTMLInputElement).checked ? true : undefined;
    case 'radio':
    case 'select': {
      if (control.value === '') return undefined;
      return field.choices?.[Number(control.value)]?.value;
    }
    case 'checkboxes': {
      const checked = new Set(
        Array.from(root.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
          .filter((box) => box.name === control.name && box.checked)
          .map((box) => Number(box.value)),
      );
      const values = (field.choices ?? []).filter((_, index) => checked.has(index)).map((choice) => choice.value);
      return values.length > 0 ? values : undefined;
    }
    case 'memorable-date':
      // A rare kind: read by the lazily loaded chunk, there since it read the definition.
      return lazyChunkNow()?.readDateBoxes(control);
    default:
      return control.value === '' ? undefined : control.value;
  }
}
