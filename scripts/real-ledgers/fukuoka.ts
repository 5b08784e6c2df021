/**
 * Source: 福岡市 保健福祉局「資料1−1 ふくおかし保健福祉総合計画の進捗評価について」(2019),
 *   https://www.city.fukuoka.lg.jp/data/open/cnt/3/67225/1/04_shiryou1-1.txt and「資料2 保健
 *   福祉総合計画成果指標について」https://www.city.fukuoka.lg.jp/data/open/cnt/3/51546/1/05_shiryo2.txt
 *   — 成果指標の評価基準 a 目標値に向けて順調 / b ペースは下回っているが改善または現状維持 /
 *   c 初期値よりも悪化 (the `pace` preset), with a ±3-point band for survey items.
 * Modelled: 成果指標名 / 目指す方向 (↑ ↓) / 初期値（H26） / 現状値 / 時点 / 目標値（R7） / 評価 /
 *   出典: the year of the current value in its own 時点 column; a direction column that
 *   decides a KPI whose target equals its starting value (要介護認定率 ↓ 19.8 % → 19.8 %);
 *   the source of each figure in 出典 (never a value). Real figures: the two 暮らしやすい
 *   まち survey items start at 37.3 % and 34.3 % (H26) as the plan documents say; the other
 *   figures are modelled.
 * Writer: exceljs.
 */
import type { Workbook } from 'exceljs';
import { SheetBuilder } from '../ledgerLayout';

export const FILE = 'fukuoka-hoken-fukushi.xlsx';

export function build(workbook: Workbook): void {
  const sheet = new SheetBuilder(workbook, '成果指標の進捗', [44, 8, 10, 10, 6, 10, 6, 20]);
  sheet.line(1, 'ふくおかし保健福祉総合計画　成果指標の進捗評価（平成30年9月時点）', 'title');
  sheet.line(3, '総論　3つの施策の方向性', 'heading');
  sheet.block({
    top: 4,
    left: 1,
    header: [['成果指標名', '目指す方向', '初期値\n（H26）', '現状値', '時点', '目標値\n（R7）', '評価', '出典']],
    body: [
      ['地域での支え合いにより、子育て家庭や高齢者が暮らしやすいまちだと感じる市民の割合', '↑', '37.3%', '39.0%', 'H29', '50.0%', 'b', '市政アンケート調査'],
      ['障がいのある人が暮らしやすいまちだと感じている市民の割合', '↑', '34.3%', '31.0%', 'H29', '45.0%', 'c', '市政アンケート調査'],
      ['特定健康診査の受診率', '↑', '24.0%', '28.5%', 'H28', '35.0%', 'a', '特定健診・特定保健指導実施結果'],
      ['要介護認定率', '↓', '19.8%', '19.5%', 'H29', '19.8%', 'a', '介護保険事業状況報告（H29年度）'],
    ],
    align: ['left', 'center', 'right', 'right', 'center', 'right', 'center', 'left'],
  });
  sheet.line(10, '※評価　a：目標値に向けて順調　b：ペースは下回っているが改善・現状維持　c：初期値よりも悪化（意識調査は±3ポイント未満を現状維持）', 'plain');
  sheet.fitRowHeights();
}
