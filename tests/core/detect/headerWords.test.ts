import { describe, expect, it } from 'vitest';
import { mayHoldHeaderWord, readHeaderCell } from '../../../src/core/detect/headerWords';

describe('readHeaderCell: whole header words, years taken out (spec §1)', () => {
  it.each([
    ['重要業績評価指標（ＫＰＩ）', 'indicator'],
    ['重要業績評価指標(KPI)', 'indicator'],
    ['重要業績評価指標\n（ＫＰＩ）', 'indicator'],
    ['指標', 'indicator'],
    ['指標名', 'indicator'],
    ['成果指標', 'indicator'],
    ['数値目標', 'indicator'],
    ['KPI', 'indicator'],
    ['ｋｐｉ', 'indicator'],
    ['当初', 'baseline'],
    ['基準値', 'baseline'],
    ['基準', 'baseline'],
    ['策定時', 'baseline'],
    ['現状', 'current'],
    ['現状値', 'current'],
    ['実績', 'current'],
    ['実績値', 'current'],
    ['直近値', 'current'],
    ['目標値', 'target'],
    ['目標', 'target'],
    ['達成状況', 'grade'],
    ['達成\n状況', 'grade'],
    ['評価', 'grade'],
    ['進捗状況', 'grade'],
    ['達成度', 'grade'],
    ['判定', 'grade'],
    ['No', 'number'],
    ['No.', 'number'],
    ['Ｎｏ．', 'number'],
    ['番号', 'number'],
    ['項番', 'number'],
    ['指標名（単位）', 'indicator'],
    ['担当課', 'department'],
    // Decorated headers (issue 8): the role word inside a longer cell.
    ['主なKPI', 'indicator'],
    ['重要業績指標(KPI)', 'indicator'], // 多摩市
    ['現在値', 'current'], // 長与町 (令和元年度の現在値)
    ['指標名及び単位', 'indicator'], // 佐野市 事務事業実績評価表
    ['24年度実績', 'current'], // a year without its era: the word is read
    ['28年度見込み', 'forecast'],
    ['現況値', 'current'], // 三重県 社会資本総合整備計画
    ['中間目標値', 'target'],
    ['最終目標値', 'target'],
    ['目標達成度', 'grade'],
    ['主な指標', 'indicator'],
    ['KPI項目', 'indicator'],
    ['成果指標名', 'indicator'],
    ['KPI（平成32年3月まで）', 'indicator'],
    ['R5実績', 'current'],
    ['令和5年度末実績', 'current'],
    ['最終目標(R11)', 'target'],
    ['中間目標', 'target'],
    // Words with a meaning of their own.
    ['見込', 'forecast'],
    ['見込値', 'forecast'],
    ['実績見込', 'forecast'],
    ['目安値', 'expected'],
    ['進捗区分', 'grade'],
    ['評価区分', 'grade'],
    ['達成区分', 'grade'],
    ['進捗度', 'grade'],
    ['総合評価', 'grade'],
    ['前年度評価', 'previousGrade'],
    ['前回評価', 'previousGrade'],
    ['単位', 'unit'],
    ['方向', 'direction'],
    ['方向性', 'direction'],
    ['目指す方向', 'direction'],
    ['年度', 'year'],
    ['時点', 'year'],
    ['進捗率', 'officeRate'],
    ['達成率（％）', 'officeRate'],
    ['備考', 'note'],
    ['出典', 'note'],
    ['算出方法', 'note'],
    ['説明', 'note'],
    ['要因分析', 'note'],
    ['課題', 'note'],
    ['今後の方向性', 'note'],
    ['今後の取組', 'note'],
    ['増減', 'change'],
    ['前年比', 'change'],
    ['増減（R5−R4）', 'change'],
  ])('%s → %s', (text, role) => {
    expect(readHeaderCell(text)?.role).toBe(role);
    // The cheap stem test before it must let every header word through.
    expect(mayHoldHeaderWord(text)).toBe(true);
  });

  it.each([
    ['当初\n(H26)', 'baseline', 2014],
    ['当初 （H26）', 'baseline', 2014],
    ['現状\nH29', 'current', 2017],
    ['基準値\n平成26年度', 'baseline', 2014],
    ['実績値（2023年度）', 'current', 2023],
    ['目標値\n(R1)', 'target', 2019],
    ['目標値\n令和元年度', 'target', 2019],
    ['令和6年度目標', 'target', 2024],
    ['目標値 2024', 'target', 2024],
  ])('%s → %s in %i', (text, role, year) => {
    expect(readHeaderCell(text)).toEqual({ role, year });
  });

  it.each([
    ['(H28)', 2016],
    ['（H28）', 2016],
    ['H28', 2016],
    ['平成28年度', 2016],
    ['2014年度', 2014],
    ['R1', 2019],
    ['令和元年度', 2019],
    ['2024', 2024],
  ])('a year alone, %s, is a header cell without a word', (text, year) => {
    expect(readHeaderCell(text)).toEqual({ year });
  });

  it.each([
    '基本目標', // a heading above the table, not the target column
    '基本目標１ 地域産業の振興を図り雇用の場をつくる',
    '数値目標の達成状況',
    '重要業績評価指標（ＫＰＩ）の達成状況',
    '女性の生産年齢人口における就業率（企画政策課）',
    '63.0％',
    '(H22 国調)',
    '',
    '１',
    'ＫＰＩの達成に係る施策の主な取組と成果、課題と今後の展開',
  ])('%s is no header cell', (text) => {
    expect(readHeaderCell(text)).toBeUndefined();
  });

  it.each([
    ['基準年度', 'baseline'],
    ['目標年度', 'target'],
    ['現状年度', 'current'],
    ['年度', 'beside'],
    ['時点', 'beside'],
  ])('the year column %s gives the year of the %s value', (text, of) => {
    expect(readHeaderCell(text)).toEqual({ role: 'year', yearOf: of });
  });

  it.each([
    ['実績値（R5年度）', 'current', 2023],
    ['目標値（R9）', 'target', 2027],
    ['令和5年度末実績', 'current', 2023],
    ['最終目標(R11)', 'target', 2029],
  ])('a decorated %s → %s in %i', (text, role, year) => {
    expect(readHeaderCell(text)).toEqual({ role, year });
  });

  it('tells the office rate it holds', () => {
    expect(readHeaderCell('進捗率')).toEqual({ role: 'officeRate', rate: 'progress' });
    expect(readHeaderCell('達成率')).toEqual({ role: 'officeRate', rate: 'attainment' });
  });

  it.each(['基本目標１', '基本目標１ 地域産業の振興', '主な取組の成果', '指標の達成に向けて', '目標値の考え方', '評価指標の達成状況'])(
    'a heading or sentence, %s, is still no header cell',
    (text) => {
      expect(readHeaderCell(text)).toBeUndefined();
    },
  );

  it('never mistakes 目標 inside 数値目標 or 評価 inside 重要業績評価指標', () => {
    expect(readHeaderCell('数値目標')?.role).toBe('indicator');
    expect(readHeaderCell('重要業績評価指標')?.role).toBe('indicator');
  });
});

describe('mayHoldHeaderWord', () => {
  it('lets every header word through and stops plain figures', () => {
    for (const w of [
      '重要業績評価指標（ＫＰＩ）',
      '当初',
      '現状',
      '目標値',
      '達成\n状況',
      'Ｎｏ',
      '番号',
      '策定時',
      '直近値',
      '判定',
    ]) {
      expect(mayHoldHeaderWord(w)).toBe(true);
    }
    for (const w of ['63.0％', '372万人', 'Ｓ', '(H28)', '市内高校']) expect(mayHoldHeaderWord(w)).toBe(false);
  });
});

describe('the stem prefilter never hides a header phrase (fast path held to readHeaderCell)', () => {
  // Header phrases composed as officers decorate them: prefix, role word, suffix, a year, an aside.
  const PREFIXES = ['', '主な', '主要', '最終', '中間', '令和5年度末', 'R5', '前年度', '前回', '目指す', '基準', '目標', '総合', '実績'];
  const WORDS = [
    'KPI', 'ＫＰＩ', '指標', '重要業績評価指標', '成果指標', '数値目標', '当初', '基準', '策定時', '現状', '実績', '直近', '最新', '見込',
    '目標', '目安', '達成', '評価', '進捗', '判定', '単位', '方向', '年度', '時点', '年', '備考', '出典', '算出方法', '説明', '要因分析',
    '課題', '今後の方向性', '今後の取組', '増減', '前年比', '番号', 'No', '担当課', '所管課',
  ];
  const SUFFIXES = ['', '名', '項目', '値', '状況', '区分', '率', '度', '見込', '実績', '評価', '結果', '年度'];
  const ASIDES = ['', '（単位）', '(R9)', '（H26）', '\n(H31)', ' 2024', '（％）', '（平成32年3月まで）'];
  it('for every composed phrase that reads as a header word (all combinations)', () => {
    const hidden: string[] = [];
    let read = 0;
    for (const p of PREFIXES)
      for (const w of WORDS)
        for (const s of SUFFIXES)
          for (const a of ASIDES) {
            const text = `${p}${w}${s}${a}`;
            if (readHeaderCell(text)?.role === undefined) continue;
            read++;
            if (!mayHoldHeaderWord(text)) hidden.push(text);
          }
    expect(hidden).toEqual([]);
    expect(read).toBeGreaterThan(1000);
  });
});
