import { describe, expect, it } from 'vitest';
import { detectKpiTables, scanSheet } from '../../../src/core/detect';
import { rangeAddress } from '../../../src/core/grid';
import type { KpiRow, KpiTable } from '../../../src/core/types';
import { buildGrid } from '../../support/gridBuilder';

const names = (tables: readonly KpiTable[]) => tables.flatMap((t) => t.kpis.map((k) => k.name));
const grades = (tables: readonly KpiTable[]) => tables.flatMap((t) => t.kpis.map((k) => k.gradeCell?.text));
const roles = (t: KpiTable) => t.columns.values.map((v) => [v.role, v.year]);
const figure = (k: KpiRow, which: 'baseline' | 'current' | 'target') => {
  const cell = k[which];
  return cell?.reading.kind === 'number' ? [cell.reading.value, cell.year] : [cell?.reading.kind, cell?.year];
};

// The KPI table of 第1節 基本的方向１ as the seed report lays it out: a two-row header with
// the words in the first row and the years in the second, a column with a year alone (H28),
// 達成状況 written over two lines and merged over both header rows, 重要業績評価指標（ＫＰＩ）
// merged over the No column too, census notes in the first row, and a parent row
// (新規学校卒業者の市内就職率) whose sub-rows 市内高校 / 市内大学 carry the figures.
const SEED_1_1 = [
  ['基本的方向１ 雇用対策の強化を図る'],
  ['重要業績評価指標（ＫＰＩ）', '', '当初', '', '現状', '目標値', '達成\n状況'],
  ['', '', '(H26)', '(H28)', '(H29)', '(H31)', ''],
  [
    '１',
    '女性の生産年齢人口（15歳から 64歳まで）における就業率\n（企画政策課）',
    '63.0％\n(H22 国調)',
    '－',
    '69.8％\n(H27 国調)',
    '65.0%\n(H32 国調)',
    'Ｓ',
  ],
  ['２', '新規学校卒業者の市内就職率（商業観光課）'],
  ['', '市内高校', '59.0％', '55.6％', '60.5％', '61.0％', 'Ｂ'],
  ['', '市内大学', '13.0％', '16.0', '13.7％', '15.0％', 'Ｂ'],
  [],
  ['ＫＰＩの達成に係る施策の主な取組と成果、課題と今後の展開'],
  ['主要施策（１） 若者の雇用促進 ≪重点プロジェクト≫ 担当課：商業観光課、元気発信課'],
];
const SEED_1_1_MERGES = ['A2:B3', 'G2:G3', 'A5:A7', 'B5:G5', 'A9:G9', 'A10:G10'];

describe('detectKpiTables on the seed table 第1節 基本的方向１', () => {
  const { tables, problems } = detectKpiTables(buildGrid('第1節', SEED_1_1, { merges: SEED_1_1_MERGES }));

  it('finds one table with its two header rows and its range', () => {
    expect(tables).toHaveLength(1);
    expect(problems).toEqual([]);
    const t = tables[0]!;
    expect(t.sheet).toBe('第1節');
    expect(t.headerRows).toEqual({ top: 1, bottom: 2 });
    expect(rangeAddress(t.range)).toBe('A2:G7');
  });

  it('reads the columns: No under the merged indicator header, the year-only column as intermediate', () => {
    const c = tables[0]!.columns;
    expect(c.number).toBe(0);
    expect(c.indicator).toBe(1);
    expect(c.values).toEqual([
      { col: 2, role: 'baseline', year: 2014, header: '当初 (H26)' },
      { col: 3, role: 'intermediate', year: 2016, header: '(H28)' },
      { col: 4, role: 'current', year: 2017, header: '現状 (H29)' },
    ]);
    expect(c.target).toEqual({ col: 5, year: 2019, header: '目標値 (H31)' });
    expect(c.grade).toEqual({ col: 6, header: '達成状況' });
  });

  it('reads the census row with its own years', () => {
    const k = tables[0]!.kpis[0]!;
    expect(k).toMatchObject({
      row: 3,
      name: '女性の生産年齢人口(15歳から64歳まで)における就業率',
      department: '企画政策課',
      number: '１',
      gradeCell: { row: 3, col: 6, text: 'Ｓ' },
    });
    expect(k.baseline).toEqual({
      row: 3,
      col: 2,
      text: '63.0％\n(H22 国調)',
      reading: { kind: 'number', value: 63, unit: '%', year: 2010, yearNote: 'H22 国調' },
      year: 2010,
    });
    expect(k.intermediates).toEqual([{ row: 3, col: 3, text: '－', reading: { kind: 'missing' }, year: 2016 }]);
    expect(figure(k, 'current')).toEqual([69.8, 2015]);
    expect(figure(k, 'target')).toEqual([65, 2020]);
  });

  it('turns the parent row into one KPI per sub-row, named parent／sub', () => {
    const [, high, univ] = tables[0]!.kpis;
    expect(tables[0]!.kpis).toHaveLength(3);
    expect(high).toMatchObject({
      row: 5,
      name: '新規学校卒業者の市内就職率／市内高校',
      department: '商業観光課',
      number: '２',
    });
    expect(univ).toMatchObject({
      row: 6,
      name: '新規学校卒業者の市内就職率／市内大学',
      department: '商業観光課',
      number: '２',
    });
    expect(figure(high!, 'baseline')).toEqual([59, 2014]);
    expect(figure(high!, 'current')).toEqual([60.5, 2017]);
    expect(figure(high!, 'target')).toEqual([61, 2019]);
    expect(univ!.intermediates[0]).toMatchObject({
      text: '16.0',
      reading: { kind: 'number', value: 16, unit: '' },
      year: 2016,
    });
    expect(grades(tables)).toEqual(['Ｓ', 'Ｂ', 'Ｂ']);
    expect(univ!.gradeCell).toEqual({ row: 6, col: 6, text: 'Ｂ' });
  });

  it('reads the sub-row labels from a column between the No and the figures too', () => {
    const grid = buildGrid(
      '第1節',
      [
        ['重要業績評価指標（ＫＰＩ）', '', '', '当初', '', '現状', '目標値', '達成\n状況'],
        ['', '', '', '(H26)', '(H28)', '(H29)', '(H31)', ''],
        ['１', '若者の定住率\n（企画政策課）', '', '60.0％\n(H22 国調)', '－', '63.3％\n(H27 国調)', '62.0%以上', 'Ａ'],
        ['２', '新規学校卒業者の市内就職率（商業観光課）', '市内高校', '59.0％', '55.6％', '60.5％', '61.0％', 'Ｂ'],
        ['', '', '市内大学', '13.0％', '16.0', '13.7％', '15.0％', 'Ｂ'],
      ],
      { merges: ['A1:C2', 'H1:H2', 'B3:C3', 'A4:A5', 'B4:B5'] },
    );
    // Here the parent's name cell is merged down over its sub-rows and the first sub-row
    // shares the parent's sheet row: the figures in that row belong to 市内高校.
    const { tables } = detectKpiTables(grid);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.columns).toMatchObject({ number: 0, indicator: 1 });
    expect(names(tables)).toEqual([
      '若者の定住率',
      '新規学校卒業者の市内就職率／市内高校',
      '新規学校卒業者の市内就職率／市内大学',
    ]);
    expect(tables[0]!.kpis.map((k) => [k.row, k.number, k.department])).toEqual([
      [2, '１', '企画政策課'],
      [3, '２', '商業観光課'],
      [4, '２', '商業観光課'],
    ]);
  });

  it('reads labels in their own column when the parent row has no figures', () => {
    const grid = buildGrid(
      's',
      [
        ['重要業績評価指標（ＫＰＩ）', '', '', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '達成状況'],
        ['２', '新規学校卒業者の市内就職率（商業観光課）', '', '', '', '', ''],
        ['', '', '市内高校', '59.0％', '60.5％', '61.0％', 'Ｂ'],
        ['', '', '市内大学', '13.0％', '13.7％', '15.0％', 'Ｂ'],
      ],
      { merges: ['A1:C1', 'A2:A4', 'B2:B4'] },
    );
    const { tables } = detectKpiTables(grid);
    expect(names(tables)).toEqual(['新規学校卒業者の市内就職率／市内高校', '新規学校卒業者の市内就職率／市内大学']);
    expect(tables[0]!.kpis.map((k) => [k.row, k.number, k.department])).toEqual([
      [2, '２', '商業観光課'],
      [3, '２', '商業観光課'],
    ]);
  });
});

describe('header variants', () => {
  it('reads the year in the same cell as the word, and an unheaded No column', () => {
    const grid = buildGrid(
      '基本目標2',
      [
        ['', '重要業績評価指標（ＫＰＩ）', '当初\n(H26)', '(H28)', '現状\n(H29)', '目標値\n(H31)', '達成状況'],
        ['1', '地域における子育て支援拠点施設（保育課）', '18か所', '20か所', '21か所', '20か所\n以上', 'Ｓ'],
        ['2', 'ハッピーパートナー企業登録数（人権啓発・男女共同参画\n室）', '27社', '35社', '38社', '40社\n以上', 'Ａ'],
      ],
      { origin: 'B4' },
    );
    const { tables } = detectKpiTables(grid);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.headerRows).toEqual({ top: 3, bottom: 3 });
    expect(rangeAddress(t.range)).toBe('B4:H6');
    expect(t.columns).toMatchObject({ number: 1, indicator: 2, target: { col: 6, year: 2019 }, grade: { col: 7 } });
    expect(roles(t)).toEqual([
      ['baseline', 2014],
      ['intermediate', 2016],
      ['current', 2017],
    ]);
    expect(t.kpis.map((k) => [k.number, k.name, k.department])).toEqual([
      ['1', '地域における子育て支援拠点施設', '保育課'],
      ['2', 'ハッピーパートナー企業登録数', '人権啓発・男女共同参画室'],
    ]);
    expect(t.kpis[0]!.target).toMatchObject({
      row: 4,
      col: 6,
      reading: { kind: 'number', value: 20, bound: 'ge' },
      year: 2019,
    });
  });

  it('finds a header whose worded cells are all long ones (each more than 12 characters)', () => {
    // The header scan reads short cells first and the longer ones only when needed: here every
    // header word sits in a longer cell, and none of the short ones holds one.
    const grid = buildGrid('長い見出し', [
      ['重要業績評価指標（ＫＰＩ）\n（担当課）', '基準値\n（令和元年度末時点）', '実績値\n（令和５年度末時点）', '最終目標値\n（令和７年度末）'],
      ['観光入込客数（商業観光課）', '100万人', '120万人', '150万人'],
    ]);
    const { tables } = detectKpiTables(grid);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.columns.target).toMatchObject({ col: 3, year: 2025 });
    expect(tables[0]!.kpis.map((k) => k.name)).toEqual(['観光入込客数']);
  });

  it('reads 基準値, 実績値, 評価, No., 令和元年度 and 2024年度', () => {
    const grid = buildGrid('R5', [
      ['No.', '成果指標', '基準値\n（令和元年度）', '実績値\n2023年度', '目標値\n2024年度', '評価'],
      ['1', '観光入込客数', '372万人', '356万人', '450万人以上', 'C'],
      ['2', '地域ブランド調査による全国魅力度ランキング(企画政策課)', '440位', '660位', '300位以内', 'D'],
    ]);
    const { tables, problems } = detectKpiTables(grid);
    expect(problems).toEqual([]);
    const t = tables[0]!;
    expect(t.columns).toMatchObject({
      number: 0,
      indicator: 1,
      target: { col: 4, year: 2024 },
      grade: { col: 5, header: '評価' },
    });
    expect(roles(t)).toEqual([
      ['baseline', 2019],
      ['current', 2023],
    ]);
    expect(t.kpis[1]).toMatchObject({
      name: '地域ブランド調査による全国魅力度ランキング',
      department: '企画政策課',
      number: '2',
    });
    expect(figure(t.kpis[1]!, 'target')).toEqual([300, 2024]);
  });

  it('reads a header with group cells merged across columns (実績値 over three years)', () => {
    const grid = buildGrid(
      's',
      [
        ['指標', '実績値', '', '', '目標値', '進捗状況'],
        ['', 'H26', 'H28', 'H29', 'R1', ''],
        ['ふるさと応縁基金への寄附件数（元気発信課）', '372件', '2,920件', '4,542件', '2,000件', 'Ｓ'],
      ],
      { merges: ['A1:A2', 'B1:D1', 'F1:F2'] },
    );
    const t = detectKpiTables(grid).tables[0]!;
    expect(t.headerRows).toEqual({ top: 0, bottom: 1 });
    expect(roles(t)).toEqual([
      ['baseline', 2014],
      ['intermediate', 2016],
      ['current', 2017],
    ]);
    expect(t.columns.target).toEqual({ col: 4, year: 2019, header: '目標値 R1' });
    expect(figure(t.kpis[0]!, 'current')).toEqual([4542, 2017]);
  });

  it('takes the target column wherever it stands, also before the current value', () => {
    const grid = buildGrid('s', [
      ['指標名', '基準値\n(H26)', '目標値\n(H31)', '実績値\n(H29)', '判定'],
      ['結婚活動応援事業による成婚数（子育て支援課）', '17組', '30組以上', '27組', 'Ａ'],
    ]);
    const t = detectKpiTables(grid).tables[0]!;
    expect(t.columns.target.col).toBe(2);
    expect(roles(t)).toEqual([
      ['baseline', 2014],
      ['current', 2017],
    ]);
    expect(t.kpis[0]).toMatchObject({
      baseline: { col: 1, text: '17組' },
      current: { col: 3, text: '27組' },
      target: { col: 2 },
    });
  });

  it('orders values by year when the words disagree (現状値 meaning the value at planning time)', () => {
    const grid = buildGrid('s', [
      ['KPI', '実績値\n(H29)', '現状値\n(H26)', '実績値\n(H28)', '目標値\n(H31)', '達成度'],
      ['観光入込客数', '356万人', '372万人', '397万人', '450万人以上', 'Ｃ'],
    ]);
    const t = detectKpiTables(grid).tables[0]!;
    expect(t.columns.values.map((v) => [v.col, v.role])).toEqual([
      [1, 'current'],
      [2, 'baseline'],
      [3, 'intermediate'],
    ]);
    const k = t.kpis[0]!;
    expect(figure(k, 'baseline')).toEqual([372, 2014]);
    expect(figure(k, 'current')).toEqual([356, 2017]);
    expect(k.intermediates.map((c) => c.text)).toEqual(['397万人']);
  });

  it('takes the final target when there are an interim and a final one', () => {
    const grid = buildGrid('s', [
      ['指標', '基準値\n(R1)', '実績値\n(R4)', '目標値\n(R4)', '目標値\n(R6)', '評価'],
      ['健康寿命', '80歳', '81歳', '81歳', '82歳', 'A'],
    ]);
    expect(detectKpiTables(grid).tables[0]!.columns.target).toEqual({ col: 4, year: 2024, header: '目標値 (R6)' });
  });
});

describe('tables without a grade column (Kanazawa-style lists)', () => {
  it('is still a KPI table, and an info problem offers to add the column', () => {
    const grid = buildGrid(
      '金沢',
      [
        ['施策', '指標名', '基準値\n(H26)', '実績値\n(H30)', '目標値\n(R1)', '備考'],
        ['観光', '観光入込客数', '1,010万人', '1,043万人', '1,100万人', ''],
        ['', '外国人宿泊者数', '29万人', '57万人', '40万人', '※速報値'],
      ],
      { origin: 'A3' },
    );
    const { tables, problems } = detectKpiTables(grid);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.columns.grade).toBeUndefined();
    expect(tables[0]!.kpis.every((k) => k.gradeCell === undefined)).toBe(true);
    expect(names(tables)).toEqual(['観光入込客数', '外国人宿泊者数']);
    expect(rangeAddress(tables[0]!.range)).toBe('A3:F5');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'noGradeColumn', sheet: '金沢', cell: 'A3:F5', severity: 'info' });
  });
});

describe('several tables and other content on one sheet', () => {
  it('finds two KPI tables separated by text', () => {
    const grid = buildGrid('第2節', [
      ['基本的方向１ 地域で子育てを支援する'],
      ['No', '重要業績評価指標（ＫＰＩ）', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '達成状況'],
      ['1', '地域における子育て支援拠点施設（保育課）', '18か所', '21か所', '20か所以上', 'Ｓ'],
      ['2', 'ハッピーパートナー企業登録数（人権啓発・男女共同参画室）', '27社', '38社', '40社以上', 'Ａ'],
      ['ＫＰＩの達成に係る施策の主な取組と成果、課題と今後の展開'],
      [
        '主な取組と\n成果',
        '柏崎さくら保育園の子育て支援室を新たに加え、支援室２０か所、元気館ジャングルキッズと合わせて２１か所の子育て支援拠点施設で事業を実施した。',
      ],
      ['基本的方向２ 若者の出会いの場をつくる'],
      ['No', '重要業績評価指標（ＫＰＩ）', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '達成状況'],
      [
        '1',
        '婚姻の割合（25歳～39歳）（企画政策課）',
        '54.9％\n(H22 国調)',
        '53.5％\n(H27 国調)',
        '56.0%以上\n(H32 国調)',
        'Ｃ',
      ],
      ['2', '結婚活動応援事業による成婚数（子育て支援課）', '17組', '27組', '30組以上', 'Ａ'],
    ]);
    const { tables, problems } = detectKpiTables(grid);
    expect(problems).toEqual([]);
    expect(tables.map((t) => rangeAddress(t.range))).toEqual(['A2:F4', 'A8:F10']);
    expect(names(tables)).toEqual([
      '地域における子育て支援拠点施設',
      'ハッピーパートナー企業登録数',
      '婚姻の割合(25歳~39歳)',
      '結婚活動応援事業による成婚数',
    ]);
    expect(tables[1]!.kpis[0]!.target.year).toBe(2020);
  });

  it('ends a table at the next header even without a blank row between', () => {
    const grid = buildGrid('s', [
      ['指標', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '評価'],
      ['観光入込客数', '372万人', '356万人', '450万人以上', 'Ｃ'],
      ['指標', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '評価'],
      ['ふるさと応縁基金への寄附件数', '372件', '4,542件', '2,000件', 'Ｓ'],
    ]);
    const { tables } = detectKpiTables(grid);
    expect(tables.map((t) => rangeAddress(t.range))).toEqual(['A1:E2', 'A3:E4']);
  });

  it('leaves a budget table and a chart-data block beside a KPI table alone', () => {
    const grid = buildGrid('第1節', [
      ['基本的方向２ 地域産業の振興を更に進める', '', '', '', '', '', '', '', '製造品出荷額（グラフ）'],
      [
        '重要業績評価指標（ＫＰＩ）',
        '当初\n(H26)',
        '(H28)',
        '現状\n(H29)',
        '目標値\n(H31)',
        '達成\n状況',
        '',
        '',
        'H26',
        'H27',
        'H28',
        'H29',
      ],
      [
        '製造品出荷額における付加価値額（ものづくり振興課）',
        '720億円\n(H24)',
        '693億円\n(H26)',
        '665億円\n（H28）',
        '770億円\n以上',
        'Ｃ',
        '',
        '',
        '720',
        '700',
        '693',
        '665',
      ],
      [
        '観光入込客数（商業観光課）',
        '372万人',
        '397万人',
        '356万人',
        '450万人\n以上',
        'Ｃ',
        '',
        '',
        '372',
        '380',
        '397',
        '356',
      ],
      [],
      ['主な事業の予算'],
      ['事業名', '予算額', '決算額', '備考'],
      ['企業振興・立地促進事業', '120,000千円', '115,300千円', ''],
      ['インバウンド推進事業', '3,000千円', '2,870千円', '目標を上回る'],
      [],
      ['', 'H26', 'H27', 'H28', 'H29', 'H30', 'H31'],
      ['', '59.0%', '59.3%', '55.6%', '60.5%', '61.0%'],
      ['日程', '内容'],
      ['5月', '管内企業説明会（大学生等）'],
    ]);
    const { tables, problems } = detectKpiTables(grid);
    expect(problems).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(rangeAddress(tables[0]!.range)).toBe('A2:F4');
    expect(names(tables)).toEqual(['製造品出荷額における付加価値額', '観光入込客数']);
    const k = tables[0]!.kpis[0]!;
    expect(figure(k, 'baseline')).toEqual([720, 2012]);
    expect(figure(k, 'current')).toEqual([665, 2016]);
    expect(k.target.reading).toMatchObject({ kind: 'number', value: 770, unit: '億円', bound: 'ge' });
  });

  it('reads tables side by side, also when one starts lower than the other', () => {
    const grid = buildGrid('s', [
      ['指標', '当初', '現状', '目標値', '評価', '', '指標', '基準値', '実績値', '目標', '判定'],
      ['観光入込客数', '372万人', '356万人', '450万人', 'Ｃ', '', '成婚数', '17組', '27組', '30組', 'Ａ'],
      ['寄附件数', '372件', '4,542件', '2,000件', 'Ｓ', '', '', '', '', '', ''],
      ['転出超過数', '217人', '198人', '150人以下', 'Ｃ', '', 'KPI', '当初', '現状', '目標値', '評価'],
      ['定住率', '60.0%', '63.3%', '62.0%', 'Ａ', '', '支援拠点施設', '18か所', '21か所', '20か所', 'Ｓ'],
    ]);
    const { tables } = detectKpiTables(grid);
    expect(tables.map((t) => [rangeAddress(t.range), t.kpis.map((k) => k.name).join('、')])).toEqual([
      ['A1:E5', '観光入込客数、寄附件数、転出超過数、定住率'],
      ['G1:K2', '成婚数'],
      ['G4:K5', '支援拠点施設'],
    ]);
  });

  it('stops at chart data written right under the table without taking it for KPIs', () => {
    const grid = buildGrid('s', [
      ['指標', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '評価'],
      ['観光入込客数', '372万人', '356万人', '450万人以上', 'Ｃ'],
      ['', 'H26', 'H27', 'H28', 'H29'],
      ['', '372', '380', '397', '356'],
    ]);
    const { tables } = detectKpiTables(grid);
    expect(names(tables)).toEqual(['観光入込客数']);
    expect(tables[0]!.range.bottom).toBe(1);
  });

  it('does not take headings with 基本目標 or 数値目標 for headers', () => {
    const grid = buildGrid('基本目標1', [
      ['基本目標１', '地域産業の振興を図り雇用の場をつくる'],
      ['数値目標'],
      ['基本目標', '数値目標', '目標値の考え方'],
      ['指標', '基準値\n(H26)', '実績値\n(H29)', '目標値\n(H31)', '達成状況'],
      ['市内事業所の従業者数', '38,000人', '37,200人', '38,000人', 'Ｃ'],
    ]);
    const { tables } = detectKpiTables(grid);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.headerRows).toEqual({ top: 3, bottom: 3 });
    expect(names(tables)).toEqual(['市内事業所の従業者数']);
  });

  it('ends the table at a heading or free text after it', () => {
    const grid = buildGrid('s', [
      ['No', '指標', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '達成状況'],
      ['1', '観光入込客数（商業観光課）', '372万人', '356万人', '450万人以上', 'Ｃ'],
      ['ｓｓｓｓｓｓｓｓｓｓｓｓｓｓｓ'],
      ['ＫＰＩの達成に係る施策の主な取組と成果、課題と今後の展開'],
      ['1', '観光客の満足度', '80%', '85%', '90%', ''],
    ]);
    const { tables } = detectKpiTables(grid);
    expect(names(tables)).toEqual(['観光入込客数']);
    expect(tables[0]!.range.bottom).toBe(1);
  });
});

describe('rows merged in the body', () => {
  it('reads a KPI two sheet rows tall once, from the top-left of each merge', () => {
    const grid = buildGrid(
      's',
      [
        ['No', '重要業績評価指標（ＫＰＩ）', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '達成状況'],
        ['1', '若者の定住率\n（企画政策課）', '60.0％\n(H22 国調)', '63.3％\n(H27 国調)', '62.0%以上', 'Ａ'],
        [],
        [
          '2',
          '若者の転出超過数（企画政策課）',
          '217人',
          '198人',
          '150人以下',
          { text: 'Ｃ', value: 'Ｃ', formula: '=IF(D4<=E4,"Ｓ","Ｃ")' },
        ],
      ],
      { merges: ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:F3'] },
    );
    const { tables } = detectKpiTables(grid);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.kpis.map((k) => [k.row, k.name])).toEqual([
      [1, '若者の定住率'],
      [3, '若者の転出超過数'],
    ]);
    expect(tables[0]!.kpis[0]!.gradeCell).toEqual({ row: 1, col: 5, text: 'Ａ' });
    expect(tables[0]!.kpis[1]!.gradeCell).toEqual({ row: 3, col: 5, text: 'Ｃ', formula: '=IF(D4<=E4,"Ｓ","Ｃ")' });
    expect(rangeAddress(tables[0]!.range)).toBe('A1:F4');
  });

  it('takes notes written in the cells below the figures as part of them', () => {
    const grid = buildGrid(
      's',
      [
        ['No', '重要業績評価指標（ＫＰＩ）', '当初', '現状', '目標値', '達成状況'],
        ['', '', '(H26)', '(H29)', '(H31)', ''],
        ['1', '女性の就業率', '63.0％', '69.8％', '65.0%', 'Ｓ'],
        ['', '（企画政策課）', '(H22 国調)', '(H27 国調)', '(H32 国調)', ''],
        ['2', '観光入込客数（商業観光課）', '372万人', '356万人', '450万人', 'Ｃ'],
        ['', '', '', '', '以上', ''],
      ],
      { merges: ['A1:A2', 'B1:B2', 'F1:F2', 'A3:A4', 'F3:F4', 'A5:A6', 'B5:B6', 'F5:F6'] },
    );
    const { tables } = detectKpiTables(grid);
    const [women, visitors] = tables[0]!.kpis;
    expect(tables[0]!.kpis).toHaveLength(2);
    expect(women).toMatchObject({ row: 2, name: '女性の就業率', department: '企画政策課' });
    expect(figure(women!, 'baseline')).toEqual([63, 2010]);
    expect(figure(women!, 'target')).toEqual([65, 2020]);
    expect(women!.baseline!.text).toBe('63.0％');
    expect(visitors!.target.reading).toMatchObject({ value: 450, bound: 'ge' });
    expect(tables[0]!.range.bottom).toBe(5);
  });

  it('continues a name written over two rows while the figures are merged over both', () => {
    const grid = buildGrid(
      's',
      [
        ['指標', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '評価'],
        ['ものづくりマイスターカレッジ受講者の', '78人', '118人', '120人以上', 'Ａ'],
        ['技能検定合格者数（ものづくり振興課）', '', '', '', ''],
        ['柏崎リーダー塾の卒塾生の地域活動への参画者数', '0人', '24人', '20人以上', 'Ｓ'],
      ],
      { merges: ['B2:B3', 'C2:C3', 'D2:D3', 'E2:E3'] },
    );
    const kpis = detectKpiTables(grid).tables[0]!.kpis;
    expect(kpis.map((k) => [k.row, k.name, k.department])).toEqual([
      [1, 'ものづくりマイスターカレッジ受講者の技能検定合格者数', 'ものづくり振興課'],
      [3, '柏崎リーダー塾の卒塾生の地域活動への参画者数', undefined],
    ]);
  });

  it('reads a grade cell merged over two sub-rows from its top-left', () => {
    const grid = buildGrid(
      's',
      [
        ['No', '指標', '当初', '現状', '目標', '評価'],
        ['1', '市内就職率'],
        ['', '高校', '59.0％', '60.5％', '61.0％', 'Ｂ'],
        ['', '大学', '13.0％', '13.7％', '15.0％', ''],
      ],
      { merges: ['F3:F4'] },
    );
    const kpis = detectKpiTables(grid).tables[0]!.kpis;
    expect(kpis.map((k) => [k.name, k.gradeCell])).toEqual([
      ['市内就職率／高校', { row: 2, col: 5, text: 'Ｂ' }],
      ['市内就職率／大学', { row: 2, col: 5, text: 'Ｂ' }],
    ]);
  });
});

describe('sub-rows and labels', () => {
  it('keeps a sub-row whose figures are not in yet, and skips a short group label', () => {
    const grid = buildGrid('s', [
      ['No', '指標', '当初', '現状', '目標値', '評価'],
      ['【雇用】'],
      ['1', '新規学校卒業者の市内就職率'],
      ['', '市内高校', '59.0％', '60.5％', '61.0％', 'Ｂ'],
      ['', '市内大学', '', '', '', ''],
      ['2', '観光入込客数', '372万人', '356万人', '450万人', 'Ｃ'],
    ]);
    const kpis = detectKpiTables(grid).tables[0]!.kpis;
    expect(kpis.map((k) => [k.row, k.name, k.target.reading.kind])).toEqual([
      [3, '新規学校卒業者の市内就職率／市内高校', 'number'],
      [4, '新規学校卒業者の市内就職率／市内大学', 'missing'],
      [5, '観光入込客数', 'number'],
    ]);
  });

  it('does not take a unit column under the indicator header for sub-row labels', () => {
    const grid = buildGrid(
      's',
      [
        ['No', '指標名', '', '基準値', '実績値', '目標値', '評価'],
        ['1', '観光入込客数', '万人', '372', '356', '450', 'Ｃ'],
        ['2', '寄附件数', '件', '372', '4,542', '2,000', 'Ｓ'],
      ],
      { merges: ['B1:C1'] },
    );
    expect(names(detectKpiTables(grid).tables)).toEqual(['観光入込客数', '寄附件数']);
  });

  it('does not take a KPI whose cells hold only bracketed notes for notes of the row above', () => {
    const grid = buildGrid('s', [
      ['指標', '当初', '現状', '目標値', '評価'],
      ['観光入込客数', '372万人', '356万人', '450万人', 'Ｃ'],
      ['新しい指標', '(調査中)', '(調査中)', '(未定)', ''],
    ]);
    expect(names(detectKpiTables(grid).tables)).toEqual(['観光入込客数', '新しい指標']);
  });
});

describe('seed-like details', () => {
  it('keeps ※ notes and survey brackets, and a numbered row without figures is still a KPI', () => {
    const grid = buildGrid('第3節', [
      ['', '重要業績評価指標（ＫＰＩ）', '当初\n(H26)', '(H28)', '現状\n(H29)', '目標値\n(H31)', '達成\n状況'],
      [
        '１',
        '柏崎が好きと思う小中学生の割合（若者住みたい度調査）\n（企画政策課）※来年度以降調査予定',
        '81.3％',
        '－',
        '－',
        '85.0%以上',
        '－',
      ],
      [
        '２',
        '引き続き柏崎に住みたいと思う小中学生の割合（若者住み\nたい度調査）（企画政策課）※来年度以降調査予定',
        '40.9％',
        '－',
        '－',
        '50.0%以上',
        '－',
      ],
      ['３', '新設の指標（企画政策課）', '', '', '', '', ''],
    ]);
    const kpis = detectKpiTables(grid).tables[0]!.kpis;
    expect(kpis.map((k) => [k.number, k.name, k.department, k.note])).toEqual([
      ['１', '柏崎が好きと思う小中学生の割合(若者住みたい度調査)', '企画政策課', '※来年度以降調査予定'],
      ['２', '引き続き柏崎に住みたいと思う小中学生の割合(若者住みたい度調査)', '企画政策課', '※来年度以降調査予定'],
      ['３', '新設の指標', '企画政策課', undefined],
    ]);
    expect(kpis[0]!.current?.reading).toEqual({ kind: 'missing' });
    expect(kpis[2]!.target).toMatchObject({ text: '', reading: { kind: 'missing' }, year: 2019 });
  });

  it('splits the number from the name when No and indicator share a cell', () => {
    const grid = buildGrid('s', [
      ['重要業績評価指標（ＫＰＩ）', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '達成状況'],
      ['１ 女性の就業率（企画政策課）', '63.0％', '69.8％', '65.0%', 'Ｓ'],
      ['２ 新規学校卒業者の市内就職率（商業観光課）', '', '', '', ''],
      ['市内高校', '59.0％', '60.5％', '61.0％', 'Ｂ'],
      ['市内大学', '13.0％', '13.7％', '15.0％', 'Ｂ'],
    ]);
    const t = detectKpiTables(grid).tables[0]!;
    expect(t.columns.number).toBeUndefined();
    expect(t.kpis.map((k) => [k.number, k.name])).toEqual([
      ['1', '女性の就業率'],
      ['2', '新規学校卒業者の市内就職率／市内高校'],
      ['2', '新規学校卒業者の市内就職率／市内大学'],
    ]);
  });

  it('reads cells Excel holds as numbers with a percent format', () => {
    const grid = buildGrid('s', [
      ['指標', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '評価'],
      [
        '就業率',
        { text: '63.0%', value: 0.63, numberFormat: '0.0%' },
        { text: '', value: 0.698, numberFormat: '0.0%' },
        65,
        '',
      ],
    ]);
    const k = detectKpiTables(grid).tables[0]!.kpis[0]!;
    expect(k.baseline!.reading).toMatchObject({ kind: 'number', value: 63, unit: '%' });
    expect(k.current!.reading).toMatchObject({ kind: 'number', value: 69.8, unit: '%' });
    expect(k.target).toMatchObject({ text: '65', reading: { kind: 'number', value: 65 } });
    expect(k.gradeCell).toEqual({ row: 1, col: 4, text: '' });
  });
});

describe('sheets without KPI tables', () => {
  it('returns nothing for an empty sheet', () => {
    expect(detectKpiTables(buildGrid('空', []))).toEqual({ tables: [], problems: [] });
    expect(
      detectKpiTables({ name: 'sparse', rows: [undefined, [], [undefined, { text: '', value: null }]], merges: [] }),
    ).toEqual({
      tables: [],
      problems: [],
    });
  });

  it('returns nothing for a header without a body or without figures columns', () => {
    expect(scanSheet(buildGrid('s', [['指標', '当初\n(H26)', '目標値\n(H31)', '評価']])).tables).toEqual([]);
    expect(
      scanSheet(
        buildGrid('s', [
          ['指標', '担当課', '目標値', '評価'],
          ['観光入込客数', '商業観光課', '450万人', 'Ｃ'],
        ]),
      ).tables,
    ).toEqual([]);
  });

  it('ignores merges that point outside the sheet', () => {
    const grid = {
      ...buildGrid('s', [
        ['指標', '当初', '現状', '目標値'],
        ['観光入込客数', '372万人', '356万人', '450万人'],
      ]),
      merges: [
        { top: 5, left: 0, bottom: 2, right: 0 },
        { top: -1, left: 0, bottom: 0, right: 0 },
        { top: 0, left: 9, bottom: 1_000_000, right: 9 },
      ],
    };
    expect(names(scanSheet(grid).tables)).toEqual(['観光入込客数']);
  });
});
