/**
 * Spec §4: which way is better for a KPI. A direction column in the ledger (方向: ↑ ↓ 維持)
 * overrides everything below (columnDirection). Otherwise decided in this order, first rule that speaks wins:
 *   1. a bound written in the target: 以上 "or more" / 超 "over" → higher is better;
 *      以下 "or less" / 以内 "within" / 未満 "under" → lower is better;
 *   2. a rank unit 位 ("place", as in 300位以内) → lower is better;
 *   3. the sign of target − baseline;
 *   4. target = baseline → keep the level (維持): met while current ≥ target.
 */
import { remembered } from './memo';
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
  if (unit === '' || unit === '位') return unit === '位';
  // Asked for every KPI, of a handful of units ("%", "件", "億円" …): NFKC once per unit.
  return isRankUnitText(unit);
}

const isRankUnitText = remembered((unit: string) => unit.normalize('NFKC').trim() === '位');

export function boundDirection(bound: Bound): Exclude<Direction, 'keep'> {
  return bound === 'ge' || bound === 'gt' ? 'up' : 'down';
}

export function decideDirection(input: DirectionInput): DirectionDecision {
  return directionOf(input.target, input.bound, input.baseline, input.unit);
}

/** decideDirection on the figures themselves; the decisions are shared constants (one per outcome). */
export function directionOf(target: number, bound: Bound | undefined, baseline: number | undefined, unit: string): DirectionDecision {
  if (bound) return boundDirection(bound) === 'up' ? UP_BY_BOUND : DOWN_BY_BOUND;
  if (isRankUnit(unit)) return DOWN_BY_RANK;
  if (baseline !== undefined && target !== baseline) return target > baseline ? UP_BY_VALUES : DOWN_BY_VALUES;
  // T = B, or no baseline to compare with. Without a baseline the values cannot say which
  // way is better; like rule 4 we then only ask whether the current value holds the target
  // level (C ≥ T), the reading that suits "reach this figure" targets.
  return KEEP;
}

/**
 * The direction a ledger's own direction column gives (↑ ↓ 維持): it overrides rules 1–4, and
 * the basis says where it came from.
 */
export function columnDirection(direction: Direction): DirectionDecision {
  return direction === 'up' ? UP_BY_COLUMN : direction === 'down' ? DOWN_BY_COLUMN : KEEP_BY_COLUMN;
}

const decision = (direction: Direction, basis: DirectionDecision['basis']): DirectionDecision => Object.freeze({ direction, basis });
const UP_BY_COLUMN = decision('up', 'column');
const DOWN_BY_COLUMN = decision('down', 'column');
const KEEP_BY_COLUMN = decision('keep', 'column');
const UP_BY_BOUND = decision('up', 'bound');
const DOWN_BY_BOUND = decision('down', 'bound');
const DOWN_BY_RANK = decision('down', 'rank');
const UP_BY_VALUES = decision('up', 'values');
const DOWN_BY_VALUES = decision('down', 'values');
const KEEP = decision('keep', 'keep');
