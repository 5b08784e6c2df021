/**
 * From what a KPI row's cells say to the numbers it is graded on (KpiFigures): picks the
 * baseline 当初, current 現状 and target 目標値 readings, gives each its year, aligns units,
 * and says plainly when the row cannot be graded and why.
 *
 * Decisions where the spec is silent (each one is also visible in the grade's reason):
 * - Year of a value: its own annotation ("(H22 国調)") else the year the door supplies (the
 *   column header in a ledger, the year argument of =KPI.GRADE). Spec §3.
 * - Units: 万/億 … are part of the unit; values are rescaled to the target's unit only when the
 *   row mixes scales of one unit (720億円 vs 7,200,000万円). A bare number takes the row's
 *   unit. Different base units (億円 vs 人) cannot be reconciled → problem 'unitMismatch'.
 *   Spellings of one counter fold together: か所 = 箇所 = ヶ所 = カ所; 名 = 人.
 * - Qualitative targets (策定完了 "formulation complete" and other 'done' words) are graded on
 *   a 0/1 scale: the target is "done" (1, met at ≥ 1), a baseline of 未策定/未着手/未実施 is 0,
 *   and the current value must be a state too (a figure against "策定完了" is a unit mismatch).
 * - Baseline 未着手 / 未策定 ("not started / not done") reads as 0, like 未実施. A baseline that
 *   says 完了 / 中止 / 評価困難 has no figure to measure from: it counts as no baseline.
 * - A target that is missing, unreadable, or a state other than done → problem 'noTarget'.
 * - A target written as a relation to the baseline (「基準値を上回る」「増加」「減少」「現状維持」) is the
 *   baseline figure bound by the word (> , <, ≥); without a baseline → problem 'relationNoBaseline'.
 * - An unreadable baseline or current cell → problem 'unreadableCell'; no grade. The clerk has
 *   to fix the cell either way, and a grade computed around it would hide that.
 */
import { cellAddress, rangeAddress } from './grid';
import { remembered } from './memo';
import { makeProblem } from './problems';
import type { Bound, CellReading, CellState, KpiFigures, KpiRow, Problem, RelationTarget, UnreadableReason, ValueCell } from './types';

// ───────────────────────────── input ─────────────────────────────

/** One value as a door hands it over. */
export interface ValueInput {
  readonly reading: CellReading;
  /** The year that applies when the reading has no year of its own (column header, function argument). */
  readonly year?: number;
  /** A1 address of the cell, for problems; unknown in a custom function. */
  readonly cell?: string;
}

export interface ValueInputs {
  readonly baseline?: ValueInput;
  readonly current?: ValueInput;
  readonly target?: ValueInput;
  /** What the ledger says beside its values (issue 8): a direction column, a 目安値, a forecast. */
  readonly beside?: Beside;
}

/** A ledger row's own words about its figures, carried into KpiFigures as they are. */
export interface Beside {
  readonly direction?: KpiRow['direction'];
  readonly expected?: ValueInput;
  readonly currentIsForecast?: true;
}

/** Where the values come from, so that problems can name the sheet, the KPI and the cells. */
export interface FiguresPlace {
  readonly sheet: string;
  readonly kpi: string;
  /** The row's value cells ("C7:F7"), for problems about the row as a whole. */
  readonly row?: string;
}

// ───────────────────────────── result ─────────────────────────────

/** The figures without a current value: a plan, for a current value that is a state word. */
export type PlanFigures = Omit<KpiFigures, 'current'>;

export type FigureRole = 'baseline' | 'current' | 'target';

/** Why a row has no figures to grade. */
export type Ungradable =
  | { readonly kind: 'noTarget' }
  | { readonly kind: 'unreadable'; readonly role: Exclude<FigureRole, 'target'>; readonly text: string; readonly reason: UnreadableReason }
  | { readonly kind: 'unitMismatch'; readonly units: readonly string[] }
  | { readonly kind: 'relationNoBaseline'; readonly text: string };

export type FiguresResult =
  /** Numbers to grade; `figures.current` absent means no current value yet (grade －). */
  | { readonly kind: 'figures'; readonly figures: KpiFigures; readonly problems: readonly [] }
  /** The current value is a state word (未着手, 完了, 中止 …); the preset decides what it means. */
  | {
      readonly kind: 'state';
      readonly state: CellState;
      readonly text: string;
      readonly plan: PlanFigures;
      readonly currentYear?: number;
      readonly problems: readonly [];
    }
  /** No grade; each problem names a cell and what to do. `why` is the first of them. */
  | { readonly kind: 'ungradable'; readonly why: Ungradable; readonly problems: readonly [Problem, ...Problem[]] };

// ───────────────────────────── picking the figures ─────────────────────────────

export function figuresFromKpi(kpi: KpiRow, sheet: string): FiguresResult {
  return figuresFromValues(valueInputsOfKpi(kpi), kpiPlace(kpi, sheet));
}

/**
 * Where a ledger row's problems point: its sheet, its name and its value cells. The addresses
 * are only read when a problem is worded (a few rows in a ledger), so they are written then.
 */
export function kpiPlace(kpi: KpiRow, sheet: string): FiguresPlace {
  return new KpiPlace(sheet, kpi);
}

class KpiPlace implements FiguresPlace {
  readonly kpi: string;
  readonly #row: KpiRow;
  constructor(
    readonly sheet: string,
    row: KpiRow,
  ) {
    this.kpi = row.name;
    this.#row = row;
  }
  get row(): string {
    return rowRangeOfKpi(this.#row);
  }
}

export function valueInputsOfKpi(kpi: KpiRow): ValueInputs {
  const inputs = {
    baseline: kpi.baseline && new CellInput(kpi.baseline),
    current: kpi.current && new CellInput(kpi.current),
    target: new CellInput(kpi.target),
  };
  if (kpi.direction === undefined && kpi.expected === undefined && kpi.currentIsForecast === undefined) return inputs;
  const beside: Mutable<Beside> = {};
  if (kpi.direction !== undefined) beside.direction = kpi.direction;
  if (kpi.expected !== undefined) beside.expected = new CellInput(kpi.expected);
  if (kpi.currentIsForecast) beside.currentIsForecast = true;
  return { ...inputs, beside };
}

/** A ledger cell as a ValueInput; its A1 address is written when a problem asks for it. */
class CellInput implements ValueInput {
  readonly reading: CellReading;
  readonly year: number | undefined;
  readonly #cell: ValueCell;
  constructor(cell: ValueCell) {
    this.reading = cell.reading;
    this.year = cell.year;
    this.#cell = cell;
  }
  get cell(): string {
    return cellAddress(this.#cell.row, this.#cell.col);
  }
}

function rowRangeOfKpi(kpi: KpiRow): string {
  const cells = [kpi.baseline, kpi.current, kpi.target].filter((c): c is ValueCell => c !== undefined);
  const cols = cells.map((c) => c.col);
  return rangeAddress({ top: kpi.row, bottom: kpi.row, left: Math.min(...cols), right: Math.max(...cols) });
}

/** A figure before unit alignment. */
interface RawFigure {
  readonly value: number;
  readonly unit: string;
  readonly year?: number;
}

export function figuresFromValues(input: ValueInputs, place: FiguresPlace): FiguresResult {
  const target = targetFigure(input.target);
  if (target === undefined || notAFigure(input.baseline) || notAFigure(input.current)) {
    const failures: Array<{ why: Ungradable; problem: Problem }> = [];
    if (target === undefined) {
      failures.push({
        why: { kind: 'noTarget' } as const,
        problem: makeProblem('noTarget', place.sheet, input.target?.cell ?? '', { kpi: place.kpi }),
      });
    }
    for (const f of unreadableFailures(input, place)) failures.push(f);
    return ungradable(failures);
  }

  const baseline = baselineFigure(input.baseline);
  if (target.kind === 'relation') return relationFigures(target, baseline, input, place);
  // On the 0/1 scale of a qualitative target only "nothing yet" (0) is a baseline.
  if (target.kind === 'done' && baseline && baseline.value !== 0) {
    return mismatch([unitLabel(baseline.unit), textOf(input.target)], place, input);
  }

  const c = input.current;
  if (c?.reading.kind === 'state') {
    const plan = target.kind === 'done' ? qualitativePlan(baseline, target.year) : alignPlan(baseline, target, place, input);
    if ('problems' in plan) return plan;
    const { state, text } = c.reading;
    if (input.beside?.direction !== undefined) (plan as Mutable<PlanFigures>).direction = input.beside.direction;
    return c.year === undefined
      ? { kind: 'state', state, text, plan, problems: [] }
      : { kind: 'state', state, text, plan, currentYear: c.year, problems: [] };
  }

  const current: RawFigure | undefined =
    c?.reading.kind === 'number' ? { value: c.reading.value, unit: c.reading.unit, year: yearOf(c) } : undefined;
  if (target.kind === 'done') {
    // A figure against "策定完了" cannot be compared; no current value is simply not due yet.
    if (current) return mismatch([unitLabel(current.unit), textOf(input.target)], place, input);
    return { kind: 'figures', figures: qualitativePlan(baseline, target.year), problems: [] };
  }
  const aligned = alignUnits({ baseline, current, target });
  if (!aligned.ok) return mismatch(aligned.units, place, input);
  const { baseline: B, current: C, target: T } = aligned.values;
  const figures = {} as Mutable<KpiFigures>;
  if (baseline && B !== undefined) figures.baseline = dated(B, baseline.year);
  if (current && C !== undefined) figures.current = dated(C, current.year);
  figures.target = boundTarget(T!, target.year, target.bound);
  figures.unit = aligned.unit;
  if (input.beside) addBeside(figures, input.beside, aligned.unit);
  return { kind: 'figures', figures, problems: [] };
}

/**
 * The ledger's own direction, 目安値 and forecast mark on the figures. A 目安値 in another unit
 * than the row's (a different base unit, not a scale of it) is left out: the rule then draws
 * its own line, as without one.
 */
function addBeside(figures: Mutable<KpiFigures>, beside: Beside, unit: string): void {
  if (beside.direction !== undefined) figures.direction = beside.direction;
  if (beside.currentIsForecast) figures.currentIsForecast = true;
  const e = beside.expected?.reading;
  if (e?.kind === 'number') {
    const value = inRowUnit(e.value, e.unit, unit);
    if (value !== undefined) figures.expected = value;
  }
}

/** A figure brought to the row's unit: as it is when bare or the same, rescaled within one base unit. */
export function inRowUnit(value: number, written: string, rowUnit: string): number | undefined {
  if (written === '' || written === rowUnit || rowUnit === '') return value;
  const from = splitUnit(written);
  const to = splitUnit(rowUnit);
  if (from.base !== to.base && from.base !== '' && to.base !== '') return undefined;
  return rescale(value, from.scale, to.scale);
}

type TargetFigure =
  | (RawFigure & { readonly kind: 'number'; readonly bound?: Bound })
  | { readonly kind: 'done'; readonly year?: number }
  | { readonly kind: 'relation'; readonly relation: RelationTarget; readonly year?: number };

/** A figure, "done" for a qualitative target (策定完了), or a relation to the baseline; anything else is no target. */
function targetFigure(t: ValueInput | undefined): TargetFigure | undefined {
  if (t?.reading.kind === 'number') {
    return { kind: 'number', value: t.reading.value, unit: t.reading.unit, year: yearOf(t), bound: t.reading.bound };
  }
  if (t?.reading.kind === 'relation') return { kind: 'relation', relation: { relation: t.reading.relation, text: t.reading.text }, year: t.year };
  if (t?.reading.kind === 'state' && t.reading.state === 'done') return { kind: 'done', year: t.year };
  return undefined;
}

function unreadableFailures(input: ValueInputs, place: FiguresPlace): Array<{ why: Ungradable; problem: Problem }> {
  const out: Array<{ why: Ungradable; problem: Problem }> = [];
  for (const role of ['baseline', 'current'] as const) {
    const v = input[role];
    if (!notAFigure(v)) continue;
    const { text } = v.reading;
    // A relation word (「増加」) is a target, never a measured value: no figure in it.
    const reason = v.reading.kind === 'unreadable' ? v.reading.reason : 'noNumber';
    out.push({
      why: { kind: 'unreadable', role, text, reason },
      problem: makeProblem('unreadableCell', place.sheet, v.cell ?? '', { kpi: place.kpi, text, reason }),
    });
  }
  return out;
}

/** A baseline or current cell that holds no usable figure: unreadable, or a relation word (a target's). */
function notAFigure(v: ValueInput | undefined): v is ValueInput & { readonly reading: Extract<CellReading, { kind: 'unreadable' | 'relation' }> } {
  const kind = v?.reading.kind;
  return kind === 'unreadable' || kind === 'relation';
}

/** Spec §3: the value's own annotation, else the year the door supplies. */
function yearOf(v: ValueInput): number | undefined {
  return (v.reading.kind === 'number' ? v.reading.year : undefined) ?? v.year;
}

function baselineFigure(v: ValueInput | undefined): RawFigure | undefined {
  if (v?.reading.kind === 'number') return { value: v.reading.value, unit: v.reading.unit, year: yearOf(v) };
  // 未着手 / 未策定 at the start: nothing existed yet, as with 未実施 (0).
  if (v?.reading.kind === 'state' && (v.reading.state === 'notStarted' || v.reading.state === 'notDone')) {
    return { value: 0, unit: '', year: v.year };
  }
  return undefined;
}

/** The 0/1 scale of a qualitative target: done = 1, nothing yet = 0. */
function qualitativePlan(baseline: RawFigure | undefined, targetYear: number | undefined): PlanFigures {
  const target: PlanFigures['target'] = targetYear === undefined ? { value: 1, bound: 'ge' } : { value: 1, year: targetYear, bound: 'ge' };
  return baseline?.value === 0 ? { baseline: dated(0, baseline.year), target, unit: '', qualitative: true } : { target, unit: '', qualitative: true };
}

/**
 * The bound a relation to the baseline asks for: 上回る/増加 more than the baseline, 下回る/減少
 * less, 現状維持 at least the baseline (spec §4: keeping a level is met while C ≥ T). A survey
 * band (ScaleRule.survey) is what makes a small fall count as 現状維持 where the city says so.
 */
const RELATION_BOUND: Readonly<Record<RelationTarget['relation'], Bound>> = { up: 'gt', down: 'lt', keep: 'ge' };

/**
 * A relational target (「基準値を上回る」「現状維持」「増加」「減少」) graded against the baseline:
 * the target is the baseline figure itself, bound by the word. Without a baseline there is
 * nothing to compare with: the row says so (problem 'relationNoBaseline').
 */
function relationFigures(
  target: Extract<TargetFigure, { kind: 'relation' }>,
  baseline: RawFigure | undefined,
  input: ValueInputs,
  place: FiguresPlace,
): FiguresResult {
  if (baseline === undefined) {
    const text = target.relation.text;
    const problem = makeProblem('relationNoBaseline', place.sheet, input.target?.cell ?? '', { kpi: place.kpi, text });
    return { kind: 'ungradable', why: { kind: 'relationNoBaseline', text }, problems: [problem] };
  }
  const bound = RELATION_BOUND[target.relation.relation];
  const c = input.current;
  const current: RawFigure | undefined =
    c?.reading.kind === 'number' ? { value: c.reading.value, unit: c.reading.unit, year: yearOf(c) } : undefined;
  const aligned = alignUnits({ baseline, current });
  if (!aligned.ok) return mismatch(aligned.units, place, input);
  const B = aligned.values.baseline!;
  const plan: Mutable<KpiFigures> = {
    baseline: dated(B, baseline.year),
    target: boundTarget(B, target.year, bound),
    unit: aligned.unit,
    relation: target.relation,
  };
  if (c?.reading.kind === 'state') {
    const { state, text } = c.reading;
    return c.year === undefined
      ? { kind: 'state', state, text, plan, problems: [] }
      : { kind: 'state', state, text, plan, currentYear: c.year, problems: [] };
  }
  if (current && aligned.values.current !== undefined) plan.current = dated(aligned.values.current, current.year);
  return { kind: 'figures', figures: plan, problems: [] };
}

function alignPlan(
  baseline: RawFigure | undefined,
  target: RawFigure & { bound?: Bound },
  place: FiguresPlace,
  input: ValueInputs,
): PlanFigures | Extract<FiguresResult, { kind: 'ungradable' }> {
  const aligned = alignUnits({ baseline, target });
  if (!aligned.ok) return mismatch(aligned.units, place, input);
  const planTarget = boundTarget(aligned.values.target!, target.year, target.bound);
  return baseline && aligned.values.baseline !== undefined
    ? { baseline: dated(aligned.values.baseline, baseline.year), target: planTarget, unit: aligned.unit }
    : { target: planTarget, unit: aligned.unit };
}

function dated(value: number, year: number | undefined): { value: number; year?: number } {
  return year === undefined ? { value } : { value, year };
}

/** { value, year?, bound? }, the keys present only when set. */
function boundTarget(value: number, year: number | undefined, bound: Bound | undefined): KpiFigures['target'] {
  if (!bound) return dated(value, year);
  return year === undefined ? { value, bound } : { value, year, bound };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function textOf(v: ValueInput | undefined): string {
  return v?.reading.kind === 'state' ? v.reading.text : '';
}

function unitLabel(unit: string): string {
  return unit === '' ? '単位なし' : unit;
}

function ungradable(failures: Array<{ why: Ungradable; problem: Problem }>): Extract<FiguresResult, { kind: 'ungradable' }> {
  const [first, ...rest] = failures;
  return { kind: 'ungradable', why: first!.why, problems: [first!.problem, ...rest.map((f) => f.problem)] };
}

function mismatch(units: readonly string[], place: FiguresPlace, input: ValueInputs): Extract<FiguresResult, { kind: 'ungradable' }> {
  const cell = place.row ?? input.target?.cell ?? '';
  const problem = makeProblem('unitMismatch', place.sheet, cell, { kpi: place.kpi, units: units.join('／') });
  return { kind: 'ungradable', why: { kind: 'unitMismatch', units }, problems: [problem] };
}

// ───────────────────────────── units ─────────────────────────────

/** Scale words written before a unit, longest first (百万円 is 1e6 円, not 百 × 万円). */
const SCALES: ReadonlyArray<readonly [string, number]> = [
  ['百万', 1e6],
  ['千万', 1e7],
  ['十万', 1e5],
  ['兆', 1e12],
  ['億', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
];

/** Spellings of one counter: か所 "places" is written four ways; 名 and 人 both count people. */
const SAME_COUNTER: Readonly<Record<string, string>> = {
  箇所: 'か所',
  ヶ所: 'か所',
  ヵ所: 'か所',
  カ所: 'か所',
  ケ所: 'か所',
  個所: 'か所',
  名: '人',
};

interface Unit {
  readonly written: string;
  readonly scale: number;
  /** The unit without its scale word, counters folded: 万人 → 人, 箇所 → か所, % → %. */
  readonly base: string;
}

/** Units repeat on every row ("%", "件", "億円"): each is split once (bounded). */
export const splitUnit = remembered(splitUnitUncached);

function splitUnitUncached(written: string): Unit {
  const u = written.normalize('NFKC').trim();
  for (const [word, scale] of SCALES) {
    if (u.startsWith(word)) {
      const rest = u.slice(word.length);
      return { written, scale, base: SAME_COUNTER[rest] ?? rest };
    }
  }
  return { written, scale: 1, base: SAME_COUNTER[u] ?? u };
}

type Aligned<K extends string> =
  | { readonly ok: true; readonly unit: string; readonly values: Partial<Record<K, number>> }
  | { readonly ok: false; readonly units: readonly string[] };

/**
 * Brings the figures of one row to one unit: the target's, else the current value's, else the
 * baseline's. A bare number takes that unit as it stands; a scale word alone ("372万") takes the
 * row's base unit.
 */
export function alignUnits<K extends FigureRole>(figures: Partial<Record<K, RawFigure>>): Aligned<K> {
  const byRole = figures as Partial<Record<FigureRole, RawFigure>>;
  // The reference unit is the first written one in role order; all base units must agree.
  let reference: Unit | undefined;
  let rowBase: string | undefined;
  let mixed = false;
  for (const role of REFERENCE_ORDER) {
    const f = byRole[role];
    if (f === undefined || f.unit === '') continue;
    const u = splitUnit(f.unit);
    reference ??= u;
    if (u.base === '') continue;
    if (rowBase === undefined) rowBase = u.base;
    else if (u.base !== rowBase) mixed = true;
  }
  if (mixed) {
    const units: string[] = [];
    for (const role of REFERENCE_ORDER) {
      const f = byRole[role];
      if (f !== undefined && f.unit !== '' && !units.includes(f.unit)) units.push(f.unit);
    }
    return { ok: false, units };
  }

  // Values keep the order the figures were given in.
  const values: Partial<Record<K, number>> = {};
  for (const role in figures) {
    const f = figures[role];
    if (f === undefined) continue;
    values[role] = reference === undefined || f.unit === '' ? f.value : rescale(f.value, splitUnit(f.unit).scale, reference.scale);
  }
  if (reference === undefined) return { ok: true, unit: '', values };
  // "450万" against "372万人": the row's unit is 万人.
  const unit = reference.base === '' && rowBase !== undefined ? reference.written + rowBase : reference.written;
  return { ok: true, unit, values };
}

/** Whose unit the row takes: the target's, else the current value's, else the baseline's. */
const REFERENCE_ORDER: readonly FigureRole[] = ['target', 'current', 'baseline'];

/** Powers of ten divide exactly: 7,200,000 (万円) / 10⁴ is exactly 720 (億円). */
function rescale(value: number, from: number, to: number): number {
  if (from === to) return value;
  return from > to ? value * (from / to) : value / (to / from);
}
