/**
 * Source: いの町「いの町まち・ひと・しごと創生総合戦略の効果検証について」(平成29年度分),
 *   https://www.town.ino.kochi.jp/chosei/choseikeikaku/keikaku_sougousenryaku/1797/ — 76 KPIs
 *   graded in the 評価区分 ◎ 目標値以上 / ○ 目標値と同等 / △ 目標値未達成 / × 進捗なし or 事業終了.
 * Modelled: KPI項目 / 単位 / 基準値（H26） / H29実績 / 目標値（H31） / 評価区分 / 備考, figures
 *   typed full-width (「１，２５０」), a unit column, notes with figures in 備考 (never values),
 *   and the word 「指標」 typed by an officer in the cell right of the header row (a stray
 *   note: the table must still be read, and the note is not a column of it). The page gives the scale; KPIs and figures modelled.
 * Writer: exceljs.
 */
import type { Workbook } from 'exceljs';
import { SheetBuilder } from '../ledgerLayout';

export const FILE = 'ino-kouka-kensho.xlsx';

export function build(workbook: Workbook): void {
  const sheet = new SheetBuilder(workbook, '効果検証（H29）', [28, 6, 11, 11, 11, 9, 26, 8]);
  sheet.line(1, 'いの町まち・ひと・しごと創生総合戦略　効果検証（平成29年度）', 'title', 1, 7);
  sheet.line(3, '基本目標１　地域産業の振興と雇用の創出', 'heading', 1, 7);
  sheet.block({
    top: 4,
    left: 1,
    header: [['KPI項目', '単位', '基準値\n（H26）', 'H29実績', '目標値\n（H31）', '評価区分', '備考']],
    body: [
      ['移住相談件数', '件', '２０', '４８', '５０', '△', '※相談窓口開設（Ｈ２７）'],
      ['新規就農者数', '人', '３', '５', '５', '○', null],
      ['ゆずの出荷量', 't', '１，２５０', '１，１８０', '１，４００', '△', '※Ｈ２８年度は１，２１０t'],
      ['町内宿泊者数', '人', '２８，５００', '２９，１００', '３３，０００', '△', null],
      ['観光入込客数', '万人', '８５．２', '９１．０', '９０．０', '◎', null],
    ],
    align: ['left', 'center', 'right', 'right', 'right', 'center', 'left'],
  });
  // The officer's stray note beside the header row.
  sheet.put(4, 8, '指標', 'plain');
  sheet.line(11, '※評価区分　◎：目標値以上　○：目標値と同等　△：目標値未達成　×：進捗なし又は事業終了', 'plain', 1, 7);
  sheet.fitRowHeights();
}
