/**
 * A date typed in three boxes, day, month and year: GOV.UK's memorable-date pattern, for a date
 * the citizen knows by heart (a date of birth), where a native date input would ask for it in the
 * browser's order rather than the one its hint shows.
 *
 * The answer is the ISO date ("2019-09-21") once the three parts make a real date. Until then it
 * is what was typed, year, month and day joined by "-" ("2019-9-" for September 2019 without a
 * day): `format: date` refuses it, so it is never sent, yet a draft keeps it across a reload.
 */

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

export const datePartNames: readonly DatePart[] = ['day', 'month', 'year'];

export const dayOrMonth = /^\d{1,2}$/;
export const fourDigits = /^\d{4}$/;

/** Whether a day, month and year (digits) name a day of the calendar: 29 February 2024, not 2023. */
export function isRealDate(day: string, month: string, year: string): boolean {
  // setUTCFullYear, unlike Date.UTC, does not read a year below 100 as 19xx.
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

/** The answer three boxes hold: the ISO date when they make a real date; undefined when all are empty. */
export function joinDateParts(parts: DateParts): string | undefined {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return undefined;
  if (dayOrMonth.test(day) && dayOrMonth.test(month) && fourDigits.test(year) && isRealDate(day, month, year))
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return `${year}-${month}-${day}`;
}

/** The three boxes of an answer. Anything else than what `joinDateParts` makes shows in the year box, to be corrected. */
export function splitDate(value: unknown): DateParts {
  if (typeof value !== 'string' || value === '') return { day: '', month: '', year: '' };
  const pieces = value.split('-');
  if (pieces.length !== 3) return { day: '', month: '', year: value };
  const [year = '', month = '', day = ''] = pieces;
  return { day, month, year };
}
