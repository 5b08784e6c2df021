/**
 * Assertions for the KPI functions' cell results: a number, a grade text, or a
 * CustomFunctions.Error with the code and Japanese message the clerk sees.
 */
import './customFunctionsGlobal';
import { expect } from 'vitest';

export const VALUE = '#VALUE!';
export const NA = '#N/A';

/** The single result of a call made with single cells. */
export function only(result: unknown[][]): unknown {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0]![0];
}

export function expectCellError(x: unknown, code: string, message?: string | RegExp): CustomFunctions.Error {
  expect(x).toBeInstanceOf(CustomFunctions.Error);
  const e = x as CustomFunctions.Error;
  expect(e.code).toBe(code);
  if (typeof message === 'string') expect(e.message).toBe(message);
  else if (message) expect(e.message).toMatch(message);
  return e;
}

/** What a call threw (the whole formula's error), failing when it returned. */
export function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw');
}

/** A column range: one value per row. */
export function column(...values: unknown[]): unknown[][] {
  return values.map((v) => [v]);
}
