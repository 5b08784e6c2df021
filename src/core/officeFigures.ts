/**
 * The figures an office computed itself, held against ours (issue 8): a 目安値 column (the
 * expected value on the straight line from baseline to target for that year) and 進捗率 /
 * 達成率 columns. They are read, never written, never taken as values; where one differs from
 * what the spec's formulas give by more than its own rounding, the officer is told — an info
 * problem naming the cell, both figures and the formula — and the cell is left as it is.
 *
 *   目安値  E = B + (T − B) × t,  t = (y − yB) / (yT − yB)        (expected.ts, spec §5)
 *   進捗率  p = (C − B) / (T − B)                                   (spec §5)
 *   達成率  a = C / T (higher is better), T / C (lower is better)   (spec §5)
 *
 * "Beyond rounding": more than half a unit of the last decimal the cell shows (58.4 is
 * 58.35–58.45; 75% is 74.5–75.5 %). Rates are read in per cent: "75.0%", or a bare 75.0 (offices
 * write the figure without the sign in a column headed 進捗率（％）).
 */
import { cellAddress } from './grid';
import { expectedValue } from './expected';
import { figuresFromKpi, inRowUnit } from './figures';
import { formatNumberEn } from './numberFormat';
import { makeProblem } from './problems';
import type { KpiFigures, KpiRow, Measures, Problem, ValueCell } from './types';
import { nfkc } from './text';

/** Problems for the office's own figures on one KPI row that differ from ours (none for most rows). */
export function checkOfficeFigures(kpi: KpiRow, measures: Measures | undefined, sheet: string): Problem[] {
  if (kpi.expected === undefined && kpi.officeRates === undefined) return [];
  const out: Problem[] = [];
  if (kpi.expected !== undefined) {
    const p = checkExpected(kpi, kpi.expected, sheet);
    if (p) out.push(p);
  }
  for (const r of kpi.officeRates ?? []) {
    const ours = r.rate === 'progress' ? measures?.progress : measures?.attainment;
    if (ours === undefined) continue;
    const p = checkRate(r.cell, r.rate, ours * 100, sheet);
    if (p) out.push(p);
  }
  return out;
}

function checkExpected(kpi: KpiRow, cell: ValueCell, sheet: string): Problem | undefined {
  if (cell.reading.kind !== 'number') return undefined;
  const f = figuresOf(kpi, sheet);
  const B = f?.baseline;
  const T = f?.target;
  // The year of the 目安値: its column's, else the current value's (the line for "this year").
  const year = cell.year ?? f?.current?.year;
  if (!f || !B || !T || B.year === undefined || T.year === undefined || year === undefined) return undefined;
  const ours = expectedValue(B.value, T.value, { baseline: B.year, target: T.year, year });
  const theirs = inRowUnit(cell.reading.value, cell.reading.unit, f.unit);
  if (ours === undefined || theirs === undefined) return undefined;
  const decimals = shownDecimals(cell.text);
  if (withinRounding(theirs, ours, decimals)) return undefined;
  return makeProblem('expectedDiffers', sheet, cellAddress(cell.row, cell.col), {
    theirs: cell.text.trim(),
    ours: `${formatNumberEn(ours, decimals, decimals)}${f.unit}`,
    year,
  });
}

function checkRate(cell: ValueCell, rate: 'progress' | 'attainment', oursPercent: number, sheet: string): Problem | undefined {
  if (cell.reading.kind !== 'number') return undefined;
  const theirs = cell.reading.value; // per cent, with or without the sign
  const decimals = shownDecimals(cell.text);
  if (withinRounding(theirs, oursPercent, decimals)) return undefined;
  return makeProblem('officeRateDiffers', sheet, cellAddress(cell.row, cell.col), {
    rate: rate === 'progress' ? '進捗率' : '達成率',
    rateEn: rate === 'progress' ? 'progress rate' : 'attainment rate',
    theirs: cell.text.trim(),
    ours: `${formatNumberEn(oursPercent, decimals, decimals)}%`,
    formula: rate === 'progress' ? '(C − B) / (T − B)' : 'C / T',
  });
}

/** The row's figures as grading sees them (units aligned), or undefined when it has none. */
function figuresOf(kpi: KpiRow, sheet: string): KpiFigures | undefined {
  const r = figuresFromKpi(kpi, sheet);
  return r.kind === 'figures' ? r.figures : undefined;
}

/** Decimals shown in the cell's first figure: "58.4" → 1, "75%" → 0, "１，２００．５０人" → 2. */
export function shownDecimals(text: string): number {
  const m = /\d[\d,]*(?:\.(\d+))?/u.exec(nfkc(text));
  return m?.[1]?.length ?? 0;
}

/** |theirs − ours| within half a unit of the last decimal shown, allowing for floating-point noise. */
export function withinRounding(theirs: number, ours: number, decimals: number): boolean {
  const half = 0.5 * 10 ** -decimals;
  return Math.abs(theirs - ours) <= half + 1e-9 * Math.max(1, Math.abs(ours));
}
