/**
 * Each preset on hand-worked figures: every clause of spec §6, values exactly on each
 * threshold, and thresholds changed by a user. Unless said otherwise the years are
 * H26 → H29 of H31, so t = (2017 − 2014) / (2019 − 2014) = 0.6.
 */
import { describe, expect, it } from 'vitest';
import { gradeFigures, gradeKpi, gradeValues } from '../../../src/core/grade';
import { copyPreset } from '../../../src/core/presets';
import type { Bound, GradeKey, KpiFigures, Preset } from '../../../src/core/types';
import { builtin, input, kpiRow, missing, num, state, unreadable } from './helpers';

interface Case {
  B?: number;
  C?: number;
  T: number;
  bound?: Bound;
  unit?: string;
  years?: [number | undefined, number | undefined, number | undefined];
}

function figures({ B, C, T, bound, unit = '', years = [2014, 2017, 2019] }: Case): KpiFigures {
  const dated = (value: number, year: number | undefined) => (year === undefined ? { value } : { value, year });
  return {
    ...(B === undefined ? {} : { baseline: dated(B, years[0]) }),
    ...(C === undefined ? {} : { current: dated(C, years[1]) }),
    target: { ...dated(T, years[2]), ...(bound ? { bound } : {}) },
    unit,
  };
}

const grade = (preset: Preset, c: Case): GradeKey | null => gradeFigures(figures(c), preset).grade;

/** Grades a current value that is a state word, over a numeric plan 0 → 10件. */
function gradeState(preset: Preset, s: Parameters<typeof state>[0], text: string) {
  return gradeValues(
    { baseline: input(num(0, '件'), 2014), current: input(state(s, text), 2017), target: input(num(10, '件'), 2019) },
    preset,
  ).outcome;
}

describe('standard 按分進捗 7段階', () => {
  const std = builtin('standard');

  it('－ when there is no current value', () => {
    expect(grade(std, { B: 0, T: 100 })).toBe('-');
  });

  it('Ｅ when the current value is 未着手', () => {
    const o = gradeState(std, 'notStarted', '未着手');
    expect(o.grade).toBe('E');
    expect(o.meaning).toBe('未着手');
  });

  describe('Ｓ target met (p ≥ 1)', () => {
    it('exactly at the target', () => expect(grade(std, { B: 0, C: 100, T: 100 })).toBe('S'));
    it('just short of it is not met', () => expect(grade(std, { B: 0, C: 99.9, T: 100 })).toBe('A'));
    it('超 "over": equal to the target is not met (then p = 1 ≥ t → Ａ)', () => {
      expect(grade(std, { B: 0, C: 100, T: 100, bound: 'gt' })).toBe('A');
      expect(grade(std, { B: 0, C: 100.1, T: 100, bound: 'gt' })).toBe('S');
    });
    it('未満 "under": lower is better, equal is not met', () => {
      expect(grade(std, { B: 200, C: 150, T: 150, bound: 'lt' })).toBe('A');
      expect(grade(std, { B: 200, C: 149, T: 150, bound: 'lt' })).toBe('S');
    });
    it('a baseline already within the target: met while the bound holds (B 95, 90%以上, C 93)', () => {
      expect(grade(std, { B: 95, C: 93, T: 90, bound: 'ge' })).toBe('S');
    });
  });

  describe('Ａ p ≥ t', () => {
    it('exactly on the line: p = 60/100 = 0.6 = t', () => expect(grade(std, { B: 0, C: 60, T: 100 })).toBe('A'));
    it('市内高校: p = 0.75 ≥ 0.6', () => expect(grade(std, { B: 59, C: 60.5, T: 61 })).toBe('A'));
    it('lower is better: 200 → 170 of 150, p = 30/50 = 0.6', () => expect(grade(std, { B: 200, C: 170, T: 150 })).toBe('A'));
  });

  describe('Ｂ p ≥ t × 0.5', () => {
    it('just below the line: p = 0.59', () => expect(grade(std, { B: 0, C: 59, T: 100 })).toBe('B'));
    it('exactly at half the line: p = 0.3 = 0.6 × 0.5', () => expect(grade(std, { B: 0, C: 30, T: 100 })).toBe('B'));
    it('decimal figures exactly at half the line still count (13.0 → 13.6 of 15.0: p = 0.3)', () => {
      expect(grade(std, { B: 13, C: 13.6, T: 15 })).toBe('B');
    });
  });

  describe('Ｄ d > 0.10, else Ｃ', () => {
    it('p = 0.29 with no fall from the baseline → Ｃ', () => expect(grade(std, { B: 0, C: 29, T: 100 })).toBe('C'));
    it('exactly 10 % worse is not more than 10 % → Ｃ', () => expect(grade(std, { B: 100, C: 90, T: 200 })).toBe('C'));
    it('10.1 % worse → Ｄ', () => expect(grade(std, { B: 100, C: 89.9, T: 200 })).toBe('D'));
    it('lower is better: 440位 → 660位 of 300位以内 is 50 % worse → Ｄ', () => {
      expect(grade(std, { B: 440, C: 660, T: 300, bound: 'le', unit: '位' })).toBe('D');
    });
    it('B = 0 and a fall below it is d = 1 → Ｄ', () => expect(grade(std, { B: 0, C: -1, T: 10 })).toBe('D'));
  });

  describe('維持 keep (T = B)', () => {
    it('held → Ｓ', () => expect(grade(std, { B: 60, C: 60, T: 60 })).toBe('S'));
    it('slightly below → Ｃ (no progress rate along a line of length 0)', () => expect(grade(std, { B: 60, C: 58, T: 60 })).toBe('C'));
    it('more than 10 % below → Ｄ', () => expect(grade(std, { B: 60, C: 50, T: 60 })).toBe('D'));
  });

  describe('no baseline: judged on 達成率 against the final target (t = 1)', () => {
    it('target met → Ｓ', () => expect(grade(std, { C: 100, T: 100 })).toBe('S'));
    it('a = 0.5 = roughly × 1 → Ｂ', () => expect(grade(std, { C: 50, T: 100 })).toBe('B'));
    it('a = 0.1 → Ｃ, never Ｄ (nothing to be worse than)', () => expect(grade(std, { C: 10, T: 100 })).toBe('C'));
    it('says so in the reason', () => {
      expect(gradeFigures(figures({ C: 50, T: 100, unit: '%' }), std).reason).toBe('基準値なしのため達成率 50% で判定 → Ｂ おおむね順調');
    });
  });

  describe('a year unknown: t = 1, judged against the final target', () => {
    it('p = 0.6 is Ａ with years, Ｂ without', () => {
      expect(grade(std, { B: 0, C: 60, T: 100 })).toBe('A');
      expect(grade(std, { B: 0, C: 60, T: 100, years: [2014, undefined, 2019] })).toBe('B');
    });
  });

  describe('thresholds changed by a user change the grade', () => {
    const withThresholds = (t: Partial<Extract<Preset, { method: 'standard' }>['thresholds']>): Preset => {
      const p = copyPreset(std, 'mine', '自分用') as Extract<Preset, { method: 'standard' }>;
      return { ...p, thresholds: { ...p.thresholds, ...t } };
    };
    it('onPace 1.2: p = 0.6 < 0.72 → Ｂ instead of Ａ', () => {
      expect(grade(withThresholds({ onPace: 1.2 }), { B: 0, C: 60, T: 100 })).toBe('B');
    });
    it('roughly 0.8: p = 0.3 < 0.48 → Ｃ instead of Ｂ', () => {
      expect(grade(withThresholds({ roughly: 0.8 }), { B: 0, C: 30, T: 100 })).toBe('C');
    });
    it('worse 0.05: 6 % worse → Ｄ instead of Ｃ', () => {
      expect(grade(std, { B: 100, C: 94, T: 200 })).toBe('C');
      expect(grade(withThresholds({ worse: 0.05 }), { B: 100, C: 94, T: 200 })).toBe('D');
    });
    it('met 0.9: 90 % of the planned change counts as met → Ｓ', () => {
      const o = gradeFigures(figures({ B: 0, C: 90, T: 100 }), withThresholds({ met: 0.9 }));
      expect(o.grade).toBe('S');
      expect(o.reason).toBe('進捗率 90%（90% 以上を目標達成とみなす）→ Ｓ 早い');
    });
    it('met 1.1: reaching the target is Ａ, 110 % of the change is Ｓ', () => {
      expect(grade(withThresholds({ met: 1.1 }), { B: 0, C: 100, T: 100 })).toBe('A');
      expect(grade(withThresholds({ met: 1.1 }), { B: 0, C: 110, T: 100 })).toBe('S');
    });
  });

  describe('states', () => {
    it('完了 (done) → target met → Ｓ', () => expect(gradeState(std, 'done', '完了').grade).toBe('S'));
    it('未策定 (not done) → no progress, p = 0 < 0.3 → Ｃ', () => expect(gradeState(std, 'notDone', '未策定').grade).toBe('C'));
    it('中止 (cancelled) → no grade, with a reason', () => {
      const o = gradeState(std, 'cancelled', '中止');
      expect(o.grade).toBeNull();
      expect(o.reason).toBe('現状値「中止」のため評価しません（中止・廃止）');
    });
    it('評価困難 (hard to evaluate) → no grade, with a reason', () => {
      const o = gradeState(std, 'hardToEvaluate', '評価困難');
      expect(o.grade).toBeNull();
      expect(o.reasonEn).toBe('Current value "評価困難": not graded (hard to evaluate)');
    });
    it('qualitative target: 策定完了 against 策定完了 → Ｓ; 未策定 → Ｃ; not due yet → －', () => {
      const q = (current: ReturnType<typeof state> | typeof missing) =>
        gradeValues(
          {
            baseline: input(state('notDone', '未策定'), 2014),
            current: input(current, 2017),
            target: input(state('done', '策定完了'), 2019),
          },
          std,
        ).outcome.grade;
      expect(q(state('done', '策定完了'))).toBe('S');
      expect(q(state('notDone', '未策定'))).toBe('C');
      expect(q(missing)).toBe('-');
    });
    it('qualitative target: the years still give the elapsed ratio (未策定 in the baseline year is on the line)', () => {
      const at = (currentYear: number) =>
        gradeValues(
          {
            baseline: input(state('notDone', '未策定'), 2014),
            current: input(state('notDone', '未策定'), currentYear),
            target: input(state('done', '策定'), 2019),
          },
          std,
        ).outcome;
      expect(at(2017).measures).toMatchObject({ elapsed: 0.6, elapsedKnown: true, progress: 0 });
      expect(at(2014).grade).toBe('A');
    });
  });
});

describe('kijun 基準値比較', () => {
  const kijun = builtin('kijun');
  it('－ no current value', () => expect(grade(kijun, { B: 100, T: 120 })).toBe('-'));
  it('Ｓ target met', () => expect(grade(kijun, { B: 100, C: 120, T: 120 })).toBe('S'));
  it('Ａ better than the baseline', () => expect(grade(kijun, { B: 100, C: 100.5, T: 120 })).toBe('A'));
  it('Ａ better than the baseline, lower is better', () => expect(grade(kijun, { B: 217, C: 198, T: 150, bound: 'le' })).toBe('A'));
  it('Ａ from a baseline of 0 (d is 0 there, but 24 is better than 0)', () => expect(grade(kijun, { B: 0, C: 10, T: 20 })).toBe('A'));
  it('Ｂ 同水準 at the baseline', () => expect(grade(kijun, { B: 100, C: 100, T: 120 })).toBe('B'));
  it('Ｂ 同水準 exactly 10 % worse', () => expect(grade(kijun, { B: 100, C: 90, T: 120 })).toBe('B'));
  it('Ｃ more than 10 % worse', () => expect(grade(kijun, { B: 100, C: 89.9, T: 120 })).toBe('C'));
  it('sameLevel 0.2 set by a user: 15 % worse is Ｂ', () => {
    const mine = { ...kijun, id: 'k2', thresholds: { sameLevel: 0.2 } } as Preset;
    expect(grade(kijun, { B: 100, C: 85, T: 120 })).toBe('C');
    expect(grade(mine, { B: 100, C: 85, T: 120 })).toBe('B');
  });
  it('no baseline: Ｓ when met, otherwise no grade with the reason', () => {
    expect(grade(kijun, { C: 120, T: 120 })).toBe('S');
    const o = gradeFigures(figures({ C: 80, T: 120, unit: '人' }), kijun);
    expect(o.grade).toBeNull();
    expect(o.reason).toBe('基準値がないため基準値と比較できません（目標未達成（80人 < 120人））');
  });
  it('states: 完了 → Ｓ, 未着手 and 未策定 → Ｂ (nothing moved), 中止 → none', () => {
    expect(gradeState(kijun, 'done', '完了').grade).toBe('S');
    expect(gradeState(kijun, 'notStarted', '未着手').grade).toBe('B');
    expect(gradeState(kijun, 'notDone', '未策定').grade).toBe('B');
    expect(gradeState(kijun, 'cancelled', '中止').grade).toBeNull();
  });
});

describe('tassei 達成率', () => {
  const tassei = builtin('tassei');
  it('－ no current value', () => expect(grade(tassei, { T: 100 })).toBe('-'));
  it.each([
    [100, 'A'], // a = 1.0
    [120, 'A'],
    [99.9, 'B'],
    [80, 'B'], // a = 0.8 exactly
    [79.9, 'C'],
    [50, 'C'], // a = 0.5 exactly
    [49.9, 'D'],
    [0, 'D'],
  ] as const)('C = %d of T = 100 → %s', (C, g) => {
    expect(grade(tassei, { B: 10, C, T: 100 })).toBe(g);
  });
  it('lower is better: a = T / C = 150 / 187.5 = 0.8 → Ｂ', () =>
    expect(grade(tassei, { B: 217, C: 187.5, T: 150, bound: 'le' })).toBe('B'));
  it('needs no baseline', () => expect(grade(tassei, { C: 85, T: 100 })).toBe('B'));
  it('a cannot be taken (0件 target reached with 0): met counts as 100 % → Ａ', () => {
    expect(grade(tassei, { B: 3, C: 0, T: 0, bound: 'le' })).toBe('A');
    expect(grade(tassei, { B: 3, C: 0, T: 2, bound: 'le' })).toBe('A');
  });
  it('thresholds changed by a user: b 0.9 makes a = 0.85 Ｃ', () => {
    const mine = { ...tassei, thresholds: { a: 1, b: 0.9, c: 0.5 } } as Preset;
    expect(grade(mine, { C: 85, T: 100 })).toBe('C');
  });
  it('states: 完了 → Ａ, 未着手 → Ｄ, 未策定 → Ｄ', () => {
    expect(gradeState(tassei, 'done', '完了').grade).toBe('A');
    expect(gradeState(tassei, 'notStarted', '未着手').grade).toBe('D');
    expect(gradeState(tassei, 'notDone', '未策定').grade).toBe('D');
  });
});

describe('pace 目安値', () => {
  const pace = builtin('pace');
  it('－ no current value', () => expect(grade(pace, { B: 0, T: 100 })).toBe('-'));
  it('Ａ target met', () => expect(grade(pace, { B: 0, C: 100, T: 100 })).toBe('A'));
  it('Ａ exactly at the 目安値 (expected value 60 at t = 0.6)', () => expect(grade(pace, { B: 0, C: 60, T: 100 })).toBe('A'));
  it('Ｂ behind the line but not worse than the baseline', () => expect(grade(pace, { B: 0, C: 59, T: 100 })).toBe('B'));
  it('Ｂ exactly at the baseline', () => expect(grade(pace, { B: 100, C: 100, T: 200 })).toBe('B'));
  it('Ｃ worse than the baseline, however little', () => expect(grade(pace, { B: 100, C: 99, T: 200 })).toBe('C'));
  it('Ａ when a baseline already within the target still holds it', () =>
    expect(grade(pace, { B: 95, C: 92, T: 90, bound: 'ge' })).toBe('A'));
  it('onPace 0.5 set by a user: half the line is Ａ', () => {
    const mine = { ...pace, thresholds: { onPace: 0.5 } } as Preset;
    expect(grade(pace, { B: 0, C: 30, T: 100 })).toBe('B');
    expect(grade(mine, { B: 0, C: 30, T: 100 })).toBe('A');
  });
  it('no baseline: attainment against the final target; never Ｃ', () => {
    expect(grade(pace, { C: 99, T: 100 })).toBe('B');
    expect(grade(pace, { C: 1, T: 100 })).toBe('B');
  });
  it('states: 完了 → Ａ, 未着手 → Ｂ (still at the baseline)', () => {
    expect(gradeState(pace, 'done', '完了').grade).toBe('A');
    expect(gradeState(pace, 'notStarted', '未着手').grade).toBe('B');
  });
});

describe('points 点数', () => {
  const points = builtin('points');
  it('－ no current value', () => expect(grade(points, { T: 100 })).toBe('-'));
  it.each([
    [130, '7'],
    [100, '7'],
    [99.9, '6'],
    [90, '6'],
    [80, '5'],
    [79.9, '4'],
    [70, '4'],
    [60, '3'],
    [50, '2'],
    [49.9, '1'],
    [0, '1'],
  ] as const)('a = %d%% → %s points', (C, g) => {
    expect(grade(points, { C, T: 100 })).toBe(g);
  });
  it('steps changed by a user: [1.2, 1.0, …] makes 100 % six points', () => {
    const mine = { ...points, thresholds: { steps: [1.2, 1.0, 0.8, 0.6, 0.4, 0.2] } } as Preset;
    expect(grade(mine, { C: 100, T: 100 })).toBe('6');
    expect(grade(mine, { C: 30, T: 100 })).toBe('2');
  });
  it('states: 完了 → 7, 未着手 → 1', () => {
    expect(gradeState(points, 'done', '完了').grade).toBe('7');
    expect(gradeState(points, 'notStarted', '未着手').grade).toBe('1');
  });
});

describe('gradeKpi and gradeValues give one answer', () => {
  const std = builtin('standard');

  it('gradeKpi on a row equals gradeValues on its readings and header years', () => {
    const kpi = kpiRow('新規学校卒業者の市内就職率／市内高校', 6, {
      baseline: [num(59, '%'), 2014],
      current: [num(60.5, '%'), 2017],
      target: [num(61, '%'), 2019],
    });
    const viaRow = gradeKpi(kpi, std, '第1節');
    const viaValues = gradeValues(
      { baseline: input(num(59, '%'), 2014), current: input(num(60.5, '%'), 2017), target: input(num(61, '%'), 2019) },
      std,
    );
    expect(viaRow).toEqual(viaValues);
    // Reasons are worded when read (not own properties): compare them themselves.
    expect([viaRow.outcome.reason, viaRow.outcome.reasonEn]).toEqual([viaValues.outcome.reason, viaValues.outcome.reasonEn]);
    expect(viaRow.outcome).toMatchObject({ grade: 'A', meaning: '順調', reason: '進捗率 75%（経過 60%）→ Ａ 順調' });
    expect(viaRow.problems).toEqual([]);
  });

  it("gradeValues: a reading's own year beats the year argument (=KPI.GRADE with census figures)", () => {
    const o = gradeValues(
      {
        baseline: input(num(54.9, '%', { year: 2010 }), 2014),
        current: input(num(53.5, '%', { year: 2015 }), 2017),
        target: input(num(56, '%', { bound: 'ge', year: 2020 }), 2019),
      },
      std,
    ).outcome;
    expect(o.measures?.elapsed).toBe(0.5);
  });

  it('gradeKpi returns the problems with a null grade and a reason', () => {
    const kpi = kpiRow('x', 9, { baseline: [num(1)], current: [unreadable('調査中です')], target: [num(3)] });
    const r = gradeKpi(kpi, std, 's');
    expect(r.outcome.grade).toBeNull();
    expect(r.outcome.reason).toBe('現状値「調査中です」を読み取れないため評価できません（数値が見つからない）');
    expect(r.problems.map((p) => [p.code, p.cell])).toEqual([['unreadableCell', 'E10']]);
  });

  it('unit mismatch and missing target reach the outcome too', () => {
    const mismatch = gradeValues({ current: input(num(1, '件')), target: input(num(3, '人')) }, std).outcome;
    expect(mismatch.reason).toBe('単位がそろっていないため評価できません（人／件）');
    const noTarget = gradeValues({ current: input(num(1, '件')) }, std).outcome;
    expect(noTarget).toMatchObject({
      grade: null,
      reason: '目標値がないため評価できません',
      reasonEn: 'No target, so this cannot be graded',
    });
  });
});

describe('reasons are worded when first read', () => {
  const std = builtin('standard');
  const plan = (): KpiFigures => figures({ B: 59, C: 60.5, T: 61, unit: '%' });

  it('give the same words in either order of reading, and the same words each time', () => {
    const jaFirst = gradeFigures(plan(), std);
    const enFirst = gradeFigures(plan(), std);
    const en = enFirst.reasonEn;
    expect(jaFirst.reason).toBe('進捗率 75%（経過 60%）→ Ａ 順調');
    expect(jaFirst.reasonEn).toBe('Progress 75% (elapsed 60%) → A On track');
    expect(en).toBe(jaFirst.reasonEn);
    expect(enFirst.reason).toBe(jaFirst.reason);
    expect(enFirst.reason).toBe(enFirst.reason);
  });

  it('word the rule the KPI was graded on, even when reading after other KPIs were graded on another', () => {
    const early = gradeFigures(plan(), std);
    const strict = { ...copyPreset(std, 'strict', '厳しめ'), thresholds: { met: 1, onPace: 1.5, roughly: 1.2, worse: 0.2 } } as Preset;
    const later = gradeFigures(plan(), strict);
    expect(later.reason).toMatch(/→ Ｂ/u);
    expect(early.reason).toBe('進捗率 75%（経過 60%）→ Ａ 順調');
  });

  it('show in JSON as plain text', () => {
    const json = JSON.parse(JSON.stringify(gradeFigures(plan(), std))) as Record<string, unknown>;
    expect(json).toMatchObject({ grade: 'A', meaning: '順調', reason: '進捗率 75%（経過 60%）→ Ａ 順調', reasonEn: 'Progress 75% (elapsed 60%) → A On track' });
  });
});
