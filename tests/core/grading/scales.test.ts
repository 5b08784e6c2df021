/**
 * The cities' own published scales (method 'scale'), each on examples worked by hand from its
 * source's wording (README "Presets and their sources"), boundaries included. The arithmetic is
 * in the comments: 進捗率 p = (C − B)/(T − B), 経過率 t = (yC − yB)/(yT − yB), 達成率 a = C/T.
 */
import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../../../src/core/cellValue';
import { gradeColours } from '../../../src/core/colours';
import { evaluateWorkbook } from '../../../src/core/evaluate';
import { gradeValues } from '../../../src/core/grade';
import { readGradeCode, toGradeText } from '../../../src/core/gradeText';
import { BUILTIN_PRESETS, copyPreset, parsePreset } from '../../../src/core/presets';
import type { CellReading, Preset } from '../../../src/core/types';
import { input, num, state } from './helpers';

const grade = (
  p: Preset,
  b: CellReading | undefined,
  c: CellReading | undefined,
  t: CellReading,
  years: { b?: number; c?: number; t?: number } = { b: 2014, c: 2017, t: 2019 },
  name = '',
) =>
  gradeValues(
    { baseline: b && input(b, years.b), current: c && input(c, years.c), target: input(t, years.t) },
    p,
    { sheet: 's', kpi: name },
  ).outcome;

const { saiko, akiruno, tama, kitsuki, fukuoka } = BUILTIN_PRESETS;

describe('日本再興戦略 KPI follow-up: A progress ≥ share elapsed, B behind, F action KPI, N no data', () => {
  // B 40 (2014) → T 50 (2019), current in 2017: t = 3/5 = 0.6.
  it('A exactly at the share of the period elapsed (≥), B just below it', () => {
    expect(grade(saiko, num(40), num(46), num(50)).grade).toBe('A'); // p = 6/10 = 0.6 = t
    expect(grade(saiko, num(40), num(45.9), num(50)).grade).toBe('B'); // p = 0.59 < 0.6
    expect(grade(saiko, num(40), num(51), num(50)).grade).toBe('A'); // target met
    expect(grade(saiko, num(40), num(35), num(50)).grade).toBe('B'); // worse than the start is still "behind": no C
  });
  it('pace at year 0 and after the final year', () => {
    // year 0: t = 0, C = B → p = 0 ≥ 0 → A
    expect(grade(saiko, num(40), num(40), num(50), { b: 2014, c: 2014, t: 2019 }).grade).toBe('A');
    // 2021 is after 2019: t = 7/5 clamped to 1; C 49 → p = 0.9 < 1 → B
    expect(grade(saiko, num(40), num(49), num(50), { b: 2014, c: 2021, t: 2019 }).grade).toBe('B');
  });
  it('N without data, F when the action itself is the KPI, N for 評価困難', () => {
    expect(grade(saiko, num(40), undefined, num(50)).grade).toBe('N');
    const f = grade(saiko, state('notDone', '未策定'), state('notDone', '未策定'), state('done', '策定完了'));
    expect(f.grade).toBe('F');
    expect(f.reason).toBe('目標が施策の実施そのもの（数値の目標ではない）→ Ｆ 施策の実行自体がKPI');
    expect(grade(saiko, undefined, undefined, state('done', '策定完了')).grade).toBe('F');
    expect(grade(saiko, num(40), state('hardToEvaluate', '評価困難'), num(50)).grade).toBe('N');
    expect(grade(saiko, num(40), state('cancelled', '中止'), num(50)).grade).toBeNull();
  });
});

describe('あきる野市: F 完了 · S 目標値以上 · A 目標値どおり · B 半分程度 · C 半分程度以下 · X/Y/Z', () => {
  // B 40 → T 50, t = 0.6 (as above).
  it('S when the target is met, A on the line, B from half the line, C below', () => {
    expect(grade(akiruno, num(40), num(50), num(50)).grade).toBe('S'); // C = T
    expect(grade(akiruno, num(40), num(46), num(50)).grade).toBe('A'); // p 0.6 ≥ 1 × 0.6
    expect(grade(akiruno, num(40), num(43), num(50)).grade).toBe('B'); // p 0.3 ≥ 0.5 × 0.6 = 0.3 exactly
    expect(grade(akiruno, num(40), num(42.9), num(50)).grade).toBe('C'); // p 0.29 < 0.3
  });
  it('the state words as the city codes them', () => {
    const st = (s: Parameters<typeof state>[0], text: string) => grade(akiruno, num(40), state(s, text), num(50));
    expect(st('done', '完了').grade).toBe('F');
    expect(st('notStarted', '未着手').grade).toBe('X');
    const y = st('cancelled', '中止');
    expect(y.grade).toBe('Y');
    expect(y.reason).toBe('現状値「中止」→ Ｙ 中止');
    expect(st('hardToEvaluate', '評価困難').grade).toBe('Z');
    expect(grade(akiruno, num(40), undefined, num(50)).grade).toBe('Z'); // no figure: 評価困難
  });
});

describe('多摩市: 20 % of the distance per year; ① ≥ 100 % of it, ② ≥ 60 %, ③ below', () => {
  // B 100 (2014) → T 200 (2019): distance 100.
  it('year 1 expects 20 %: the boundaries of ① and ②', () => {
    const y1 = { b: 2014, c: 2015, t: 2019 };
    expect(grade(tama, num(100), num(120), num(200), y1).grade).toBe('①'); // p 0.2 ≥ 1 × 0.2
    expect(grade(tama, num(100), num(119), num(200), y1).grade).toBe('②'); // p 0.19 < 0.2, ≥ 0.6 × 0.2 = 0.12
    expect(grade(tama, num(100), num(112), num(200), y1).grade).toBe('②'); // p 0.12 = 0.12 exactly
    expect(grade(tama, num(100), num(111.9), num(200), y1).grade).toBe('③'); // p 0.119 < 0.12
  });
  it('says the expected share in the reason', () => {
    // year 3: 3 × 20 % = 60 %; C 150 → p 0.5 < 0.6, ≥ 0.36 → ②
    const o = grade(tama, num(100), num(150), num(200), { b: 2014, c: 2017, t: 2019 });
    expect(o.grade).toBe('②');
    expect(o.reason).toBe('進捗率 50%（目安 60%＝毎年 20% × 3年）→ ② 概ね進んでいる');
  });
  it('is not the straight line when the plan is not five years', () => {
    // B 2014 → T 2018 (4 years), current 2016: the line asks t = 2/4 = 0.5, 20 %/year asks 0.4.
    // C 140 → p 0.4: ① by 20 %/year (0.4 ≥ 0.4); the straight line would ask 0.5.
    expect(grade(tama, num(100), num(140), num(200), { b: 2014, c: 2016, t: 2018 }).grade).toBe('①');
  });
  it('pace at year 0 and after the final year', () => {
    // year 0 expects 0: C = B → p 0 ≥ 0 → ①; a fall → p −0.01 < 0 → ③
    expect(grade(tama, num(100), num(100), num(200), { b: 2014, c: 2014, t: 2019 }).grade).toBe('①');
    expect(grade(tama, num(100), num(99), num(200), { b: 2014, c: 2014, t: 2019 }).grade).toBe('③');
    // 2021: 7 × 20 % = 140 % → at most 100 %; C 190 → p 0.9 ≥ 0.6 → ②
    expect(grade(tama, num(100), num(190), num(200), { b: 2014, c: 2021, t: 2019 }).grade).toBe('②');
  });
  it('without the baseline year, judges against the final target and says so', () => {
    // expected 1; C 150 → p 0.5 < 0.6 → ③
    const o = grade(tama, num(100), num(150), num(200), { c: 2017, t: 2019 });
    expect(o.grade).toBe('③');
    expect(o.reason).toContain('年度不明のため最終目標で判定');
  });
});

describe('杵築市: A ≥ 100 %, B ≥ 80 %, C and D at the city\'s line (0.5 here)', () => {
  it('boundaries of 達成率', () => {
    expect(grade(kitsuki, num(0), num(100), num(100)).grade).toBe('A'); // a = 1.0
    expect(grade(kitsuki, num(0), num(99.9), num(100)).grade).toBe('B'); // a = 0.999
    expect(grade(kitsuki, num(0), num(80), num(100)).grade).toBe('B'); // a = 0.8 exactly
    expect(grade(kitsuki, num(0), num(79.9), num(100)).grade).toBe('C'); // a = 0.799
    expect(grade(kitsuki, num(0), num(49.9), num(100)).grade).toBe('D'); // a = 0.499
    // lower is better: a = T / C = 10 / 12.5 = 0.8 → B
    expect(grade(kitsuki, num(20, '件'), num(12.5, '件'), num(10, '件', { bound: 'le' })).grade).toBe('B');
  });
  it('a city moves the C line in a copy', () => {
    const mine = parsePreset({ ...copyPreset(kitsuki, 'k2', '杵築（自分用）'), steps: [{ code: 'A', min: 1 }, { code: 'B', min: 0.8 }, { code: 'C', min: 0.6 }] });
    expect(mine.ok).toBe(true);
    // a = 0.55: C at the 0.5 line, D at the 0.6 line
    expect(grade(kitsuki, num(0), num(55), num(100)).grade).toBe('C');
    expect(mine.ok && grade(mine.preset, num(0), num(55), num(100)).grade).toBe('D');
  });
});

describe('福岡市: a on pace, b improved or unchanged, c worse; survey items ±3 points = 現状維持', () => {
  // t = 0.6 (2014 → 2017 of 2014 → 2019)
  it('an indicator that is no survey item', () => {
    const g = (c: number) => grade(fukuoka, num(100, '万人'), num(c, '万人'), num(200, '万人'), undefined, '観光客数').grade;
    expect(g(160)).toBe('a'); // p 0.6 ≥ 0.6
    expect(g(101)).toBe('b'); // improved, behind the pace
    expect(g(100)).toBe('b'); // unchanged
    expect(g(99)).toBe('c'); // d = 1/100 > 0
  });
  it('a survey item recognised from its unit and name: the band edge is outside (「±3未満」)', () => {
    // B 50.0 % → T 60.0 %
    const g = (c: number) => grade(fukuoka, num(50, '%'), num(c, '%'), num(60, '%'), undefined, '市民満足度').grade;
    const inBand = grade(fukuoka, num(50, '%'), num(47.5, '%'), num(60, '%'), undefined, '市民満足度');
    expect(inBand.grade).toBe('b'); // |47.5 − 50| = 2.5 < 3
    expect(inBand.reason).toBe(
      '変動 -2.5ポイントは ±3ポイント未満のため現状維持（50.0% → 47.5%、単位と指標名の「満足度」から調査項目と判断）→ ｂ 改善または現状維持',
    );
    expect(g(47)).toBe('c'); // |−3.0| is not < 3: a fall, d = 3/50 > 0
    expect(g(52.9)).toBe('b'); // +2.9 < 3: band
    expect(grade(fukuoka, num(50, '%'), num(52.9, '%'), num(60, '%'), undefined, '市民満足度').reason).toMatch(/^変動 \+2.9ポイントは/);
    expect(g(53)).toBe('b'); // +3.0: no band; p = 3/10 = 0.3 < 0.6 → b by the pace
    expect(g(56)).toBe('a'); // p = 0.6
    expect(g(60)).toBe('a'); // met
    // the unit says it is no share: no band, a fall is c
    expect(grade(fukuoka, num(50, '万人'), num(49, '万人'), num(60, '万人'), undefined, '観光客の割合').grade).toBe('c');
  });
  it('a survey item marked by the officer, whatever its unit', () => {
    const marked = parsePreset({ ...copyPreset(fukuoka, 'f2', '福岡（指定）'), survey: { points: 3, code: 'b', recognise: false, items: ['転入者数'] } });
    expect(marked.ok).toBe(true);
    if (!marked.ok) return;
    const o = grade(marked.preset, num(1000, '人'), num(998, '人'), num(1100, '人'), undefined, '転入者数');
    expect(o.grade).toBe('b'); // |−2| < 3
    expect(o.reason).toContain('調査項目として指定');
    // recognise off: 満足度 alone does not make it one → a fall of 2 points is c
    expect(grade(marked.preset, num(50, '%'), num(48, '%'), num(60, '%'), undefined, '市民満足度').grade).toBe('c');
  });
});

describe('relational targets: 「基準値を上回る」「現状維持」「増加」「減少」', () => {
  it('are read by the cell grammar', () => {
    expect(parseCellValue('基準値を上回る')).toEqual({ kind: 'relation', relation: 'up', text: '基準値を上回る' });
    expect(parseCellValue('増加')).toMatchObject({ kind: 'relation', relation: 'up' });
    expect(parseCellValue('現状より減少')).toMatchObject({ kind: 'relation', relation: 'down' });
    expect(parseCellValue('基準値を下回る')).toMatchObject({ kind: 'relation', relation: 'down' });
    expect(parseCellValue('現状維持')).toMatchObject({ kind: 'relation', relation: 'keep' });
    expect(parseCellValue('基準値以上')).toMatchObject({ kind: 'relation', relation: 'keep' });
    expect(parseCellValue('（基準値を上回る）')).not.toMatchObject({ kind: 'relation' }); // only a note
    expect(parseCellValue('現状')).toMatchObject({ kind: 'unreadable' }); // a heading word, no relation
    expect(parseCellValue('65.0%を維持')).toMatchObject({ kind: 'number', value: 65 }); // a figure stays a figure
  });
  it('are graded by comparing with the baseline, in every preset', () => {
    const up = parseCellValue('基準値を上回る');
    const s = grade(BUILTIN_PRESETS.standard, num(50, '%'), num(52, '%'), up);
    expect(s.grade).toBe('S'); // 52 > 50
    expect(s.reason).toBe('目標「基準値を上回る」を達成（52% > 基準値 50%）→ Ｓ 早い');
    expect(grade(BUILTIN_PRESETS.standard, num(50, '%'), num(50, '%'), up).grade).toBe('C'); // 50 is not > 50; d = 0 ≤ 0.1
    expect(grade(BUILTIN_PRESETS.kijun, num(50, '%'), num(50, '%'), up).grade).toBe('B'); // 同水準
    const inc = parseCellValue('増加');
    expect(grade(fukuoka, num(100), num(101), inc).grade).toBe('a');
    expect(grade(fukuoka, num(100), num(100), inc).grade).toBe('b');
    expect(grade(fukuoka, num(100), num(99), inc).grade).toBe('c');
    expect(grade(BUILTIN_PRESETS.pace, num(100, '件'), num(90, '件'), parseCellValue('減少')).grade).toBe('A'); // 90 < 100
    // 現状維持 of a survey item: met at ≥ 50; 48 is a fall of 2 < 3 → b; 46 is c
    const keep = parseCellValue('現状維持');
    expect(grade(fukuoka, num(50, '%'), num(50, '%'), keep, undefined, '満足度').grade).toBe('a');
    expect(grade(fukuoka, num(50, '%'), num(48, '%'), keep, undefined, '満足度').grade).toBe('b');
    expect(grade(fukuoka, num(50, '%'), num(46, '%'), keep, undefined, '満足度').grade).toBe('c');
  });
  it('need a baseline, and say so', () => {
    const r = gradeValues({ current: input(num(52)), target: input(parseCellValue('基準値を上回る'), undefined, 'F7') }, BUILTIN_PRESETS.standard, { sheet: '第1節', kpi: '満足度' });
    expect(r.outcome.grade).toBeNull();
    expect(r.problems.map((p) => [p.code, p.cell])).toEqual([['relationNoBaseline', 'F7']]);
    expect(r.problems[0]!.message).toContain('基準値を入力してください');
  });
});

describe('codes as written, and colours by rank', () => {
  it('writes the city\'s code in the column\'s width', () => {
    expect(toGradeText('a', 'full')).toBe('ａ');
    expect(toGradeText('N', 'full')).toBe('Ｎ');
    expect(toGradeText('①', 'full')).toBe('①');
    expect(toGradeText('a', 'half')).toBe('a');
  });
  it('colours ranked grades along the ramp, states grey, no colour for no data', () => {
    const f = gradeColours(fukuoka);
    expect([f.a?.fill, f.b?.fill, f.c?.fill]).toEqual(['#1F3A93', '#FFE699', '#C0392B']); // dark blue, yellow, red
    expect(f['-']).toBeUndefined();
    const a = gradeColours(akiruno);
    expect(['F', 'S', 'A', 'B', 'C'].map((c) => a[c]?.fill)).toEqual(['#1F3A93', '#1B7F3B', '#B8E0B0', '#FFE699', '#C0392B']);
    expect(a.X?.fill).toBe('#BFBFBF');
    expect(a.Y?.fill).toBe('#BFBFBF');
    expect(a.Z).toBeUndefined(); // 評価困難 is also "no figure": uncoloured like －
    expect(gradeColours(saiko).F?.fill).toBe('#DDE3EA');
  });
  it('dark text on every light fill, white on every dark one (readable in print)', () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const p of [saiko, akiruno, tama, kitsuki, fukuoka]) {
      for (const c of Object.values(gradeColours(p))) {
        const [hi, lo] = [lum(c!.fill), lum(c!.fontColor)].sort((x, y) => y - x);
        expect((hi! + 0.05) / (lo! + 0.05)).toBeGreaterThanOrEqual(4.5); // WCAG AA
      }
    }
  });
});

describe('a rule saved in today\'s shape still loads and grades unchanged', () => {
  it('a standard copy as the pane saved it before city scales existed', () => {
    const saved =
      '{"id":"standard-custom","name":"按分進捗 7段階（調整）","nameEn":"Pro-rata progress, 7 grades (adjusted)","source":"利用者作成（もと: 按分進捗 7段階／柏崎市 まち・ひと・しごと創生総合戦略 進行管理（平成29年度））","method":"standard","thresholds":{"met":1,"onPace":1,"roughly":0.4,"worse":0.1},"labels":{"S":{"meaning":"早い","meaningEn":"Ahead"},"A":{"meaning":"順調","meaningEn":"On track"},"B":{"meaning":"おおむね順調","meaningEn":"Mostly on track"},"C":{"meaning":"やや遅れている","meaningEn":"Slightly behind"},"D":{"meaning":"遅れている","meaningEn":"Behind"},"E":{"meaning":"未着手","meaningEn":"Not started"},"-":{"meaning":"実施時期未到来","meaningEn":"Not yet due"}}}';
    const r = parsePreset(saved);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.preset).toEqual(JSON.parse(saved));
    // B 40 → T 50, t = 0.6: C 42.5 → p 0.25 ≥ 0.4 × 0.6 = 0.24 → Ｂ (the builtin's 0.5 × 0.6 = 0.3 would give Ｃ)
    expect(grade(r.preset, num(40), num(42.5), num(50)).grade).toBe('B');
    expect(grade(BUILTIN_PRESETS.standard, num(40), num(42.5), num(50)).grade).toBe('C');
  });
});

describe('typed codes are read as the scale writes them', () => {
  it('in either width and case, a dash only where the scale has one', () => {
    const codes = ['a', 'b', 'c', '-'];
    expect(readGradeCode('ａ', codes)).toBe('a');
    expect(readGradeCode(' B ', codes)).toBe('b'); // one code whatever the case
    expect(readGradeCode('－', codes)).toBe('-');
    expect(readGradeCode('－', ['A', 'B', 'N'])).toBeUndefined();
    expect(readGradeCode('1', ['①', '②'])).toBe('①'); // NFKC: ① = 1
    expect(readGradeCode('a', ['A', 'a'])).toBe('a'); // exact first when both cases exist
    expect(readGradeCode('済', codes)).toBeUndefined();
  });
  it('the evaluation lists the scale\'s grades best first', () => {
    expect(evaluateWorkbook([], fukuoka).gradeKeys).toEqual(['a', 'b', 'c', '-']);
  });
});
