/**
 * The engine reads the common cases by hand (src/core/cellValue.ts, detect/indicator.ts,
 * i18n.ts) and leaves the rest to the general grammar, regexes and i18next. These properties
 * check that the hand-read paths give exactly what the general paths give, by asking for the
 * same reading twice: once in a form the fast path takes, once in a form only the general
 * path takes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../../src/core/cellValue';
import { readIndicatorText } from '../../src/core/detect/indicator';
import { createTranslator, i18nInstance, type Params } from '../../src/core/i18n';
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

describe('messages: the compiled translator writes what i18next writes', () => {
  const bundle = {
    ja: {
      plain: '現状値なし',
      one: '進捗率 {{p}}（経過 {{t}}）',
      spaced: '「{{ sheet }}」シートのセル {{cell}}',
      repeated: '{{a}}と{{a}}と{{b}}',
      dollar: 'US$ {{a}}',
    },
    en: {
      plain: 'No current value',
      one: 'Progress {{p}} (elapsed {{t}})',
      spaced: 'Cell {{cell}} on sheet "{{ sheet }}"',
      repeated: '{{a}} and {{a}} and {{b}}',
      dollar: 'US$ {{a}}',
    },
  } as const;
  type Key = keyof typeof bundle.ja;
  const t = createTranslator<Key>('fastPathsTest', bundle);
  const value = fc.oneof(
    fc.constantFrom('75%', '{{t}}', '$t(plain)', '$&', '{', '}}', '', 'a$', 'Ａ'),
    fc.string({ maxLength: 6 }),
    fc.integer(),
    fc.constant(undefined),
  );
  const params: fc.Arbitrary<Params | undefined> = fc.option(
    fc.dictionary(fc.constantFrom('p', 't', 'sheet', 'cell', 'a', 'b', 'count', 'context', 'other'), value),
    { nil: undefined },
  );

  it('for any key, language and params', () => {
    fc.assert(
      fc.property(fc.constantFrom<Key>('plain', 'one', 'spaced', 'repeated', 'dollar'), fc.constantFrom('ja' as const, 'en' as const), params, (key, lang, p) => {
        const expected = i18nInstance().getFixedT(lang, 'fastPathsTest')(key, p ?? {});
        expect(t(lang, key, p)).toBe(expected);
      }),
      { numRuns: 5_000 },
    );
  });
});
