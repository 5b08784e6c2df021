/**
 * Spec §6: a preset's rule applied to a KPI's measures, first matching clause wins. One rule,
 * one answer in every door: the task pane and the command line call `gradeKpi`, the custom
 * function =KPI.GRADE(当初, 現状, 目標, 当初年度, 現状年度, 目標年度) calls `gradeValues`, and
 * both end in the same `applyRule`.
 *
 * | method   | clauses, first match wins (－ when there is no current value)                      |
 * |----------|-------------------------------------------------------------------------------------|
 * | standard | Ｅ 未着手 · Ｓ target met · Ａ p ≥ onPace·t · Ｂ p ≥ roughly·t · Ｄ d > worse · Ｃ      |
 * | kijun    | Ｓ target met · Ａ better than baseline · Ｂ d ≤ sameLevel (同水準) · Ｃ               |
 * | tassei   | Ａ a ≥ thresholds.a · Ｂ a ≥ b · Ｃ a ≥ c · Ｄ                                         |
 * | pace     | Ａ target met or p ≥ onPace·t (目安値 reached) · Ｃ worse than baseline · Ｂ           |
 * | points   | ７ a ≥ steps[0] · ６ … · ２ a ≥ steps[5] · １                                          |
 *
 * Decisions where the spec is silent:
 * - standard `met` is the share of the planned change T − B that counts as reaching the target:
 *   S when C meets T − (1 − met)(T − B) with the target's bound. At the default 1 this is the
 *   target itself, bound-aware (65.0%超 is not met by 65.0%).
 * - No baseline figure ('－'): p, d and t cannot be known (t = 1, judged against the final
 *   target). standard and pace then judge the pace on 達成率 a instead of p — the practice
 *   this ledger used before H29 — so with t = 1: Ａ only at a ≥ onPace, Ｂ at a ≥ roughly.
 *   Nothing can be "worse than the baseline", so never Ｄ (standard) or Ｃ (pace). kijun
 *   compares with the baseline only: without one it grades Ｓ when the target is met and
 *   otherwise gives no grade, saying why (the officer types one).
 * - 達成率 cannot be computed over non-positive figures (target 0件, a negative net figure):
 *   tassei and points then count it as 100 % when the target is met, else 0 %.
 * - Current value a state word (spec: "the preset maps them to its labels"):
 *   未着手 not started → Ｅ where the method has Ｅ (standard); elsewhere, like 未策定/未達成
 *   (not done), it is "no progress from the baseline": p = 0, a = 0, d = 0, target not met
 *   (standard Ｃ once time has passed, kijun Ｂ 同水準, tassei Ｄ, pace Ｂ, points １).
 *   完了/策定完了 (done) → target met: p = 1, a = 1 (standard Ｓ, kijun Ｓ, tassei Ａ, pace Ａ,
 *   points ７). 中止/廃止 (cancelled) and 評価困難 (hard to evaluate) → no grade, with the reason.
 */
import { decideDirection } from './direction';
import { explainVerdict, verdictGrade, type Compared, type GradedClause, type Verdict } from './explain';
import {
  figuresFromValues,
  kpiPlace,
  valueInputsOfKpi,
  type FiguresPlace,
  type FiguresResult,
  type PlanFigures,
  type ValueInputs,
} from './figures';
import {
  above,
  atLeast,
  atMost,
  below,
  elapsedRatio,
  measureFigures,
  meetsTarget,
  withoutUndefined,
  type CurrentFigures,
} from './measures';
import { METHOD_GRADES } from './presets';
import type { GradeKey, GradeOutcome, KpiFigures, KpiRow, Measures, Preset, Problem } from './types';

export type { ValueInput, ValueInputs, FiguresPlace } from './figures';

export interface Graded {
  readonly outcome: GradeOutcome;
  /** Problems that kept the KPI from a grade, each naming its cell. */
  readonly problems: Problem[];
}

// ───────────────────────────── doors ─────────────────────────────

/** Grades one KPI row of a ledger. A thin wrapper over gradeValues. */
export function gradeKpi(kpi: KpiRow, preset: Preset, sheet: string): Graded {
  return gradeValues(valueInputsOfKpi(kpi), preset, kpiPlace(kpi, sheet));
}

/**
 * Grades from readings and years, without a ledger row: what =KPI.GRADE does. Each reading's
 * own year annotation wins over the year given with it (spec §3). `place` only serves to word
 * the problems; a custom function can leave it out and show `outcome.reason`.
 */
export function gradeValues(input: ValueInputs, preset: Preset, place: FiguresPlace = { sheet: '', kpi: '' }): Graded {
  return gradeFiguresResult(figuresFromValues(input, place), preset);
}

/** Grades figures already picked: － without a current value, else the preset's rule. */
export function gradeFigures(figures: KpiFigures, preset: Preset): GradeOutcome {
  if (!figures.current) return outcome({ kind: 'noCurrent' }, preset);
  return outcome(verdictOf(numbersEvidence(figures as CurrentFigures), preset), preset);
}

function gradeFiguresResult(result: FiguresResult, preset: Preset): Graded {
  switch (result.kind) {
    case 'figures':
      return { outcome: gradeFigures(result.figures, preset), problems: [] };
    case 'state':
      return { outcome: outcome(stateVerdict(result, preset), preset), problems: [] };
    case 'ungradable':
      return { outcome: outcome({ kind: 'notGraded', cause: result.why }, preset), problems: [...result.problems] };
  }
}

function outcome(verdict: Verdict, preset: Preset): GradeOutcome {
  const grade = verdictGrade(verdict);
  return withoutUndefined({
    grade,
    meaning: grade === null ? undefined : preset.labels[grade]?.meaning,
    ...explainVerdict(verdict, preset),
    measures: verdict.kind === 'graded' || verdict.kind === 'notGraded' ? verdict.measures : undefined,
  });
}

// ───────────────────────────── evidence ─────────────────────────────

/** What every rule may look at. */
interface Evidence {
  readonly measures: Measures;
  readonly compared: Compared;
  readonly hasBaseline: boolean;
  /** C strictly better than B by direction; undefined without a baseline. */
  readonly improved: boolean | undefined;
  /** Whether C reaches the target when only `share` of the planned change T − B is asked for. */
  readonly reachedAt: (share: number) => boolean;
  readonly state?: { readonly text: string; readonly readAs: 'done' | 'noProgress' };
}

function numbersEvidence(f: CurrentFigures): Evidence {
  const m = measureFigures(f);
  const B = f.baseline?.value;
  const C = f.current.value;
  const T = f.target.value;
  return {
    measures: m,
    compared: withoutUndefined({ baseline: B, current: C, target: T, bound: f.target.bound, unit: f.unit }),
    hasBaseline: B !== undefined,
    improved: B === undefined ? undefined : m.direction === 'down' ? below(C, B) : above(C, B),
    reachedAt: (share) =>
      B === undefined || share === 1 ? m.targetMet : meetsTarget(C, T - (1 - share) * (T - B), f.target.bound, m.direction),
  };
}

/** A state word read as figures: done = the target reached, no progress = still at the baseline. */
function stateEvidence(plan: PlanFigures, currentYear: number | undefined, text: string, readAs: 'done' | 'noProgress'): Evidence {
  const { direction, basis } = decideDirection({
    target: plan.target.value,
    bound: plan.target.bound,
    baseline: plan.baseline?.value,
    unit: plan.unit,
  });
  const { elapsed, elapsedKnown } = elapsedRatio({ baseline: plan.baseline?.year, current: currentYear, target: plan.target.year });
  const done = readAs === 'done';
  return {
    measures: {
      direction,
      directionBasis: basis,
      progress: done ? 1 : 0,
      elapsed,
      elapsedKnown,
      attainment: done ? 1 : 0,
      deterioration: 0,
      targetMet: done,
    },
    compared: withoutUndefined({ baseline: plan.baseline?.value, target: plan.target.value, bound: plan.target.bound, unit: plan.unit }),
    hasBaseline: true, // the word itself says where it stands against the start
    improved: done,
    reachedAt: () => done,
    state: { text, readAs },
  };
}

function stateVerdict(r: Extract<FiguresResult, { kind: 'state' }>, preset: Preset): Verdict {
  switch (r.state) {
    case 'notStarted':
      if (METHOD_GRADES[preset.method].includes('E')) return { kind: 'notStarted', text: r.text };
      return verdictOf(stateEvidence(r.plan, r.currentYear, r.text, 'noProgress'), preset);
    case 'notDone':
      return verdictOf(stateEvidence(r.plan, r.currentYear, r.text, 'noProgress'), preset);
    case 'done':
      return verdictOf(stateEvidence(r.plan, r.currentYear, r.text, 'done'), preset);
    case 'cancelled':
    case 'hardToEvaluate':
      return { kind: 'notGraded', cause: { kind: r.state, text: r.text } };
  }
}

function verdictOf(e: Evidence, preset: Preset): Verdict {
  const rule = applyRule(e, preset);
  if (rule.grade === null) return { kind: 'notGraded', cause: { kind: 'noBaseline' }, measures: e.measures, compared: e.compared };
  return withoutUndefined({
    kind: 'graded',
    grade: rule.grade,
    clause: rule.clause,
    measures: e.measures,
    compared: e.compared,
    paceFromAttainment: rule.paceFromAttainment ?? false,
    state: e.state,
  });
}

// ───────────────────────────── the rules ─────────────────────────────

type RuleResult =
  | { readonly grade: GradeKey; readonly clause: GradedClause; readonly paceFromAttainment?: boolean }
  | { readonly grade: null; readonly clause: 'noBaseline' };

function applyRule(e: Evidence, preset: Preset): RuleResult {
  switch (preset.method) {
    case 'standard':
      return standardRule(e, preset.thresholds);
    case 'kijun':
      return kijunRule(e, preset.thresholds);
    case 'tassei':
      return tasseiRule(e, preset.thresholds);
    case 'pace':
      return paceRule(e, preset.thresholds);
    case 'points':
      return pointsRule(e, preset.thresholds);
  }
}

type Thresholds<M extends Preset['method']> = Extract<Preset, { method: M }>['thresholds'];

/** p, or — with no baseline to draw the line from — 達成率 a against the final target. */
function paceOf(e: Evidence): { pace: number | undefined; fromAttainment: boolean } {
  if (e.measures.progress !== undefined) return { pace: e.measures.progress, fromAttainment: false };
  if (!e.hasBaseline) return { pace: e.measures.attainment ?? 0, fromAttainment: true };
  return { pace: undefined, fromAttainment: false }; // T = B, or the baseline already met the target
}

/** 達成率, or 100 % / 0 % by whether the target is met when no ratio can be taken. */
function attainmentOf(m: Measures): number {
  return m.attainment ?? (m.targetMet ? 1 : 0);
}

function standardRule(e: Evidence, th: Thresholds<'standard'>): RuleResult {
  const m = e.measures;
  if (e.reachedAt(th.met)) return { grade: 'S', clause: m.targetMet ? 'targetMet' : 'metShare' };
  const { pace, fromAttainment } = paceOf(e);
  if (pace !== undefined && atLeast(pace, th.onPace * m.elapsed))
    return { grade: 'A', clause: 'onPace', paceFromAttainment: fromAttainment };
  if (pace !== undefined && atLeast(pace, th.roughly * m.elapsed))
    return { grade: 'B', clause: 'roughly', paceFromAttainment: fromAttainment };
  if (m.deterioration !== undefined && above(m.deterioration, th.worse)) return { grade: 'D', clause: 'worse' };
  return { grade: 'C', clause: 'behind', paceFromAttainment: fromAttainment };
}

function kijunRule(e: Evidence, th: Thresholds<'kijun'>): RuleResult {
  const m = e.measures;
  if (m.targetMet) return { grade: 'S', clause: 'targetMet' };
  if (e.improved === undefined || m.deterioration === undefined) return { grade: null, clause: 'noBaseline' };
  if (e.improved) return { grade: 'A', clause: 'improved' };
  if (atMost(m.deterioration, th.sameLevel)) return { grade: 'B', clause: 'sameLevel' };
  return { grade: 'C', clause: 'worse' };
}

function tasseiRule(e: Evidence, th: Thresholds<'tassei'>): RuleResult {
  const a = attainmentOf(e.measures);
  if (atLeast(a, th.a)) return { grade: 'A', clause: 'attainment' };
  if (atLeast(a, th.b)) return { grade: 'B', clause: 'attainment' };
  if (atLeast(a, th.c)) return { grade: 'C', clause: 'attainment' };
  return { grade: 'D', clause: 'attainment' };
}

function paceRule(e: Evidence, th: Thresholds<'pace'>): RuleResult {
  const m = e.measures;
  // Reaching the final target passes every expected value on the way to it.
  if (m.targetMet) return { grade: 'A', clause: 'targetMet' };
  const { pace, fromAttainment } = paceOf(e);
  if (pace !== undefined && atLeast(pace, th.onPace * m.elapsed))
    return { grade: 'A', clause: 'onPace', paceFromAttainment: fromAttainment };
  if (m.deterioration !== undefined && above(m.deterioration, 0)) return { grade: 'C', clause: 'worse' };
  return { grade: 'B', clause: 'behind', paceFromAttainment: fromAttainment };
}

const POINTS = ['7', '6', '5', '4', '3', '2'] as const satisfies readonly GradeKey[];

function pointsRule(e: Evidence, th: Thresholds<'points'>): RuleResult {
  const a = attainmentOf(e.measures);
  for (let i = 0; i < POINTS.length; i++) {
    if (atLeast(a, th.steps[i]!)) return { grade: POINTS[i]!, clause: 'attainment' };
  }
  return { grade: '1', clause: 'attainment' };
}
