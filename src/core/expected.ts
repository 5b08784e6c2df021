/**
 * 目安値 (expected value): where the straight line from the baseline (当初) to the target
 * (目標) stands in a given fiscal year — the yardstick of the `pace` preset (静岡県, 信州創生戦略,
 * 福岡市) and of officers' own columns next to the ledger.
 *
 *   目安値 = B + (T − B) × t,   t = (y − yB) / (yT − yB) clamped to [0, 1]   (spec §5 経過率)
 *
 * t is the engine's elapsed ratio, so the line drawn here is the one the grades are judged
 * against: before the baseline year the plan is still B, after the target year it stays T.
 */
import { elapsedRatio } from './measures';

export interface ExpectedYears {
  /** Year of the baseline figure. */
  readonly baseline: number;
  /** Year of the target figure. */
  readonly target: number;
  /** The year asked about. */
  readonly year: number;
}

/**
 * The expected value in `years.year`, or undefined when the years make no plan period (the
 * target year not after the baseline year).
 */
export function expectedValue(baseline: number, target: number, years: ExpectedYears): number | undefined {
  if (!(years.target > years.baseline)) return undefined;
  const { elapsed } = elapsedRatio({ baseline: years.baseline, current: years.year, target: years.target });
  // At the ends the line is exactly B or T, without rounding noise from (T − B) × 1.
  if (elapsed === 0) return baseline;
  if (elapsed === 1) return target;
  return baseline + (target - baseline) * elapsed;
}
