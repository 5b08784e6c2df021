import { describe, expect, it } from 'vitest';
import {
  above,
  atLeast,
  atMost,
  attainmentRate,
  below,
  deteriorationRate,
  elapsedRatio,
  measureFigures,
  meetsTarget,
  progressRate,
} from '../../../src/core/measures';

describe('進捗率 progress rate p = (C − B) / (T − B) (spec §5)', () => {
  it('市内高校 59.0 → 60.5 of 61.0: 1.5 / 2.0 = 0.75', () => {
    expect(progressRate(59, 60.5, 61, 'up')).toBeCloseTo(0.75, 12);
  });
  it('lower is better, 転出超過数 217 → 198 of 150: −19 / −67 ≈ 0.2836', () => {
    expect(progressRate(217, 198, 150, 'down')).toBeCloseTo(19 / 67, 12);
  });
  it('is negative when moving away: 720 → 665 of 770 is −55 / 50 = −1.1', () => {
    expect(progressRate(720, 665, 770, 'up')).toBeCloseTo(-1.1, 12);
  });
  it('is 1.0 exactly at the target, above 1 beyond it', () => {
    expect(progressRate(0, 100, 100, 'up')).toBe(1);
    expect(progressRate(372, 4542, 2000, 'up')).toBeCloseTo(4170 / 1628, 12);
  });
  it('is undefined without a baseline', () => {
    expect(progressRate(undefined, 50, 100, 'up')).toBeUndefined();
  });
  it('is undefined when T = B (維持: there is no planned change)', () => {
    expect(progressRate(60, 58, 60, 'keep')).toBeUndefined();
  });
  it('is undefined when the baseline already satisfies the target (90%以上 over 95%)', () => {
    // (85 − 95)/(90 − 95) would read a fall to 85% as "progress 200%".
    expect(progressRate(95, 85, 90, 'up')).toBeUndefined();
    expect(progressRate(200, 250, 300, 'down')).toBeUndefined();
  });
});

describe('経過率 elapsed ratio t = (yC − yB) / (yT − yB), clamped to [0, 1]', () => {
  it('H26 → H29 of H31: 3 / 5 = 0.6', () => {
    expect(elapsedRatio({ baseline: 2014, current: 2017, target: 2019 })).toEqual({ elapsed: 0.6, elapsedKnown: true });
  });
  it('census clock H22 → H27 of H32: 5 / 10 = 0.5', () => {
    expect(elapsedRatio({ baseline: 2010, current: 2015, target: 2020 })).toEqual({ elapsed: 0.5, elapsedKnown: true });
  });
  it('H24 → H28 of H31: 4 / 7', () => {
    expect(elapsedRatio({ baseline: 2012, current: 2016, target: 2019 }).elapsed).toBeCloseTo(4 / 7, 12);
  });
  it('clamps past the target year to 1 and before the baseline year to 0', () => {
    expect(elapsedRatio({ baseline: 2014, current: 2021, target: 2019 })).toEqual({ elapsed: 1, elapsedKnown: true });
    expect(elapsedRatio({ baseline: 2014, current: 2013, target: 2019 })).toEqual({ elapsed: 0, elapsedKnown: true });
  });
  it('is 0 in the baseline year and 1 in the target year', () => {
    expect(elapsedRatio({ baseline: 2014, current: 2014, target: 2019 }).elapsed).toBe(0);
    expect(elapsedRatio({ baseline: 2014, current: 2019, target: 2019 }).elapsed).toBe(1);
  });
  it.each([[{ current: 2017, target: 2019 }], [{ baseline: 2014, target: 2019 }], [{ baseline: 2014, current: 2017 }], [{}]])(
    'a year unknown (%j) → t = 1, judged against the final target',
    (years) => {
      expect(elapsedRatio(years)).toEqual({ elapsed: 1, elapsedKnown: false });
    },
  );
  it('target year not after the baseline year is no plan period → t = 1, unknown', () => {
    expect(elapsedRatio({ baseline: 2019, current: 2017, target: 2019 })).toEqual({ elapsed: 1, elapsedKnown: false });
    expect(elapsedRatio({ baseline: 2020, current: 2017, target: 2019 })).toEqual({ elapsed: 1, elapsedKnown: false });
  });
});

describe('達成率 attainment a', () => {
  it('higher is better: C / T = 60.5 / 61', () => {
    expect(attainmentRate(60.5, 61, 'up')).toBeCloseTo(60.5 / 61, 12);
  });
  it('keep reads like higher is better: C / T', () => {
    expect(attainmentRate(58, 60, 'keep')).toBeCloseTo(58 / 60, 12);
  });
  it('lower is better: T / C = 300位 / 660位', () => {
    expect(attainmentRate(660, 300, 'down')).toBeCloseTo(300 / 660, 12);
  });
  it('is undefined where no ratio means anything: T ≤ 0 (up), C ≤ 0 or T < 0 (down)', () => {
    expect(attainmentRate(5, 0, 'up')).toBeUndefined();
    expect(attainmentRate(-200, -100, 'up')).toBeUndefined();
    expect(attainmentRate(0, 5, 'down')).toBeUndefined();
    expect(attainmentRate(5, -10, 'down')).toBeUndefined();
  });
  it('T = 0 with lower is better and C > 0 is 0 %', () => {
    expect(attainmentRate(3, 0, 'down')).toBe(0);
  });
});

describe('悪化率 deterioration d', () => {
  it('higher is better: (B − C) / |B| = (720 − 665) / 720', () => {
    expect(deteriorationRate(720, 665, 'up')).toBeCloseTo(55 / 720, 12);
  });
  it('lower is better, sign flipped: (C − B) / |B| = (660 − 440) / 440 = 0.5', () => {
    expect(deteriorationRate(440, 660, 'down')).toBe(0.5);
  });
  it('is negative when better than the baseline', () => {
    expect(deteriorationRate(217, 198, 'down')).toBeCloseTo(-19 / 217, 12);
    expect(deteriorationRate(27, 38, 'up')).toBeCloseTo(-11 / 27, 12);
  });
  it('uses |B| for a negative baseline', () => {
    expect(deteriorationRate(-100, -120, 'up')).toBeCloseTo(0.2, 12);
  });
  it('B = 0: 0 when C is not worse, else 1 (リーダー塾 0人 → 24人 is 0)', () => {
    expect(deteriorationRate(0, 24, 'up')).toBe(0);
    expect(deteriorationRate(0, 0, 'up')).toBe(0);
    expect(deteriorationRate(0, -3, 'up')).toBe(1);
    // lower is better: rising from 0 is worse
    expect(deteriorationRate(0, 5, 'down')).toBe(1);
    expect(deteriorationRate(0, 0, 'down')).toBe(0);
  });
  it('is undefined without a baseline', () => {
    expect(deteriorationRate(undefined, 5, 'up')).toBeUndefined();
  });
});

describe('target met (bound-aware)', () => {
  it.each([
    // value, target, bound, direction, met
    [65, 65, 'ge', 'up', true],
    [64.9, 65, 'ge', 'up', false],
    [65, 65, 'gt', 'up', false], // 超 "over": equal is not over
    [65.1, 65, 'gt', 'up', true],
    [300, 300, 'le', 'down', true],
    [301, 300, 'le', 'down', false],
    [150, 150, 'lt', 'down', false], // 未満 "under": equal is not under
    [149, 150, 'lt', 'down', true],
    [2000, 2000, undefined, 'up', true],
    [1999, 2000, undefined, 'up', false],
    [150, 150, undefined, 'down', true],
    [151, 150, undefined, 'down', false],
    [60, 60, undefined, 'keep', true], // 維持: met while C ≥ T
    [59, 60, undefined, 'keep', false],
    [61, 60, undefined, 'keep', true],
  ] as const)('%d vs %d (%s, %s) → %s', (value, target, bound, direction, met) => {
    expect(meetsTarget(value, target, bound, direction)).toBe(met);
  });

  it('a bound decides even against the direction the values would give', () => {
    expect(meetsTarget(93, 90, 'ge', 'up')).toBe(true);
  });
});

describe('comparisons tolerate floating-point noise, not real differences', () => {
  it('0.1 + 0.2 is at least 0.3 and at most 0.3, neither above nor below it', () => {
    expect(atLeast(0.1 + 0.2, 0.3)).toBe(true);
    expect(atMost(0.1 + 0.2, 0.3)).toBe(true);
    expect(above(0.1 + 0.2, 0.3)).toBe(false);
    expect(below(0.3, 0.1 + 0.2)).toBe(false);
  });
  it('a difference a ledger can show still counts', () => {
    expect(atLeast(0.599, 0.6)).toBe(false);
    expect(above(0.1001, 0.1)).toBe(true);
  });
});

describe('measureFigures', () => {
  it('市内高校 (H26 59.0% → H29 60.5%, H31 61.0%)', () => {
    const m = measureFigures({
      baseline: { value: 59, year: 2014 },
      current: { value: 60.5, year: 2017 },
      target: { value: 61, year: 2019 },
      unit: '%',
    });
    expect(m.direction).toBe('up');
    expect(m.directionBasis).toBe('values');
    expect(m.progress).toBeCloseTo(0.75, 12);
    expect(m.elapsed).toBe(0.6);
    expect(m.elapsedKnown).toBe(true);
    expect(m.attainment).toBeCloseTo(60.5 / 61, 12);
    expect(m.deterioration).toBeCloseTo(-1.5 / 59, 12);
    expect(m.targetMet).toBe(false);
  });

  it('leaves out what cannot be known rather than writing undefined', () => {
    const m = measureFigures({ current: { value: 50 }, target: { value: 100 }, unit: '%' });
    expect(m).toEqual({ direction: 'keep', directionBasis: 'keep', elapsed: 1, elapsedKnown: false, attainment: 0.5, targetMet: false });
    expect('progress' in m).toBe(false);
  });

  it('never yields NaN or ±∞ for finite but extreme figures', () => {
    const m = measureFigures({
      baseline: { value: -1.7e308 },
      current: { value: 1.7e308 },
      target: { value: 1.7e308 - 1e292 },
      unit: '',
    });
    for (const x of [m.progress, m.attainment, m.deterioration]) {
      if (x !== undefined) expect(Number.isFinite(x)).toBe(true);
    }
  });
});
