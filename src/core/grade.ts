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
 * | scale    | a city's own codes (ScaleRule in types.ts): action KPI · state codes · met · survey  |
 * |          | band · steps (p ≥ min × expected share, or a ≥ min) · worse · otherwise              |
 *
 * Decisions where the spec is silent:
 * - pace with the ledger's own 目安値 E (a 目安値 column, issue 8): E stands for the point on the line;
 *   Ａ when C covers onPace of the way from B to E (C reaches E at the default 1; without B, C
 *   reaches onPace·E), by direction; then Ｃ worse than the baseline, else Ｂ. Where E is off our
 *   line beyond its rounding, evaluate says so (officeFigures.ts); the grade still follows E.
 * - A direction column (↑ ↓ 維持) overrides spec §4's inference (directionBasis 'column').
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
 *   A city scale that codes a state (あきる野市 X/Y/Z) gives that code instead.
 * - City scales: the target met comes before the survey band (reaching the target is never
 *   "unchanged"); the band is strict (±3 未満: exactly 3 points is a change) and symmetric;
 *   a fixed share per year expects nothing in the baseline year and at most 100 %.
 */
import { columnDirection, directionOf } from './direction';
import { reasonLine, verdictGrade, type Compared, type GradedClause, type Verdict } from './explain';
import {
  figuresFromValues,
  kpiPlace,
  valueInputsOfKpi,
  type FiguresPlace,
  type FiguresResult,
  type PlanFigures,
  type ValueInputs,
} from './figures';
import { above, atLeast, atMost, below, elapsedOrUnknown, measureFigures, UNKNOWN_ELAPSED, meetsTarget, type CurrentFigures } from './measures';
import { gradeMeaning } from './presets';
import { surveyBasis, type SurveyBasis } from './survey';
import type { Bound, GradeKey, GradeOutcome, KpiFigures, KpiRow, Measures, Preset, Problem, ScalePreset } from './types';

export type { ValueInput, ValueInputs, FiguresPlace } from './figures';

export interface Graded {
  readonly outcome: GradeOutcome;
  /** Problems that kept the KPI from a grade, each naming its cell. */
  readonly problems: Problem[];
}

// ───────────────────────────── doors ─────────────────────────────

/** Grades one KPI row of a ledger: gradeValues on its cells. */
export function gradeKpi(kpi: KpiRow, preset: Preset, sheet: string): Graded {
  return gradeValues(valueInputsOfKpi(kpi), preset, kpiPlace(kpi, sheet));
}

/**
 * Grades from readings and years, without a ledger row: what =KPI.GRADE does. Each reading's
 * own year annotation wins over the year given with it (spec §3). `place` only serves to word
 * the problems; a custom function can leave it out and show `outcome.reason`.
 */
export function gradeValues(input: ValueInputs, preset: Preset, place: FiguresPlace = { sheet: '', kpi: '' }): Graded {
  return gradeFiguresResult(figuresFromValues(input, place), preset, place.kpi);
}

/**
 * Grades figures already picked: － without a current value, else the preset's rule. `name` is
 * the indicator's name, which only a city scale with a survey band looks at.
 */
export function gradeFigures(figures: KpiFigures, preset: Preset, name = ''): GradeOutcome {
  if (preset.method === 'scale' && figures.qualitative && preset.qualitative !== undefined) return outcome(qualitativeVerdict(preset), preset);
  if (!figures.current) return outcome({ kind: 'noCurrent' }, preset);
  return outcome(verdictOf(numbersEvidence(figures as CurrentFigures), preset, name), preset);
}

function gradeFiguresResult(result: FiguresResult, preset: Preset, name: string): Graded {
  switch (result.kind) {
    case 'figures':
      return { outcome: gradeFigures(result.figures, preset, name), problems: [] };
    case 'state':
      if (preset.method === 'scale' && result.plan.qualitative && preset.qualitative !== undefined) {
        return { outcome: outcome(qualitativeVerdict(preset), preset), problems: [] };
      }
      return { outcome: outcome(stateVerdict(result, preset), preset), problems: [] };
    case 'ungradable':
      return { outcome: outcome({ kind: 'notGraded', cause: result.why }, preset), problems: [...result.problems] };
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function outcome(verdict: Verdict, preset: Preset): GradeOutcome {
  return new Outcome(verdict, preset);
}

/**
 * A grade, and the reason for it worded when first read. Grading a ledger is arithmetic;
 * wording every reason in two languages costs more than all of it, and most reasons are never
 * read (the task pane shows those of the rows an officer opens). The words depend only on the
 * verdict and the rule, both kept here (rules are never changed in place), so reading them
 * later gives what wording them at once would have: both languages are worded together, once.
 */
class Outcome implements GradeOutcome {
  readonly grade: GradeKey | null;
  readonly meaning: string | undefined;
  readonly measures: Measures | undefined;
  readonly #verdict: Verdict;
  readonly #preset: Preset;
  /** The words, once read. */
  #reason: string | undefined = undefined;
  #reasonEn: string | undefined = undefined;

  constructor(verdict: Verdict, preset: Preset) {
    const grade = verdictGrade(verdict, preset);
    this.grade = grade;
    this.meaning = grade === null ? undefined : gradeMeaning(preset, grade)?.meaning;
    this.measures = verdict.kind === 'graded' || verdict.kind === 'notGraded' ? verdict.measures : undefined;
    this.#verdict = verdict;
    this.#preset = preset;
  }

  get reason(): string {
    if (this.#reason === undefined) this.#word();
    return this.#reason!;
  }

  get reasonEn(): string {
    if (this.#reasonEn === undefined) this.#word();
    return this.#reasonEn!;
  }

  #word(): void {
    this.#reason = reasonLine('ja', this.#verdict, this.#preset);
    this.#reasonEn = reasonLine('en', this.#verdict, this.#preset);
  }

  /** JSON.stringify sees the words too (getters are not own properties): the outcome as a plain object. */
  toJSON(): object {
    const { grade, meaning, reason, reasonEn, measures } = this;
    return { grade, meaning, reason, reasonEn, measures };
  }
}

// ───────────────────────────── evidence ─────────────────────────────

/** What every rule may look at. */
interface Evidence {
  readonly measures: Measures;
  readonly compared: Compared;
  readonly hasBaseline: boolean;
  /** C strictly better than B by direction; undefined without a baseline. */
  readonly improved: boolean | undefined;
  /** The figures, when the evidence is numbers (not a state word): see reachedAt. */
  readonly figures?: CurrentFigures;
  readonly state?: { readonly text: string; readonly readAs: 'done' | 'noProgress' };
  /** A state word's baseline and current years, for a pace by a fixed share per year (figures carry their own). */
  readonly stateYears?: { readonly baseline: number | undefined; readonly current: number | undefined };
}

function numbersEvidence(f: CurrentFigures): Evidence {
  const m = measureFigures(f);
  const B = f.baseline?.value;
  const C = f.current.value;
  const T = f.target.value;
  const c = compared(B, C, T, f.target.bound, f.unit);
  // The ledger's own 目安値, and a forecast standing for the current value: the reason quotes both.
  if (f.expected !== undefined) c.expected = f.expected;
  if (f.currentIsForecast) c.forecast = true;
  if (f.relation !== undefined) c.relation = f.relation.text;
  return {
    measures: m,
    compared: c,
    hasBaseline: B !== undefined,
    improved: B === undefined ? undefined : m.direction === 'down' ? below(C, B) : above(C, B),
    figures: f,
  };
}

/** A state word read as figures: done = the target reached, no progress = still at the baseline. */
function stateEvidence(plan: PlanFigures, currentYear: number | undefined, text: string, readAs: 'done' | 'noProgress'): Evidence {
  const { direction, basis } =
    plan.direction === undefined ? directionOf(plan.target.value, plan.target.bound, plan.baseline?.value, plan.unit) : columnDirection(plan.direction);
  const t = elapsedOrUnknown(plan.baseline?.year, currentYear, plan.target.year);
  const elapsedKnown = t !== UNKNOWN_ELAPSED;
  const elapsed = elapsedKnown ? t : 1;
  const done = readAs === 'done';
  const c = compared(plan.baseline?.value, undefined, plan.target.value, plan.target.bound, plan.unit);
  if (plan.relation !== undefined) c.relation = plan.relation.text;
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
    compared: c,
    hasBaseline: true, // the word itself says where it stands against the start
    improved: done,
    state: { text, readAs },
    stateYears: { baseline: plan.baseline?.year, current: currentYear },
  };
}

/** The figures a reason quotes, without the ones that are not there. */
function compared(baseline: number | undefined, current: number | undefined, target: number, bound: Bound | undefined, unit: string): Mutable<Compared> {
  const c = {} as Mutable<Compared>;
  if (baseline !== undefined) c.baseline = baseline;
  if (current !== undefined) c.current = current;
  c.target = target;
  if (bound !== undefined) c.bound = bound;
  c.unit = unit;
  return c;
}

/** 日本再興戦略 F: the target is an action, not a figure; the scale gives it its own code. */
function qualitativeVerdict(preset: ScalePreset): Verdict {
  return { kind: 'code', grade: preset.qualitative!, cause: 'qualitative', text: '' };
}

/** A city scale's code for a state word, when it has one (あきる野市: 完了 F, 未着手 X, 中止 Y, 評価困難 Z). */
function stateCode(preset: Preset, state: Extract<FiguresResult, { kind: 'state' }>['state']): string | undefined {
  if (preset.method !== 'scale' || preset.states === undefined) return undefined;
  switch (state) {
    case 'done':
      return preset.states.done;
    case 'notStarted':
      return preset.states.notStarted;
    case 'cancelled':
      return preset.states.cancelled;
    case 'hardToEvaluate':
      return preset.states.hardToEvaluate;
    case 'notDone':
      return undefined; // 未策定 / 未達成: no progress from the baseline, graded by the steps
  }
}

function stateVerdict(r: Extract<FiguresResult, { kind: 'state' }>, preset: Preset): Verdict {
  const code = stateCode(preset, r.state);
  if (code !== undefined) return { kind: 'code', grade: code, cause: 'state', text: r.text };
  switch (r.state) {
    case 'notStarted':
      if (preset.method === 'standard') return { kind: 'notStarted', text: r.text };
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

/**
 * Whether C reaches the target when only `share` of the planned change T − B is asked for.
 * A state word reaches it exactly when it reads as done (its measures say targetMet).
 */
function reachedAt(e: Evidence, share: number): boolean {
  const f = e.figures;
  const B = f?.baseline?.value;
  if (f === undefined || B === undefined || share === 1) return e.measures.targetMet;
  const T = f.target.value;
  return meetsTarget(f.current.value, T - (1 - share) * (T - B), f.target.bound, e.measures.direction);
}

function verdictOf(e: Evidence, preset: Preset, name = ''): Verdict {
  if (preset.method === 'scale') return scaleVerdict(e, preset, name);
  const rule = applyRule(e, preset);
  if (rule.grade === null) return { kind: 'notGraded', cause: { kind: 'noBaseline' }, measures: e.measures, compared: e.compared };
  const verdict: Mutable<Extract<Verdict, { kind: 'graded' }>> = {
    kind: 'graded',
    grade: rule.grade,
    clause: rule.clause,
    measures: e.measures,
    compared: e.compared,
    paceFromAttainment: rule.paceFromAttainment ?? false,
  };
  if (rule.paceFromExpected) verdict.paceFromExpected = true;
  if (e.state !== undefined) verdict.state = e.state;
  return verdict;
}

// ───────────────────────────── the rules ─────────────────────────────

type RuleResult =
  | { readonly grade: GradeKey; readonly clause: GradedClause; readonly paceFromAttainment?: boolean; readonly paceFromExpected?: true }
  | { readonly grade: null; readonly clause: 'noBaseline' };

/**
 * The results a rule can give, made once: a rule runs for every KPI and only says which.
 * Pace clauses come in pairs, by whether the pace was judged on 達成率 (index 1) or not (0).
 */
const result = (grade: GradeKey, clause: GradedClause): RuleResult => Object.freeze({ grade, clause });
const paced = (grade: GradeKey, clause: GradedClause): readonly [RuleResult, RuleResult] => [
  Object.freeze({ grade, clause, paceFromAttainment: false }),
  Object.freeze({ grade, clause, paceFromAttainment: true }),
];
const NO_BASELINE: RuleResult = Object.freeze({ grade: null, clause: 'noBaseline' });
const S_MET = result('S', 'targetMet');
const S_SHARE = result('S', 'metShare');
const A_MET = result('A', 'targetMet');
const A_PACE = paced('A', 'onPace');
const B_ROUGHLY = paced('B', 'roughly');
const B_BEHIND = paced('B', 'behind');
const C_BEHIND = paced('C', 'behind');
const D_WORSE = result('D', 'worse');
const C_WORSE = result('C', 'worse');
const A_IMPROVED = result('A', 'improved');
const B_SAME = result('B', 'sameLevel');
const A_EXPECTED: RuleResult = Object.freeze({ grade: 'A', clause: 'onPace', paceFromExpected: true });
const B_EXPECTED: RuleResult = Object.freeze({ grade: 'B', clause: 'behind', paceFromExpected: true });
const BY_ATTAINMENT = {
  A: result('A', 'attainment'),
  B: result('B', 'attainment'),
  C: result('C', 'attainment'),
  D: result('D', 'attainment'),
  '1': result('1', 'attainment'),
  '2': result('2', 'attainment'),
  '3': result('3', 'attainment'),
  '4': result('4', 'attainment'),
  '5': result('5', 'attainment'),
  '6': result('6', 'attainment'),
  '7': result('7', 'attainment'),
} as const;

function applyRule(e: Evidence, preset: Exclude<Preset, ScalePreset>): RuleResult {
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

type Thresholds<M extends Exclude<Preset['method'], 'scale'>> = Extract<Preset, { method: M }>['thresholds'];

/**
 * p, or — with no baseline to draw the line from — 達成率 a against the final target; undefined
 * when T = B or the baseline already met the target.
 */
function paceOf(e: Evidence): number | undefined {
  if (e.measures.progress !== undefined) return e.measures.progress;
  if (!e.hasBaseline) return e.measures.attainment ?? 0;
  return undefined;
}

/** 1 when paceOf judged on 達成率 (no baseline), else 0: the index into a `paced` pair. */
function fromAttainment(e: Evidence): 0 | 1 {
  return e.measures.progress === undefined && !e.hasBaseline ? 1 : 0;
}

/** 達成率, or 100 % / 0 % by whether the target is met when no ratio can be taken. */
function attainmentOf(m: Measures): number {
  return m.attainment ?? (m.targetMet ? 1 : 0);
}

function standardRule(e: Evidence, th: Thresholds<'standard'>): RuleResult {
  const m = e.measures;
  if (reachedAt(e, th.met)) return m.targetMet ? S_MET : S_SHARE;
  const pace = paceOf(e);
  if (pace !== undefined && atLeast(pace, th.onPace * m.elapsed)) return A_PACE[fromAttainment(e)];
  if (pace !== undefined && atLeast(pace, th.roughly * m.elapsed)) return B_ROUGHLY[fromAttainment(e)];
  if (m.deterioration !== undefined && above(m.deterioration, th.worse)) return D_WORSE;
  return C_BEHIND[fromAttainment(e)];
}

function kijunRule(e: Evidence, th: Thresholds<'kijun'>): RuleResult {
  const m = e.measures;
  if (m.targetMet) return S_MET;
  if (e.improved === undefined || m.deterioration === undefined) return NO_BASELINE;
  if (e.improved) return A_IMPROVED;
  if (atMost(m.deterioration, th.sameLevel)) return B_SAME;
  return C_WORSE;
}

function tasseiRule(e: Evidence, th: Thresholds<'tassei'>): RuleResult {
  const a = attainmentOf(e.measures);
  if (atLeast(a, th.a)) return BY_ATTAINMENT.A;
  if (atLeast(a, th.b)) return BY_ATTAINMENT.B;
  if (atLeast(a, th.c)) return BY_ATTAINMENT.C;
  return BY_ATTAINMENT.D;
}

function paceRule(e: Evidence, th: Thresholds<'pace'>): RuleResult {
  const m = e.measures;
  // Reaching the final target passes every expected value on the way to it.
  if (m.targetMet) return A_MET;
  // The ledger's own 目安値 stands instead of the line we would draw (evaluate reports where they differ).
  const expected = e.figures?.expected;
  if (expected !== undefined) {
    if (reachesExpected(e, expected, th.onPace)) return A_EXPECTED;
    if (m.deterioration !== undefined && above(m.deterioration, 0)) return C_WORSE;
    return B_EXPECTED;
  }
  const pace = paceOf(e);
  if (pace !== undefined && atLeast(pace, th.onPace * m.elapsed)) return A_PACE[fromAttainment(e)];
  if (m.deterioration !== undefined && above(m.deterioration, 0)) return C_WORSE;
  return B_BEHIND[fromAttainment(e)];
}

/**
 * Whether C is on or past the 目安値 E: with a baseline, when C has covered at least onPace of
 * the way from B to E (at the default 1, C reaches E itself); without one, when C reaches
 * onPace × E by direction. Always ≥ / ≤: a 目安値 is a figure to reach, not a bound.
 */
function reachesExpected(e: Evidence, E: number, onPace: number): boolean {
  const f = e.figures!;
  const B = f.baseline?.value;
  const line = B === undefined ? E * onPace : B + (E - B) * onPace;
  return meetsTarget(f.current.value, line, undefined, e.measures.direction === 'down' ? 'down' : 'up');
}

const POINTS = ['7', '6', '5', '4', '3', '2'] as const satisfies readonly GradeKey[];

function pointsRule(e: Evidence, th: Thresholds<'points'>): RuleResult {
  const a = attainmentOf(e.measures);
  for (let i = 0; i < POINTS.length; i++) {
    if (atLeast(a, th.steps[i]!)) return BY_ATTAINMENT[POINTS[i]!];
  }
  return BY_ATTAINMENT['1'];
}

// ───────────────────────────── a city's own scale ─────────────────────────────

/**
 * The expected share of the way to the target by now: t on the straight line, or a fixed share
 * per year since the baseline year (多摩市: 20 % a year, at most 100 %; year 0 expects nothing).
 * `years` is undefined when a year is unknown: then 1, judged against the final target, as t.
 */
function expectedShare(e: Evidence, preset: ScalePreset): { expected: number; years?: number } {
  if (preset.pace.kind === 'line') return { expected: e.measures.elapsed };
  const yB = e.figures ? e.figures.baseline?.year : e.stateYears?.baseline;
  const yC = e.figures ? e.figures.current.year : e.stateYears?.current;
  if (yB === undefined || yC === undefined) return { expected: 1 };
  const years = yC - yB;
  return { expected: Math.min(1, Math.max(0, preset.pace.share * years)), years };
}

/**
 * ScaleRule, first match wins (types.ts): met · survey band · steps · worse · otherwise. The
 * clause names say which kind of fact decided, so the reason is worded as for the builtins.
 */
function scaleVerdict(e: Evidence, p: ScalePreset, name: string): Verdict {
  const m = e.measures;
  const graded = (grade: string, clause: GradedClause, extra?: Partial<Mutable<Extract<Verdict, { kind: 'graded' }>>>): Verdict => {
    const v: Mutable<Extract<Verdict, { kind: 'graded' }>> = {
      kind: 'graded',
      grade,
      clause,
      measures: m,
      compared: e.compared,
      paceFromAttainment: false,
      ...extra,
    };
    if (e.state !== undefined) v.state = e.state;
    return v;
  };

  if (p.met !== undefined && m.targetMet) return graded(p.met, 'targetMet');

  const f = e.figures;
  const B = f?.baseline?.value;
  if (p.survey !== undefined && f !== undefined && B !== undefined) {
    const basis: SurveyBasis | undefined = surveyBasis(p.survey, name, f.unit);
    const change = f.current.value - B;
    // 「±3ポイント未満」: strictly less than the band; exactly 3 points is a change.
    if (basis !== undefined && below(Math.abs(change), p.survey.points)) {
      return graded(p.survey.code, 'surveyBand', { survey: { basis, points: p.survey.points, change } });
    }
  }

  if (p.measure === 'pace') {
    const pace = paceOf(e);
    const { expected, years } = expectedShare(e, p);
    const perYear = p.pace.kind === 'perYear' && years !== undefined ? { share: p.pace.share, years, expected } : undefined;
    const extra = { paceFromAttainment: fromAttainment(e) === 1, ...(perYear ? { perYear } : {}) };
    if (pace !== undefined) {
      for (let i = 0; i < p.steps.length; i++) {
        const step = p.steps[i]!;
        if (atLeast(pace, step.min * expected)) return graded(step.code, i === 0 ? 'onPace' : 'roughly', extra);
      }
    }
    if (p.worse !== undefined && m.deterioration !== undefined && above(m.deterioration, p.worse.beyond)) return graded(p.worse.code, 'worse');
    return graded(p.otherwise, 'behind', extra);
  }

  const a = attainmentOf(m);
  for (const step of p.steps) if (atLeast(a, step.min)) return graded(step.code, 'attainment');
  if (p.worse !== undefined && m.deterioration !== undefined && above(m.deterioration, p.worse.beyond)) return graded(p.worse.code, 'worse');
  return graded(p.otherwise, 'attainment');
}
