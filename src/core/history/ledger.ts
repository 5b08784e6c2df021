/**
 * What the ledger itself says of the past and of the officer's view, before the add-in ever
 * wrote: its yearly value columns (当初, R3実績, R4実績 …) and its 前年度評価 column are history;
 * its 要因分析 / 課題 / 今後の方向性 … columns are the officer's own words. Both are only read:
 * grading never writes into them (the write plan writes grade cells and the grade header only).
 */
import { cellAt, cellAddress, mergeAt, type SheetGrid } from '../grid';
import { compactText } from '../text';
import type { KpiRow, KpiTable, ValueCell } from '../types';

export interface LedgerValue {
  readonly year?: number;
  /** As displayed. */
  readonly text: string;
  readonly role: 'baseline' | 'intermediate' | 'current';
}

export interface LedgerHistory {
  readonly values: readonly LedgerValue[];
  /** The 前年度評価 cell as displayed, with the year it is of (the evaluated year − 1, when known). */
  readonly previousGrade?: { readonly text: string; readonly year?: number };
}

/** The KPI's values by year as the ledger holds them, oldest first (a year-less value keeps its place). */
export function ledgerHistory(kpi: KpiRow): LedgerHistory {
  const values: LedgerValue[] = [];
  const push = (cell: ValueCell | undefined, role: LedgerValue['role']) => {
    if (!cell || cell.reading.kind === 'missing') return;
    values.push({ text: cell.text, role, ...(cell.year !== undefined && { year: cell.year }) });
  };
  push(kpi.baseline, 'baseline');
  for (const cell of kpi.intermediates) push(cell, 'intermediate');
  push(kpi.current, 'current');
  // Stable: equal or unknown years keep sheet order.
  values.sort((a, b) => (a.year ?? Number.NaN) - (b.year ?? Number.NaN) || 0);
  const history: { values: LedgerValue[]; previousGrade?: LedgerHistory['previousGrade'] } = { values };
  if (kpi.previousGrade) {
    const year = kpi.current?.year;
    history.previousGrade = { text: kpi.previousGrade.text, ...(year !== undefined && { year: year - 1 }) };
  }
  return history;
}

/** The kinds of the officer's own words, by header. */
export type OfficerTextKind = 'analysis' | 'issues' | 'direction' | 'actions' | 'comment';

const OFFICER_HEADERS: readonly [OfficerTextKind, RegExp][] = [
  ['analysis', /^(?:要因分析|要因|分析|分析・評価|評価分析)(?:等|など)?$/u],
  ['issues', /^(?:課題|今後の課題|課題等)$/u],
  ['direction', /^(?:今後の方向性|方向性|今後の方針)$/u],
  ['actions', /^(?:今後の取組み?|今後の取り組み|今後の展開)(?:等|など)?$/u],
  ['comment', /^(?:担当課コメント|担当課の?意見|担当課評価コメント|所管課コメント|コメント|所見)$/u],
];

export interface OfficerColumn {
  readonly col: number;
  readonly header: string;
  readonly kind: OfficerTextKind;
}

export interface OfficerText {
  readonly kind: OfficerTextKind;
  readonly header: string;
  /** "K7" */
  readonly cell: string;
  readonly text: string;
}

function headerText(grid: SheetGrid, row: number, col: number): string {
  const m = mergeAt(grid, row, col);
  return cellAt(grid, m ? m.top : row, m ? m.left : col).text;
}

/**
 * The officer's columns of a table, found by their header in the header rows. A column the
 * table reads as values, target or grade is never one. 方向性 is ambiguous by its header: a
 * column the detector took as the figure's direction (some row reads ↑ / 増加, issue 8) is not
 * the officer's; one holding 拡大・継続・改善・縮小・廃止 is.
 */
export function officerColumns(table: KpiTable, grid: SheetGrid): OfficerColumn[] {
  const c = table.columns;
  const taken = new Set<number>([c.indicator, c.target.col, ...c.values.map((v) => v.col)]);
  if (c.grade) taken.add(c.grade.col);
  if (c.direction && table.kpis.some((k) => k.direction !== undefined)) taken.add(c.direction.col);
  const width = Math.max(
    table.range.right + 1,
    ...Array.from({ length: table.headerRows.bottom - table.headerRows.top + 1 }, (_, i) => grid.rows[table.headerRows.top + i]?.length ?? 0),
  );
  const found: OfficerColumn[] = [];
  let blanks = 0;
  for (let col = table.range.left; col < width; col++) {
    if (taken.has(col)) continue;
    let matched: OfficerColumn | undefined;
    let any = false;
    for (let row = table.headerRows.top; row <= table.headerRows.bottom && !matched; row++) {
      const raw = headerText(grid, row, col);
      if (raw.trim() !== '') any = true;
      const word = compactText(raw).replace(/[（(][^）)]*[）)]$/u, '');
      for (const [kind, re] of OFFICER_HEADERS) if (re.test(word)) matched = { col, header: compactText(raw), kind };
    }
    if (matched) found.push(matched);
    // Past the table's own columns, two blank header cells end it: beyond is another table.
    if (col > table.range.right) {
      blanks = any ? 0 : blanks + 1;
      if (blanks >= 2) break;
    }
  }
  return found;
}

/** The officer's words on a KPI's row (non-empty cells only; a merged cell counts once, at its top). */
export function officerTexts(kpi: KpiRow, columns: readonly OfficerColumn[], grid: SheetGrid): OfficerText[] {
  const texts: OfficerText[] = [];
  for (const column of columns) {
    const m = mergeAt(grid, kpi.row, column.col);
    const row = m ? m.top : kpi.row;
    const col = m ? m.left : column.col;
    const text = cellAt(grid, row, col).text;
    if (text.trim() === '') continue;
    texts.push({ kind: column.kind, header: column.header, cell: cellAddress(row, col), text });
  }
  return texts;
}
