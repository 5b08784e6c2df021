import { describe, expect, it } from 'vitest';
import { alignUnits, figuresFromKpi, figuresFromValues, splitUnit, type FiguresResult } from '../../../src/core/figures';
import { input, kpiRow, missing, num, state, unreadable } from './helpers';

const place = { sheet: '第1節', kpi: '観光入込客数', row: 'C7:F7' };

function figuresOf(r: FiguresResult) {
  if (r.kind !== 'figures') throw new Error(`expected figures, got ${r.kind}`);
  return r.figures;
}

describe('figuresFromValues: picking the figures', () => {
  it('takes each value with its year; a bound stays with the target', () => {
    const r = figuresFromValues(
      { baseline: input(num(27, '社'), 2014), current: input(num(38, '社'), 2017), target: input(num(40, '社', { bound: 'ge' }), 2019) },
      place,
    );
    expect(r).toEqual({
      kind: 'figures',
      figures: {
        baseline: { value: 27, year: 2014 },
        current: { value: 38, year: 2017 },
        target: { value: 40, year: 2019, bound: 'ge' },
        unit: '社',
      },
      problems: [],
    });
  });

  it("a value's own year annotation wins over the column's (63.0％ (H22 国調) in an H26 column)", () => {
    const f = figuresOf(
      figuresFromValues(
        {
          baseline: input(num(63, '%', { year: 2010 }), 2014),
          current: input(num(69.8, '%', { year: 2015 }), 2017),
          target: input(num(65, '%', { year: 2020 }), 2019),
        },
        place,
      ),
    );
    expect([f.baseline?.year, f.current?.year, f.target.year]).toEqual([2010, 2015, 2020]);
  });

  it('no year anywhere leaves the year out', () => {
    const f = figuresOf(figuresFromValues({ current: input(num(5)), target: input(num(10)) }, place));
    expect(f).toEqual({ current: { value: 5 }, target: { value: 10 }, unit: '' });
  });

  it('missing current (－) or no current cell → figures without a current value (grade －)', () => {
    for (const current of [input(missing, 2017), undefined]) {
      const f = figuresOf(
        figuresFromValues({ baseline: input(num(81.3, '%'), 2014), current, target: input(num(85, '%', { bound: 'ge' }), 2019) }, place),
      );
      expect(f.current).toBeUndefined();
      expect(f.baseline).toEqual({ value: 81.3, year: 2014 });
    }
  });

  it('missing baseline (－ or no cell) → figures without a baseline', () => {
    for (const baseline of [input(missing, 2014), undefined]) {
      const f = figuresOf(figuresFromValues({ baseline, current: input(num(5, '件'), 2017), target: input(num(10, '件'), 2019) }, place));
      expect(f.baseline).toBeUndefined();
    }
  });

  it('baseline 未実施 (read as 0) is a baseline of 0', () => {
    const f = figuresOf(
      figuresFromValues(
        {
          baseline: input({ kind: 'number', value: 0, unit: '', notImplemented: true }, 2014),
          current: input(num(3, '回'), 2017),
          target: input(num(5, '回'), 2019),
        },
        place,
      ),
    );
    expect(f.baseline).toEqual({ value: 0, year: 2014 });
    expect(f.unit).toBe('回');
  });

  it('baseline 未着手 / 未策定 also reads as 0; 中止 or 評価困難 at the start gives no baseline', () => {
    const at = (baseline: ReturnType<typeof state>) =>
      figuresOf(
        figuresFromValues(
          { baseline: input(baseline, 2014), current: input(num(3, '回'), 2017), target: input(num(5, '回'), 2019) },
          place,
        ),
      ).baseline;
    expect(at(state('notStarted', '未着手'))).toEqual({ value: 0, year: 2014 });
    expect(at(state('notDone', '未策定'))).toEqual({ value: 0, year: 2014 });
    expect(at(state('cancelled', '中止'))).toBeUndefined();
    expect(at(state('hardToEvaluate', '評価困難'))).toBeUndefined();
  });
});

describe('figuresFromValues: units', () => {
  it('a bare number takes the row unit (市内大学 "16.0" among 13.0%, 15.0%)', () => {
    const f = figuresOf(figuresFromValues({ baseline: input(num(13, '%')), current: input(num(16)), target: input(num(15, '%')) }, place));
    expect(f.unit).toBe('%');
    expect(f.current?.value).toBe(16);
  });

  it('万/億 stay part of the unit when the row agrees (372万人 … 450万人以上): no rescaling', () => {
    const f = figuresOf(
      figuresFromValues(
        { baseline: input(num(372, '万人')), current: input(num(356, '万人')), target: input(num(450, '万人', { bound: 'ge' })) },
        place,
      ),
    );
    expect(f).toMatchObject({ baseline: { value: 372 }, current: { value: 356 }, target: { value: 450 }, unit: '万人' });
  });

  it('rescales to the target unit when scales differ: 7,200,000万円 vs 720億円 → exactly 720億円', () => {
    const f = figuresOf(
      figuresFromValues(
        {
          baseline: input(num(7_200_000, '万円')),
          current: input(num(66_500_000_000, '円')),
          target: input(num(770, '億円', { bound: 'ge' })),
        },
        place,
      ),
    );
    expect(f.unit).toBe('億円');
    expect(f.baseline?.value).toBe(720);
    expect(f.current?.value).toBe(665);
    expect(f.target.value).toBe(770);
  });

  it('rescales up as well: 3,970,000人 against a target in 万人 → 397万人', () => {
    const f = figuresOf(figuresFromValues({ current: input(num(3_970_000, '人')), target: input(num(450, '万人')) }, place));
    expect(f.current?.value).toBe(397);
    expect(f.unit).toBe('万人');
  });

  it('a bare target takes the unit of the current value', () => {
    const f = figuresOf(
      figuresFromValues({ baseline: input(num(18, 'か所')), current: input(num(21, 'か所')), target: input(num(20)) }, place),
    );
    expect(f.unit).toBe('か所');
  });

  it('spellings of one counter agree: 18か所, 21箇所, 20ヶ所', () => {
    const f = figuresOf(
      figuresFromValues({ baseline: input(num(18, 'か所')), current: input(num(21, '箇所')), target: input(num(20, 'ヶ所')) }, place),
    );
    expect(f.unit).toBe('ヶ所');
    expect(f.current?.value).toBe(21);
  });

  it('irreconcilable units → unitMismatch, naming the units, the KPI and the row', () => {
    const r = figuresFromValues(
      { baseline: input(num(720, '億円')), current: input(num(665, '人')), target: input(num(770, '億円')) },
      place,
    );
    expect(r.kind).toBe('ungradable');
    if (r.kind !== 'ungradable') return;
    expect(r.why).toEqual({ kind: 'unitMismatch', units: ['億円', '人'] });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'unitMismatch', sheet: '第1節', cell: 'C7:F7', severity: 'warning' });
    expect(r.problems[0].message).toContain('観光入込客数');
    expect(r.problems[0].message).toContain('億円／人');
  });

  it('% against 件 is a mismatch too', () => {
    expect(figuresFromValues({ current: input(num(5, '件')), target: input(num(50, '%')) }, place).kind).toBe('ungradable');
  });

  it('splitUnit separates scale words, longest first', () => {
    expect(splitUnit('百万円')).toEqual({ written: '百万円', scale: 1e6, base: '円' });
    expect(splitUnit('万人')).toEqual({ written: '万人', scale: 1e4, base: '人' });
    expect(splitUnit('億円')).toEqual({ written: '億円', scale: 1e8, base: '円' });
    expect(splitUnit('千円')).toEqual({ written: '千円', scale: 1e3, base: '円' });
    expect(splitUnit('件')).toEqual({ written: '件', scale: 1, base: '件' });
    expect(splitUnit('箇所')).toEqual({ written: '箇所', scale: 1, base: 'か所' });
    expect(splitUnit('名')).toEqual({ written: '名', scale: 1, base: '人' });
  });

  it('a scale word alone takes the row base: "450万" with 372万人 is 万人', () => {
    const aligned = alignUnits({ baseline: { value: 372, unit: '万人' }, target: { value: 450, unit: '万' } });
    expect(aligned).toEqual({ ok: true, unit: '万人', values: { baseline: 372, target: 450 } });
  });
});

describe('figuresFromValues: states and qualitative targets', () => {
  it('current 未着手 → the state path, with the plan and the current year', () => {
    const r = figuresFromValues(
      { baseline: input(num(0, '件'), 2014), current: input(state('notStarted', '未着手'), 2017), target: input(num(5, '件'), 2019) },
      place,
    );
    expect(r).toEqual({
      kind: 'state',
      state: 'notStarted',
      text: '未着手',
      plan: { baseline: { value: 0, year: 2014 }, target: { value: 5, year: 2019 }, unit: '件' },
      currentYear: 2017,
      problems: [],
    });
  });

  it('qualitative target 策定完了: the 0/1 scale, baseline 未策定 = 0, target done = 1 (met at ≥ 1)', () => {
    const r = figuresFromValues(
      {
        baseline: input(state('notDone', '未策定'), 2014),
        current: input(state('done', '策定完了'), 2017),
        target: input(state('done', '策定完了'), 2019),
      },
      place,
    );
    expect(r).toMatchObject({
      kind: 'state',
      state: 'done',
      plan: { baseline: { value: 0, year: 2014 }, target: { value: 1, year: 2019, bound: 'ge' }, unit: '' },
    });
  });

  it('qualitative target without a current value → figures without current (grade －)', () => {
    const r = figuresFromValues(
      { baseline: input(state('notDone', '未策定')), current: input(missing), target: input(state('done', '策定')) },
      place,
    );
    expect(r.kind).toBe('figures');
    if (r.kind === 'figures') expect(r.figures.current).toBeUndefined();
  });

  it('a figure against a qualitative target cannot be compared → unitMismatch', () => {
    const r = figuresFromValues({ current: input(num(50, '%')), target: input(state('done', '策定完了')) }, place);
    expect(r).toMatchObject({ kind: 'ungradable', why: { kind: 'unitMismatch', units: ['%', '策定完了'] } });
  });

  it('a figure as the baseline of a qualitative target is a mismatch unless it is 0', () => {
    const r = figuresFromValues(
      { baseline: input(num(3, '件')), current: input(state('done', '完了')), target: input(state('done', '策定完了')) },
      place,
    );
    expect(r.kind).toBe('ungradable');
  });
});

describe('figuresFromValues: rows that cannot be graded', () => {
  it.each([
    ['missing target', { reading: missing }],
    ['unreadable target', { reading: unreadable('調査中') }],
    ['target 未策定 (not a target)', { reading: state('notDone', '未策定') }],
    ['target 中止', { reading: state('cancelled', '中止') }],
  ])('%s → noTarget', (_label, target) => {
    const r = figuresFromValues({ baseline: input(num(1)), current: input(num(2)), target: { ...target, cell: 'F7' } }, place);
    expect(r.kind).toBe('ungradable');
    if (r.kind !== 'ungradable') return;
    expect(r.why).toEqual({ kind: 'noTarget' });
    expect(r.problems[0]).toMatchObject({ code: 'noTarget', sheet: '第1節', cell: 'F7' });
    expect(r.problems[0].message).toContain('観光入込客数');
  });

  it('no target input at all (a custom function given an empty cell) → noTarget', () => {
    expect(figuresFromValues({ current: input(num(2)) }, place)).toMatchObject({ kind: 'ungradable', why: { kind: 'noTarget' } });
  });

  it('unreadable current → unreadableCell with the text and the reason in words', () => {
    const r = figuresFromValues(
      { baseline: input(num(1)), current: input(unreadable('10〜20件', 'severalNumbers'), 2017, 'E7'), target: input(num(30)) },
      place,
    );
    expect(r.kind).toBe('ungradable');
    if (r.kind !== 'ungradable') return;
    expect(r.why).toEqual({ kind: 'unreadable', role: 'current', text: '10〜20件', reason: 'severalNumbers' });
    expect(r.problems[0]).toMatchObject({ code: 'unreadableCell', cell: 'E7' });
    expect(r.problems[0].message).toContain('10〜20件');
    expect(r.problems[0].message).toContain('数値が複数あって');
  });

  it('unreadable baseline → unreadableCell, even when the current value is missing', () => {
    const r = figuresFromValues(
      { baseline: input(unreadable('調査中です'), 2014, 'C7'), current: input(missing), target: input(num(30)) },
      place,
    );
    expect(r).toMatchObject({ kind: 'ungradable', why: { kind: 'unreadable', role: 'baseline' } });
  });

  it('every problem is reported, not only the first', () => {
    const r = figuresFromValues(
      {
        baseline: input(unreadable('?'), undefined, 'C7'),
        current: input(unreadable('??'), undefined, 'E7'),
        target: input(missing, undefined, 'F7'),
      },
      place,
    );
    expect(r.kind).toBe('ungradable');
    if (r.kind === 'ungradable')
      expect(r.problems.map((p) => [p.code, p.cell])).toEqual([
        ['noTarget', 'F7'],
        ['unreadableCell', 'C7'],
        ['unreadableCell', 'E7'],
      ]);
  });
});

describe('figuresFromKpi', () => {
  it('uses each ValueCell year and names problems by A1 address', () => {
    const kpi = kpiRow('若者の定住率', 6, {
      baseline: [num(60, '%', { year: 2010 }), 2014],
      current: [unreadable('集計中'), 2017],
      target: [num(62, '%', { bound: 'ge' }), 2019],
    });
    const r = figuresFromKpi(kpi, '第4節');
    expect(r.kind).toBe('ungradable');
    if (r.kind === 'ungradable') expect(r.problems[0]).toMatchObject({ code: 'unreadableCell', sheet: '第4節', cell: 'E7' });
  });

  it('points a unit mismatch at the row of value cells', () => {
    const kpi = kpiRow('x', 6, { baseline: [num(1, '件')], current: [num(2, '人')], target: [num(3, '件')] });
    const r = figuresFromKpi(kpi, 's');
    if (r.kind !== 'ungradable') throw new Error('expected ungradable');
    expect(r.problems[0].cell).toBe('C7:F7');
  });

  it('gives the census row its own clock (H22 → H27 → H32)', () => {
    const kpi = kpiRow('女性の就業率', 6, {
      baseline: [num(63, '%', { year: 2010 }), 2014],
      current: [num(69.8, '%', { year: 2015 }), 2017],
      target: [num(65, '%', { year: 2020 }), 2019],
    });
    expect(figuresFromKpi(kpi, 's')).toMatchObject({
      kind: 'figures',
      figures: { baseline: { year: 2010 }, current: { year: 2015 }, target: { year: 2020 } },
    });
  });
});
