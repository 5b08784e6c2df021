import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCellValue, type RawCellValue } from '../../src/core/cellValue';
import type { CellReading } from '../../src/core/types';

/** Pieces officers put in value cells, half- and full-width, so generated text looks like a ledger. */
const LEDGER_PIECES = [
  '0', '1', '2', '3', '5', '9', '０', '１', '２', '９', '.', '．', ',', '，', '%', '％',
  '以上', '以下', '以内', '未満', '超', '程度', '約', '(', ')', '（', '）', '【', '】', '[', ']',
  '\n', '\r\n', ' ', '\u3000', 'H', 'Ｈ', 'R', 'S', '平成', '令和', '元', '年', '年度', '国調',
  '件', '人', '億円', '万人', '位', 'か所', '倍', 'ポイント', 'kWh', 'ほげ', '△', '▲', '-', '－', '―', 'ー', '—',
  '〜', '～', '※', '*', '#', 'DIV/0!', 'N/A', 'E+', '未実施', '完了', '未', '策定', '着手', '調査中',
];
const ledgerText = fc.array(fc.constantFrom(...LEDGER_PIECES), { maxLength: 12 }).map((pieces) => pieces.join(''));

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }), // any code point, lone surrogates included
  ledgerText,
);

const raw: fc.Arbitrary<RawCellValue | undefined> = fc.option(
  fc.record(
    {
      value: fc.oneof(fc.double(), fc.boolean(), fc.string(), fc.constant(null)),
      numberFormat: fc.constantFrom('General', '0.0%', '0%', '#,##0"件"', '0.0"%"', '\\%0', '0"件以上"', '"ほげ"0;(0)'),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const KINDS = new Set(['number', 'missing', 'state', 'unreadable']);
const STATES = new Set(['notStarted', 'done', 'notDone', 'cancelled', 'hardToEvaluate']);
const REASONS = new Set(['noNumber', 'severalNumbers', 'unknownWord', 'notAValue']);
const BOUNDS = new Set(['ge', 'gt', 'le', 'lt']);

/** Half-width → full-width for the characters officers type full-width: digits, point, minus, percent. */
function toFullWidth(text: string): string {
  return text.replace(/[0-9.%-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Every printable ASCII character → its full-width form (U+FF01…U+FF5E), space → ideographic space. */
function allToFullWidth(text: string): string {
  return text.replace(/[!-~ ]/g, (c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

/** The reading without the echoed cell text, which keeps the cell as written. */
function meaning(reading: CellReading): unknown {
  if (reading.kind === 'state') return { kind: reading.kind, state: reading.state };
  if (reading.kind === 'unreadable') return { kind: reading.kind, reason: reading.reason };
  return reading;
}

describe('parseCellValue properties', () => {
  it('never throws, whatever the text and raw value', () => {
    fc.assert(
      fc.property(anyText, raw, (text, rawValue) => {
        parseCellValue(text, rawValue);
      }),
      { numRuns: 3_000 },
    );
  });

  it('always returns one of the four kinds, well formed', () => {
    fc.assert(
      fc.property(anyText, raw, (text, rawValue) => {
        const reading = parseCellValue(text, rawValue);
        expect(KINDS.has(reading.kind)).toBe(true);
        switch (reading.kind) {
          case 'number':
            expect(Number.isFinite(reading.value)).toBe(true);
            expect(typeof reading.unit).toBe('string');
            if (reading.bound !== undefined) expect(BOUNDS.has(reading.bound)).toBe(true);
            if (reading.year !== undefined) expect(Number.isInteger(reading.year)).toBe(true);
            break;
          case 'state':
            expect(STATES.has(reading.state)).toBe(true);
            break;
          case 'unreadable':
            expect(REASONS.has(reading.reason)).toBe(true);
            break;
          case 'missing':
            expect(Object.keys(reading)).toEqual(['kind']);
            break;
        }
      }),
      { numRuns: 3_000 },
    );
  });

  const UNITS = ['', '%', '％', '件', '人', '億円', '万人', '位', 'か所', '倍', 'ポイント', '組', '社', '団体', '事業所', '世帯', 'kg', 'ha', 'kWh', '㎡'];
  const figure = fc.double({ min: -1e9, max: 1e9, noNaN: true });

  it('gives back any figure written with toFixed(1) and a unit, half- or full-width', () => {
    fc.assert(
      fc.property(figure, fc.constantFrom(...UNITS), (n, unit) => {
        const written = `${n.toFixed(1)}${unit}`;
        const value = Number(n.toFixed(1));
        const expected = { kind: 'number', value: value === 0 ? 0 : value, unit: unit.normalize('NFKC') };
        expect(parseCellValue(written)).toStrictEqual(expected);
        expect(parseCellValue(toFullWidth(written))).toStrictEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps figure, unit, bound and census year apart whatever their layout', () => {
    const bound = fc.constantFrom<[string, string]>(['以上', 'ge'], ['以下', 'le'], ['以内', 'le'], ['未満', 'lt'], ['超', 'gt']);
    const era = fc.integer({ min: 1, max: 30 });
    const lineBreak = fc.constantFrom('\n', '\r\n', ' ', '');
    fc.assert(
      fc.property(figure, fc.constantFrom(...UNITS), bound, lineBreak, era, (n, unit, [word, b], beforeBound, h) => {
        const written = `${n.toFixed(1)}${unit}${beforeBound}${word}\n(H${h} 国調)`;
        const value = Number(n.toFixed(1));
        const expected = {
          kind: 'number',
          value: value === 0 ? 0 : value,
          unit: unit.normalize('NFKC'),
          bound: b,
          year: 1988 + h,
          yearNote: `H${h} 国調`,
        };
        expect(parseCellValue(written)).toStrictEqual(expected);
        expect(parseCellValue(allToFullWidth(written))).toStrictEqual(expected);
      }),
      { numRuns: 1_000 },
    );
  });

  it('reads full-width text as its half-width form (the fast path agrees with the full reading)', () => {
    const asciiLedger = fc
      .array(fc.constantFrom('0', '1', '5', '9', '.', ',', '%', '-', ' ', '\n', '(', ')', 'H', 'R', '2', '#', '*', 'E', '+'), { maxLength: 10 })
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(asciiLedger, (text) => {
        expect(meaning(parseCellValue(allToFullWidth(text)))).toStrictEqual(meaning(parseCellValue(text)));
      }),
      { numRuns: 3_000 },
    );
  });
});
