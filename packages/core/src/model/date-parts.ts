/**
 * A date typed in three boxes, day, month and year: GOV.UK's memorable-date pattern, for a date
 * the citizen knows by heart (a date of birth), where a native date input would ask for it in the
 * browser's order rather than the one its hint shows.
 *
 * The answer is the ISO date ("2019-09-21") once the three parts make a real date. Until then it
 * is what was typed, year, month and day joined by "-" ("2019-9-" for September 2019 without a
 * day): `format: date` refuses it, so it is never sent, yet a draft keeps it across a reload.
 */
import { isDate } from '../validation/formats.js';
import type { MessageKey } from '../messages/format.js';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

export const datePartNames: readonly DatePart[] = ['day', 'month', 'year'];

const dayOrMonth = /^\d{1,2}$/;
const fourDigits = /^\d{4}$/;

/** The answer three boxes hold: the ISO date when they make a real date; undefined when all are empty. */
export function joinDateParts(parts: DateParts): string | undefined {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return undefined;
  if (dayOrMonth.test(day) && dayOrMonth.test(month) && fourDigits.test(year)) {
    const iso = isoDate(day, month, year);
    if (isDate(iso)) return iso;
  }
  return `${year}-${month}-${day}`;
}

function isoDate(day: string, month: string, year: string): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The three boxes of an answer. Anything else than what `joinDateParts` makes shows in the year box, to be corrected. */
export function splitDate(value: unknown): DateParts {
  if (typeof value !== 'string' || value === '') return { day: '', month: '', year: '' };
  const pieces = value.split('-');
  if (pieces.length !== 3) return { day: '', month: '', year: value };
  const [year = '', month = '', day = ''] = pieces;
  return { day, month, year };
}

const missingKeys: Record<string, MessageKey> = {
  day: 'date.missing-day',
  month: 'date.missing-month',
  year: 'date.missing-year',
  'day-month': 'date.missing-day-month',
  'day-year': 'date.missing-day-year',
  'month-year': 'date.missing-month-year',
};

export interface DateProblem {
  key: MessageKey;
  /** The boxes to mark as wrong. */
  parts: DatePart[];
}

/**
 * What is wrong with three boxes, as GOV.UK tells it: a part missing, a year without its four
 * digits, or no real date; undefined when they are all empty (then `required` speaks, if it must)
 * or make a real date.
 */
export function dateProblem(parts: DateParts): DateProblem | undefined {
  const missing = datePartNames.filter((part) => !parts[part].trim());
  if (missing.length === datePartNames.length) return undefined;
  const missingKey = missingKeys[missing.join('-')];
  if (missingKey) return { key: missingKey, parts: missing };
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  const wrong: DatePart[] = [];
  if (!dayOrMonth.test(day) || Number(day) < 1 || Number(day) > 31) wrong.push('day');
  if (!dayOrMonth.test(month) || Number(month) < 1 || Number(month) > 12) wrong.push('month');
  if (!fourDigits.test(year)) wrong.push('year');
  if (wrong.length === 1 && wrong[0] === 'year' && /^\d+$/.test(year)) return { key: 'date.year-digits', parts: wrong };
  if (wrong.length) return { key: 'date.real', parts: wrong };
  // Each part is plausible: the day may still not be in the month (31 April, 29 February 2023).
  return isDate(isoDate(day, month, year)) ? undefined : { key: 'date.real', parts: [...datePartNames] };
}
