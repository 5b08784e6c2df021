/**
 * Building one KpiRow once the body scan knows which sheet row holds its figures and
 * what it is called: value cells are read with the §2 grammar (parseCellValue) and get
 * their year — the cell's own note ("(H22 国調)", census year), else the column header's year.
 * A note written in its own cell just below the figure counts as part of the figure's cell.
 */
import { parseCellValue } from '../cellValue';
import type { KpiRow, ValueCell, ValueColumn } from '../types';
import type { ColumnPlan } from './columns';
import { readIndicatorText, type IndicatorText } from './indicator';
import type { LeadingColumns } from './leadingColumns';
import { readDirectionWord, readUnitText, readYearText, withRowUnit } from './sideCells';
import { displayText, type SheetView } from './sheetView';

/** What the body scan hands over for one KPI. */
export interface KpiDraft {
  /** Sheet row of the figures. */
  readonly row: number;
  /** Raw indicator text (a sub-row: the parent's). */
  indicatorText: string;
  /** Raw label text of a sub-row ("市内高校"). */
  labelText?: string;
  /** The No cell text, trimmed. */
  readonly number?: string;
  /**
   * Notes written in the sheet row below the figures, by column: "(H22 国調)", "以上".
   * They are read together with the figure (as if on a second line of its cell).
   */
  notesBelow?: Map<number, string>;
}

export interface TableContext {
  readonly view: SheetView;
  readonly plan: ColumnPlan;
  readonly leading: LeadingColumns;
  /** Columns that hold figures (values and target): a merge anchored elsewhere is not a figure. */
  readonly dataColumns: ReadonlySet<number>;
}

const SPLIT_NUMBER = Object.freeze({ splitNumber: true });
const KEEP_NUMBER = Object.freeze({ splitNumber: false });
/** What most rows have between baseline and current: one empty list, shared by all of them. */
const NO_INTERMEDIATES: readonly ValueCell[] = Object.freeze([]);

/** Sub-row names join the parent and the label with a full-width slash. */
export const SUB_ROW_SEPARATOR = '／';

/**
 * Tests only: build every row by the general path (buildKpiRowGeneral), to hold the fast path
 * below to it (tests/core/detect/rowBuild.test.ts). Never set by the program.
 */
export const rowBuildForTests = { general: false };

export function buildKpiRow(ctx: TableContext, draft: KpiDraft): KpiRow {
  if (ctx.plan.side !== undefined || ctx.plan.yearlyActuals || rowBuildForTests.general) return buildKpiRowGeneral(ctx, draft);
  const { plan, leading } = ctx;
  const splitNumber = leading.number === undefined;
  const main = readIndicatorText(draft.indicatorText, splitNumber ? SPLIT_NUMBER : KEEP_NUMBER);
  const label: IndicatorText | undefined =
    draft.labelText === undefined ? undefined : readIndicatorText(draft.labelText);

  let name = main.name;
  if (label && label.name !== '') name = name === '' ? label.name : `${name}${SUB_ROW_SEPARATOR}${label.name}`;
  const department = label?.department ?? main.department ?? departmentFromColumn(ctx, draft.row);
  const note =
    main.note === undefined ? label?.note : label?.note === undefined ? main.note : `${main.note} ${label.note}`;
  const number = draft.number ?? main.number;

  let baseline: ValueCell | undefined;
  let current: ValueCell | undefined;
  // Kept with every KPI: made at its size (a first push would reserve room for 16 or so).
  let intermediates = NO_INTERMEDIATES;
  for (let i = 0; i < plan.values.length; i++) {
    const column = plan.values[i]!;
    const cell = readValueCell(ctx, draft, column.col, column.year);
    if (column.role === 'baseline') baseline ??= cell;
    else if (column.role === 'current') current ??= cell;
    else intermediates = intermediates.length === 0 ? [cell] : [...intermediates, cell];
  }
  const target = readValueCell(ctx, draft, plan.target.col, plan.target.year);
  const gradeCell = readGradeCell(ctx, draft);
  const numbered = number !== undefined && number !== '';
  const kpi: { -readonly [K in keyof KpiRow]: KpiRow[K] } = { row: draft.row, name, intermediates, target };
  if (department) kpi.department = department;
  if (note !== undefined) kpi.note = note;
  if (numbered) kpi.number = number;
  if (baseline) kpi.baseline = baseline;
  if (current) kpi.current = current;
  if (gradeCell) kpi.gradeCell = gradeCell;
  return kpi;
}

function readGradeCell(ctx: TableContext, draft: KpiDraft): KpiRow['gradeCell'] {
  const { view, plan } = ctx;
  if (!plan.grade) return undefined;
  // The cell whose content shows there: the merge's top-left when the grade cell is merged.
  const m = view.mergeAt(draft.row, plan.grade.col);
  const row = m ? m.top : draft.row;
  const col = m ? m.left : plan.grade.col;
  const cell = view.cell(row, col);
  const formula = typeof cell?.formula === 'string' && cell.formula !== '' ? cell.formula : undefined;
  return formula === undefined ? { row, col, text: displayText(cell) } : { row, col, text: displayText(cell), formula };
}

/**
 * The general row build: any table, with columns beside its values (unit, years, direction,
 * 目安値, office rates, last year's grade) or several yearly actual columns. buildKpiRow above is
 * its fast path for the usual table, which pays nothing for them; a differential test holds the
 * two together on tables without such columns.
 */
export function buildKpiRowGeneral(ctx: TableContext, draft: KpiDraft): KpiRow {
  const { view, plan, leading } = ctx;
  const side = plan.side;
  const row = draft.row;
  const main = readIndicatorText(draft.indicatorText, leading.number === undefined ? SPLIT_NUMBER : KEEP_NUMBER);
  const label: IndicatorText | undefined = draft.labelText === undefined ? undefined : readIndicatorText(draft.labelText);
  let name = main.name;
  if (label && label.name !== '') name = name === '' ? label.name : `${name}${SUB_ROW_SEPARATOR}${label.name}`;
  const department = label?.department ?? main.department ?? departmentFromColumn(ctx, row);
  const note = main.note === undefined ? label?.note : label?.note === undefined ? main.note : `${main.note} ${label.note}`;
  const number = draft.number ?? main.number;

  // The row's unit and the years its year columns give, by the column they give it for.
  const unit = side?.unit ? readUnitText(view.shownText(row, side.unit.col)) : '';
  let yearFor: Map<number, number> | undefined;
  for (const y of side?.years ?? []) {
    const year = readYearText(view.shownText(row, y.col));
    if (year !== undefined) (yearFor ??= new Map()).set(y.of, year);
  }
  const read = (col: number, headerYear: number | undefined) => readValueCell(ctx, draft, col, headerYear, unit, yearFor?.get(col));

  const cells = plan.values.map((v) => read(v.col, v.year));
  const currentAt = currentColumnOf(plan.values, cells);
  let baseline: ValueCell | undefined;
  let current: ValueCell | undefined;
  const intermediates: ValueCell[] = [];
  for (let i = 0; i < cells.length; i++) {
    const role = plan.values[i]!.role;
    if (i === currentAt) current = cells[i];
    else if (role === 'baseline' && baseline === undefined) baseline = cells[i];
    else intermediates.push(cells[i]!); // between the two, or a yearly actual before the latest filled one
  }
  const target = read(plan.target.col, plan.target.year);

  const kpi: { -readonly [K in keyof KpiRow]: KpiRow[K] } = { row, name, intermediates, target };
  if (department) kpi.department = department;
  if (note !== undefined) kpi.note = note;
  if (number !== undefined && number !== '') kpi.number = number;
  if (baseline) kpi.baseline = baseline;
  if (current) kpi.current = current;
  if (currentAt !== undefined && plan.values[currentAt]!.kind === 'forecast' && current?.reading.kind !== 'missing') {
    kpi.currentIsForecast = true;
  }
  if (side?.direction) {
    const direction = readDirectionWord(view.shownText(row, side.direction.col));
    if (direction !== undefined) kpi.direction = direction;
  }
  if (side?.expected) {
    const expected = read(side.expected.col, side.expected.year);
    if (expected.reading.kind !== 'missing') kpi.expected = expected;
  }
  if (side?.officeRates) {
    const rates = side.officeRates
      .map((r) => ({ rate: r.rate, cell: read(r.col, undefined) }))
      .filter((r) => r.cell.reading.kind === 'number');
    if (rates.length > 0) kpi.officeRates = rates;
  }
  if (side?.previousGrade) {
    const m = view.mergeAt(row, side.previousGrade.col);
    const at = m ? { row: m.top, col: m.left } : { row, col: side.previousGrade.col };
    const text = view.text(at.row, at.col);
    if (text.trim() !== '') kpi.previousGrade = { row: at.row, col: at.col, text };
  }
  const gradeCell = readGradeCell(ctx, draft);
  if (gradeCell) kpi.gradeCell = gradeCell;
  return kpi;
}

/**
 * Which value column is the row's current value. With several yearly actual columns (R2実績 …
 * R5実績) or a forecast (見込), the latest one filled in on this row (by header year, else sheet
 * order; a baseline never); otherwise the column the header made current.
 */
function currentColumnOf(values: readonly ValueColumn[], cells: readonly ValueCell[]): number | undefined {
  let assigned: number | undefined;
  const candidates: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v.role === 'current') assigned = i;
    if (v.role !== 'baseline' && (v.role === 'current' || v.kind !== undefined)) candidates.push(i);
  }
  if (candidates.length <= 1) return assigned;
  const byYear = candidates.every((i) => values[i]!.year !== undefined);
  if (byYear) candidates.sort((a, b) => values[a]!.year! - values[b]!.year! || a - b);
  for (let k = candidates.length - 1; k >= 0; k--) {
    const i = candidates[k]!;
    if (cells[i]!.reading.kind !== 'missing') return i;
  }
  return assigned;
}

function readValueCell(
  ctx: TableContext,
  draft: KpiDraft,
  col: number,
  headerYear: number | undefined,
  rowUnit = '',
  columnYear?: number,
): ValueCell {
  const merge = ctx.view.mergeAt(draft.row, col);
  // Text spilling over from a merged indicator or heading is no figure: the cell is empty.
  const spill = merge !== undefined && merge.left !== col && !ctx.dataColumns.has(merge.left);
  const row = merge === undefined || spill ? draft.row : merge.top;
  const at = merge === undefined || spill ? col : merge.left;
  const cell = spill ? undefined : ctx.view.cell(row, at);
  // The displayed text as the door gave it; parseCellValue falls back on the raw value itself
  // when the display hides the number (empty, "####"), with its number format (0.63 → 63 %).
  const text = typeof cell?.text === 'string' ? cell.text : displayText(cell);
  const below = draft.notesBelow?.get(col);
  // The grid cell itself carries the raw value and number format parseCellValue may need.
  const parsed = parseCellValue(below === undefined ? text : `${text}\n${below}`, cell);
  const reading = rowUnit === '' ? parsed : withRowUnit(parsed, rowUnit);
  // Spec §3: the value's own note first, then the row's year column, then the column header.
  const year = (reading.kind === 'number' ? reading.year : undefined) ?? columnYear ?? headerYear;
  return year === undefined ? { row, col: at, text, reading } : { row, col: at, text, reading, year };
}

function departmentFromColumn(ctx: TableContext, row: number): string | undefined {
  const col = ctx.plan.department;
  if (col === undefined) return undefined;
  const text = readIndicatorText(ctx.view.shownText(row, col)).name;
  return text === '' ? undefined : text;
}
