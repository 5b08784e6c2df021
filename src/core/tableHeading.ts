/**
 * The name a ledger gives a KPI table: the heading row just above it (「基本的方向１
 * 雇用対策の強化を図る」, 「施策３ …」, 「第１節 …」, 「基本目標２ …」). The pane names a
 * table by it, the range stays as a caption, so an officer finds 「基本的方向２」 among
 * two hundred tables instead of 「表 A7:G19」.
 *
 * Only the few rows right above the header are looked at, and the look stops at a row
 * that reads like another table's data (three or more filled cells): a heading is a
 * row with one or two filled cells of text. A row that starts like a ledger heading
 * (基本目標 / 第n節 / 基本的方向 / 施策 …) wins over a nearer plain line of text
 * (「ＫＰＩの達成に係る施策の主な取組と成果…」 sits between tables in the seed report);
 * without one, the nearest line of text names the table (「成果指標一覧（令和6年度）」).
 */
import { rowTexts, type SheetGrid } from './grid';
import type { KpiTable } from './types';

/** How far above the header a heading may sit (a blank row or two, a sub-heading). */
export const HEADING_LOOKBACK = 6;

const HEADING_START =
  /^(?:基本目標|基本方針|基本的方向|基本施策|施策|政策|重点|分野|目標|柱|第\s*[0-9一二三四五六七八九十]+\s*[章節編項]|[(（]?[0-9一二三四五六七八九十]+[)）.．、]\s*\S)/;

/** True for a line that is a number or a date on its own (a stray total, a page number). */
function isFigure(text: string): boolean {
  return /^[\d\s,.．，:：/／%％()（）-]+$/.test(text.normalize('NFKC'));
}

export function tableHeading(grid: SheetGrid, table: Pick<KpiTable, 'headerRows'>): string | undefined {
  const stop = Math.max(0, table.headerRows.top - HEADING_LOOKBACK);
  let nearest: string | undefined;
  for (let r = table.headerRows.top - 1; r >= stop; r--) {
    const texts = rowTexts(grid, r);
    if (texts.length === 0) continue;
    if (texts.length > 2) break; // another table's row: the heading belongs to that one
    const text = texts.join(' ');
    if (isFigure(text)) continue;
    if (HEADING_START.test(text.normalize('NFKC'))) return text;
    nearest ??= text;
  }
  return nearest;
}
