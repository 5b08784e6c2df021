/**
 * Source: 大月市「大月市行政評価（事務事業）平成28年度事後評価シート」(様式第1号 №1, 1-1-1),
 *   https://vdocuments.pub/oeeoeeii-28oeeff-2017-08-21.html — its 成果指標 block:
 *   「単位 H24年度 H25年度 H26年度 H27年度 H28年度 / 目標 % - - - - 50 / 実績 % - - - - 65 /
 *   達成率 % - - - - 130」.
 * Modelled: that block as printed — a label cell 成果指標 merged down the left, the kinds
 *   目標 / 実績 / 達成率 down, the unit beside each kind, years across, 「-」 for years with no
 *   figure, and the office's own 達成率 row (a computed rate, never a value). The first
 *   indicator's figures are the sheet's (50 / 65 / 130); its name is modelled from the sheet's
 *   目標 (市民が知りたい情報をわかりやすく伝える). The second indicator is modelled.
 * Writer: exceljs.
 */
import type { Workbook } from 'exceljs';
import { SheetBuilder } from '../ledgerLayout';

export const FILE = 'otsuki-jigo-hyoka.xlsx';

export function build(workbook: Workbook): void {
  const sheet = new SheetBuilder(workbook, '事後評価シート', [8, 34, 8, 6, 10, 10, 10, 10, 10]);
  sheet.line(1, '平成28年度事後評価シート　大月市行政評価（事務事業）　様式第1号 №1　1-1-1', 'title');
  sheet.line(3, '事務事業名　広報発行事業', 'heading');
  sheet.block({
    top: 5,
    left: 1,
    header: [['', '成果指標', '区分', '単位', 'H24年度', 'H25年度', 'H26年度', 'H27年度', 'H28年度']],
    body: [
      ['成果指標', '広報おおつきが分かりやすいと感じる市民の割合', '目標', '%', '-', '-', '-', '-', '50'],
      [null, null, '実績', '%', '-', '-', '-', '-', '65'],
      [null, null, '達成率', '%', '-', '-', '-', '-', '130'],
      [null, '市ホームページのアクセス件数', '目標', '件', '-', '-', '100,000', '110,000', '120,000'],
      [null, null, '実績', '件', '-', '95,200', '101,350', '108,400', '112,900'],
      [null, null, '達成率', '%', '-', '-', '101.4', '98.5', '94.1'],
    ],
    merges: [
      [1, 0, 6, 0],
      [1, 1, 3, 1],
      [4, 1, 6, 1],
    ],
    align: ['center', 'left', 'center', 'center', 'right', 'right', 'right', 'right', 'right'],
  });
  sheet.fitRowHeights();
}
