/**
 * The KPI custom functions called as Excel calls them (every argument a matrix, a single
 * cell a 1×1 matrix), on the spec's examples and the seed report's rows (柏崎市 H29:
 * 当初 H26, 現状 H29, 目標 H31).
 */
import './customFunctionsGlobal';
import { afterEach, describe, expect, it } from 'vitest';
import { attain, expected, grade, nendo, rate, value } from '../../src/functions/functions';
import { connectWorkbookRule, refreshWorkbookRule } from '../../src/functions/ruleProvider';
import { column, expectCellError, NA, only, thrownBy, VALUE } from './helpers';

const one = (v: unknown): unknown[][] => [[v]];

afterEach(() => {
  connectWorkbookRule(undefined);
  refreshWorkbookRule({ gradeStyle: 'full' });
});

// ───────────────────────────── RATE ─────────────────────────────

describe('KPI.RATE (進捗率)', () => {
  it('reads the seed rows as written: 市内大学 13.0％ → 13.7％ → 15.0％ is 0.35', () => {
    expect(only(rate(one('13.0％'), one('13.7％'), one('15.0％')))).toBe(0.35);
  });

  it('takes the direction from the target: 440位 → 660位 against 300位以内 is negative', () => {
    const p = only(rate(one('440位'), one('660位'), one('300位以内'))) as number;
    expect(p).toBeCloseTo((660 - 440) / (300 - 440), 10);
    expect(p).toBeLessThan(0);
  });

  it('reads percent text with its bound and census notes: 63.0％ → 69.8％ → 65.0%以上 is 3.4', () => {
    expect(only(rate(one('63.0％'), one('69.8％'), one('65.0%以上')))).toBe(3.4);
    expect(only(rate(one('63.0％\n(H22 国調)'), one('69.8％\n(H27 国調)'), one('65.0%\n(H32 国調)')))).toBe(3.4);
  });

  it('reads counters, bounds and 未実施 (0): 30組以上, ２，９２０件', () => {
    expect(only(rate(one('10組'), one('20組'), one('30組以上')))).toBe(0.5);
    expect(only(rate(one('372件'), one('２，９２０件'), one('4,542件')))).toBeCloseTo((2920 - 372) / (4542 - 372), 10);
    expect(only(rate(one('未実施'), one('5件'), one('10件')))).toBe(0.5);
  });

  it('accepts plain values (a direct call) as single cells', () => {
    expect(only(rate('13.0％' as never, '13.7％' as never, '15.0％' as never))).toBe(0.35);
  });

  it('gives the same ratio for percent cells held as fractions (0.13 / 0.137 / 0.15)', () => {
    expect(only(rate(one(0.13), one(0.137), one(0.15)))).toBe(0.35);
  });

  it('reconciles a %-formatted number (0.698) with percent text (65.0%以上)', () => {
    expect(only(rate(one('63.0％'), one(0.698), one('65.0%以上')))).toBe(3.4);
    // A bare 16.0 in a % row is 16.0 %, as the ledger writes it (spec §2).
    expect(only(rate(one('13.0％'), one(16), one('15.0％')))).toBe(1.5);
  });

  it('takes a column of KPIs and gives a column of results', () => {
    const out = rate(column('59.0％', '13.0％', '440位'), column('60.5％', '13.7％', '660位'), column('61.0％', '15.0％', '300位以内'));
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual([0.75]);
    expect(out[1]).toEqual([0.35]);
    expect(out[2]![0]).toBeCloseTo(-1.5714285714, 9);
  });

  it('keeps the layout of a block of cells', () => {
    expect(rate([['10件', '0人'], ['10件', '0人']], [['15件', '5人'], ['20件', '10人']], [['20件', '10人'], ['20件', '20人']])).toEqual([
      [0.5, 0.5],
      [1, 0.5],
    ]);
  });

  it('stretches a single cell against a range', () => {
    const out = rate(column('10件', '20件', '30件'), column('55件', '60件', '70件'), one('110件'));
    expect(out).toEqual([[0.45], [0.4444444444444], [0.5]].map(([v]) => [expect.closeTo(v!, 10)]));
  });

  it('refuses ranges of different sizes with #VALUE! for the whole formula', () => {
    const e = thrownBy(() => rate(column('1', '2', '3'), column('1', '2'), one('5')));
    expectCellError(
      e,
      VALUE,
      '範囲の大きさがそろっていません（当初: 3行×1列、現状: 2行×1列）。同じ行数・列数の範囲か、1つのセルを指定してください。',
    );
    // A row against a column is a slip, not an outer product.
    expectCellError(thrownBy(() => rate(column('1', '2', '3'), [['2', '3', '4']], one('5'))), VALUE, /当初: 3行×1列、現状: 1行×3列/);
  });

  it('gives a bad cell its own error and computes the rest', () => {
    const out = rate(column('13.0％', '13.0％', '13.0％'), column('13.7％', '調査中', '14.0％'), one('15.0％'));
    expect(out[0]).toEqual([0.35]);
    expectCellError(
      out[1]![0],
      VALUE,
      '現状「調査中」を読み取れません（数値が見つからない）。63.0％、2,920件、300位以内 のように入力するか、値がなければ「－」にしてください。',
    );
    expect(out[2]).toEqual([0.5]);
  });

  it('passes an error value from an input cell through to its position', () => {
    const div0 = new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    const out = rate(column('10件', '10件'), column(div0, '15件'), one('20件'));
    expect(out[0]![0]).toBe(div0);
    expect(out[1]).toEqual([0.5]);
  });

  it('is #N/A with a message when there is no current value (－ or an empty cell)', () => {
    const msg = '現状に値がありません（空欄または「－」）。現状値が入ると進捗率を計算します。';
    expectCellError(only(rate(one('13.0％'), one('－'), one('15.0％'))), NA, msg);
    expectCellError(only(rate(one('13.0％'), one(null), one('15.0％'))), NA, msg);
    expectCellError(only(rate(one('13.0％'), one(''), one('15.0％'))), NA, msg);
  });

  it('is #N/A, saying why, when the engine has no progress rate', () => {
    expectCellError(only(rate(one('－'), one('13.7％'), one('15.0％'))), NA, '当初に値がないため、進捗率は計算できません（空欄または「－」）。');
    expectCellError(
      only(rate(one('80%'), one('85%'), one('80%'))),
      NA,
      '目標が当初と同じ値（80%）の維持目標のため、進捗率は計算できません。',
    );
    expectCellError(
      only(rate(one('95%'), one('85%'), one('90%以上'))),
      NA,
      '当初（95%）の時点で目標（90%以上）を満たしているため、進捗率は計算できません。',
    );
  });

  it('is #N/A for a state word as the current value, #VALUE! for a qualitative target', () => {
    expectCellError(only(rate(one('0件'), one('未着手'), one('10件'))), NA, '現状「未着手」は数値ではないため、進捗率は計算できません。');
    expectCellError(only(rate(one('未策定'), one('策定完了'), one('策定完了'))), VALUE, '目標「策定完了」は数値ではないため、進捗率は計算できません。');
  });

  it('is #VALUE! for a missing target, mixed units, TRUE/FALSE and other unusable input', () => {
    expectCellError(only(rate(one('10件'), one('12件'), one('－'))), VALUE, '目標に値がありません（空欄または「－」）。目標値を指定してください。');
    expectCellError(only(rate(one('100人'), one('120件'), one('150人'))), VALUE, /^単位がそろっていません（.*件.*）。同じ単位の値を指定してください。$/);
    expectCellError(only(rate(one(true), one('12件'), one('20件'))), VALUE, /^当初「TRUE」を読み取れません（エラー値または値ではない）。/);
    expectCellError(only(rate(one('10件'), one('10〜20件'), one('20件'))), VALUE, /^現状「10〜20件」を読み取れません（/);
    expectCellError(only(rate(one({ type: 'Entity' }), one('12件'), one('20件'))), VALUE, /^当初の値（object）は数値や文字ではないため/);
  });
});

// ───────────────────────────── ATTAIN ─────────────────────────────

describe('KPI.ATTAIN (達成率)', () => {
  it('is current ÷ target when higher is better', () => {
    expect(only(attain(one('69.8％'), one('65.0%以上')))).toBeCloseTo(69.8 / 65, 10);
    expect(only(attain(one('4,542件'), one('2,000件')))).toBe(2.271);
  });

  it('is target ÷ current for a rank or an upper bound', () => {
    expect(only(attain(one('660位'), one('300位以内')))).toBeCloseTo(300 / 660, 10);
    expect(only(attain(one('160人'), one('150人以下')))).toBe(0.9375);
  });

  it('agrees for fractions and percent text, and for a mix of the two', () => {
    expect(only(attain(one(0.698), one(0.65)))).toBeCloseTo(69.8 / 65, 10);
    expect(only(attain(one(0.698), one('65.0%以上')))).toBeCloseTo(69.8 / 65, 10);
  });

  it('works on ranges', () => {
    expect(attain(column('13.7％', '60.5％'), column('15.0％', '61.0％'))).toEqual([[expect.closeTo(13.7 / 15, 10)], [expect.closeTo(60.5 / 61, 10)]]);
  });

  it('is #N/A without a current value or when no ratio can be taken', () => {
    expectCellError(only(attain(one('－'), one('15.0％'))), NA, '現状に値がありません（空欄または「－」）。現状値が入ると達成率を計算します。');
    expectCellError(only(attain(one('0件'), one('0件以下'))), NA, '目標または現状が 0 以下のため、達成率は計算できません。');
  });

  it('is #VALUE! for unusable input', () => {
    expectCellError(only(attain(one('調査中'), one('15.0％'))), VALUE, /^現状「調査中」を読み取れません/);
    expectCellError(only(attain(one('10件'), one(''))), VALUE, '目標に値がありません（空欄または「－」）。目標値を指定してください。');
  });
});

// ───────────────────────────── EXPECTED ─────────────────────────────

describe('KPI.EXPECTED (目安値)', () => {
  it('is the straight-line value for the year: 63.0％ (H26) → 65.0% (H31), H29 is 64.2', () => {
    expect(only(expected(one('63.0％'), one('65.0%以上'), one(2014), one(2019), one(2017)))).toBe(64.2);
    expect(only(expected(one('13.0％'), one('15.0％'), one('H26'), one('R1'), one('平成29年度')))).toBe(14.2);
  });

  it('lets a year written in the cell win over the year argument (census years)', () => {
    expect(only(expected(one('63.0％\n(H22 国調)'), one('65.0%\n(H32 国調)'), one('H26'), one('H31'), one(2015)))).toBe(64);
  });

  it('stays at the baseline before the plan and at the target after it', () => {
    expect(only(expected(one('440位'), one('300位以内'), one(2014), one(2019), one(2010)))).toBe(440);
    expect(only(expected(one('440位'), one('300位以内'), one(2014), one(2019), one(2025)))).toBe(300);
  });

  it('answers in the form of the figures: percent text in percent, fractions in fractions', () => {
    expect(only(expected(one(0.63), one(0.65), one(2014), one(2019), one(2017)))).toBe(0.642);
    // A %-formatted baseline beside a target typed as text is read as the percent it shows.
    expect(only(expected(one(0.63), one('65.0%以上'), one(2014), one(2019), one(2017)))).toBe(64.2);
  });

  it('spreads over a row of years', () => {
    expect(expected(one('0件'), one('100件'), one(2015), one(2020), [[2016, 2017, 2018, 2019, 2020]])).toEqual([[20, 40, 60, 80, 100]]);
  });

  it('is #VALUE! for missing or unreadable years and a target year not after the baseline year', () => {
    expectCellError(only(expected(one('0件'), one('10件'), one(2015), one(2020), one(null))), VALUE, '年度がありません。2017 のような西暦か、H29・令和元年度 のように指定してください。');
    expectCellError(only(expected(one('0件'), one('10件'), one(null), one(2020), one(2017))), VALUE, /^当初年度がありません。/);
    expectCellError(
      only(expected(one('0件'), one('10件'), one(29), one(2020), one(2017))),
      VALUE,
      '当初年度「29」は年度として読み取れません。2017 のような西暦か、H29・令和元年度 のように指定してください。',
    );
    expectCellError(only(expected(one('0件'), one('10件'), one('来年'), one(2020), one(2017))), VALUE, /^当初年度「来年」は年度として読み取れません/);
    expectCellError(only(expected(one('0件'), one('10件'), one(2020), one(2015), one(2017))), VALUE, '目標年度（2015）が当初年度（2020）より後ではないため、目安値は計算できません。');
  });

  it('is #N/A without a baseline, #VALUE! for a qualitative target', () => {
    expectCellError(only(expected(one('－'), one('10件'), one(2015), one(2020), one(2017))), NA, '当初に値がないため、目安値は計算できません（空欄または「－」）。');
    expectCellError(only(expected(one('未策定'), one('策定完了'), one(2015), one(2020), one(2017))), VALUE, '目標「策定完了」は数値ではないため、目安値は計算できません。');
  });
});

// ───────────────────────────── VALUE ─────────────────────────────

describe('KPI.VALUE (セルの数値)', () => {
  it.each([
    ['２，９２０件', 2920],
    ['65.0%以上', 65],
    ['63.0％', 63],
    ['440位', 440],
    ['300位以内', 300],
    ['30組以上', 30],
    ['20か所\n以上', 20],
    ['720億円\n(H24)', 720],
    ['372万人', 372],
    ['未実施', 0],
    ['△5.0', -5],
  ])('%s → %d', (cell, n) => {
    expect(only(value(one(cell)))).toBe(n);
  });

  it('gives a number cell back as it is (a %-formatted 63.0% is 0.63)', () => {
    expect(only(value(one(0.63)))).toBe(0.63);
    expect(only(value(one(2920)))).toBe(2920);
  });

  it('reads a range', () => {
    expect(value(column('13.0％', '16.0', '－'))).toEqual([[13], [16], [expect.objectContaining({ code: NA })]]);
  });

  it('is #N/A for no figure, #VALUE! for a state word or an unreadable cell', () => {
    expectCellError(only(value(one('－'))), NA, 'セルに数値がありません（空欄または「－」）。');
    expectCellError(only(value(one(null))), NA, 'セルに数値がありません（空欄または「－」）。');
    expectCellError(only(value(one('策定完了'))), VALUE, 'セル「策定完了」は数値ではなく、状態を表す語です。');
    expectCellError(only(value(one('調査中'))), VALUE, /^セル「調査中」を読み取れません（数値が見つからない）。/);
    expectCellError(only(value(one('#DIV/0!'))), VALUE, /^セル「#DIV\/0!」を読み取れません（エラー値または値ではない）。/);
  });
});

// ───────────────────────────── NENDO ─────────────────────────────

describe('KPI.NENDO (年度; was KPI.FY, an id Excel does not register)', () => {
  it.each([
    ['H29', 2017],
    ['令和元年度', 2019],
    ['(H27 国調)', 2015],
    ['（Ｈ２７ 国調）', 2015],
    ['当初\n(H26)', 2014],
    ['平成26年度', 2014],
    ['R1', 2019],
    ['2024年度', 2024],
    ['63.0％\n(H22 国調)', 2010],
    ['2020件\n(H24)', 2012],
  ])('%s → %i', (cell, year) => {
    expect(only(nendo(one(cell)))).toBe(year);
  });

  it('takes a year number as it is', () => {
    expect(only(nendo(one(2017)))).toBe(2017);
  });

  it('reads a header row', () => {
    expect(nendo([['当初\n(H26)', '(H28)', '現状\n(H29)', '目標値\n(H31)']])).toEqual([[2014, 2016, 2017, 2019]]);
  });

  it('is #VALUE! when no year is written, #N/A for an empty cell', () => {
    expectCellError(only(nendo(one('当初'))), VALUE, '「当初」に年度が見つかりません。H29、令和元年度、2017年度 のように年度が書かれたセルを指定してください。');
    expectCellError(only(nendo(one(29))), VALUE, /^「29」に年度が見つかりません/);
    expectCellError(only(nendo(one(''))), NA, '年度のセルが空です。H29、令和元年度、2017年度 のように年度が書かれたセルを指定してください。');
  });
});

// ───────────────────────────── GRADE ─────────────────────────────

describe('KPI.GRADE (達成状況)', () => {
  const H26 = one('H26');
  const H29 = one(2017);
  const H31 = one('平成31年度');

  it('grades the seed rows by the standard rule, full-width as the official report', async () => {
    expect(only(await grade(one('13.0％'), one('13.7％'), one('15.0％'), H26, H29, H31))).toBe('Ｂ'); // 市内大学
    expect(only(await grade(one('59.0％'), one('60.5％'), one('61.0％'), H26, H29, H31))).toBe('Ａ'); // 市内高校 (published Ｂ)
    expect(only(await grade(one('440位'), one('660位'), one('300位以内'), H26, H29, H31))).toBe('Ｄ'); // 魅力度
    expect(only(await grade(one('372件'), one('4,542件'), one('2,000件'), H26, H29, H31))).toBe('Ｓ'); // 寄附件数
    expect(only(await grade(one('63.0％\n(H22 国調)'), one('69.8％\n(H27 国調)'), one('65.0%\n(H32 国調)'), H26, H29, H31))).toBe('Ｓ');
  });

  it('gives － for no current value and Ｅ for 未着手', async () => {
    expect(only(await grade(one('13.0％'), one('－'), one('15.0％'), H26, H29, H31))).toBe('－');
    expect(only(await grade(one('13.0％'), one(null), one('15.0％')))).toBe('－');
    expect(only(await grade(one('0件'), one('未着手'), one('10件'), H26, H29, H31))).toBe('Ｅ');
  });

  it('judges against the final target when years are left out', async () => {
    // t = 1: p = 0.35 is below 0.5·t, and not 10 % worse than the baseline → Ｃ.
    expect(only(await grade(one('13.0％'), one('13.7％'), one('15.0％')))).toBe('Ｃ');
  });

  it('uses the preset asked for, by id or by name', async () => {
    const args = [one('13.0％'), one('13.7％'), one('15.0％'), H26, H29, H31] as const;
    expect(only(await grade(...args, one('tassei')))).toBe('Ｂ'); // a = 0.913
    expect(only(await grade(...args, one('達成率')))).toBe('Ｂ');
    expect(only(await grade(...args, one('POINTS')))).toBe('６'); // 0.9 ≤ a < 1.0
    expect(only(await grade(...args, one('kijun')))).toBe('Ａ'); // better than the baseline
  });

  it('is #VALUE! for an unknown preset', async () => {
    expectCellError(
      only(await grade(one('13.0％'), one('13.7％'), one('15.0％'), H26, H29, H31, one('hoge'))),
      VALUE,
      '評価ルール「hoge」はありません。standard・kijun・tassei・pace・points・saiko・akiruno・tama・kitsuki・fukuoka のいずれかを指定するか、省略してブックに保存した評価ルールを使ってください。',
    );
  });

  it('grades a column with years written once, a bad row getting its own error', async () => {
    const out = await grade(
      column('13.0％', '59.0％', '440位', '0件'),
      column('13.7％', '調査中', '660位', '－'),
      column('15.0％', '61.0％', '300位以内', '10件'),
      H26,
      H29,
      H31,
    );
    expect(out[0]).toEqual(['Ｂ']);
    expectCellError(out[1]![0], VALUE, /^現状「調査中」を読み取れません/);
    expect(out[2]).toEqual(['Ｄ']);
    expect(out[3]).toEqual(['－']);
  });

  it('refuses ranges of different sizes', async () => {
    await expect(grade(column('1件', '2件'), column('1件', '2件', '3件'), one('5件'))).rejects.toMatchObject({
      code: VALUE,
      message: expect.stringMatching(/^範囲の大きさがそろっていません（当初: 2行×1列、現状: 3行×1列）/),
    });
  });

  it('is #VALUE! for figures the engine cannot use, #N/A where the rule gives no grade', async () => {
    expectCellError(only(await grade(one('10件'), one('12件'), one('－'))), VALUE, '目標値がないため評価できません。');
    expectCellError(only(await grade(one('100人'), one('120件'), one('150人'))), VALUE, /^単位がそろっていないため評価できません（/);
    expectCellError(only(await grade(one('10件'), one('12件'), one('20件'), one('H26'), one('29'), H31)), VALUE, /^現状年度「29」は年度として読み取れません/);
    expectCellError(
      only(await grade(one('10件'), one('中止'), one('20件'), H26, H29, H31)),
      NA,
      '現状値「中止」のため評価しません（中止・廃止）。この指標には評価を手入力してください。',
    );
    expectCellError(only(await grade(one('－'), one('12件'), one('20件'), H26, H29, H31, one('kijun'))), NA, /^基準値がないため基準値と比較できません/);
  });

  it('follows the rule saved in the workbook, and a built-in id still means the built-in', async () => {
    const saved = { ...(await import('../../src/core/presets')).BUILTIN_PRESETS.tassei, id: 'tassei-custom', name: '達成率（調整）' };
    let reads = 0;
    connectWorkbookRule({
      loadPreset: () => {
        reads++;
        return Promise.resolve(saved);
      },
    });
    const args = [one('13.0％'), one('13.7％'), one('15.0％'), H26, H29, H31] as const;
    expect(only(await grade(...args))).toBe('Ｂ'); // tassei: a = 0.913
    expect(only(await grade(...args, one('達成率（調整）')))).toBe('Ｂ');
    expect(only(await grade(...args, one('standard')))).toBe('Ｂ');
    expect(only(await grade(...args, one('pace')))).toBe('Ｂ'); // behind the line, not worse
    expect(reads).toBe(1);
  });

  it('writes half-width grades when the workbook uses them', async () => {
    refreshWorkbookRule({ gradeStyle: 'half' });
    expect(only(await grade(one('13.0％'), one('13.7％'), one('15.0％'), H26, H29, H31))).toBe('B');
    expect(only(await grade(one('13.0％'), one('－'), one('15.0％')))).toBe('-');
  });

  it('says so when the saved rule cannot be read, and still grades by a named built-in', async () => {
    connectWorkbookRule({ loadPreset: () => Promise.reject(new Error('設定を読めません')) });
    const args = [one('13.0％'), one('13.7％'), one('15.0％'), H26, H29, H31] as const;
    expectCellError(
      only(await grade(...args)),
      NA,
      'ブックに保存された評価ルールを読み込めませんでした（設定を読めません）。作業ウィンドウで評価ルールを確認するか、preset に standard などを指定してください。',
    );
    expect(only(await grade(...args, one('standard')))).toBe('Ｂ');
  });
});
