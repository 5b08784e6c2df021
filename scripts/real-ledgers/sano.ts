/**
 * Source: 佐野市「施策・基本事業評価の実績」and「目標達成度評価の考え方」,
 *   https://www.city.sano.lg.jp/kurashi_gyosei/shiseijoho_nyusatsu/kaikaku_kaizennimuketatorikumi/3/naiyou/6505.html
 *   https://www.city.sano.lg.jp/soshikiichiran/gyousei/gyoseikeieika/gyomuannai/3/naiyou/2871.html
 *   and http://www.city.sano.lg.jp/gyousei/hyouka/04-10.html — each 成果指標's 達成率 scored
 *   7 points at 100 %, 6/5/4/3/2 at 90/80/70/60/50 %, 1 below (the `points` preset).
 * Modelled: the 施策評価シート layout — years across (基準 H24, then H26 … H29), kinds of value
 *   down: each indicator in three rows 目標 / 実績 / 達成率, its name and unit merged over them.
 *   Real figures: 避難場所を知っている市民の割合 H27 実績 57.9 % against the H27 目標 75.0 %
 *   (city page 04-10); 求人面接会等で採用となった人数 R3 目標 15人, 3 short (12人) (page 2871).
 *   The other years' figures are modelled. Two sheets, one per plan period.
 * Writer: exceljs.
 */
import type { Workbook } from 'exceljs';
import { SheetBuilder } from '../ledgerLayout';

export const FILE = 'sano-shisaku-hyoka.xlsx';

export function build(workbook: Workbook): void {
  const h27 = new SheetBuilder(workbook, '施策評価（H27）', [30, 6, 8, 9, 9, 9, 9, 9]);
  h27.line(1, '平成28年度 施策評価シート（平成27年度実績）　施策：消防・防災体制の強化', 'title');
  h27.line(3, '基本事業：防災意識の高揚と地域防災力の向上　　成果指標', 'heading');
  h27.block({
    top: 4,
    left: 1,
    header: [['成果指標', '単位', '区分', 'H24\n（基準）', 'H26', 'H27', 'H28', 'H29']],
    body: [
      ['避難場所を知っている市民の割合', '%', '目標', '－', '70.0', '75.0', '80.0', '85.0'],
      [null, null, '実績', '55.0', '60.2', '57.9', null, null],
      [null, null, '達成率', null, '86.0%', '77.2%', null, null],
    ],
    merges: [
      [1, 0, 3, 0],
      [1, 1, 3, 1],
    ],
    align: ['left', 'center', 'center', 'right', 'right', 'right', 'right', 'right'],
  });
  h27.fitRowHeights();

  const r3 = new SheetBuilder(workbook, '施策評価（R3）', [30, 6, 8, 9, 9, 9, 9, 9]);
  r3.line(1, '令和4年度 施策評価シート（令和3年度実績）　施策：活力ある商業・鉱工業の振興', 'title');
  r3.line(3, '基本事業：雇用機会の提供と就労支援　　成果指標', 'heading');
  r3.block({
    top: 4,
    left: 1,
    header: [['成果指標', '単位', '区分', 'H29\n（基準）', 'H30', 'R1', 'R2', 'R3']],
    body: [
      ['求人面接会等で採用となった人数', '人', '目標', '－', '12', '13', '14', '15'],
      [null, null, '実績', '10', '11', '13', '9', '12'],
      [null, null, '達成率', null, '91.7%', '100.0%', '64.3%', '80.0%'],
    ],
    merges: [
      [1, 0, 3, 0],
      [1, 1, 3, 1],
    ],
    align: ['left', 'center', 'center', 'right', 'right', 'right', 'right', 'right'],
  });
  r3.fitRowHeights();
}
