import { formatBoth } from '../messages/format.js';
import type { DefinitionProblem, Field, FieldKind, FormModel } from './types.js';

/**
 * Autocomplete tokens that do not fit their control (RGAA 11.13, WCAG 1.3.5): warnings from
 * `guichet check`, never refusals — a browser ignores a token that does not fit, the citizen
 * just loses the help. The groups are HTML's "autofill field names" by the control they suit.
 */
type Group = 'text' | 'multiline' | 'password' | 'tel' | 'email' | 'url' | 'numeric' | 'month' | 'date';

const groups: Record<string, Group> = {
  'street-address': 'multiline',
  'new-password': 'password',
  'current-password': 'password',
  'one-time-code': 'password',
  tel: 'tel',
  email: 'email',
  url: 'url',
  photo: 'url',
  impp: 'url',
  'cc-exp-month': 'numeric',
  'cc-exp-year': 'numeric',
  'bday-day': 'numeric',
  'bday-month': 'numeric',
  'bday-year': 'numeric',
  'transaction-amount': 'numeric',
  'cc-exp': 'month',
  bday: 'date',
};

/** What each kind of field takes, after HTML's table for its input type ("text" takes every single-line group). */
const takes: Partial<Record<FieldKind, readonly Group[]>> = {
  text: ['text', 'password', 'tel', 'email', 'url', 'numeric', 'month', 'date'],
  textarea: ['text', 'multiline', 'password', 'tel', 'email', 'url', 'numeric', 'month', 'date'],
  select: ['text', 'multiline', 'password', 'tel', 'email', 'url', 'numeric', 'month', 'date'],
  email: ['email'],
  tel: ['tel'],
  url: ['url'],
  date: ['date'],
  // `bday` on the three boxes: the renderer gives each box its part (bday-day, bday-month, bday-year).
  'memorable-date': ['date'],
  number: ['numeric'],
  integer: ['numeric'],
};

/** The field name of a token list ("shipping street-address" → "street-address"), or undefined for on/off. */
function fieldName(autocomplete: string): string | undefined {
  const tokens = autocomplete
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((token) => token !== 'webauthn');
  const last = tokens[tokens.length - 1];
  return last && last !== 'on' && last !== 'off' ? last : undefined;
}

function* withAutocomplete(fields: readonly Field[]): Generator<Field> {
  for (const field of fields) {
    if (field.autocomplete) yield field;
    if (field.fields) yield* withAutocomplete(field.fields);
  }
}

export function autocompleteWarnings(model: FormModel): DefinitionProblem[] {
  const warnings: DefinitionProblem[] = [];
  for (const field of withAutocomplete(model.fields)) {
    const name = fieldName(field.autocomplete!);
    const allowed = takes[field.kind];
    if (!name || !allowed) continue;
    const group = groups[name] ?? 'text';
    if (allowed.includes(group)) continue;
    const pointer = `/ui/fields/${field.path.replaceAll('~', '~0').replaceAll('/', '~1')}/autocomplete`;
    warnings.push(
      name === 'street-address'
        ? { pointer, code: 'autocomplete-multiline', message: formatBoth('warning.autocomplete-multiline', {}) }
        : {
            pointer,
            code: 'autocomplete-control',
            message: formatBoth('warning.autocomplete-control', { token: name, kind: field.kind }),
          },
    );
  }
  return warnings;
}
