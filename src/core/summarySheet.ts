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
 *   block   指標一覧 (the KPI list: becomes an Excel table, sortable and filterable)
 * Blocks are separated by one empty row. Shares are fractions (format 0.0%), never text.
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
  /** Every row, all of the same width; null is an empty cell. */
  readonly rows: readonly (readonly SheetValue[])[];
  /** The header row and data rows of each block (the header is `top`). */
  readonly goalBlock: SheetBlock;
  readonly departmentBlock: SheetBlock;
  readonly kpiBlock: SheetBlock;
  /** Columns (0-based) holding shares or rates, for a 0.0% format. */
  readonly percentColumns: { readonly counts: readonly number[]; readonly kpis: readonly number[] };
  /** Grade cells of the KPI list with their grade, for the grade colours. */
  readonly gradeCells: readonly { readonly row: number; readonly col: number; readonly key: GradeKey }[];
  /** The row of each 基本目標 in the goal block (its directions' rows are not listed), for the charts. */
  readonly goalRows: readonly { readonly row: number; readonly goalKey: string }[];
  /** The KPI list's data rows, each with its 基本目標, for the charts. */
  readonly kpiRows: readonly { readonly row: number; readonly goalKey: string }[];
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
    ...(earlier ? [`前回の割合（${summary.earlierLabel}）`, '増減'] : []),
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
      ...(earlier ? [g.earlier?.previousShare ?? null, g.earlier?.change ?? null] : []),
    ];
  };
  const countWidth = countHead('').length;
  const shareCol = 1 + summary.grades.length + 4;
  const countPercent = earlier ? [shareCol, shareCol + 1, shareCol + 2] : [shareCol];

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
  const goalRows: { row: number; goalKey: string }[] = [];
  for (const g of summary.goals) {
    goalRows.push({ row: rows.length, goalKey: g.key });
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

  const goalLabel = new Map(summary.goals.map((g) => [g.key, g.label]));
  const directionLabel = new Map(summary.goals.flatMap((g) => g.directions.map((d) => [d.key, d.label] as const)));
  const kpiTop = rows.length;
  push(kpiHead);
  const gradeCells: { row: number; col: number; key: GradeKey }[] = [];
  const kpiRows: { row: number; goalKey: string }[] = [];
  for (const k of summary.kpis) {
    kpiRows.push({ row: rows.length, goalKey: k.goalKey });
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

  return { name: SUMMARY_SHEET_NAME, rows, goalBlock, departmentBlock, kpiBlock, percentColumns: { counts: countPercent, kpis: [7, 8] }, gradeCells, goalRows, kpiRows };
}
