import { cloneAnswers, setAt } from '../form/answers.js';

/** A copy of `data` with the value at each pointer of `values` replaced (`undefined` removes it). */
export function withValuesAt(
  data: Record<string, unknown>,
  values: ReadonlyMap<string, unknown>,
): Record<string, unknown> {
  const copy = cloneAnswers(data);
  for (const [pointer, value] of values) setAt(copy, pointer, value);
  return copy;
}
