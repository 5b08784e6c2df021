/**
 * Source: 多摩市「資料6 多摩市まち・ひと・しごと創生総合戦略の評価方法（案）」,
 *   https://expydoc.com/doc/10040981/ — the 検討委員会 judges each 基本目標's 数値目標 from its
 *   現状値, 目標値 and 平成27年度の実績値, against a fixed pace of 20 % of the way per year
 *   (H27 is year 1): ① 達成度 ≥ 100 % of that 20 % / ② 60 % – 100 % / ③ below 60 %.
 * Modelled: per 基本目標 a heading line and a 「数値目標」 title line (headings, not headers),
 *   then 指標 / 現状値（H26） / 目標値（H31） / H27実績値 / 委員会の評価 — here 現状値 is the value
 *   when the plan was made (the earliest year: the baseline), the H27 column the current
 *   value; grades written ① ② ③. Two KPIs sit exactly on a boundary (p = t; p = 0.6t).
 *   The document gives the method and the columns; the indicators and figures are modelled.
 * Writer: exceljs.
 */
import type { Workbook } from 'exceljs';
import { SheetBuilder } from '../ledgerLayout';

export const FILE = 'tama-suchi-mokuhyo.xlsx';

const HEADER = [['指標', '現状値\n（H26）', '目標値\n（H31）', 'H27実績値', '委員会の評価']];
const ALIGN = ['left', 'right', 'right', 'right', 'center'] as const;

export function build(workbook: Workbook): void {
  const sheet = new SheetBuilder(workbook, '数値目標の評価', [34, 12, 12, 12, 10]);
  sheet.line(1, '多摩市まち・ひと・しごと創生総合戦略　数値目標の評価（平成27年度）', 'title');
  sheet.line(3, '基本目標１　多摩市で働きたい人の希望をかなえる', 'heading');
  sheet.line(4, '数値目標', 'plain');
  sheet.block({
    top: 5,
    left: 1,
    header: HEADER,
    body: [
      ['市内従業者数', '71,000人', '75,000人', '72,100人', '①'],
      ['年間観光客数', '600万人', '700万人', '612万人', '②'],
    ],
    align: [...ALIGN],
  });
  sheet.line(9, '基本目標２　若い世代の結婚・出産・子育ての希望をかなえる', 'heading');
  sheet.line(10, '数値目標', 'plain');
  sheet.block({
    top: 11,
    left: 1,
    header: HEADER,
    body: [
      ['合計特殊出生率', '1.15', '1.30', '1.13', '③'],
      ['転入者数', '9,500人', '10,000人', '9,600人', '①'],
    ],
    align: [...ALIGN],
  });
  sheet.line(15, '※評価　①目標値の20%に対する達成度が100%以上　②60%以上100%未満　③60%未満', 'plain');
  sheet.fitRowHeights();
}
