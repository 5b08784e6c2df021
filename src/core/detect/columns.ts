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
import type { HeadedColumn, OfficeRateColumn, TableColumns, ValueColumn, ValueRole, YearColumn } from '../types';
import type { HeaderColumn, HeaderLayout } from './headerRow';

/** The columns beside the values (issue 8), as TableColumns names them. */
export type SideColumns = Pick<
  TableColumns,
  'unit' | 'direction' | 'years' | 'expected' | 'previousGrade' | 'officeRates' | 'changes' | 'notes'
>;

export interface ColumnPlan {
  readonly layout: HeaderLayout;
  /** A column headed No / 番号, when there is one. */
  readonly number?: number;
  /** A column headed 担当課 (section in charge), when there is one. */
  readonly department?: number;
  readonly values: readonly ValueColumn[];
  readonly target: TableColumns['target'];
  readonly grade?: TableColumns['grade'];
  /** Unit, direction, year, 目安値, last year's grade, office rates, changes, notes; undefined when none. */
  readonly side?: SideColumns;
  /** Columns whose header gives them a role other than the indicator's: never sub-row labels. */
  readonly roled: ReadonlySet<number>;
  /** Several yearly actual columns, or a forecast: each row's current value is its latest filled one. */
  readonly yearlyActuals: boolean;
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
  const all = <R extends HeaderColumn['role']>(role: R) => layout.columns.filter((h) => h.role === role && !inIndicator(h.col));
  const numberColumn = first('number');
  const departmentColumn = first('department');

  // Value columns: a value word, or a year alone ("(H28)"). A lone year left of the
  // indicator is not a value column: values follow the indicator in every ledger seen.
  const valueHeaders = layout.columns.filter(
    (h) =>
      !inIndicator(h.col) &&
      (h.role === 'baseline' ||
        h.role === 'intermediate' ||
        h.role === 'current' ||
        h.role === 'forecast' ||
        (h.role === undefined && h.year !== undefined && h.col > indicatorSpan.right)),
  );
  if (valueHeaders.length === 0) return undefined;

  // A forecast (見込) stands for the current value; several 実績 columns are yearly actuals.
  const wordOf = (h: HeaderColumn): ValueRole | undefined => (h.role === 'forecast' ? 'current' : (h.role as ValueRole | undefined));
  const roles = assignValueRoles(
    valueHeaders.map((h) => ({ word: wordOf(h), year: h.year })),
    target.year,
  );
  const actuals = valueHeaders.filter((h) => h.role === 'current' || h.role === 'forecast').length;
  const values = valueHeaders.map((h, i): ValueColumn => {
    const column: { -readonly [K in keyof ValueColumn]: ValueColumn[K] } = {
      col: h.col,
      role: roles[i]!,
      header: h.header,
    };
    if (h.year !== undefined) column.year = h.year;
    if (h.role === 'forecast') column.kind = 'forecast';
    else if (h.role === 'current' && actuals > 1) column.kind = 'actual';
    return column;
  });

  // Grades: with several grade columns by year (R4評価, R5評価), the latest is this year's and
  // the one before it last year's; otherwise the first, and a 前年度評価 column is last year's.
  const grades = all('grade');
  let gradeColumn = grades[0];
  let previousColumn = first('previousGrade');
  if (grades.length > 1 && grades.every((g) => g.year !== undefined)) {
    const byYear = [...grades].sort((a, b) => a.year! - b.year! || a.col - b.col);
    gradeColumn = byYear[byYear.length - 1];
    previousColumn ??= byYear[byYear.length - 2];
  }

  const plan: { -readonly [K in keyof ColumnPlan]: ColumnPlan[K] } = {
    layout,
    values,
    target:
      target.year === undefined
        ? { col: target.col, header: target.header }
        : { col: target.col, year: target.year, header: target.header },
    yearlyActuals: values.some((v) => v.kind !== undefined),
    roled: new Set(layout.columns.filter((h) => h.role !== undefined && h.role !== 'indicator').map((h) => h.col)),
  };
  if (numberColumn) plan.number = numberColumn.col;
  if (departmentColumn) plan.department = departmentColumn.col;
  if (gradeColumn) plan.grade = { col: gradeColumn.col, header: gradeColumn.header };
  const side = planSideColumns(layout, values, plan.target, previousColumn, inIndicator);
  if (side) plan.side = side;
  return plan;
}

const headed = (h: HeaderColumn): HeadedColumn => ({ col: h.col, header: h.header });

function planSideColumns(
  layout: HeaderLayout,
  values: readonly ValueColumn[],
  target: TableColumns['target'],
  previous: HeaderColumn | undefined,
  inIndicator: (c: number) => boolean,
): SideColumns | undefined {
  const side: { -readonly [K in keyof SideColumns]: SideColumns[K] } = {};
  const years: YearColumn[] = [];
  const rates: OfficeRateColumn[] = [];
  const changes: HeadedColumn[] = [];
  const notes: HeadedColumn[] = [];
  for (const h of layout.columns) {
    if (inIndicator(h.col)) continue;
    switch (h.role) {
      case 'unit':
        side.unit ??= headed(h);
        break;
      case 'direction':
        side.direction ??= headed(h);
        break;
      case 'expected':
        if (!side.expected) side.expected = h.year === undefined ? headed(h) : { ...headed(h), year: h.year };
        break;
      case 'year': {
        const of = yearColumnOwner(h, values, target);
        if (of !== undefined) years.push({ ...headed(h), of });
        break;
      }
      case 'officeRate':
        rates.push({ ...headed(h), rate: h.rate ?? 'attainment' });
        break;
      case 'change':
        changes.push(headed(h));
        break;
      case 'note':
        notes.push(headed(h));
        break;
      default:
        break;
    }
  }
  if (previous) side.previousGrade = headed(previous);
  if (years.length > 0) side.years = years;
  if (rates.length > 0) side.officeRates = rates;
  if (changes.length > 0) side.changes = changes;
  if (notes.length > 0) side.notes = notes;
  // Most tables have none of these: no object for them, and their rows take the fast build.
  return Object.keys(side).length > 0 ? side : undefined;
}

/**
 * The value column a year column gives the year of: the one its word names (基準年度 → the
 * baseline, 目標年度 → the target), else its neighbour — the value column just left of it, else
 * just right of it (基準値 | 年度 | 現状値 | 年度 …, or 年度 | 基準値 …).
 */
function yearColumnOwner(h: HeaderColumn, values: readonly ValueColumn[], target: TableColumns['target']): number | undefined {
  const figureCols = [...values.map((v) => v.col), target.col];
  switch (h.yearOf) {
    case 'baseline':
      return values.find((v) => v.role === 'baseline')?.col;
    case 'current':
      return values.find((v) => v.role === 'current')?.col;
    case 'target':
      return target.col;
    default:
      if (figureCols.includes(h.col - 1)) return h.col - 1;
      if (figureCols.includes(h.col + 1)) return h.col + 1;
      return undefined;
  }
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
