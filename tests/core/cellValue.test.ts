import { describe, expect, it } from 'vitest';
import { parseBound, parseCellValue } from '../../src/core/cellValue';
import type { CellReading } from '../../src/core/types';

/** A number reading with only the fields given; the others must be absent. */
function num(value: number, unit: string, extra: Partial<Omit<Extract<CellReading, { kind: 'number' }>, 'kind'>> = {}): CellReading {
  return { kind: 'number', value, unit, ...extra };
}

function expectReading(text: string, expected: CellReading): void {
  expect(parseCellValue(text)).toStrictEqual(expected);
}

describe('parseCellValue: numbers with units (spec §2)', () => {
  it.each<[string, CellReading]>([
    ['63.0％', num(63, '%')],
    ['65.0%以上\n(H32 国調)', num(65, '%', { bound: 'ge', year: 2020, yearNote: 'H32 国調' })],
    ['２，９２０件', num(2920, '件')],
    ['2,920件', num(2920, '件')],
    ['720億円\n(H24)', num(720, '億円', { year: 2012, yearNote: 'H24' })],
    ['665億円\n（H28）', num(665, '億円', { year: 2016, yearNote: 'H28' })],
    ['372万人', num(372, '万人')],
    ['300位以内', num(300, '位', { bound: 'le' })],
    ['440位', num(440, '位')],
    ['150人以下', num(150, '人', { bound: 'le' })],
    ['20か所\n以上', num(20, 'か所', { bound: 'ge' })],
    ['770億円\n以上', num(770, '億円', { bound: 'ge' })],
    ['50.0%以上', num(50, '%', { bound: 'ge' })],
    ['30組以上', num(30, '組', { bound: 'ge' })],
    ['62.0%以上', num(62, '%', { bound: 'ge' })],
    ['10件超', num(10, '件', { bound: 'gt' })],
    ['5件未満', num(5, '件', { bound: 'lt' })],
    ['16.0', num(16, '')],
    ['0人', num(0, '人')],
    ['-5', num(-5, '')],
    ['△5', num(-5, '')],
    ['▲5', num(-5, '')],
    ['1.5倍', num(1.5, '倍')],
    ['3.2ポイント', num(3.2, 'ポイント')],
  ])('%j', (text, expected) => expectReading(text, expected));

  it('reads 未実施 (not implemented yet) as 0 with notImplemented', () => {
    expectReading('未実施', num(0, '', { notImplemented: true }));
  });
});

describe('parseCellValue: more cells from the seed report (柏崎市 H29)', () => {
  it.each<[string, CellReading]>([
    ['63.0％\n(H22 国調)', num(63, '%', { year: 2010, yearNote: 'H22 国調' })],
    ['69.8％\n(H27 国調)', num(69.8, '%', { year: 2015, yearNote: 'H27 国調' })],
    ['65.0%\n(H32 国調)', num(65, '%', { year: 2020, yearNote: 'H32 国調' })],
    ['56.0%以上\n(H32 国調)', num(56, '%', { bound: 'ge', year: 2020, yearNote: 'H32 国調' })],
    ['693億円\n(H26)', num(693, '億円', { year: 2014, yearNote: 'H26' })],
    ['450万人\n以上', num(450, '万人', { bound: 'ge' })],
    ['40社\n以上', num(40, '社', { bound: 'ge' })],
    ['21か所', num(21, 'か所')],
    ['120人以上', num(120, '人', { bound: 'ge' })],
    ['4,542件', num(4542, '件')],
    ['13.7％', num(13.7, '%')],
    ['85.0%以上', num(85, '%', { bound: 'ge' })],
  ])('%j', (text, expected) => expectReading(text, expected));
});

describe('parseCellValue: other ways officers write figures', () => {
  it.each<[string, CellReading]>([
    ['６３．０％', num(63, '%')],
    ['69.8％\n（Ｈ２７ 国調）', num(69.8, '%', { year: 2015, yearNote: 'H27 国調' })],
    ['－5', num(-5, '')],
    ['−5', num(-5, '')],
    ['+3.2ポイント', num(3.2, 'ポイント')],
    ['△0.0', num(0, '')],
    ['20 か所 以上', num(20, 'か所', { bound: 'ge' })],
    ['20か所\r\n以上', num(20, 'か所', { bound: 'ge' })],
    ['\u300063.0％\u3000', num(63, '%')],
    ['10件超え', num(10, '件', { bound: 'gt' })],
    ['延べ1,307人', num(1307, '人')],
    ['約50件程度', num(50, '件')],
    ['100%を維持', num(100, '%')],
    ['1,200㎡', num(1200, 'm2')],
    ['1,000万kWh', num(1000, '万kWh')],
    ['16.', num(16, '')],
  ])('%j', (text, expected) => expectReading(text, expected));
});

describe('parseCellValue: notes and the value’s own year (spec §3)', () => {
  it.each<[string, CellReading]>([
    ['81.3％\n※来年度以降調査予定', num(81.3, '%')],
    ['81.3%※1', num(81.3, '%')],
    ['63.0％ (H22 国調)', num(63, '%', { year: 2010, yearNote: 'H22 国調' })],
    ['69.8％（H27国調）', num(69.8, '%', { year: 2015, yearNote: 'H27国調' })],
    ['50件\n(R2)', num(50, '件', { year: 2020, yearNote: 'R2' })],
    ['50件\n(2020年)', num(50, '件', { year: 2020, yearNote: '2020年' })],
    ['50件\n(令和元年度)', num(50, '件', { year: 2019, yearNote: '令和元年度' })],
    ['720億円\nH24', num(720, '億円', { year: 2012, yearNote: 'H24' })],
    ['65.0% H32国調', num(65, '%', { year: 2020, yearNote: 'H32国調' })],
    ['50件\n【H30見込】', num(50, '件', { year: 2018, yearNote: 'H30見込' })],
    ['50件(前年比+5件)', num(50, '件')],
    ['50件\n(H24)\n(H26)', num(50, '件', { year: 2012, yearNote: 'H24' })],
  ])('%j', (text, expected) => expectReading(text, expected));

  it('does not take a count of 2020 for a year', () => {
    expectReading('2020件', num(2020, '件'));
  });
});

describe('parseCellValue: states (qualitative values)', () => {
  it.each<[string, string]>([
    ['策定完了', 'done'],
    ['完了', 'done'],
    ['達成', 'done'],
    ['実施済', 'done'],
    ['実施済み', 'done'],
    ['整備完了', 'done'],
    ['未策定', 'notDone'],
    ['未達成', 'notDone'],
    ['策定中', 'notDone'],
    ['未着手', 'notStarted'],
    ['中止', 'cancelled'],
    ['廃止', 'cancelled'],
    ['評価困難', 'hardToEvaluate'],
    ['把握困難', 'hardToEvaluate'],
  ])('%s → %s, text kept', (text, state) => {
    expectReading(text, { kind: 'state', state: state as 'done', text });
  });

  it('sets a year note aside from a state', () => {
    expectReading('完了\n(H30)', { kind: 'state', state: 'done', text: '完了\n(H30)' });
  });
});

describe('parseCellValue: missing (no figure for that year)', () => {
  it.each(['－', '―', '-', 'ー', '—', '', '   ', '\u3000', ' \n ', '-\n(H27 国調)', '－\n※来年度以降調査予定', '※来年度以降調査予定', '(H28)'])(
    '%j',
    (text) => expectReading(text, { kind: 'missing' }),
  );
});

describe('parseCellValue: unreadable cells say why', () => {
  it.each<[string, string]>([
    ['調査中です', 'noNumber'],
    ['(50件)', 'noNumber'],
    ['10〜20件', 'severalNumbers'],
    ['10-20件', 'severalNumbers'],
    ['10～20件', 'severalNumbers'],
    ['12,34', 'severalNumbers'],
    ['50hoge件', 'unknownWord'],
    ['50件を目指して取り組む', 'unknownWord'],
    ['今年度は50件', 'unknownWord'],
    ['10〜', 'unknownWord'],
    ['#DIV/0!', 'notAValue'],
    ['#REF!', 'notAValue'],
    ['#N/A', 'notAValue'],
    ['#VALUE!', 'notAValue'],
    ['TRUE', 'notAValue'],
  ])('%j → %s', (text, reason) => {
    expectReading(text, { kind: 'unreadable', text, reason: reason as 'noNumber' });
  });

  it('accepts an unknown short word as the unit; the row checks units agree (decision)', () => {
    expectReading('50ほげ件', num(50, 'ほげ件'));
  });
});

describe('parseCellValue: the raw value behind the display', () => {
  it('prefers the displayed text to the raw number', () => {
    expect(parseCellValue('63.0%', { value: 0.63, numberFormat: '0.0%' })).toStrictEqual(num(63, '%'));
  });

  it('uses value × 100 with unit % when the text is empty and the format is a percentage', () => {
    expect(parseCellValue('', { value: 0.63, numberFormat: '0.0%' })).toStrictEqual(num(63, '%'));
  });

  it('uses the plain number when the text is empty', () => {
    expect(parseCellValue('', { value: 2920, numberFormat: 'General' })).toStrictEqual(num(2920, ''));
    expect(parseCellValue('', { value: 16 })).toStrictEqual(num(16, ''));
  });

  it('does not scale a quoted % in the format', () => {
    expect(parseCellValue('', { value: 63, numberFormat: '0.0"%"' })).toStrictEqual(num(63, '%'));
  });

  it('takes unit and bound from a quoted suffix when the column is too narrow (####)', () => {
    expect(parseCellValue('########', { value: 2920, numberFormat: '#,##0"件以上"' })).toStrictEqual(
      num(2920, '件', { bound: 'ge' }),
    );
  });

  it('reads scientific and accounting displays from the raw number', () => {
    expect(parseCellValue('6.30E+01', { value: 63 })).toStrictEqual(num(63, ''));
    expect(parseCellValue('(1,234)', { value: -1234, numberFormat: '#,##0;(#,##0)' })).toStrictEqual(num(-1234, ''));
  });

  it('reads a boolean as notAValue', () => {
    expect(parseCellValue('TRUE', { value: true })).toStrictEqual({ kind: 'unreadable', text: 'TRUE', reason: 'notAValue' });
    expect(parseCellValue('', { value: false })).toStrictEqual({ kind: 'unreadable', text: '', reason: 'notAValue' });
  });

  it('reads an error value as notAValue', () => {
    expect(parseCellValue('#DIV/0!', { value: '#DIV/0!' })).toMatchObject({ kind: 'unreadable', reason: 'notAValue' });
    expect(parseCellValue('', { value: Number.NaN })).toMatchObject({ kind: 'unreadable', reason: 'notAValue' });
  });

  it('reads an empty cell as missing and a text value when there is no display', () => {
    expect(parseCellValue('', { value: null })).toStrictEqual({ kind: 'missing' });
    expect(parseCellValue('', { value: '策定完了' })).toStrictEqual({ kind: 'state', state: 'done', text: '策定完了' });
  });
});

describe('parseBound', () => {
  it.each<[string, string | undefined]>([
    ['以上', 'ge'],
    ['超', 'gt'],
    ['以下', 'le'],
    ['以内', 'le'],
    ['未満', 'lt'],
    ['程度', undefined],
    ['toString', undefined],
  ])('%s → %s', (word, bound) => expect(parseBound(word)).toBe(bound));
});

// Speed is measured by `npm run bench` (bench/engine.ts) and written in the README, never
// asserted here: the machines are shared and noisy. These check what the fast paths must keep.
describe('parseCellValue: long and pathological cells', () => {
  it.each<[string, string, number, string]>([
    ['an unclosed bracket run', '('.repeat(30_000), 0, 'missing'],
    ['a figure then a long run of words', `1${'あ '.repeat(15_000)}`, 30_000, 'unknownWord'],
    ['a figure then many more figures', `1${' 2'.repeat(15_000)}`, 30_001, 'severalNumbers'],
    ['a long run of long-vowel marks before a figure', `${'ー'.repeat(30_000)}1`, 30_001, 'unknownWord'],
    ['a figure on every one of many lines', '1\n'.repeat(15_000), 29_999, 'severalNumbers'],
  ])('reads %s to the right reading', (_what, text, length, reason) => {
    const reading = parseCellValue(text);
    if (reason === 'missing') {
      expect(reading).toStrictEqual({ kind: 'missing' });
      return;
    }
    expect(reading).toMatchObject({ kind: 'unreadable', reason });
    // The reading keeps the whole cell text (trimmed), for the problem that names it.
    expect(reading.kind === 'unreadable' && reading.text.length).toBe(length);
  });
});

describe('parseCellValue: the seed report’s cells, read once or many times', () => {
  const SEED: ReadonlyArray<readonly [string, object]> = [
    ['63.0％\n(H22 国調)', { kind: 'number', value: 63, unit: '%', year: 2010, yearNote: 'H22 国調' }],
    ['－', { kind: 'missing' }],
    ['69.8％\n(H27 国調)', { kind: 'number', value: 69.8, unit: '%', year: 2015, yearNote: 'H27 国調' }],
    ['59.0％', { kind: 'number', value: 59, unit: '%' }],
    ['16.0', { kind: 'number', value: 16, unit: '' }],
    ['720億円\n(H24)', { kind: 'number', value: 720, unit: '億円', year: 2012, yearNote: 'H24' }],
    ['770億円\n以上', { kind: 'number', value: 770, unit: '億円', bound: 'ge' }],
    ['372万人', { kind: 'number', value: 372, unit: '万人' }],
    ['2,920件', { kind: 'number', value: 2920, unit: '件' }],
    ['300位以内', { kind: 'number', value: 300, unit: '位', bound: 'le' }],
    ['150人以下', { kind: 'number', value: 150, unit: '人', bound: 'le' }],
    ['20か所\n以上', { kind: 'number', value: 20, unit: 'か所', bound: 'ge' }],
    ['62.0%以上', { kind: 'number', value: 62, unit: '%', bound: 'ge' }],
  ];

  it('reads each as the report means it, the first time and after 200,000 more reads', () => {
    for (const [text, reading] of SEED) expect(parseCellValue(text), text).toStrictEqual(reading);
    // Readings are remembered per text: many reads of the same texts (and of others pushing them
    // out of the memo) must give the same readings as the first.
    for (let i = 0; i < 200_000; i++) parseCellValue(i % 7 === 0 ? `${i}件` : SEED[i % SEED.length]![0]);
    for (const [text, reading] of SEED) expect(parseCellValue(text), text).toStrictEqual(reading);
  });
});

describe('parseCellValue: figures too large for a number', () => {
  it.each(['9'.repeat(400), `${'9'.repeat(400)}件`])('reads %s… as notAValue', (text) => {
    expect(parseCellValue(text)).toMatchObject({ kind: 'unreadable', reason: 'notAValue' });
  });

  it('reads an overflowing percentage as notAValue', () => {
    expect(parseCellValue('', { value: -1e307, numberFormat: '0.0%' })).toMatchObject({ kind: 'unreadable', reason: 'notAValue' });
  });
});

describe('parseCellValue: qualitative targets as a relation to the baseline', () => {
  it.each([
    ['基準値を上回る', 'up'],
    ['基準値より増加', 'up'],
    ['現状値を上回る', 'up'],
    ['増加', 'up'],
    ['向上', 'up'],
    ['基準値を下回る', 'down'],
    ['減少', 'down'],
    ['策定時より減少', 'down'],
    ['削減', 'down'],
    ['現状維持', 'keep'],
    ['維持', 'keep'],
    ['基準値以上', 'keep'],
    ['基準値を 上回る', 'up'], // a space inside, as officers type
    ['基準値を上回る\n(R5)', 'up'], // with its year below
  ] as const)('%j → %s', (text, relation) => {
    expect(parseCellValue(text)).toMatchObject({ kind: 'relation', relation });
  });

  it('keeps the text as written', () => {
    expect(parseCellValue(' 現状維持 ')).toStrictEqual({ kind: 'relation', relation: 'keep', text: '現状維持' });
  });

  it.each(['現状', '基準値', '増加傾向', '上回る見込み'])('%j is no relation', (text) => {
    expect(parseCellValue(text)).toMatchObject({ kind: 'unreadable', reason: 'noNumber' });
  });

  it('leaves figures and states alone', () => {
    expect(parseCellValue('65.0%を維持')).toMatchObject({ kind: 'number', value: 65, unit: '%' });
    expect(parseCellValue('策定完了')).toMatchObject({ kind: 'state', state: 'done' });
  });
});
