/**
 * The content of the 「KPI評価集計」 sheet (issue #12 item 2), as plain values: what the pane
 * writes through Office.js and what `--summary` will add to the `--out` copy. One layout in one
 * place, so both doors write the same sheet; the writers only add formats, the table object and
 * charts. Pure: a summary in, rows of cells out.
 *
 * Layout, top to bottom, column A first:
 *   row 1   title; row 2 the rule and its source; row 3 which grades are counted
 *   block   基本目標・基本的方向別 (header row + one row per goal, its directions indented with "　")
 *   block   担当課別
 *   slots   empty rows where the charts sit (one slot per chart, sized for A4 portrait)
 *   block   指標一覧 (the KPI list: becomes an Excel table, sortable and filterable)
 *   blocks  グラフのデータ: what each chart is drawn from (grade counts per 基本目標; per 基本目標
 *           each KPI's 進捗率 and 経過率). Apart from the KPI list on purpose: sorting or
 *           filtering the table must not reorder or hide a chart's bars.
 * Blocks are separated by one empty row. Shares are fractions (format 0.0%), never text; the
 * change since last time is in points (−40.0 = 60.0 % → 20.0 %), the unit the reports use.
 */
import { toGradeText } from './gradeText';
import type { EvaluationSummary, SummaryGroup } from './summary';
import type { GradeKey, Preset } from './types';

export const SUMMARY_SHEET_NAME = 'KPI評価集計';

export type SheetValue = string | number | null;

/** A rectangle on the sheet, 0-based, inclusive. */
export interface SheetBlock {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SummarySheetContent {
  readonly name: string;
  /** The earlier evaluation the shares are compared with (「H28年度評価」), when there is one. */
  readonly earlierLabel?: string;
  /** Every row, all of the same width; null is an empty cell. */
  readonly rows: readonly (readonly SheetValue[])[];
  /** The header row and data rows of each block (the header is `top`). */
  readonly goalBlock: SheetBlock;
  readonly departmentBlock: SheetBlock;
  readonly kpiBlock: SheetBlock;
  /** Columns (0-based) holding shares or rates, for a 0.0% format. */
  readonly percentColumns: { readonly counts: readonly number[]; readonly kpis: readonly number[] };
  /** Columns of the count blocks holding a change in points, for a +0.0"ポイント" format. */
  readonly pointColumns: readonly number[];
  /** Grade cells of the KPI list with their grade, for the grade colours. */
  readonly gradeCells: readonly { readonly row: number; readonly col: number; readonly key: GradeKey }[];
  /** The KPI list as an Excel table: its block (header row first) and its name. */
  readonly kpiTable: { readonly block: SheetBlock; readonly name: string };
  /** The charts, in the order of their slots. */
  readonly charts: readonly SummaryChart[];
}

/**
 * A chart as data. `data` is its source block: the top-left cell empty, the header row names
 * the series, the left column the categories, one series per further column (Excel's reading
 * of such a block, series by columns). `lineColumns` are series drawn as a line over the bars.
 */
export interface SummaryChart {
  readonly kind: 'gradeCounts' | 'progress';
  readonly title: string;
  readonly data: SheetBlock;
  readonly chartType: 'BarStacked' | 'ColumnClustered';
  readonly lineColumns: readonly number[];
  /** The cells it covers: its slot. */
  readonly anchor: SheetBlock;
  /** Columns of `data` holding rates (0% format, so the chart's axis shows percent). */
  readonly percentColumns: readonly number[];
}

/** Rows per chart slot: 19 rows of 15 pt ≈ 10 cm, over columns A–H (≈ 17 cm): A4 portrait. */
export const CHART_SLOT_ROWS = 19;
const CHART_SLOT_COLUMNS = 8;

/** The KPI list's table name (made unique in the workbook by the writer when taken). */
export const KPI_TABLE_NAME = 'KPI評価一覧';

/** Category labels of a progress chart: a KPI name cut to this many characters (the list has it whole). */
const CHART_LABEL_LENGTH = 18;

function chartLabel(name: string): string {
  const chars = [...name.replace(/\s+/g, ' ').trim()];
  return chars.length > CHART_LABEL_LENGTH ? `${chars.slice(0, CHART_LABEL_LENGTH - 1).join('')}…` : chars.join('');
}

const INDENT = '　';

export function summarySheetContent(summary: EvaluationSummary, preset: Preset): SummarySheetContent {
  const earlier = summary.earlierLabel !== undefined;
  const gradeHeads = summary.grades.map((g) => `${g.text} ${g.meaning}`);
  const countHead = (first: string): SheetValue[] => [
    first,
    ...gradeHeads,
    '評価不能',
    '計',
    `${summary.onTrackLabel} 件数`,
    '評価対象',
    `${summary.onTrackLabel} 割合`,
    ...(earlier ? [`前回の割合（${summary.earlierLabel}）`, '増減（ポイント）'] : []),
  ];
  const countRow = (label: string, g: SummaryGroup): SheetValue[] => {
    const c = g.counts;
    return [
      label,
      ...summary.grades.map((x) => c.byGrade[x.key] ?? 0),
      c.ungraded,
      c.total,
      c.onTrack,
      c.assessed,
      c.onTrackShare ?? null,
      ...(earlier ? [g.earlier?.previousShare ?? null, g.earlier?.change === undefined ? null : g.earlier.change * 100] : []),
    ];
  };
  const countWidth = countHead('').length;
  const shareCol = 1 + summary.grades.length + 4;
  const countPercent = earlier ? [shareCol, shareCol + 1] : [shareCol];
  const pointColumns = earlier ? [shareCol + 2] : [];

  const kpiHead: SheetValue[] = ['基本目標', '基本的方向', '指標', '担当課', '当初', '現状', '目標値', '進捗率', '経過率', '評価', '評価の理由', '基準による評価（入力済みと異なる場合）'];
  const width = Math.max(countWidth, kpiHead.length);
  const pad = (r: SheetValue[]): SheetValue[] => [...r, ...Array<SheetValue>(width - r.length).fill(null)];

  const rows: SheetValue[][] = [];
  const push = (r: SheetValue[]) => rows.push(pad(r));
  push(['KPI評価集計']);
  push([`評価基準: ${preset.name}（出典: ${preset.source || '利用者の定めた基準'}）`]);
  push([
    summary.basis === 'ledger'
      ? '入力済みの評価があればそれを、なければ評価基準による評価を数えています。割合は実施時期未到来と評価不能を除く評価対象に対するものです。'
      : '評価基準による評価を数えています。割合は実施時期未到来と評価不能を除く評価対象に対するものです。',
  ]);
  push([]);

  const goalTop = rows.length;
  push(countHead('基本目標・基本的方向'));
  for (const g of summary.goals) {
    push(countRow(g.label, g));
    for (const d of g.directions) push(countRow(INDENT + d.label, d));
  }
  push(countRow('全体', summary.total));
  const goalBlock = { top: goalTop, left: 0, bottom: rows.length - 1, right: countWidth - 1 };
  push([]);

  const deptTop = rows.length;
  push(countHead('担当課'));
  for (const d of summary.departments) push(countRow(d.label, d));
  const departmentBlock = { top: deptTop, left: 0, bottom: rows.length - 1, right: countWidth - 1 };
  push([]);

  // The charts' slots: one for the grade counts, one per 基本目標 with a 進捗率 to show.
  const progressOf = (goal: string) => summary.kpis.filter((k) => k.goalKey === goal && k.evaluated.outcome.measures?.progress !== undefined);
  const chartGoals = summary.goals.filter((g) => progressOf(g.key).length > 0);
  const slots: SheetBlock[] = [];
  for (let i = 0; i < 1 + chartGoals.length; i++) {
    slots.push({ top: rows.length, left: 0, bottom: rows.length + CHART_SLOT_ROWS - 1, right: CHART_SLOT_COLUMNS - 1 });
    for (let r = 0; r < CHART_SLOT_ROWS + 1; r++) push([]);
  }

  const goalLabel = new Map(summary.goals.map((g) => [g.key, g.label]));
  const directionLabel = new Map(summary.goals.flatMap((g) => g.directions.map((d) => [d.key, d.label] as const)));
  const kpiTop = rows.length;
  push(kpiHead);
  const gradeCells: { row: number; col: number; key: GradeKey }[] = [];
  for (const k of summary.kpis) {
    const { kpi, outcome } = k.evaluated;
    const m = outcome.measures;
    if (k.grade !== null) gradeCells.push({ row: rows.length, col: 9, key: k.grade });
    push([
      goalLabel.get(k.goalKey) ?? '',
      k.directionKey ? (directionLabel.get(k.directionKey) ?? '') : '',
      kpi.name,
      kpi.department ?? '',
      kpi.baseline?.text ?? '',
      kpi.current?.text ?? '',
      kpi.target.text,
      m?.progress ?? null,
      m?.progress === undefined ? null : m.elapsed,
      k.grade === null ? '評価不能' : toGradeText(k.grade, 'full'),
      outcome.reason,
      k.handGrade && outcome.grade !== null ? toGradeText(outcome.grade, 'full') : '',
    ]);
  }
  const kpiBlock = { top: kpiTop, left: 0, bottom: rows.length - 1, right: kpiHead.length - 1 };
  push([]);

  // グラフのデータ. Grade counts per 基本目標 (評価不能 too, so every KPI is in a bar).
  push(['グラフのデータ（上のグラフはこの表から描かれています）']);
  const charts: SummaryChart[] = [];
  const gradeDataTop = rows.length;
  push([null, ...summary.grades.map((g) => `${g.text} ${g.meaning}`), '評価不能']);
  for (const g of summary.goals) push([g.label, ...summary.grades.map((x) => g.counts.byGrade[x.key] ?? 0), g.counts.ungraded]);
  charts.push({
    kind: 'gradeCounts',
    title: '基本目標別の評価の件数',
    data: { top: gradeDataTop, left: 0, bottom: rows.length - 1, right: summary.grades.length + 1 },
    chartType: 'BarStacked',
    lineColumns: [],
    anchor: slots[0]!,
    percentColumns: [],
  });
  chartGoals.forEach((g, i) => {
    push([]);
    const top = rows.length;
    push([null, '進捗率', '経過率']);
    for (const k of progressOf(g.key)) {
      const m = k.evaluated.outcome.measures!;
      push([chartLabel(k.evaluated.kpi.name), m.progress ?? null, m.elapsed]);
    }
    charts.push({
      kind: 'progress',
      title: `${g.label}：指標ごとの進捗率（線は経過率）`,
      data: { top, left: 0, bottom: rows.length - 1, right: 2 },
      chartType: 'ColumnClustered',
      lineColumns: [2],
      anchor: slots[i + 1]!,
      percentColumns: [1, 2],
    });
  });

  return {
    name: SUMMARY_SHEET_NAME,
    ...(summary.earlierLabel !== undefined && { earlierLabel: summary.earlierLabel }),
    rows,
    goalBlock,
    departmentBlock,
    kpiBlock,
    percentColumns: { counts: countPercent, kpis: [7, 8] },
    pointColumns,
    gradeCells,
    kpiTable: { block: kpiBlock, name: KPI_TABLE_NAME },
    charts,
  };
}
