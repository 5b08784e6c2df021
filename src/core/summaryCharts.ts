/**
 * The charts of the 「KPI評価集計」 sheet (issue #12 item 2), as references into the sheet's
 * own cells, so that the chart shows what the sheet says and follows it when an officer edits a
 * count. Pure: the sheet's layout in, chart plans out; the package writer (src/xlsx) turns
 * them into DrawingML, and the pane may turn them into Office.js charts.
 *
 *   1. grade counts per 基本目標: one stacked bar per goal, one series per grade (grade colours),
 *      plus 評価不能 when a goal has KPIs that could not be graded;
 *   2. per 基本目標, each KPI's 進捗率 as a column and its 経過率 as a line over the same
 *      categories (a bar + line combination in one plot area): a column that reaches the
 *      line is on plan. A goal none of whose KPIs has a 進捗率 gets no chart.
 */
import type { GradeColour } from './colours';
import type { EvaluationSummary } from './summary';
import type { SheetValue, SummarySheetContent } from './summarySheet';
import type { GradeKey } from './types';

/** Cells of one column of the sheet, 0-based; the rows need not be adjacent. */
export interface SheetCells {
  readonly rows: readonly number[];
  readonly col: number;
}

export interface ChartSeriesPlan {
  /** The header cell that names the series. */
  readonly name: { readonly row: number; readonly col: number };
  readonly values: SheetCells;
  readonly kind: 'bar' | 'line';
  /** "#RRGGBB"; none: the application's own. */
  readonly colour?: string;
}

export interface SummaryChartPlan {
  readonly kind: 'gradeCounts' | 'progress';
  readonly title: string;
  readonly categories: SheetCells;
  readonly series: readonly ChartSeriesPlan[];
  /** Values are fractions shown as percent (進捗率, 経過率), else counts. */
  readonly percent: boolean;
}

/** Colour of a grade with none of its own (－ 実施時期未到来), as in the HTML report. */
const NO_COLOUR = '#E7E6E6';
const UNGRADED_COLOUR = '#FFFFFF';
const PROGRESS_COLOUR = '#2F5597';
const ELAPSED_COLOUR = '#C00000';

/** Column of the KPI list: 指標, 進捗率, 経過率 (see summarySheetContent's kpiHead). */
const KPI_NAME_COL = 2;
const PROGRESS_COL = 7;
const ELAPSED_COL = 8;

export function summaryCharts(
  content: SummarySheetContent,
  summary: EvaluationSummary,
  colours: Readonly<Partial<Record<GradeKey, GradeColour>>>,
): SummaryChartPlan[] {
  const charts: SummaryChartPlan[] = [];
  const goalRows = content.goalRows.map((g) => g.row);
  if (goalRows.length > 0) {
    const head = content.goalBlock.top;
    const series: ChartSeriesPlan[] = summary.grades.map((g, i) => ({
      name: { row: head, col: 1 + i },
      values: { rows: goalRows, col: 1 + i },
      kind: 'bar',
      colour: colours[g.key]?.fill ?? NO_COLOUR,
    }));
    if (summary.goals.some((g) => g.counts.ungraded > 0)) {
      const col = 1 + summary.grades.length;
      series.push({ name: { row: head, col }, values: { rows: goalRows, col }, kind: 'bar', colour: UNGRADED_COLOUR });
    }
    charts.push({ kind: 'gradeCounts', title: '基本目標別の評価の内訳（指標数）', categories: { rows: goalRows, col: 0 }, series, percent: false });
  }

  const value = (row: number, col: number): SheetValue => content.rows[row]?.[col] ?? null;
  const head = content.kpiBlock.top;
  for (const goal of summary.goals) {
    const rows = content.kpiRows.filter((k) => k.goalKey === goal.key).map((k) => k.row);
    if (!rows.some((r) => typeof value(r, PROGRESS_COL) === 'number')) continue;
    charts.push({
      kind: 'progress',
      title: `${goal.label}　各指標の進捗率と経過率`,
      categories: { rows, col: KPI_NAME_COL },
      series: [
        { name: { row: head, col: PROGRESS_COL }, values: { rows, col: PROGRESS_COL }, kind: 'bar', colour: PROGRESS_COLOUR },
        { name: { row: head, col: ELAPSED_COL }, values: { rows, col: ELAPSED_COL }, kind: 'line', colour: ELAPSED_COLOUR },
      ],
      percent: true,
    });
  }
  return charts;
}
