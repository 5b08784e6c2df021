/**
 * Properties that must hold for any figures a ledger can hold, under any preset a user can save.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeFigures, gradeValues } from '../../../src/core/grade';
import { BUILTIN_PRESETS, METHOD_GRADES, copyPreset, gradeKeysOf, noCurrentGrade, parsePreset } from '../../../src/core/presets';
import type { Bound, CellReading, KpiFigures, Preset } from '../../../src/core/types';

const finite = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, 0.5, 1, 0.1, 100, -0),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const year = fc.option(fc.integer({ min: 1989, max: 2040 }), { nil: undefined });
const bound = fc.option(fc.constantFrom<Bound>('ge', 'gt', 'le', 'lt'), { nil: undefined });
const unit = fc.constantFrom('', '%', '位', '人', '万人');

const dated = (value: number, y: number | undefined) => (y === undefined ? { value } : { value, year: y });

const figures: fc.Arbitrary<KpiFigures> = fc
  .record({
    baseline: fc.option(fc.tuple(finite, year), { nil: undefined }),
    current: fc.option(fc.tuple(finite, year), { nil: undefined }),
    target: fc.tuple(finite, year, bound),
    unit,
  })
  .map(({ baseline, current, target, unit }) => ({
    ...(baseline ? { baseline: dated(...baseline) } : {}),
    ...(current ? { current: dated(...current) } : {}),
    target: { ...dated(target[0], target[1]), ...(target[2] ? { bound: target[2] } : {}) },
    unit,
  }));

const ratio = fc.double({ min: 0, max: 3, noNaN: true });

/** Any preset parsePreset accepts: a builtin, or a copy with thresholds a user may set. */
const preset: fc.Arbitrary<Preset> = fc.oneof(
  fc.constantFrom(...Object.values(BUILTIN_PRESETS)),
  fc.tuple(fc.constantFrom(...Object.values(BUILTIN_PRESETS)), fc.array(ratio, { minLength: 6, maxLength: 6 })).map(([p, r]) => {
    const sorted = [...r].sort((a, b) => b - a);
    if (p.method === 'scale') {
      // A city scale with its steps moved (still descending, as parsePreset requires).
      const parsed = parsePreset({ ...copyPreset(p, `${p.id}-user`, '利用者'), steps: p.steps.map((s, i) => ({ ...s, min: sorted[i]! })) });
      if (!parsed.ok) throw new Error(parsed.errors.join(' / '));
      return parsed.preset;
    }
    const thresholds = {
      standard: { met: Math.max(sorted[0]!, 0.01), onPace: sorted[1]!, roughly: sorted[2]!, worse: sorted[3]! },
      kijun: { sameLevel: sorted[0]! },
      tassei: { a: sorted[0]!, b: sorted[1]!, c: sorted[2]! },
      pace: { onPace: sorted[0]! },
      points: { steps: sorted.map((x, i) => x + (6 - i) * 1e-3) },
    }[p.method];
    const parsed = parsePreset({ ...copyPreset(p, `${p.id}-user`, '利用者'), thresholds });
    if (!parsed.ok) throw new Error(parsed.errors.join(' / '));
    return parsed.preset;
  }),
);

const WORDS_THAT_MEAN_A_BUG = /NaN|undefined|Infinity|null|\[object/;

describe('gradeFigures, for any finite figures and any valid preset', () => {
  it('never throws and gives a grade the preset defines; no grade only for kijun without a baseline', () => {
    fc.assert(
      fc.property(figures, preset, (f, p) => {
        const o = gradeFigures(f, p);
        if (o.grade === null) {
          // kijun compares with the baseline only (documented in grade.ts)
          expect(p.method).toBe('kijun');
          expect(f.baseline).toBeUndefined();
          expect(o.measures?.targetMet).toBe(false);
        } else {
          if (p.method !== 'scale') expect(METHOD_GRADES[p.method]).toContain(o.grade);
          expect(gradeKeysOf(p)).toContain(o.grade);
        }
        expect(o.reason.length).toBeGreaterThan(0);
        expect(o.reasonEn.length).toBeGreaterThan(0);
        expect(o.reason).not.toMatch(WORDS_THAT_MEAN_A_BUG);
        expect(o.reasonEn).not.toMatch(WORDS_THAT_MEAN_A_BUG);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives － exactly when there is no current value', () => {
    fc.assert(
      fc.property(figures, preset, (f, p) => {
        expect(gradeFigures(f, p).grade === noCurrentGrade(p)).toBe(f.current === undefined);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the top grade whenever the target is met (standard S, kijun S, tassei/pace A, points 7) at default thresholds', () => {
    const top = { standard: 'S', kijun: 'S', tassei: 'A', pace: 'A', points: '7' } as const;
    fc.assert(
      fc.property(figures, fc.constantFrom(...Object.values(BUILTIN_PRESETS)), (f, p) => {
        if (p.method === 'scale') return; // a city's scale names its own top grade (tests/core/grading/scales.test.ts)
        const o = gradeFigures(f, p);
        if (
          o.measures?.targetMet &&
          ((p.method !== 'tassei' && p.method !== 'points') || o.measures.attainment === undefined || o.measures.attainment >= 1)
        ) {
          expect(o.grade).toBe(top[p.method]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('gradeValues, for any readings', () => {
  const reading: fc.Arbitrary<CellReading> = fc.oneof(
    fc
      .record({ kind: fc.constant('number' as const), value: finite, unit, bound })
      .map(({ bound: b, ...r }) => (b ? { ...r, bound: b } : r)),
    fc.constant({ kind: 'missing' as const }),
    fc
      .constantFrom('notStarted', 'done', 'notDone', 'cancelled', 'hardToEvaluate')
      .map((state) => ({ kind: 'state' as const, state, text: state })),
    fc.constant({ kind: 'unreadable' as const, text: '調査中', reason: 'noNumber' as const }),
    fc.constantFrom('up', 'down', 'keep').map((relation) => ({ kind: 'relation' as const, relation, text: relation })),
  );
  const valueInput = fc.option(fc.record({ reading, year }), { nil: undefined });

  it('never throws; a grade the preset defines, or none with a reason (and problems when a cell is at fault)', () => {
    fc.assert(
      fc.property(valueInput, valueInput, valueInput, preset, (baseline, current, target, p) => {
        const { outcome, problems } = gradeValues({ baseline, current, target }, p, { sheet: 's', kpi: 'k' });
        if (outcome.grade !== null) {
          expect(gradeKeysOf(p)).toContain(outcome.grade);
          expect(problems).toEqual([]);
        }
        expect(outcome.reason).not.toMatch(WORDS_THAT_MEAN_A_BUG);
        expect(outcome.reasonEn).not.toMatch(WORDS_THAT_MEAN_A_BUG);
      }),
      { numRuns: 3000 },
    );
  });
});
