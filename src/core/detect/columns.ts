/**
 * From a header to the columns of a KPI table: which column is the target, the grade,
 * and what each value column means (baseline 当初, intermediate, current 現状).
 *
 * Roles come from the header words when they are consistent; when they are missing or
 * disagree (two 現状値 columns, a 基準値 later than the 実績値 — some ledgers say 現状値 for
 * the value at planning time), the value columns are ordered by year instead: the earliest
 * is the baseline, the latest not after the target year is the current value, the rest are
 * intermediate.
 */
import type { TableColumns, ValueColumn, ValueRole } from '../types';
import type { HeaderColumn, HeaderLayout } from './headerRow';

export interface ColumnPlan {
  readonly layout: HeaderLayout;
  /** A column headed No / 番号, when there is one. */
  readonly number?: number;
  /** A column headed 担当課 (section in charge), when there is one. */
  readonly department?: number;
  readonly values: readonly ValueColumn[];
  readonly target: TableColumns['target'];
  readonly grade?: TableColumns['grade'];
}

/** The column plan of a header, or undefined when it is no KPI table (no target or no value column). */
export function planColumns(layout: HeaderLayout): ColumnPlan | undefined {
  const { indicatorSpan } = layout;
  const inIndicator = (c: number) => c >= indicatorSpan.left && c <= indicatorSpan.right;

  const targets = layout.columns.filter((h) => h.role === 'target' && !inIndicator(h.col));
  const target = pickTarget(targets);
  if (!target) return undefined;

  const first = <R extends HeaderColumn['role']>(role: R) =>
    layout.columns.find((h) => h.role === role && !inIndicator(h.col));
  const numberColumn = first('number');
  const departmentColumn = first('department');
  const gradeColumn = first('grade');

  // Value columns: a value word, or a year alone ("(H28)"). A lone year left of the
  // indicator is not a value column: values follow the indicator in every ledger seen.
  const valueHeaders = layout.columns.filter(
    (h) =>
      !inIndicator(h.col) &&
      (h.role === 'baseline' ||
        h.role === 'intermediate' ||
        h.role === 'current' ||
        (h.role === undefined && h.year !== undefined && h.col > indicatorSpan.right)),
  );
  if (valueHeaders.length === 0) return undefined;

  const roles = assignValueRoles(
    valueHeaders.map((h) => ({ word: h.role as ValueRole | undefined, year: h.year })),
    target.year,
  );
  const values = valueHeaders.map((h, i): ValueColumn => {
    const column: { -readonly [K in keyof ValueColumn]: ValueColumn[K] } = {
      col: h.col,
      role: roles[i]!,
      header: h.header,
    };
    if (h.year !== undefined) column.year = h.year;
    return column;
  });

  const plan: { -readonly [K in keyof ColumnPlan]: ColumnPlan[K] } = {
    layout,
    values,
    target:
      target.year === undefined
        ? { col: target.col, header: target.header }
        : { col: target.col, year: target.year, header: target.header },
  };
  if (numberColumn) plan.number = numberColumn.col;
  if (departmentColumn) plan.department = departmentColumn.col;
  if (gradeColumn) plan.grade = { col: gradeColumn.col, header: gradeColumn.header };
  return plan;
}

/** Several target columns (an interim and a final target): the final one, by year, else the rightmost. */
function pickTarget(targets: readonly HeaderColumn[]): HeaderColumn | undefined {
  let best: HeaderColumn | undefined;
  for (const t of targets) {
    if (!best || (t.year ?? -Infinity) >= (best.year ?? -Infinity)) best = t;
  }
  return best;
}

export interface ValueHeader {
  /** The role its header word gives, if any. */
  readonly word?: ValueRole;
  readonly year?: number;
}

/** Roles of the value columns (given in sheet order), by words when they agree, else by years. */
export function assignValueRoles(columns: readonly ValueHeader[], targetYear?: number): ValueRole[] {
  const n = columns.length;
  if (n === 0) return [];
  const baselines = columns.filter((c) => c.word === 'baseline').length;
  const currents = columns.filter((c) => c.word === 'current').length;
  const allWorded = columns.every((c) => c.word !== undefined);
  if (allWorded && baselines <= 1 && currents <= 1 && yearsAgreeWithWords(columns)) {
    return columns.map((c) => c.word!);
  }
  if (columns.every((c) => c.year !== undefined)) return rolesByYear(columns, targetYear);
  // Some years missing: keep one baseline word and one current word if they agree with the
  // years there are; otherwise sheet order stands in for time (ledgers run left to right).
  if (baselines === 1 && currents === 1 && yearsAgreeWithWords(columns)) {
    return columns.map((c) => (c.word === 'baseline' || c.word === 'current' ? c.word : 'intermediate'));
  }
  if (n === 1) return [columns[0]!.word ?? 'current'];
  return columns.map((_c, i) => (i === 0 ? 'baseline' : i === n - 1 ? 'current' : 'intermediate'));
}

/** The baseline is no later than any other value, the current value no earlier. */
function yearsAgreeWithWords(columns: readonly ValueHeader[]): boolean {
  for (const a of columns) {
    if (a.year === undefined) continue;
    for (const b of columns) {
      if (b === a || b.year === undefined) continue;
      if (a.word === 'baseline' && b.year < a.year) return false;
      if (a.word === 'current' && b.year > a.year) return false;
      if (a.word === 'baseline' && b.word === 'current' && b.year === a.year) return false;
    }
  }
  return true;
}

function rolesByYear(columns: readonly ValueHeader[], targetYear: number | undefined): ValueRole[] {
  const n = columns.length;
  if (n === 1) return [columns[0]!.word ?? 'current'];
  // Stable: equal years keep sheet order.
  const order = columns.map((_c, i) => i).sort((a, b) => columns[a]!.year! - columns[b]!.year! || a - b);
  const baseline = order[0]!;
  let current = order[n - 1]!;
  if (targetYear !== undefined) {
    for (let k = n - 1; k > 0; k--) {
      if (columns[order[k]!]!.year! <= targetYear) {
        current = order[k]!;
        break;
      }
    }
  }
  return columns.map((_c, i) =>
    i === baseline ? 'baseline' : i === current && current !== baseline ? 'current' : 'intermediate',
  );
}
