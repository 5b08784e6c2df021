/**
 * The pieces under the KPI functions: lining ranges up (matrix.ts), reading arguments and
 * reconciling percent forms (args.ts), the saved-rule cache (ruleProvider.ts), the preset
 * argument (presets.ts) and the straight line of 目安値 (core/expected.ts).
 */
import './customFunctionsGlobal';
import { afterEach, describe, expect, it } from 'vitest';
import { expectedValue } from '../../src/core/expected';
import { BUILTIN_PRESETS } from '../../src/core/presets';
import type { Preset } from '../../src/core/types';
import { alignPercentForms, readValue, readYear } from '../../src/functions/args';
import { asMatrix, mapCells } from '../../src/functions/matrix';
import { findPreset, knownPresetNames } from '../../src/functions/presets';
import {
  connectWorkbookRule,
  loadGradeContext,
  refreshWorkbookRule,
  workbookGradeStyle,
  workbookRule,
} from '../../src/functions/ruleProvider';
import { expectCellError, thrownBy, VALUE } from './helpers';

afterEach(() => {
  connectWorkbookRule(undefined);
  refreshWorkbookRule({ gradeStyle: 'full' });
});

describe('matrix: lining ranges up', () => {
  it('reads an omitted argument as one empty cell and a plain value as one cell', () => {
    expect(asMatrix({ name: '当初', value: null })).toEqual([[null]]);
    expect(asMatrix({ name: '当初', value: undefined })).toEqual([[null]]);
    expect(asMatrix({ name: '当初', value: '13.0％' })).toEqual([['13.0％']]);
    expect(asMatrix({ name: '当初', value: [] })).toEqual([[null]]);
    expect(asMatrix({ name: '当初', value: ['a', 'b'] })).toEqual([['a', 'b']]);
  });

  it('refuses a range whose rows differ in length', () => {
    expectCellError(thrownBy(() => asMatrix({ name: '目標', value: [['a', 'b'], ['c']] })), VALUE, '目標の範囲の行ごとの列数がそろっていません。');
  });

  it('stretches single cells over a 2×2 range and keeps positions', () => {
    const out = mapCells(
      [
        { name: 'x', value: [[1, 2], [3, 4]] },
        { name: 'y', value: [[10]] },
      ],
      ([x, y]) => (x as number) + (y as number),
    );
    expect(out).toEqual([[11, 12], [13, 14]]);
  });

  it('turns a bug in one cell into that cell’s #VALUE!, with what happened', () => {
    const out = mapCells([{ name: 'x', value: [[1], [2]] }], ([x]) => {
      if (x === 2) throw new TypeError('boom');
      return x as number;
    });
    expect(out[0]).toEqual([1]);
    expectCellError(out[1]![0], VALUE, '計算中に予期しないエラーが発生しました（boom）。');
  });
});

describe('args: percent forms', () => {
  const read = (...values: unknown[]) => values.map((v, i) => readValue(`a${i}`, v));
  const values = (args: ReturnType<typeof read>) => args.map((a) => (a.reading.kind === 'number' ? [a.reading.value, a.reading.unit] : a.reading.kind));

  it('reads a fraction beside percent text as a percent', () => {
    expect(values(alignPercentForms(read('63.0％', 0.698, '65.0%以上')))).toEqual([
      [63, '%'],
      [69.8, '%'],
      [65, '%'],
    ]);
  });

  it('leaves a bare figure that already fits the percent text', () => {
    expect(values(alignPercentForms(read('13.0％', 16, '15.0％')))).toEqual([
      [13, '%'],
      [16, ''],
      [15, '%'],
    ]);
    // Small percentages: 0.8 beside 1.2% and 0.5% is 0.8 %, not 80 %.
    expect(values(alignPercentForms(read('1.2%', 0.8, '0.5%以下')))).toEqual([
      [1.2, '%'],
      [0.8, ''],
      [0.5, '%'],
    ]);
  });

  it('changes nothing without percent text, or for text figures and zero', () => {
    expect(values(alignPercentForms(read(0.63, 0.698, 0.65)))).toEqual([
      [0.63, ''],
      [0.698, ''],
      [0.65, ''],
    ]);
    expect(values(alignPercentForms(read('63.0%', '0.698', 0)))).toEqual([
      [63, '%'],
      [0.698, ''],
      [0, ''],
    ]);
  });
});

describe('args: years', () => {
  it('reads Western years, era years and notes; empty or － is unknown', () => {
    expect(readYear('年度', 2017)).toBe(2017);
    expect(readYear('年度', 'H29')).toBe(2017);
    expect(readYear('年度', '令和元年度')).toBe(2019);
    expect(readYear('年度', '(H27 国調)')).toBe(2015);
    expect(readYear('年度', null)).toBeUndefined();
    expect(readYear('年度', '')).toBeUndefined();
    expect(readYear('年度', '－')).toBeUndefined();
  });

  it.each([29, 2017.5, 42826, 'こんど', true])('refuses %s', (v) => {
    expectCellError(thrownBy(() => readYear('現状年度', v)), VALUE, /^現状年度「.*」は年度として読み取れません/);
  });
});

describe('presets: the preset argument', () => {
  const saved: Preset = { ...BUILTIN_PRESETS.standard, id: 'standard-custom', name: '按分進捗 7段階（調整）' };

  it('finds built-ins by id in any case or by name, and the saved rule by id or name', () => {
    expect(findPreset('Tassei', undefined)).toBe(BUILTIN_PRESETS.tassei);
    expect(findPreset(' 基準値比較 ', undefined)).toBe(BUILTIN_PRESETS.kijun);
    expect(findPreset('ｓｔａｎｄａｒｄ', saved)).toBe(BUILTIN_PRESETS.standard);
    expect(findPreset('standard-custom', saved)).toBe(saved);
    expect(findPreset('按分進捗 7段階（調整）', saved)).toBe(saved);
    expect(findPreset('hoge', saved)).toBeUndefined();
  });

  it('lists what can be asked for', () => {
    expect(knownPresetNames(undefined)).toBe('standard・kijun・tassei・pace・points・saiko・akiruno・tama・kitsuki・fukuoka');
    expect(knownPresetNames(saved)).toBe('standard・kijun・tassei・pace・points・saiko・akiruno・tama・kitsuki・fukuoka・按分進捗 7段階（調整）');
    expect(knownPresetNames(BUILTIN_PRESETS.pace)).toBe('standard・kijun・tassei・pace・points・saiko・akiruno・tama・kitsuki・fukuoka');
  });
});

describe('ruleProvider: the saved rule and style', () => {
  it('is standard and full-width with no workbook connected', async () => {
    expect(await workbookRule()).toBe(BUILTIN_PRESETS.standard);
    expect(workbookGradeStyle()).toBe('full');
  });

  it('reads the saved rule once for many calls, standard when none is saved', async () => {
    let reads = 0;
    connectWorkbookRule({
      loadPreset: () => {
        reads++;
        return Promise.resolve(undefined);
      },
    });
    const rules = await Promise.all(Array.from({ length: 50 }, () => workbookRule()));
    expect(new Set(rules)).toEqual(new Set([BUILTIN_PRESETS.standard]));
    expect(reads).toBe(1);
  });

  it('takes a new rule from the task pane without reading, or reads again when told to', async () => {
    let reads = 0;
    connectWorkbookRule({
      loadPreset: () => {
        reads++;
        return Promise.resolve(BUILTIN_PRESETS.kijun);
      },
    });
    expect(await workbookRule()).toBe(BUILTIN_PRESETS.kijun);
    refreshWorkbookRule({ preset: BUILTIN_PRESETS.pace });
    expect(await workbookRule()).toBe(BUILTIN_PRESETS.pace);
    expect(reads).toBe(1);
    refreshWorkbookRule();
    expect(await workbookRule()).toBe(BUILTIN_PRESETS.kijun);
    expect(reads).toBe(2);
  });

  it('keeps the style until told otherwise', () => {
    refreshWorkbookRule({ gradeStyle: 'half' });
    refreshWorkbookRule({ preset: BUILTIN_PRESETS.pace });
    expect(workbookGradeStyle()).toBe('half');
  });

  it('does not cache a failed read, and GRADE’s context carries why', async () => {
    let fail = true;
    connectWorkbookRule({
      loadPreset: () => (fail ? Promise.reject(new Error('読み込み失敗')) : Promise.resolve(BUILTIN_PRESETS.tassei)),
    });
    await expect(workbookRule()).rejects.toThrow('読み込み失敗');
    expect(await loadGradeContext()).toEqual({ saved: undefined, savedError: '読み込み失敗', style: 'full' });
    fail = false;
    expect(await workbookRule()).toBe(BUILTIN_PRESETS.tassei);
  });
});

describe('expectedValue (目安値) on the straight line', () => {
  it('follows the line between the years and stays at the ends outside them', () => {
    expect(expectedValue(63, 65, { baseline: 2014, target: 2019, year: 2017 })).toBeCloseTo(64.2, 12);
    expect(expectedValue(440, 300, { baseline: 2014, target: 2019, year: 2016 })).toBeCloseTo(384, 12);
    expect(expectedValue(63, 65, { baseline: 2014, target: 2019, year: 2014 })).toBe(63);
    expect(expectedValue(63, 65, { baseline: 2014, target: 2019, year: 2010 })).toBe(63);
    expect(expectedValue(63, 65, { baseline: 2014, target: 2019, year: 2019 })).toBe(65);
    expect(expectedValue(63, 65, { baseline: 2014, target: 2019, year: 2030 })).toBe(65);
  });

  it('has no value when the target year is not after the baseline year', () => {
    expect(expectedValue(63, 65, { baseline: 2019, target: 2019, year: 2019 })).toBeUndefined();
    expect(expectedValue(63, 65, { baseline: 2020, target: 2015, year: 2017 })).toBeUndefined();
  });
});
