/**
 * The indicator's name and its figure in one cell: 「就業相談者数\n１００人」 — the KPI as the
 * strategy states it, name on one line and the figure aimed at on the last (sometimes with its
 * year, 「５０人（H31）」), under an indicator header with no target column of its own:
 *
 *   | 重要業績評価指標（目標値） | 基準値(H26) | 実績値(H28) | 評価 |
 *   | 就業相談者数\n１００人      | 60人        | 85人        |      |
 *
 * The figure in the cell is the target, unless the indicator header says otherwise
 * (「指標（基準値）」: the baseline). The header's 基準値 / 実績 / 評価 columns give the rest.
 * Read only where the standard reader found no table (it needs a target column).
 */
import { parseCellValue } from '../../cellValue';
import { compactText } from '../../text';
import { findYear } from '../../years';
import type { KpiRow, KpiTable, ValueCell, ValueColumn } from '../../types';
import { readHeaderCell } from '../headerWords';
import { readIndicatorText } from '../indicator';
import { hasText, type SheetView } from '../sheetView';
import { gradeCellAt, valueCellAt, valuePart } from './cells';
import type { Claims } from './claims';

/** 「指標と目標値」「KPI及び目標値（R9）」: a header naming both the indicator and its target. */
const INDICATOR_AND_TARGET = /^(?:主な|重要業績評価)?(?:指標|KPI|成果指標)(?:名)?(?:と|及び|および|・|\/)(?:その)?目標(?:値)?(?:\(.*\))?$/u;

/** Cheap: could this cell be an indicator header (指標, KPI)? */
export function mayBeIndicatorHeader(text: string): boolean {
  return text.length <= 48 && (text.indexOf('指標') >= 0 || text.indexOf('KPI') >= 0 || text.indexOf('ＫＰＩ') >= 0);
}

interface Column {
  readonly col: number;
  readonly year?: number;
  readonly header: string;
}

/** The name-and-figure table headed at (row, col), or undefined when it is none. */
export function readNameValueCells(view: SheetView, claims: Claims, row: number, col: number): KpiTable | undefined {
  const headText = view.text(row, col);
  const head = readHeaderCell(headText);
  const namesTarget = INDICATOR_AND_TARGET.test(compactText(headText));
  if (head?.role !== 'indicator' && !namesTarget) return undefined;
  // 「指標と目標値（R9）」: the year in the header is the target's.
  const targetYear = namesTarget ? findYear(headText)?.year : undefined;
  const first = row + 1;
  if (first >= view.rowCount || !splitCell(view.text(first, col))) return undefined;

  let baseline: Column | undefined;
  let current: Column | undefined;
  let grade: { col: number; header: string } | undefined;
  const width = view.width(row);
  let right = col;
  for (let c = col + 1; c < width; c++) {
    const text = view.text(row, c);
    if (!hasText(text)) break;
    const token = readHeaderCell(text);
    if (!token) break;
    right = c;
    const column = token.year === undefined ? { col: c, header: compactText(text) } : { col: c, year: token.year, header: compactText(text) };
    if (token.role === 'target') return undefined; // the standard reader's table
    if (token.role === 'baseline') baseline ??= column;
    else if (token.role === 'current' || token.role === undefined) current = column; // the latest 実績
    else if (token.role === 'grade') grade ??= { col: c, header: column.header };
  }
  const compactHead = compactText(headText);
  const cellIs: 'baseline' | 'current' | 'target' = compactHead.includes('基準')
    ? 'baseline'
    : compactHead.includes('現状') || compactHead.includes('実績')
      ? 'current'
      : 'target';
  // The figure in the cell must be the target, or another column must give one.
  if (cellIs !== 'target') return undefined;

  const kpis: KpiRow[] = [];
  let bottom = row;
  for (let r = first; r < view.rowCount; r++) {
    if (claims.covers(r, col)) break;
    const split = splitCell(view.text(r, col));
    if (!split) break;
    const target: ValueCell = valuePart(r, col, split.figure, split.reading, split.reading.year ?? targetYear);
    const text = readIndicatorText(split.name);
    const kpi: { -readonly [K in keyof KpiRow]: KpiRow[K] } = { row: r, name: text.name, intermediates: [], target };
    if (text.department) kpi.department = text.department;
    if (text.note !== undefined) kpi.note = text.note;
    if (baseline) kpi.baseline = valueCellAt(view, r, baseline.col, baseline.year);
    if (current) {
      const c = valueCellAt(view, r, current.col, current.year);
      if (c.reading.kind !== 'missing') kpi.current = c;
    }
    if (grade) kpi.gradeCell = gradeCellAt(view, r, grade.col);
    kpis.push(kpi);
    bottom = Math.max(r, view.mergeAt(r, col)?.bottom ?? r);
    r = bottom;
  }
  if (kpis.length === 0) return undefined;
  const values: ValueColumn[] = [];
  if (baseline) values.push({ ...baseline, role: 'baseline' });
  if (current) values.push({ ...current, role: 'current' });
  return {
    sheet: view.name,
    range: { top: row, left: col, bottom, right },
    headerRows: { top: row, bottom: row },
    columns: {
      indicator: col,
      values,
      target: targetYear === undefined ? { col, header: compactHead } : { col, year: targetYear, header: compactHead },
      ...(grade ? { grade } : {}),
    },
    kpis,
  };
}

/** "就業相談者数\n１００人" → name and figure: the last line a number, the lines before it the name. */
function splitCell(text: string): { name: string; figure: string; reading: Extract<ValueCell['reading'], { kind: 'number' }> } | undefined {
  const lines = text.split(/\r\n?|\n/u).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length < 2) return undefined;
  const figure = lines[lines.length - 1]!;
  const reading = parseCellValue(figure);
  if (reading.kind !== 'number') return undefined;
  return { name: lines.slice(0, -1).join('\n'), figure, reading };
}
