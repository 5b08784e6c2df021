/**
 * Issue 11.2: every fast path of the engine held to its general path by a differential test over
 * generated inputs that include mixed units and scales, 14–20-digit figures and the whole BMP as
 * whitespace. Each property asks for the same thing twice: once in the form the fast path takes,
 * once in a form only the general path takes (or from the general path's own function).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../../src/core/cellValue';
import { hasText } from '../../src/core/detect/sheetView';
import { gradeKpi, gradeValues } from '../../src/core/grade';
import { kpiPlace, valueInputsOfKpi } from '../../src/core/figures';
import type { CellReading } from '../../src/core/types';
import { builtin, kpiRow, missing, num, state } from './grading/helpers';

const withoutText = (r: CellReading) => {
  const { text: _text, ...rest } = r as CellReading & { text?: string };
  return rest;
};

describe('a ledger row is graded as the general path grades its cells', () => {
  // Units of one base at several scales, spellings of one counter, and bases that never agree.
  const UNITS = ['', '件', '万件', '千件', '%', '人', '万人', '名', '円', '億円', '百万円', 'か所', '箇所', '位'];
  const figure = fc.record({
    value: fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
    unit: fc.constantFrom(...UNITS),
    bound: fc.constantFrom(undefined, 'ge', 'le'),
  });
  const reading: fc.Arbitrary<CellReading> = fc.oneof(
    { weight: 6, arbitrary: figure.map(({ value, unit, bound }) => num(value, unit, bound === undefined ? {} : { bound: bound as 'ge' | 'le' })) },
    { weight: 1, arbitrary: fc.constant(missing) },
    { weight: 1, arbitrary: fc.constant(state('done', '策定完了')) },
    { weight: 1, arbitrary: fc.constant(state('notStarted', '未着手')) },
  );
  const year = fc.option(fc.integer({ min: 2010, max: 2030 }), { nil: undefined });
  const cell = fc.tuple(reading, year).map(([r, y]) => [r, y] as [CellReading, number?]);

  it('for rows mixing units, scales, bounds, states and missing cells, under every builtin rule', () => {
    fc.assert(
      fc.property(
        fc.option(cell, { nil: undefined }),
        fc.option(cell, { nil: undefined }),
        cell,
        fc.constantFrom('standard', 'kijun', 'tassei', 'pace', 'points'),
        (baseline, current, target, presetId) => {
          const kpi = kpiRow('指標', 6, { ...(baseline ? { baseline } : {}), ...(current ? { current } : {}), target });
          const preset = builtin(presetId);
          const fast = gradeKpi(kpi, preset, '第1節');
          const general = gradeValues(valueInputsOfKpi(kpi), preset, kpiPlace(kpi, '第1節'));
          expect({ grade: fast.outcome.grade, reason: fast.outcome.reason, reasonEn: fast.outcome.reasonEn, problems: fast.problems }).toStrictEqual({
            grade: general.outcome.grade,
            reason: general.outcome.reason,
            reasonEn: general.outcome.reasonEn,
            problems: general.problems,
          });
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('10件 → 60% of 100件 is not graded: the units do not agree', () => {
    const kpi = kpiRow('指標', 6, { baseline: [num(10, '件'), 2020], current: [num(60, '%'), 2022], target: [num(100, '件'), 2024] });
    const graded = gradeKpi(kpi, builtin('standard'), '第1節');
    expect(graded.outcome.grade).toBeNull();
    expect(graded.problems.map((p) => p.code)).toStrictEqual(['unitMismatch']);
  });
});

describe('figures of 14 to 20 digits are read as Number() reads them', () => {
  // Digits with a point anywhere (or none), half- or full-width, with and without a unit.
  const digit = fc.constantFrom(...'0123456789');
  const digits = fc.integer({ min: 14, max: 20 }).chain((n) =>
    fc.tuple(fc.constantFrom(...'123456789'), fc.array(digit, { minLength: n - 1, maxLength: n - 1 }), fc.integer({ min: 0, max: n - 1 })).map(
      ([first, rest, point]) => [first + rest.join(''), point] as const,
    ),
  );
  const figureText = digits.map(([d, point]) => (point === 0 ? d : `${d.slice(0, point)}.${d.slice(point)}`));
  const unit = fc.constantFrom('', '%', '件', '人', '万円', '％', 'か所\n以上', '件以上');
  const wide = (s: string) => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  it('the value is the nearest double to the figure written, whatever the path', () => {
    fc.assert(
      fc.property(figureText, unit, fc.boolean(), (figure, u, fullWidth) => {
        const text = (fullWidth ? wide(figure) : figure) + u;
        const r = parseCellValue(text);
        expect(r).toMatchObject({ kind: 'number', value: Number(figure) });
        expect(withoutText(r)).toStrictEqual(withoutText(parseCellValue(`約${text}`)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('0.30000000000000004件 and its neighbours', () => {
    for (const text of ['0.30000000000000004件', '0.30000000000000004', '1234567890123456件', '12345678901234567%', '123456789012345678人']) {
      const figure = /^[\d.]+/.exec(text)![0];
      const r = parseCellValue(text);
      expect(r).toMatchObject({ kind: 'number', value: Number(figure), unit: text.slice(figure.length) });
    }
  });
});

describe('hasText agrees with /\\S/ over the whole BMP', () => {
  const NOT_SPACE = /\S/u;
  it('for every code unit alone, doubled, and after a space', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, ch + ch, ` ${ch}`, `${ch} `, `${ch}\u3000`]) {
        if (hasText(text) !== NOT_SPACE.test(text)) expect({ code: c.toString(16), text, hasText: hasText(text) }).toBeUndefined();
      }
    }
  });
  it('a row of full-width spaces holds no text; nor does a byte-order mark', () => {
    expect(hasText('\u3000\u3000\u3000')).toBe(false);
    expect(hasText('\ufeff')).toBe(false);
  });
});
