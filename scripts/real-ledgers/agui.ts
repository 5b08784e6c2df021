/**
 * Source: 阿久比町「第5次総合計画の評価」(第5次阿久比町総合計画 H23–R2 の成果目標),
 *   https://www.town.agui.lg.jp/0000005522.html — published as two documents, 「成果目標の実績」
 *   (the yearly figures) and 「成果目標の達成状況等」 (targets and A/B/C), A being ほぼ達成済.
 * Modelled: the two as two sheets. 成果目標の実績 holds 指標 / 単位 / H28実績 … R2実績 and no
 *   target anywhere: it looks like a KPI table (role words, years, figures) but cannot be
 *   graded — the reader must say so, naming the sheet and the header row, not stay silent.
 *   成果目標の達成状況 is an ordinary table (基準値（H21） / 実績値（R1） / 目標値（R2） / 達成状況)
 *   that must still be read. Indicators and figures modelled.
 * Writer: exceljs.
 */
import type { Workbook } from 'exceljs';
import { SheetBuilder } from '../ledgerLayout';

export const FILE = 'agui-seika-mokuhyo.xlsx';

export function build(workbook: Workbook): void {
  const results = new SheetBuilder(workbook, '成果目標の実績', [30, 6, 9, 9, 9, 9, 9]);
  results.line(1, '第5次阿久比町総合計画　成果目標の実績', 'title');
  results.line(3, '第3章　人にやさしい健康・福祉のまち', 'heading');
  results.block({
    top: 4,
    left: 1,
    header: [['指標', '単位', 'H28実績', 'H29実績', 'H30実績', 'R1実績', 'R2実績']],
    body: [
      ['町内の年間出生数', '人', '262', '250', '244', '231', '225'],
      ['子育て支援センター延べ利用者数', '人', '8,120', '8,640', '9,310', '9,850', '7,020'],
      ['町民の健康診査受診率', '%', '40.8', '41.5', '43.2', '44.0', '38.9'],
    ],
    align: ['left', 'center', 'right', 'right', 'right', 'right', 'right'],
  });
  results.fitRowHeights();

  const status = new SheetBuilder(workbook, '成果目標の達成状況', [30, 12, 12, 12, 9]);
  status.line(1, '第5次阿久比町総合計画　成果目標の達成状況', 'title');
  status.block({
    top: 3,
    left: 1,
    header: [['指標', '基準値（H21）', '実績値（R1）', '目標値（R2）', '達成状況']],
    body: [
      ['町内の年間出生数', '280人', '231人', '300人', 'C'],
      ['子育て支援センター延べ利用者数', '6,500人', '9,850人', '9,000人', 'A'],
      ['町民の健康診査受診率', '35.2%', '44.0%', '50.0%', 'B'],
    ],
    align: ['left', 'right', 'right', 'right', 'center'],
  });
  status.line(8, '※達成状況　A：ほぼ達成済　B：達成状況50％以上　C：達成状況50％未満', 'plain');
  status.fitRowHeights();
}
