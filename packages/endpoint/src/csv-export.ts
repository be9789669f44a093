/**
 * Requests as CSV for a spreadsheet: UTF-8 with a byte-order mark and `;` between fields, which
 * is what a French Excel opens correctly on a double click; RFC 4180 quoting and CRLF line ends.
 * One column per top-level answer, in the order the forms declare them. A cell that a
 * spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage return) is
 * prefixed with an apostrophe, so a citizen's answer can never run as one on an agent's computer
 * (OWASP "CSV injection").
 */
import type { FormCatalogue } from './forms.js';
import type { RequestRecord } from './store/types.js';

const BOM = '\uFEFF';
const SEPARATOR = ';';

const FIXED_COLUMNS = ['reference', 'formId', 'formTitle', 'receivedAt', 'channel', 'phase', 'label', 'updatedAt'];

export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[";\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function answerText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(answerText).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The top-level answers' names: the forms' declared order first, then any other found in the data. */
function answerColumns(records: RequestRecord[], forms: FormCatalogue): string[] {
  const columns = new Set<string>();
  for (const formId of new Set(records.map((record) => record.formId))) {
    const schema = (forms.get(formId)?.definition as { schema?: { properties?: object } } | undefined)?.schema;
    for (const name of Object.keys(schema?.properties ?? {})) columns.add(name);
  }
  for (const record of records) for (const name of Object.keys(record.data)) columns.add(name);
  return [...columns];
}

export function requestsCsv(records: RequestRecord[], forms: FormCatalogue): string {
  const answers = answerColumns(records, forms);
  const lines = [[...FIXED_COLUMNS, ...answers].map(cell).join(SEPARATOR)];
  for (const record of records) {
    const current = record.history[record.history.length - 1]!;
    const fixed = [
      record.reference,
      record.formId,
      record.formTitle,
      record.createdAt,
      record.channel,
      current.phase,
      current.label,
      current.at,
    ];
    lines.push([...fixed, ...answers.map((name) => answerText(record.data[name]))].map(cell).join(SEPARATOR));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
