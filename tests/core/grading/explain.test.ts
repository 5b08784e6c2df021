import { describe, expect, it } from 'vitest';
import { percent } from '../../../src/core/explain';
import { gradeFigures, gradeValues } from '../../../src/core/grade';
import type { KpiFigures, Preset } from '../../../src/core/types';
import { builtin, input, num, state, unreadable } from './helpers';

const std = builtin('standard') as Extract<Preset, { method: 'standard' }>;
const Y: { b?: number; c?: number; t?: number } = { b: 2014, c: 2017, t: 2019 };

const dated = (value: number, year: number | undefined) => (year === undefined ? { value } : { value, year });
const figures = (
  B: number | undefined,
  C: number | undefined,
  T: number,
  unit: string,
  extra: Partial<KpiFigures['target']> = {},
  years = Y,
): KpiFigures => ({
  ...(B === undefined ? {} : { baseline: dated(B, years.b) }),
  ...(C === undefined ? {} : { current: dated(C, years.c) }),
  target: { ...dated(T, years.t), ...extra },
  unit,
});

describe('reasons, one line in Japanese and English (spec §6)', () => {
  it('on the line: 進捗率 75%（経過 60%）→ Ａ 順調', () => {
    const o = gradeFigures(figures(59, 60.5, 61, '%'), std);
    expect(o.reason).toBe('進捗率 75%（経過 60%）→ Ａ 順調');
    expect(o.reasonEn).toBe('Progress 75% (elapsed 60%) → A On track');
  });

  it('worse: 基準値より 50% 悪化 → Ｄ 遅れている', () => {
    const o = gradeFigures(figures(440, 660, 300, '位', { bound: 'le' }), std);
    expect(o.reason).toBe('基準値より 50% 悪化 → Ｄ 遅れている');
    expect(o.reasonEn).toBe('50% worse than the baseline → D Behind');
  });

  it('target met, quoting both figures in the same decimals: 目標達成（69.8% ≥ 65.0%）→ Ｓ 早い', () => {
    const o = gradeFigures(figures(63, 69.8, 65, '%', {}, { b: 2010, c: 2015, t: 2020 }), std);
    expect(o.reason).toBe('目標達成（69.8% ≥ 65.0%）→ Ｓ 早い');
    expect(o.reasonEn).toBe('Target met (69.8% ≥ 65.0%) → S Ahead');
  });

  it('the bound is the operator: 未満 → "<"', () => {
    expect(gradeFigures(figures(200, 149, 150, '人', { bound: 'lt' }), std).reason).toBe('目標達成（149人 < 150人）→ Ｓ 早い');
  });

  it('no current value: 現状値なし → － 実施時期未到来', () => {
    const o = gradeFigures(figures(81.3, undefined, 85, '%', { bound: 'ge' }), std);
    expect(o.reason).toBe('現状値なし → － 実施時期未到来');
    expect(o.reasonEn).toBe('No current value → - Not yet due');
  });

  it('年度不明のため最終目標で判定 is appended when a year is unknown', () => {
    const o = gradeFigures(figures(0, 60, 100, '%', {}, { b: 2014, t: 2019 }), std);
    expect(o.measures?.elapsedKnown).toBe(false);
    expect(o.reason).toBe('進捗率 60% → Ｂ おおむね順調（年度不明のため最終目標で判定）');
    expect(o.reasonEn).toBe('Progress 60% → B Mostly on track (year unknown, judged against the final target)');
  });

  it('順位は小さいほど良い where the rank unit decided the direction', () => {
    // 440位 → 400位 of 300位 (no bound): p = 40/140 = 0.29 < 0.3, better than the baseline → Ｃ
    const o = gradeFigures(figures(440, 400, 300, '位'), std);
    expect(o.measures?.directionBasis).toBe('rank');
    expect(o.reason).toBe('進捗率 29%（経過 60%）→ Ｃ やや遅れている（順位は小さいほど良い）');
    expect(o.reasonEn).toBe('Progress 29% (elapsed 60%) → C Slightly behind (a lower rank is better)');
  });

  it('no note about ranks when a bound (以内) decided', () => {
    expect(gradeFigures(figures(440, 660, 300, '位', { bound: 'le' }), std).reason).not.toContain('順位');
  });

  it('falling short of a 維持 target', () => {
    expect(gradeFigures(figures(60, 58, 60, '%'), std).reason).toBe('基準値より 3.3% 悪化 → Ｃ やや遅れている');
  });

  it('a baseline already within the target, current now outside it', () => {
    // B 95 satisfies 90%以上; C 88 does not: no progress rate, d = 7/95 = 7.4 % → Ｃ
    expect(gradeFigures(figures(95, 88, 90, '%', { bound: 'ge' }), std).reason).toBe('基準値より 7.4% 悪化 → Ｃ やや遅れている');
  });

  it('grade letters are full-width in Japanese, half-width in English, digits too', () => {
    const o = gradeFigures(figures(undefined, 85, 100, '%'), builtin('points'));
    expect(o.reason).toBe('達成率 85% → ５ 5点');
    expect(o.reasonEn).toBe('Attainment 85% → 5 5 points');
  });

  it('kijun reasons', () => {
    const kijun = builtin('kijun');
    expect(gradeFigures(figures(27, 38, 40, '社', { bound: 'ge' }), kijun).reason).toBe('基準値より改善（27社 → 38社）→ Ａ 基準値より改善');
    expect(gradeFigures(figures(100, 100, 120, '件'), kijun).reason).toBe('基準値と同じ（100件 → 100件）→ Ｂ 同水準');
    expect(gradeFigures(figures(100, 95, 120, '件'), kijun).reason).toBe('基準値より 5% 悪化（10% 以内）→ Ｂ 同水準');
    expect(gradeFigures(figures(100, 80, 120, '件'), kijun).reason).toBe('基準値より 20% 悪化 → Ｃ 基準値より悪化');
  });

  it('tassei: attainment, or the fact when no ratio can be taken', () => {
    const tassei = builtin('tassei');
    expect(gradeFigures(figures(undefined, 80, 100, '%'), tassei).reason).toBe('達成率 80% → Ｂ おおむね達成');
    expect(gradeFigures(figures(3, 0, 0, '件', { bound: 'le' }), tassei).reason).toBe(
      '目標達成（0件 ≤ 0件）、達成率は計算できない値 → Ａ 目標達成',
    );
  });

  it('states', () => {
    const plan = { baseline: input(num(0, '件'), 2014), target: input(num(10, '件'), 2019) };
    const of = (s: Parameters<typeof state>[0], text: string) =>
      gradeValues({ ...plan, current: input(state(s, text), 2017) }, std).outcome;
    expect(of('notStarted', '未着手').reason).toBe('現状値「未着手」→ Ｅ 未着手');
    expect(of('done', '完了').reason).toBe('現状値「完了」は目標達成とみなす → Ｓ 早い');
    expect(of('notDone', '未策定').reason).toBe('現状値「未策定」は基準値から進捗なしとみなす → Ｃ やや遅れている');
    expect(of('notDone', '未策定').reasonEn).toBe('Current value "未策定" counts as no progress from the baseline → C Slightly behind');
  });

  it('not graded: the cell, its text and why, in words a clerk understands', () => {
    const o = gradeValues(
      { baseline: input(unreadable('10〜20件', 'severalNumbers')), current: input(num(5, '件')), target: input(num(30, '件')) },
      std,
    ).outcome;
    expect(o.reason).toBe('基準値「10〜20件」を読み取れないため評価できません（数値が複数あってどれを使うか分からない）');
    expect(o.reasonEn).toBe(
      'The baseline "10〜20件" cannot be read, so this cannot be graded (has several numbers and it is unclear which one counts)',
    );
  });

  it("uses the preset's own meaning, and the letter alone when it has none", () => {
    const custom = { ...std, labels: { ...std.labels, A: { meaning: '計画どおり', meaningEn: 'As planned' } } };
    expect(gradeFigures(figures(59, 60.5, 61, '%'), custom).reason).toBe('進捗率 75%（経過 60%）→ Ａ 計画どおり');
    const { A: _a, ...noA } = std.labels;
    const o = gradeFigures(figures(59, 60.5, 61, '%'), { ...std, labels: noA });
    expect(o.reason).toBe('進捗率 75%（経過 60%）→ Ａ');
    expect(o.meaning).toBeUndefined();
  });
});

describe('percent', () => {
  it.each([
    [0.75, '75%'],
    [0.6, '60%'],
    [0.0764, '7.6%'],
    [0.1, '10%'],
    [-1.1, '-110%'],
    [0, '0%'],
    [-0.0001, '0%'],
    [undefined, '－'],
  ])('%s → %s', (x, text) => {
    expect(percent(x)).toBe(text);
  });
});
