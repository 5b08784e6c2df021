/**
 * Generates tests/fixtures/*.xlsx: small ledgers laid out unlike the sample, one
 * concern each, so a test that fails names the concern. Deterministic: the same
 * cell contents on every run. Cell addresses below are Excel's (1-based).
 *
 * Usage: npm run fixtures                 → tests/fixtures/
 *        tsx scripts/make-fixtures.ts <dir>
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Workbook } from 'exceljs';
import { isMainModule, newLedgerWorkbook, saveWorkbook, SheetBuilder, type CellInput } from './ledgerLayout';

export const FIXTURES_DIR = 'tests/fixtures';

const CREATOR = 'kpi-ledger-addin test fixtures';
const PERCENT = '0.0%';
const THOUSANDS = '#,##0';

/**
 * (a) reiwa-kijun.xlsx — Reiwa-era ledger with the 基準値 vocabulary.
 * Concern: header words 指標 / 基準値 / 実績値 / 目標 / 評価; the year in the same
 * cell as the word, after a line break in table 1 ('基準値\n(R1)', '実績値\n(R5)',
 * '目標\n(R6)') and in full-width brackets with 令和 years in table 2
 * ('基準値\n（令和元年度）', '実績値\n（令和５年度）', '目標\n（令和６年度）'); one-row
 * headers; grades already typed in half-width ('A', 'B', 'C'), so computed grades
 * must be written half-width too.
 * Sheet 'KPI評価（R5）':
 *   table 1 header A4:F4, KPIs rows 5–8, grades F5 'A', F6 'B', F7 '' (target met → S), F8 '' (20 % worse → D)
 *   table 2 header A12:F12, KPIs rows 13–14, grades F13 'C', F14 '' (p = 0.8 = t → A)
 *   t = (R5 − R1) / (R6 − R1) = 0.8 for every row.
 */
function reiwaKijun(workbook: Workbook): void {
  const sheet = new SheetBuilder(workbook, 'KPI評価（R5）', [5, 40, 13, 13, 13, 7]);
  sheet.line(1, '第２期 まち・ひと・しごと創生総合戦略 重要業績評価指標の進捗状況（令和５年度）', 'title');
  sheet.line(3, '基本目標１ 安定した雇用を創出する', 'heading');
  sheet.block({
    top: 4,
    left: 1,
    header: [['No', '指標', '基準値\n(R1)', '実績値\n(R5)', '目標\n(R6)', '評価']],
    body: [
      ['1', '市内事業所の従業者数（商工課）', '41,230人', '42,900人', '43,000人', 'A'],
      ['2', '創業支援による創業者数（累計）（商工課）', '24件', '60件', '100件', 'B'],
      ['3', '新規就農者数（農林課）', '12人', '20人', '20人以上', null],
      ['4', '観光入込客数（観光課）', '372万人', '298万人', '420万人', null],
    ],
    align: ['center', 'left', 'center', 'center', 'center', 'center'],
  });
  sheet.line(10, '※評価　S：目標達成　A：順調　B：おおむね順調　C：やや遅れている　D：遅れている', 'plain');
  sheet.line(11, '基本目標２ 結婚・出産・子育ての希望をかなえる', 'heading');
  sheet.block({
    top: 12,
    left: 1,
    header: [['No', '指標', '基準値\n（令和元年度）', '実績値\n（令和５年度）', '目標\n（令和６年度）', '評価']],
    body: [
      ['1', '合計特殊出生率（子育て支援課）', '1.43', '1.38', '1.60', 'C'],
      ['2', '子育て支援センター利用者数（保育課）', '18,500人', '21,300人', '22,000人', null],
    ],
    align: ['center', 'left', 'center', 'center', 'center', 'center'],
  });
  sheet.fitRowHeights();
}

/**
 * (b) western-target-first.xlsx — comprehensive-plan indicators with Western years.
 * Concern: the target column comes BEFORE the current column (策定時 / 目標値 / 直近値),
 * so roles must come from words and years, not position; years are Western
 * ('2020年度', bare '2024', '2023年度') in a second header row under the words;
 * vocabulary 番号 / 指標名 / 策定時 / 直近値 / 目標値 / 判定; the 判定 column is empty
 * (full-width grades expected when written).
 * Sheet '成果指標':
 *   header rows 3–4 (A3:F4; 番号, 指標名 and 判定 merged over both rows),
 *   C3 '策定時' / C4 '2020年度', D3 '目標値' / D4 '2024', E3 '直近値' / E4 '2023年度'
 *   KPIs rows 5–8, grade cells F5:F8 all empty; t = 3/4.
 *   row 5 市民満足度: 62.5% → 66.1% vs 70.0%以上 (B); row 6 公共交通利用者数: 1,250千人 → 1,180千人 vs 1,400千人 (C);
 *   row 7 待機児童数: 15人 → 0人 vs 0人 (S); row 8 ごみ排出量: 925g → 899g vs 880g以下 (B).
 */
function westernTargetFirst(workbook: Workbook): void {
  const sheet = new SheetBuilder(workbook, '成果指標', [6, 40, 13, 13, 13, 8]);
  sheet.line(1, '第六次総合計画 成果指標 進捗管理表（2023年度実績）', 'title');
  sheet.block({
    top: 3,
    left: 1,
    header: [
      ['番号', '指標名', '策定時', '目標値', '直近値', '判定'],
      [null, null, '2020年度', '2024', '2023年度', null],
    ],
    body: [
      ['1-1', '市民満足度（市政モニター調査）（広報課）', '62.5%', '70.0%以上', '66.1%', null],
      ['1-2', '公共交通利用者数（交通政策課）', '1,250千人', '1,400千人', '1,180千人', null],
      ['2-1', '待機児童数（保育課）', '15人', '0人', '0人', null],
      ['3-1', '1人1日当たりのごみ排出量（環境政策課）', '925g', '880g以下', '899g', null],
    ],
    merges: [
      [0, 0, 1, 0],
      [0, 1, 1, 1],
      [0, 5, 1, 5],
    ],
    align: ['center', 'left', 'right', 'right', 'right', 'center'],
  });
  sheet.fitRowHeights();
}

/**
 * (c) percent-numbers.xlsx — figures stored as numbers, and text written full-width.
 * Concern: the displayed text of number formats (0.63 with '0.0%' shows '63.0%',
 * 4542 with '#,##0' shows '4,542', 4500000 with '#,##0"人以上"' shows
 * '4,500,000人以上'); a value cell holding a formula (E9 =ROUND(C9+0.015,3),
 * cached 0.605, shows '60.5%'); full-width digits, commas and brackets in text
 * cells ('２，９２０件', '７２０億円\n（Ｈ２４）', header years '（Ｈ２６）'); and a
 * grade cell holding a formula (F5 =IF(D5>=E5,"Ｓ","Ａ"), cached 'Ｓ') that must
 * never be written.
 * Sheet '進捗（数値）': header A3:F3 (one row, 'Ｎｏ', '当初\n（Ｈ２６）', '現状\n（Ｈ２９）',
 *   '目標値\n（Ｈ３１）', '達成状況'), KPIs rows 4–10:
 *   row 4 0.63 / 0.698 / 0.65 ('0.0%'), grade F4 'Ｓ'
 *   row 5 372 / 4542 / 2000 ('#,##0'), grade F5 formula
 *   row 6 3720000 / 3560000 ('#,##0') / 4500000 ('#,##0"人以上"'), grade F6 ''
 *   row 7 '１８か所' / '２１か所' / '２０か所\n以上', grade F7 ''
 *   row 8 '３７２件' / '２，９２０件' / '２，０００件', grade F8 ''
 *   row 9 0.59 / formula 0.605 / 0.61 ('0.0%'), grade F9 '' (columns C, D, E)
 *   row 10 '７２０億円\n（Ｈ２４）' / '６６５億円\n（Ｈ２８）' / '７７０億円以上', grade F10 ''
 */
function percentNumbers(workbook: Workbook): void {
  const sheet = new SheetBuilder(workbook, '進捗（数値）', [5, 40, 13, 13, 14, 8]);
  sheet.line(1, '重要業績評価指標（ＫＰＩ）の進捗（数値入力版）', 'title');
  const pct = (value: number): CellInput => ({ value, numFmt: PERCENT, align: 'right' });
  const num = (value: number, numFmt = THOUSANDS): CellInput => ({ value, numFmt, align: 'right' });
  sheet.block({
    top: 3,
    left: 1,
    header: [['Ｎｏ', '重要業績評価指標（ＫＰＩ）', '当初\n（Ｈ２６）', '現状\n（Ｈ２９）', '目標値\n（Ｈ３１）', '達成状況']],
    body: [
      ['１', '女性の生産年齢人口における就業率（企画政策課）', pct(0.63), pct(0.698), pct(0.65), 'Ｓ'],
      [
        '２',
        'ふるさと応縁基金への寄附件数（元気発信課）',
        num(372),
        num(4542),
        num(2000),
        { value: { formula: 'IF(D5>=E5,"Ｓ","Ａ")', result: 'Ｓ' }, align: 'center' },
      ],
      ['３', '観光入込客数（商業観光課）', num(3_720_000), num(3_560_000), num(4_500_000, '#,##0"人以上"'), null],
      ['４', '地域における子育て支援拠点施設（保育課）', '１８か所', '２１か所', '２０か所\n以上', null],
      ['５', 'ふるさと納税の寄附件数（元気発信課）', '３７２件', '２，９２０件', '２，０００件', null],
      [
        '６',
        '新規学校卒業者の市内就職率（市内高校）（商業観光課）',
        pct(0.59),
        { value: { formula: 'ROUND(C9+0.015,3)', result: 0.605 }, numFmt: PERCENT, align: 'right' },
        pct(0.61),
        null,
      ],
      ['７', '製造品出荷額における付加価値額（ものづくり振興課）', '７２０億円\n（Ｈ２４）', '６６５億円\n（Ｈ２８）', '７７０億円以上', null],
    ],
    align: ['center', 'left', 'right', 'right', 'right', 'center'],
  });
  sheet.fitRowHeights();
}

/**
 * (d) no-grade-column.xlsx — a Kanazawa-style KPI list: values and targets, no grade column.
 * Concern: the table is a KPI table (指標, values, 目標値) without any grade column;
 * the add-in must offer to add one in column F (the column right of the table is
 * empty on every row it would take) and never add it silently.
 * Sheet '数値目標': header A3:E3 ('No', '指標', '基準値\n(H26)', '現状値\n(H29)', '目標値\n(H31)'),
 *   KPIs rows 4–7; F3:F7 empty; a note on row 9.
 */
function noGradeColumn(workbook: Workbook): void {
  const sheet = new SheetBuilder(workbook, '数値目標', [5, 44, 13, 13, 13]);
  sheet.line(1, 'まち・ひと・しごと創生総合戦略 重要業績評価指標（ＫＰＩ）一覧', 'title');
  sheet.block({
    top: 3,
    left: 1,
    header: [['No', '指標', '基準値\n(H26)', '現状値\n(H29)', '目標値\n(H31)']],
    body: [
      ['1', '市内の大学等卒業生の市内就職者数', '1,020人', '1,105人', '1,200人'],
      ['2', '中心市街地の歩行者通行量（休日）', '72,400人', '75,900人', '80,000人'],
      ['3', '観光客の宿泊者数', '272万人', '300万人', '300万人以上'],
      ['4', '子育て支援アプリの登録者数', '2,100人', '8,350人', '10,000人'],
    ],
    align: ['center', 'left', 'right', 'right', 'right'],
  });
  sheet.line(9, '※現状値は平成29年度末の実績。目標値は総合戦略の最終年度（平成31年度）の値。', 'plain', 1, 5);
  sheet.fitRowHeights();
}

/**
 * (e) unreadable.xlsx — cells the grammar cannot read, next to cells it can.
 * Concern: per-KPI failure. Each unreadable KPI gets no grade and a problem naming
 * its cell; its neighbours are still graded.
 * Sheet '進捗状況': header A3:F3 ('No', '重要業績評価指標（ＫＰＩ）', '当初\n(H26)', '現状\n(H29)',
 *   '目標値\n(H31)', '達成状況'), KPIs rows 4–10, all grade cells F4:F10 empty:
 *   D4 '調査中' (no number → unreadable)          row 5 readable (372万人 → 356万人 vs 450万人以上: C)
 *   D6 '10〜20件' (two numbers → unreadable)       row 7 readable (18か所 → 21か所 vs 20か所以上: S)
 *   D8 empty (no current value → －)               D9 '未着手' (not started → E; C9 '未実施' baseline)
 *   D10 a formula =C10/0 with the cached error '#DIV/0!' (error value → unreadable)
 */
function unreadable(workbook: Workbook): void {
  const sheet = new SheetBuilder(workbook, '進捗状況', [5, 44, 13, 13, 13, 8]);
  sheet.line(1, '重要業績評価指標（ＫＰＩ）進捗状況（平成29年度）', 'title');
  sheet.block({
    top: 3,
    left: 1,
    header: [['No', '重要業績評価指標（ＫＰＩ）', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '達成状況']],
    body: [
      ['1', '市民活動センターの利用者数（市民活動支援課）', '12,300人', '調査中', '15,000人', null],
      ['2', '観光入込客数（商業観光課）', '372万人', '356万人', '450万人以上', null],
      ['3', '空き家バンクの登録件数（建築住宅課）', '5件', '10〜20件', '30件', null],
      ['4', '地域における子育て支援拠点施設（保育課）', '18か所', '21か所', '20か所以上', null],
      ['5', '地域おこし協力隊の隊員数（市民活動支援課）', '0人', null, '10人', null],
      ['6', 'まちづくり担い手育成講座の受講者数（市民活動支援課）', '未実施', '未着手', '50人', null],
      ['7', 'Ｕ・Ｉターン相談件数（元気発信課）', '114件', { value: { formula: 'C10/0', result: { error: '#DIV/0!' } } }, '200件', null],
    ],
    align: ['center', 'left', 'center', 'center', 'center', 'center'],
  });
  sheet.fitRowHeights();
}

/**
 * (f) mixed-sheet.xlsx — a KPI table among tables that are not KPI tables, and a protected sheet.
 * Concern: only the KPI table is detected and written; the budget table (予算額 /
 * 決算額 / 執行率, numbers with formats), the schedule table (years as column
 * headers, ○ and → marks) and the chart data (years across, percentages as
 * numbers, H31 column holding the target line) are left alone; the protected
 * sheet's KPI table is read and graded but never written.
 * Sheet '事業評価': KPI table header A3:F3, KPIs rows 4–5 (grades F4:F5 empty:
 *   row 4 59.0％ → 60.5％ vs 61.0％ (A), row 5 372件 → 4,542件 vs 2,000件 (S));
 *   budget table A8:E11 (header row 8: 事業名 / 事業の概要 / 予算額 / 決算額 / 執行率);
 *   schedule table A14:E16 (header row 14: 主な取組 / 内容 / H29 / H30 / H31);
 *   chart data A19:G21 (header row 19, row 20 高校生, row 21 大学生, 0.0% numbers).
 * Sheet '確定版（保護）' (protected, no password): KPI table header A3:F3, KPIs rows 4–5,
 *   grades typed F4 'Ｂ', F5 ''.
 */
async function mixedSheet(workbook: Workbook): Promise<void> {
  const sheet = new SheetBuilder(workbook, '事業評価', [16, 36, 13, 13, 13, 10, 10]);
  sheet.line(1, '平成29年度 事業評価シート（若者雇用促進プロジェクト）', 'title');
  sheet.block({
    top: 3,
    left: 1,
    header: [['No', '指標', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '達成状況']],
    body: [
      ['1', '新規学校卒業者の市内就職率（市内高校）', '59.0％', '60.5％', '61.0％', null],
      ['2', 'ふるさと応縁基金への寄附件数', '372件', '4,542件', '2,000件', null],
    ],
    align: ['center', 'left', 'center', 'center', 'center', 'center'],
  });
  sheet.line(7, '■ 予算・決算（千円）', 'heading', 1, 4);
  const yen = (value: number): CellInput => ({ value, numFmt: THOUSANDS, align: 'right' });
  sheet.block({
    top: 8,
    left: 1,
    header: [['事業名', '事業の概要', '予算額', '決算額', '執行率']],
    body: [
      ['雇用促進事業', '管内企業説明会、雇用促進協議会への負担金', yen(8_450), yen(8_112), { value: 0.96, numFmt: PERCENT, align: 'right' }],
      ['若年者就労支援事業', 'ワークサポート柏崎の運営', yen(12_300), yen(11_870), { value: 0.965, numFmt: PERCENT, align: 'right' }],
      ['女性活躍推進事業', 'セミナー開催、職場環境整備補助', yen(2_000), yen(640), { value: 0.32, numFmt: PERCENT, align: 'right' }],
    ],
  });
  sheet.line(13, '■ 今後のスケジュール', 'heading', 1, 4);
  sheet.block({
    top: 14,
    left: 1,
    header: [['主な取組', '内容', 'H29', 'H30', 'H31']],
    body: [
      ['インターンシップ', '新規受入れ先の開拓', '実施', '→', '→'],
      ['地元定着事業', '新たな事業の研究・検討', '検討', '検討', '実施'],
    ],
    align: ['left', 'left', 'center', 'center', 'center'],
  });
  sheet.line(18, '■ グラフ用データ 新規学校卒業者の市内就職率', 'heading', 1, 4);
  const pct = (value: number | null): CellInput => (value === null ? null : { value, numFmt: PERCENT, align: 'right' });
  sheet.block({
    top: 19,
    left: 1,
    header: [['年度', 'H26', 'H27', 'H28', 'H29', 'H30', 'H31']],
    body: [
      ['高校生', pct(0.59), pct(0.593), pct(0.556), pct(0.605), pct(null), pct(0.61)],
      ['大学生', pct(0.13), pct(0.125), pct(0.16), pct(0.137), pct(null), pct(0.15)],
    ],
    bodyKind: 'plain',
  });
  sheet.fitRowHeights();

  const locked = new SheetBuilder(workbook, '確定版（保護）', [5, 40, 13, 13, 13, 8]);
  locked.line(1, '平成28年度 評価確定版（変更不可）', 'title');
  locked.block({
    top: 3,
    left: 1,
    header: [['No', '指標', '当初\n(H26)', '現状\n(H28)', '目標値\n(H31)', '達成状況']],
    body: [
      ['1', '観光入込客数（商業観光課）', '372万人', '397万人', '450万人以上', 'Ｂ'],
      ['2', 'ハッピーパートナー企業登録数', '27社', '35社', '40社以上', null],
    ],
    align: ['center', 'left', 'center', 'center', 'center', 'center'],
  });
  locked.fitRowHeights();
  // No password: a password gets a random salt, and the fixture must be the same on every run.
  await locked.worksheet.protect('', {});
}

export const FIXTURES: Readonly<Record<string, (workbook: Workbook) => void | Promise<void>>> = {
  'reiwa-kijun.xlsx': reiwaKijun,
  'western-target-first.xlsx': westernTargetFirst,
  'percent-numbers.xlsx': percentNumbers,
  'no-grade-column.xlsx': noGradeColumn,
  'unreadable.xlsx': unreadable,
  'mixed-sheet.xlsx': mixedSheet,
};

export async function buildFixture(name: string): Promise<Workbook> {
  const build = FIXTURES[name];
  if (!build) throw new Error(`make-fixtures: no fixture named "${name}"`);
  const workbook = newLedgerWorkbook(CREATOR);
  await build(workbook);
  return workbook;
}

export async function writeFixtures(dir: string = FIXTURES_DIR): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const name of Object.keys(FIXTURES)) {
    const path = join(dir, name);
    await saveWorkbook(await buildFixture(name), path);
    written.push(path);
  }
  return written;
}

if (isMainModule(import.meta.url)) {
  for (const path of await writeFixtures(process.argv[2] ?? FIXTURES_DIR)) console.log(`wrote ${path}`);
}
