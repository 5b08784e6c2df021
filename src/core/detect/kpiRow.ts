/**
 * Building one KpiRow once the body scan knows which sheet row holds its figures and
 * what it is called: value cells are read with the §2 grammar (parseCellValue) and get
 * their year — the cell's own note ("(H22 国調)", census year), else the column header's year.
 * A note written in its own cell just below the figure counts as part of the figure's cell.
 */
import { parseCellValue } from '../cellValue';
import type { KpiRow, ValueCell } from '../types';
import type { ColumnPlan } from './columns';
import { readIndicatorText, type IndicatorText } from './indicator';
import type { LeadingColumns } from './leadingColumns';
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

export function buildKpiRow(ctx: TableContext, draft: KpiDraft): KpiRow {
  const { view, plan, leading } = ctx;
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

  let gradeCell: KpiRow['gradeCell'];
  if (plan.grade) {
    // The cell whose content shows there: the merge's top-left when the grade cell is merged.
    const m = view.mergeAt(draft.row, plan.grade.col);
    const row = m ? m.top : draft.row;
    const col = m ? m.left : plan.grade.col;
    const cell = view.cell(row, col);
    const formula = typeof cell?.formula === 'string' && cell.formula !== '' ? cell.formula : undefined;
    gradeCell = formula === undefined ? { row, col, text: displayText(cell) } : { row, col, text: displayText(cell), formula };
  }
  const numbered = number !== undefined && number !== '';
  // The usual rows (department, number, baseline and current; note and grade cell or not) as
  // literals: every KPI row is kept, and a literal holds its fields in the object itself (see
  // measureFigures). Same keys in the same order as the general build below.
  if (department && numbered && baseline && current) {
    const row = draft.row;
    if (note === undefined) {
      return gradeCell
        ? { row, name, intermediates, target, department, number, baseline, current, gradeCell }
        : { row, name, intermediates, target, department, number, baseline, current };
    }
    return gradeCell
      ? { row, name, intermediates, target, department, note, number, baseline, current, gradeCell }
      : { row, name, intermediates, target, department, note, number, baseline, current };
  }
  const kpi: { -readonly [K in keyof KpiRow]: KpiRow[K] } = { row: draft.row, name, intermediates, target };
  if (department) kpi.department = department;
  if (note !== undefined) kpi.note = note;
  if (numbered) kpi.number = number;
  if (baseline) kpi.baseline = baseline;
  if (current) kpi.current = current;
  if (gradeCell) kpi.gradeCell = gradeCell;
  return kpi;
}

function readValueCell(ctx: TableContext, draft: KpiDraft, col: number, headerYear: number | undefined): ValueCell {
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
  const reading = parseCellValue(below === undefined ? text : `${text}\n${below}`, cell);
  const year = (reading.kind === 'number' ? reading.year : undefined) ?? headerYear;
  return year === undefined ? { row, col: at, text, reading } : { row, col: at, text, reading, year };
}

function departmentFromColumn(ctx: TableContext, row: number): string | undefined {
  const col = ctx.plan.department;
  if (col === undefined) return undefined;
  const text = readIndicatorText(ctx.view.shownText(row, col)).name;
  return text === '' ? undefined : text;
}
