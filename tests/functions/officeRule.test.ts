/**
 * Inside Excel: =KPI.GRADE without a preset follows the rule the task pane saved in the
 * workbook (a custom XML part), read through the same preset store. Office.js is the
 * project's workbook double, installed as the globals Excel provides, before functions.ts is
 * loaded — as in the shared runtime, where the globals exist when functions.js runs.
 */
import './customFunctionsGlobal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PRESETS, copyPreset } from '../../src/core/presets';
import { createOfficeHost } from '../../src/excel/officeHost';
import { RULE_NAMESPACE } from '../../src/excel/presetStore';
import { createWorkbookDouble, installOfficeGlobals, type WorkbookDoubleHandle } from '../support/workbookDouble';
import { expectCellError, NA, only } from './helpers';

const GLOBALS = ['Excel', 'Office', 'OfficeExtension'] as const;

let double: WorkbookDoubleHandle;
let fns: typeof import('../../src/functions/functions');
let provider: typeof import('../../src/functions/ruleProvider');

beforeAll(async () => {
  double = createWorkbookDouble([{ name: '第1節' }]);
  installOfficeGlobals(double);
  fns = await import('../../src/functions/functions');
  provider = await import('../../src/functions/ruleProvider');
});

afterAll(() => {
  provider.connectWorkbookRule(undefined);
  for (const name of GLOBALS) delete (globalThis as Record<string, unknown>)[name];
});

const one = (v: unknown): unknown[][] => [[v]];
const 市内大学 = [one('13.0％'), one('13.7％'), one('15.0％'), one('H26'), one('H29'), one('H31')] as const;

describe('the saved rule in the add-in', () => {
  it('is standard while the workbook has none', async () => {
    expect(only(await fns.grade(...市内大学))).toBe('Ｂ');
  });

  it('follows the rule the task pane saves, once it says the rule changed', async () => {
    const host = createOfficeHost(double.run);
    const mine = copyPreset(BUILTIN_PRESETS.tassei, 'tassei-custom', '達成率（市独自）');
    await host.savePreset({ ...mine, thresholds: { a: 1, b: 0.95, c: 0.5 } } as typeof mine);
    // Cached until the pane refreshes it: a formula does not re-read the workbook per call.
    expect(only(await fns.grade(...市内大学))).toBe('Ｂ');
    provider.refreshWorkbookRule();
    expect(only(await fns.grade(...市内大学))).toBe('Ｃ'); // a = 0.913 < 0.95
    expect(only(await fns.grade(...市内大学, one('達成率（市独自）')))).toBe('Ｃ');
    expect(only(await fns.grade(...市内大学, one('tassei')))).toBe('Ｂ');
  });

  it('shows #N/A, not a grade by another rule, when the saved rule is damaged', async () => {
    // A newer, damaged part: the store reads the last one added.
    double.addCustomXmlPart(`<kpiRule xmlns="${RULE_NAMESPACE}" version="1">{"method":"standard","id":</kpiRule>`);
    provider.refreshWorkbookRule();
    expectCellError(only(await fns.grade(...市内大学)), NA, /^ブックに保存された評価ルールを読み込めませんでした（評価ルールを JSON として読み取れません。/);
    expect(only(await fns.grade(...市内大学, one('standard')))).toBe('Ｂ');
  });
});
