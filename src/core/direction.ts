/**
 * Spec §4: which way is better for a KPI. Decided in this order, first rule that speaks wins:
 *   1. a bound written in the target: 以上 "or more" / 超 "over" → higher is better;
 *      以下 "or less" / 以内 "within" / 未満 "under" → lower is better;
 *   2. a rank unit 位 ("place", as in 300位以内) → lower is better;
 *   3. the sign of target − baseline;
 *   4. target = baseline → keep the level (維持): met while current ≥ target.
 */
import type { Bound, Direction, Measures } from './types';

export interface DirectionDecision {
  readonly direction: Direction;
  readonly basis: Measures['directionBasis'];
}

export interface DirectionInput {
  readonly target: number;
  readonly bound?: Bound;
  /** Undefined when the ledger has no baseline figure. */
  readonly baseline?: number;
  /** The row's unit after alignment ("位", "%", "万人" …). */
  readonly unit: string;
}

/** 位 "place in a ranking": the only unit where a smaller number is better by itself. */
export function isRankUnit(unit: string): boolean {
  return unit.normalize('NFKC').trim() === '位';
}

export function boundDirection(bound: Bound): Exclude<Direction, 'keep'> {
  return bound === 'ge' || bound === 'gt' ? 'up' : 'down';
}

export function decideDirection(input: DirectionInput): DirectionDecision {
  if (input.bound) return { direction: boundDirection(input.bound), basis: 'bound' };
  if (isRankUnit(input.unit)) return { direction: 'down', basis: 'rank' };
  if (input.baseline !== undefined && input.target !== input.baseline) {
    return { direction: input.target > input.baseline ? 'up' : 'down', basis: 'values' };
  }
  // T = B, or no baseline to compare with. Without a baseline the values cannot say which
  // way is better; like rule 4 we then only ask whether the current value holds the target
  // level (C ≥ T), the reading that suits "reach this figure" targets.
  return { direction: 'keep', basis: 'keep' };
}
