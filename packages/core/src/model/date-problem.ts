/**
 * What is wrong with a date typed in three boxes (see date-parts.ts), for the validator's message
 * and the boxes the form marks as wrong.
 */
import type { MessageKey } from '../messages/format.js';
import { datePartNames, dayOrMonth, fourDigits, isRealDate, type DatePart, type DateParts } from './date-parts.js';

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
  return isRealDate(day, month, year) ? undefined : { key: 'date.real', parts: [...datePartNames] };
}
