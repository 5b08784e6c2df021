/**
 * Source: 金沢市「金沢版総合戦略」進捗状況 (まち・ひと・しごと創生), 企画調整課,
 *   https://www4.city.kanazawa.lg.jp/soshikikarasagasu/kikakuchoseika/ — the Kanazawa style of
 *   KPI list quoted in the project spec (§1): whole arrow lines, baseline → intermediate →
 *   target, each figure with its year in brackets:
 *   「・産後ケアサポート人材数 132人 (H26) → 147人 (H28) → 200人 (H31)」.
 * Modelled: sheet 基本目標２ — a heading, the caption 【重要業績評価指標（KPI）】 (a caption, not
 *   a header) and one arrow line per cell; sheet 基本目標３ — the same kind of lines, all in
 *   one cell separated by line breaks. No grade column (Kanazawa lists have none). The first
 *   line is the spec's quotation of the report; the other lines are modelled in its style.
 * Writer: exceljs.
 */
import type { Workbook } from 'exceljs';
import { SheetBuilder } from '../ledgerLayout';

export const FILE = 'kanazawa-sogo-senryaku.xlsx';

export function build(workbook: Workbook): void {
  const goal2 = new SheetBuilder(workbook, '基本目標２', [90]);
  goal2.line(1, '金沢版総合戦略　進捗状況', 'title');
  goal2.line(3, '基本目標２　結婚・出産・子育ての希望をかなえ、子どもたちの未来をはぐくむ', 'heading');
  goal2.line(4, '【重要業績評価指標（KPI）】', 'plain');
  goal2.line(5, '・産後ケアサポート人材数　132人 (H26) → 147人 (H28) → 200人 (H31)', 'plain');
  goal2.line(6, '・ファミリーサポートセンター会員数　3,012人 (H26) → 3,390人 (H28) → 3,600人 (H31)', 'plain');
  goal2.line(7, '・保育所等の待機児童数　12人 (H26) → 0人 (H28) → 0人 (H31)', 'plain');
  goal2.line(8, '・まちなか定住促進による転入者数　420人 (H26) → 350人 (H28) → 500人 (H31)', 'plain');
  goal2.fitRowHeights();

  const goal3 = new SheetBuilder(workbook, '基本目標３', [90]);
  goal3.line(1, '金沢版総合戦略　進捗状況', 'title');
  goal3.line(3, '基本目標３　学生のまち・金沢の魅力を高める', 'heading');
  goal3.line(4, '【重要業績評価指標（KPI）】', 'plain');
  goal3.line(
    5,
    [
      '・市内大学の留学生数　1,500人 (H26) → 1,420人 (H28) → 2,000人 (H31)',
      '・学生のまちなか活動への参加者数　2,400人 (H26) → 3,300人 (H28) → 4,000人 (H31)',
      '・市内就職した県内大学卒業生の割合　28.0% (H26) → 27.2% (H28) → 33.0% (H31)',
    ].join('\n'),
    'plain',
  );
  goal3.fitRowHeights();
}
