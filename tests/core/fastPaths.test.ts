/**
 * The engine reads the common cases by hand (src/core/cellValue.ts, detect/indicator.ts) and
 * leaves the rest to the general grammar and regexes. These properties
 * check that the hand-read paths give exactly what the general paths give, by asking for the
 * same reading twice: once in a form the fast path takes, once in a form only the general
 * path takes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../../src/core/cellValue';
import { readIndicatorText } from '../../src/core/detect/indicator';
import type { CellReading } from '../../src/core/types';

const withoutText = (r: CellReading) => {
  const { text: _text, ...rest } = r as CellReading & { text?: string };
  return rest;
};

describe('value cells: the one-pass reading agrees with the grammar', () => {
  // "約" (about) is a tolerated prefix: "約63.0％" reads as "63.0％" does, but only the grammar
  // reads it (the fast paths take texts that start with a figure).
  const PARTS = ['0', '1', '5', '9', '０', '３', ',', '，', '.', '．', '%', '％', '-', '人', '件', 'か所', '以上', '以下',
    '以内', '未満', '超え', 'を超える', '超', '程度', '前後', '見込み', '見込', 'を維持', '維持', '元', '\n', ' ', '万',
    '億円', '位', 'ー', '々', 'ヶ', '(H24)', 'kWh'];

  it('for figures with units, bounds, words and second lines, in both widths', () => {
    fc.assert(
      fc.property(fc.constantFrom('1', '2', '9', '０', '３', '-1'), fc.array(fc.constantFrom(...PARTS), { maxLength: 8 }), (first, parts) => {
        const text = first + parts.join('');
        expect(withoutText(parseCellValue(text))).toStrictEqual(withoutText(parseCellValue(`約${text}`)));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('indicator names: the one-pass reading agrees with the general path', () => {
  // A ※ note on a line of its own sends a name down the general path and changes nothing else.
  const PARTS = ['女性', 'の', '就業率', '（', '）', '(', ')', '企画政策課', '課', '\n', ' ', '\u3000', 'Kashiwazaki',
    'LIfE', '15', '１', '２', 'ＫＰＩ', '・', 'ー', 'A', '1.', 'センター', '委員会', '支所', '所', '部', 'ｶﾞ'];

  it('for names with departments, brackets, spaces, line breaks and full-width letters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PARTS), { maxLength: 10 }), fc.boolean(), (parts, splitNumber) => {
        const text = parts.join('');
        const { note, ...general } = readIndicatorText(`${text}\n※調査予定`, { splitNumber });
        expect(note).toBe('※調査予定');
        expect(readIndicatorText(text, { splitNumber })).toStrictEqual(general);
      }),
      { numRuns: 20_000 },
    );
  });
});
