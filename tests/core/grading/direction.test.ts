import { describe, expect, it } from 'vitest';
import { decideDirection, isRankUnit } from '../../../src/core/direction';

describe('decideDirection (spec §4)', () => {
  describe('1. a bound in the target decides', () => {
    it.each([
      ['ge', 'up'], // 以上
      ['gt', 'up'], // 超
      ['le', 'down'], // 以下 / 以内
      ['lt', 'down'], // 未満
    ] as const)('%s → %s', (bound, direction) => {
      expect(decideDirection({ target: 50, bound, baseline: 40, unit: '%' })).toEqual({ direction, basis: 'bound' });
    });

    it('wins over the sign of T − B: 90%以上 over a baseline of 95% is still higher-is-better', () => {
      expect(decideDirection({ target: 90, bound: 'ge', baseline: 95, unit: '%' })).toEqual({ direction: 'up', basis: 'bound' });
    });

    it('wins over a rank unit: 300位以内 is a bound (le) before it is a rank', () => {
      expect(decideDirection({ target: 300, bound: 'le', baseline: 440, unit: '位' })).toEqual({ direction: 'down', basis: 'bound' });
    });

    it('holds without a baseline', () => {
      expect(decideDirection({ target: 150, bound: 'le', unit: '人' })).toEqual({ direction: 'down', basis: 'bound' });
    });
  });

  describe('2. otherwise a rank unit 位 means lower is better', () => {
    it('even when the target is a larger number than the baseline', () => {
      expect(decideDirection({ target: 500, baseline: 440, unit: '位' })).toEqual({ direction: 'down', basis: 'rank' });
    });
    it('and without a baseline', () => {
      expect(decideDirection({ target: 300, unit: '位' })).toEqual({ direction: 'down', basis: 'rank' });
    });
  });

  describe('3. otherwise the sign of T − B', () => {
    it('T > B → up (ふるさと応縁基金 372件 → 2,000件)', () => {
      expect(decideDirection({ target: 2000, baseline: 372, unit: '件' })).toEqual({ direction: 'up', basis: 'values' });
    });
    it('T < B → down', () => {
      expect(decideDirection({ target: 150, baseline: 217, unit: '人' })).toEqual({ direction: 'down', basis: 'values' });
    });
  });

  describe('4. T = B → keep the level (維持)', () => {
    it('keeps', () => {
      expect(decideDirection({ target: 60, baseline: 60, unit: '%' })).toEqual({ direction: 'keep', basis: 'keep' });
    });
    it('no baseline and no bound: the values cannot say, judged like 維持 (C ≥ T)', () => {
      expect(decideDirection({ target: 60, unit: '%' })).toEqual({ direction: 'keep', basis: 'keep' });
    });
  });
});

describe('isRankUnit', () => {
  it.each([
    ['位', true],
    [' 位 ', true],
    ['人', false],
    ['', false],
    ['%', false],
  ])('%j → %s', (unit, rank) => {
    expect(isRankUnit(unit)).toBe(rank);
  });
});
