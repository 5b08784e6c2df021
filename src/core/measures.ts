/**
 * Spec §5: the measures a grading rule looks at, from baseline B (year yB), current C (yC)
 * and target T (yT), direction-aware:
 *   進捗率 progress rate    p = (C − B) / (T − B)              1.0 = target reached
 *   経過率 elapsed ratio    t = (yC − yB) / (yT − yB) in [0, 1] 1 when a year is unknown
 *   達成率 attainment       a = C / T (higher is better), T / C (lower is better)
 *   悪化率 deterioration    d = (B − C) / |B| (sign flipped for lower is better); B = 0 → 0 or 1
 *   target met              C satisfies the target's bound, else C ≥ T / C ≤ T by direction
 * Preset-independent: the same measures feed every preset and every door.
 */
import { columnDirection, directionOf } from './direction';
import type { Bound, Direction, KpiFigures, Measures } from './types';

// ───────────────────────────── comparisons ─────────────────────────────

/**
 * Ledger figures are decimals ("63.0%", "0.35") and binary floating point cannot hold most of
 * them, so a ratio that is exactly on a threshold on paper (p = 0.6 = t) may come out as
 * 0.5999999999999999. Comparisons allow this much relative slack, far below anything a ledger
 * can show, so that a value exactly on a threshold counts as on it.
 */
const RELATIVE_SLACK = 1e-9;

function slack(y: number): number {
  return RELATIVE_SLACK * Math.max(1, Math.abs(y));
}
/** x ≥ y, allowing for floating-point noise. */
export function atLeast(x: number, y: number): boolean {
  return x >= y - slack(y);
}
/** x ≤ y, allowing for floating-point noise. */
export function atMost(x: number, y: number): boolean {
  return x <= y + slack(y);
}
/** x > y by more than floating-point noise. */
export function above(x: number, y: number): boolean {
  return x > y + slack(y);
}
/** x < y by more than floating-point noise. */
export function below(x: number, y: number): boolean {
  return x < y - slack(y);
}

// ───────────────────────────── the measures ─────────────────────────────

/**
 * Whether `value` satisfies the target: its bound when it has one (ge ≥, gt >, le ≤, lt <),
 * else by direction (up and keep: ≥; down: ≤).
 */
export function meetsTarget(value: number, target: number, bound: Bound | undefined, direction: Direction): boolean {
  switch (bound ?? (direction === 'down' ? 'le' : 'ge')) {
    case 'ge':
      return atLeast(value, target);
    case 'gt':
      return above(value, target);
    case 'le':
      return atMost(value, target);
    case 'lt':
      return below(value, target);
  }
}

export interface FigureYears {
  readonly baseline?: number;
  readonly current?: number;
  readonly target?: number;
}

/**
 * 経過率 t. When a year is unknown — or the years make no plan period (target year not after
 * the baseline year) — t = 1: the current value is judged against the final target, and
 * `elapsedKnown` is false so the explanation says so.
 */
export function elapsedRatio(years: FigureYears): { elapsed: number; elapsedKnown: boolean } {
  const t = elapsedOrUnknown(years.baseline, years.current, years.target);
  return t === UNKNOWN_ELAPSED ? { elapsed: 1, elapsedKnown: false } : { elapsed: t, elapsedKnown: true };
}

/** What elapsedOrUnknown gives when t cannot be known; a known t is in [0, 1] (or NaN). */
export const UNKNOWN_ELAPSED = -1;

/** 経過率 t from the three years without building an object, UNKNOWN_ELAPSED when it cannot be known. */
export function elapsedOrUnknown(yB: number | undefined, yC: number | undefined, yT: number | undefined): number {
  if (yB === undefined || yC === undefined || yT === undefined || !(yT > yB)) return UNKNOWN_ELAPSED;
  return Math.min(1, Math.max(0, (yC - yB) / (yT - yB)));
}

/**
 * 進捗率 p. Undefined without a baseline, when T = B (nothing to progress along), and when
 * the planned change T − B points against the direction: a target "90%以上" over a baseline of
 * 95% is already satisfied, and (C − B)/(T − B) would then call a fall to 85% "progress 200%".
 */
export function progressRate(baseline: number | undefined, current: number, target: number, direction: Direction): number | undefined {
  if (baseline === undefined || target === baseline) return undefined;
  const planned = target - baseline;
  if ((direction === 'up' && planned < 0) || (direction === 'down' && planned > 0)) return undefined;
  return finite((current - baseline) / planned);
}

/**
 * 達成率 a. A ratio only means something over positive figures: C/T needs T > 0, T/C needs
 * C > 0 (and T ≥ 0). Elsewhere (a target of 0 件 reached with 0, a negative net figure) it
 * is undefined and the rules fall back on whether the target is met.
 */
export function attainmentRate(current: number, target: number, direction: Direction): number | undefined {
  if (direction === 'down') return current > 0 && target >= 0 ? finite(target / current) : undefined;
  return target > 0 ? finite(current / target) : undefined;
}

/**
 * 悪化率 d: how much worse than the baseline, as a share of it (positive = worse, negative =
 * better). B = 0 has no share: d is 0 when C is not worse than B, else 1 (spec §5; "not
 * worse" read by direction, so for lower-is-better C ≤ 0 is not worse). 'keep' reads as
 * higher-is-better, as its target is met while C ≥ T.
 */
export function deteriorationRate(baseline: number | undefined, current: number, direction: Direction): number | undefined {
  if (baseline === undefined) return undefined;
  const worseBy = direction === 'down' ? current - baseline : baseline - current;
  const d = worseBy / Math.abs(baseline);
  // A baseline so close to 0 that the share overflows (5e-324) is 0 for this purpose.
  if (baseline === 0 || !Number.isFinite(d)) return worseBy > 0 ? 1 : 0;
  return d;
}

/** Figures with a current value: the only ones that have measures. */
export type CurrentFigures = KpiFigures & { readonly current: NonNullable<KpiFigures['current']> };

export function measureFigures(figures: CurrentFigures): Measures {
  const B = figures.baseline?.value;
  const C = figures.current.value;
  const T = figures.target.value;
  const { direction, basis } =
    figures.direction === undefined ? directionOf(T, figures.target.bound, B, figures.unit) : columnDirection(figures.direction);
  const t = elapsedOrUnknown(figures.baseline?.year, figures.current.year, figures.target.year);
  const elapsedKnown = t !== UNKNOWN_ELAPSED;
  const elapsed = elapsedKnown ? t : 1;
  const progress = progressRate(B, C, T, direction);
  const attainment = attainmentRate(C, T, direction);
  const deterioration = deteriorationRate(B, C, direction);
  const targetMet = meetsTarget(C, T, figures.target.bound, direction);
  // An absent ratio is left out rather than present-but-undefined (keys in this order).
  const m: { -readonly [K in keyof Measures]: Measures[K] } = { direction, directionBasis: basis } as Measures;
  if (progress !== undefined) m.progress = progress;
  m.elapsed = elapsed;
  m.elapsedKnown = elapsedKnown;
  if (attainment !== undefined) m.attainment = attainment;
  if (deterioration !== undefined) m.deterioration = deterioration;
  m.targetMet = targetMet;
  return m;
}

/** Overflow (1e308 − (−1e308)) and 0/0 give no usable ratio: say "unknown" instead of ±∞ or NaN. */
function finite(x: number): number | undefined {
  return Number.isFinite(x) ? x : undefined;
}
