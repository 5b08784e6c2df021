/**
 * One cell of each KPI function: the arguments at one position of the range, read with the
 * ledger grammar, handed to the engine, and the answer (or the reason there is none) given
 * back. Everything that decides — picking and aligning the figures, direction, the measures,
 * the grade — is the engine's (src/core), so a formula next to the ledger and the task pane
 * give one answer for one row.
 */
import { parseCellValue } from '../core/cellValue';
import { expectedValue } from '../core/expected';
import { figuresFromValues, type ValueInput } from '../core/figures';
import { gradeValues } from '../core/grade';
import { toGradeText, type GradeStyle } from '../core/gradeText';
import { measureFigures, type CurrentFigures } from '../core/measures';
import { describeUnreadable } from '../core/problems';
import type { KpiFigures, Preset } from '../core/types';
import { parseFiscalYear } from '../core/years';
import { isPlausibleYear, readValues, readYear, type ValueArg } from './args';
import { invalidValue, notAvailable } from './errors';
import { findPreset, knownPresetNames } from './presets';

/** Parameter names as the formula tooltip shows them; messages name the argument the same way. */
export const ARG = {
  baseline: '当初',
  current: '現状',
  target: '目標',
  baselineYear: '当初年度',
  currentYear: '現状年度',
  targetYear: '目標年度',
  year: '年度',
  preset: 'preset',
  name: '指標名',
  cell: 'セル',
} as const;

const PROGRESS = '進捗率';
const ATTAINMENT = '達成率';
const EXPECTED = '目安値';

/**
 * Results are rounded to 12 significant digits: (13.7 − 13.0)/(15.0 − 13.0) is
 * 0.34999999999999964 in binary floating point, and an officer's =KPI.RATE(…)>=0.35 must be
 * TRUE as the ledger reads (the engine compares with a tolerance for the same reason).
 */
function tidy(x: number): number {
  const y = Number(x.toPrecision(12));
  return y === 0 ? 0 : y;
}

// ───────────────────────────── figures from arguments ─────────────────────────────

interface FigureArgs {
  readonly baseline?: ValueArg;
  readonly current?: ValueArg;
  readonly target: ValueArg;
  readonly years?: { readonly baseline?: number; readonly current?: number; readonly target?: number };
}

/**
 * The engine's figures for a measure that needs numbers: a numeric target, and a numeric
 * current value when `current` is given. A missing current value is #N/A (not there yet);
 * a target or value the engine cannot use is #VALUE!.
 */
function numericFigures(args: FigureArgs, measure: string): KpiFigures {
  const { target, current } = args;
  if (target.reading.kind === 'missing') throw invalidValue('noTarget');
  if (target.reading.kind === 'state' || target.reading.kind === 'relation') throw invalidValue('targetNotNumber', { text: target.text, measure });
  if (current?.reading.kind === 'missing') throw notAvailable('noCurrent', { measure });
  if (current?.reading.kind === 'state') throw notAvailable('stateNotNumber', { arg: current.name, text: current.text, measure });

  const input = (arg: ValueArg | undefined, year: number | undefined): ValueInput | undefined =>
    arg && (year === undefined ? { reading: arg.reading } : { reading: arg.reading, year });
  const result = figuresFromValues(
    {
      baseline: input(args.baseline, args.years?.baseline),
      current: input(current, args.years?.current),
      target: input(target, args.years?.target),
    },
    { sheet: '', kpi: '' },
  );
  switch (result.kind) {
    case 'figures':
      return result.figures;
    case 'state': // a state current value was refused above; kept for completeness
      throw notAvailable('stateNotNumber', { arg: ARG.current, text: result.text, measure });
    case 'ungradable':
      switch (result.why.kind) {
        case 'unitMismatch':
          throw invalidValue('unitMismatch', { units: result.why.units.join('／') });
        case 'noTarget':
          throw invalidValue('noTarget');
        case 'relationNoBaseline': // a relation target was refused above; kept for completeness
          throw invalidValue('targetNotNumber', { text: result.why.text, measure });
        case 'unreadable': // refused by readValues already; kept for completeness
          throw invalidValue('unreadable', {
            arg: ARG[result.why.role],
            text: result.why.text,
            why: describeUnreadable(result.why.reason, 'ja'),
          });
      }
  }
}

function withCurrent(figures: KpiFigures, measure: string): CurrentFigures {
  if (!figures.current) throw notAvailable('noCurrent', { measure });
  return figures as CurrentFigures;
}

// ───────────────────────────── the cells ─────────────────────────────

/** =KPI.RATE: 進捗率 p = (C − B)/(T − B), direction-aware; 1 = target reached. */
export function progressCell(baseline: unknown, current: unknown, target: unknown): number {
  const [B, C, T] = readValues([
    [ARG.baseline, baseline],
    [ARG.current, current],
    [ARG.target, target],
  ]) as [ValueArg, ValueArg, ValueArg];
  const figures = numericFigures({ baseline: B, current: C, target: T }, PROGRESS);
  const m = measureFigures(withCurrent(figures, PROGRESS));
  if (m.progress !== undefined) return tidy(m.progress);
  // The engine leaves p undefined in three cases; say which one.
  if (!figures.baseline) throw notAvailable('noBaselineRate');
  if (figures.baseline.value === figures.target.value) throw notAvailable('keepTarget', { value: T.text });
  throw notAvailable('alreadyMet', { baseline: B.text, target: T.text });
}

/** =KPI.ATTAIN: 達成率 a = C/T (higher is better) or T/C (lower is better). */
export function attainmentCell(current: unknown, target: unknown): number {
  const [C, T] = readValues([
    [ARG.current, current],
    [ARG.target, target],
  ]) as [ValueArg, ValueArg];
  const figures = numericFigures({ current: C, target: T }, ATTAINMENT);
  const m = measureFigures(withCurrent(figures, ATTAINMENT));
  if (m.attainment === undefined) throw notAvailable('attainmentUndefined');
  return tidy(m.attainment);
}

/** =KPI.EXPECTED: 目安値, the straight-line planned value for a year. */
export function expectedCell(baseline: unknown, target: unknown, baselineYear: unknown, targetYear: unknown, year: unknown): number {
  const [B, T] = readValues([
    [ARG.baseline, baseline],
    [ARG.target, target],
  ]) as [ValueArg, ValueArg];
  const years = { baseline: readYear(ARG.baselineYear, baselineYear), target: readYear(ARG.targetYear, targetYear) };
  const asked = readYear(ARG.year, year);
  if (asked === undefined) throw invalidValue('noYear', { arg: ARG.year });
  if (B.reading.kind === 'missing') throw notAvailable('noBaselineExpected');
  const figures = numericFigures({ baseline: B, target: T, years }, EXPECTED);
  if (!figures.baseline) throw invalidValue('stateNotNumber', { arg: ARG.baseline, text: B.text, measure: EXPECTED });
  // A year written in the cell ("(H22 国調)") wins over the year argument, as in the ledger.
  const yB = figures.baseline.year;
  const yT = figures.target.year;
  if (yB === undefined) throw invalidValue('noYear', { arg: ARG.baselineYear });
  if (yT === undefined) throw invalidValue('noYear', { arg: ARG.targetYear });
  const value = expectedValue(figures.baseline.value, figures.target.value, { baseline: yB, target: yT, year: asked });
  if (value === undefined) throw invalidValue('yearOrder', { baseline: yB, target: yT });
  return tidy(value);
}

/** =KPI.VALUE: the figure in a ledger cell, as written (２，９２０件 → 2920, 65.0%以上 → 65). */
export function valueCell(cell: unknown): number {
  const [v] = readValues([[ARG.cell, cell]]) as [ValueArg];
  switch (v.reading.kind) {
    case 'number':
      return v.reading.value;
    case 'missing':
      throw notAvailable('missingValue', { arg: ARG.cell });
    case 'state':
    case 'relation': // 「基準値を上回る」: a target's word, no figure
      throw invalidValue('stateWord', { arg: ARG.cell, text: v.text });
    case 'unreadable': // refused by readValues; kept for completeness
      throw invalidValue('unreadable', { arg: ARG.cell, text: v.text, why: describeUnreadable(v.reading.reason, 'ja') });
  }
}

/**
 * =KPI.NENDO: the Western fiscal year in a header or note ("H29", "令和元年度", "(H27 国調)").
 * In a value cell the value's own year note counts ("2020件\n(H24)" → 2012), as in the ledger;
 * otherwise the first year written in the text.
 */
export function fiscalYearCell(cell: unknown): number {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) {
    throw notAvailable('emptyYearCell');
  }
  if (typeof cell === 'number') {
    if (isPlausibleYear(cell)) return cell;
    throw invalidValue('noYearInCell', { text: String(cell) });
  }
  if (typeof cell !== 'string') throw invalidValue('noYearInCell', { text: String(cell) });
  const reading = parseCellValue(cell);
  const year = (reading.kind === 'number' ? reading.year : undefined) ?? parseFiscalYear(cell);
  if (year === undefined) throw invalidValue('noYearInCell', { text: cell.trim() });
  return year;
}

// ───────────────────────────── grade ─────────────────────────────

/** What GRADE needs besides its arguments: the saved rule (or why it could not be read) and the style. */
export interface GradeContext {
  readonly saved: Preset | undefined;
  /** Why the saved rule could not be read, when it could not. */
  readonly savedError?: string;
  readonly style: GradeStyle;
}

/** =KPI.GRADE: the grade by the preset's rule, in the workbook's style (Ｓ or S). */
export function gradeCell(
  baseline: unknown,
  current: unknown,
  target: unknown,
  baselineYear: unknown,
  currentYear: unknown,
  targetYear: unknown,
  preset: unknown,
  name: unknown,
  context: GradeContext,
): string {
  const [B, C, T] = readValues([
    [ARG.baseline, baseline],
    [ARG.current, current],
    [ARG.target, target],
  ]) as [ValueArg, ValueArg, ValueArg];
  const input = (arg: ValueArg, name: string, year: unknown): ValueInput => {
    const y = readYear(name, year);
    return y === undefined ? { reading: arg.reading } : { reading: arg.reading, year: y };
  };
  const values = {
    baseline: input(B, ARG.baselineYear, baselineYear),
    current: input(C, ARG.currentYear, currentYear),
    target: input(T, ARG.targetYear, targetYear),
  };
  const rule = presetFor(preset, context);
  // The indicator's name matters only to a city scale with a survey band (「満足度」「割合」 …).
  const kpi = name === null || name === undefined ? '' : String(name).trim();
  const { outcome, problems } = gradeValues(values, rule, { sheet: '', kpi });
  if (outcome.grade !== null) return toGradeText(outcome.grade, context.style);
  // Figures the engine cannot use are the clerk's to fix (#VALUE!); a rule that gives no
  // grade for sound figures (中止, 評価困難, kijun without a baseline) is #N/A.
  if (problems.length > 0) throw invalidValue('notGradable', { reason: outcome.reason });
  throw notAvailable('noGrade', { reason: outcome.reason });
}

function presetFor(value: unknown, context: GradeContext): Preset {
  const text = value === null || value === undefined ? '' : String(value).trim();
  if (text === '') {
    if (context.saved) return context.saved;
    throw notAvailable('ruleLoadFailed', { detail: context.savedError ?? '' });
  }
  const found = findPreset(text, context.saved);
  if (found) return found;
  // The name may be that of the saved rule we could not read: say that, not "no such rule".
  if (context.savedError !== undefined) throw notAvailable('ruleLoadFailed', { detail: context.savedError });
  throw invalidValue('unknownPreset', { text, known: knownPresetNames(context.saved) });
}
