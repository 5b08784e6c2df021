/**
 * Issue 11.2: every fast path of the engine held to its general path by a differential test over
 * generated inputs that include 14–20-digit figures and the whole BMP as whitespace. Each
 * property asks for the same thing twice: once in the form the fast path takes, once in a form
 * only the general path takes (or from the general path's own function). Ledger rows have one
 * figure path since the second (plainFiguresOfKpi) was deleted; the case its mutation got wrong
 * stays here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../../src/core/cellValue';
import { hasText } from '../../src/core/detect/sheetView';
import { gradeKpi } from '../../src/core/grade';
import type { CellReading } from '../../src/core/types';
import { builtin, kpiRow, num } from './grading/helpers';

const withoutText = (r: CellReading) => {
  const { text: _text, ...rest } = r as CellReading & { text?: string };
  return rest;
};

describe('a ledger row mixing units', () => {
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
