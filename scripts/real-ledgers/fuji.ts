/**
 * Source: 富士市 総務部企画課「【第五次富士市総合計画】前期基本計画の達成状況（平成27年度）
 *   ・投資的事業費の実績・代表的な施策指標の進捗率と実績」, https://expydoc.com/doc/11693707/ —
 *   78 施策指標, each with its 進捗率 computed by the office, counted by band (80 % 以上 57,
 *   50–80 % 12, 50 % 未満 6, 20 % 未満 0, その他 3).
 * Modelled: 施策指標 / 方向 (増加 / 減少 / 維持) / 基準値（H21） / 中間目標（H27） / 実績値（H27年度） /
 *   見込値（H28） / 最終目標(H32) / 進捗率 / 総合評価 / 算出方法: the intermediate target is a
 *   target, not a value; 見込値 is a forecast, used as the current value where given; the
 *   office's 進捗率 (here towards the final target, in agreement with the rule's p) is read,
 *   never taken as a value; negatives written △; 算出方法 holds figures that are never values.
 *   The document gives the practice; the indicators and figures are modelled.
 * Writer: exceljs.
 */
import type { Workbook } from 'exceljs';
import { SheetBuilder } from '../ledgerLayout';

export const FILE = 'fuji-shisaku-shihyo.xlsx';

export function build(workbook: Workbook): void {
  const sheet = new SheetBuilder(workbook, '施策指標', [30, 6, 10, 10, 11, 10, 10, 8, 8, 30]);
  sheet.line(1, '第五次富士市総合計画　前期基本計画　代表的な施策指標の進捗率と実績', 'title');
  sheet.line(3, '第1章　安全・安心', 'heading');
  sheet.block({
    top: 4,
    left: 1,
    header: [['施策指標', '方向', '基準値\n（H21）', '中間目標\n（H27）', '実績値\n（H27年度）', '見込値\n（H28）', '最終目標\n(H32)', '進捗率', '総合評価', '算出方法']],
    body: [
      ['市内の刑法犯認知件数', '減少', '2,850件', '2,300件', '2,120件', null, '1,800件', '69.5%', 'A', '富士警察署管内の認知件数（暦年）'],
      ['自主防災組織の訓練参加率', '増加', '18.0%', '21.0%', '19.2%', null, '25.0%', '17.1%', 'C', '訓練参加者数÷世帯数×100'],
      ['年間商品販売額の増減率', '増加', '△1.5%', '0.5%', '△2.8%', null, '1.0%', '△52.0%', 'D', '商業統計（前回調査比、2回平均）'],
      ['水道水の水質基準適合率', '維持', '100%', '100%', '100%', null, '100%', '－', 'A', '51項目の検査結果'],
      ['保育所の待機児童数', '減少', '45人', '20人', '28人', '12人', '0人', '73.3%', 'B', '4月1日現在'],
    ],
    align: ['left', 'center', 'right', 'right', 'right', 'right', 'right', 'right', 'center', 'left'],
  });
  sheet.fitRowHeights();
}
