/**
 * The grading rule saved with the workbook: round trip through a custom XML part,
 * one part only, and a damaged or foreign rule read as "none saved" without a crash.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_PRESETS, copyPreset } from '../../src/core/presets';
import type { Preset } from '../../src/core/types';
import { HostError } from '../../src/excel/errors';
import { createOfficeHost } from '../../src/excel/officeHost';
import { RULE_NAMESPACE } from '../../src/excel/presetStore';
import { createWorkbookDouble } from '../support/workbookDouble';

function setUp() {
  const double = createWorkbookDouble([{ name: 'S' }]);
  const problems: (readonly string[])[] = [];
  const host = createOfficeHost(double.run, { onInvalidSavedPreset: (errors) => problems.push(errors) });
  return { double, host, problems };
}

describe('savePreset / loadPreset', () => {
  it('round-trips a rule and keeps a single part', async () => {
    const { double, host } = setUp();
    expect(await host.loadPreset()).toBeUndefined();
    const mine = copyPreset(BUILTIN_PRESETS.standard, 'standard-copy-1', '按分進捗（市独自）');
    await host.savePreset(BUILTIN_PRESETS.tassei);
    await host.savePreset(mine);
    expect(double.customXmlParts(RULE_NAMESPACE)).toHaveLength(1);
    expect(await host.loadPreset()).toEqual(mine);
    // And from a new host, as after reopening the workbook.
    expect(await createOfficeHost(double.run).loadPreset()).toEqual(mine);
  });

  it('tells the custom functions, then recalculates fully so =KPI.GRADE cells use the new rule', async () => {
    const double = createWorkbookDouble([{ name: 'S' }]);
    const order: string[] = [];
    const host = createOfficeHost(double.run, {
      onPresetSaved: (preset) => order.push(`told ${preset.id} after ${double.calculations().length} calculations`),
    });
    await host.savePreset(BUILTIN_PRESETS.tassei);
    expect(order).toEqual(['told tassei after 0 calculations']);
    expect(double.calculations()).toEqual(['Full']);
  });

  it('reads a rule with text that needs escaping in XML', async () => {
    const { host } = setUp();
    const tricky = copyPreset(BUILTIN_PRESETS.kijun, 'kijun-x', '基準値比較 <改> & "試行" ]]>');
    await host.savePreset(tricky);
    expect(await host.loadPreset()).toEqual(tricky);
  });

  it('gives undefined, and says why, for a damaged or foreign saved rule', async () => {
    const { double, host, problems } = setUp();
    double.addCustomXmlPart(`<kpiRule xmlns="${RULE_NAMESPACE}" version="1">{"method":"standard","id":</kpiRule>`);
    await expect(host.loadPreset()).resolves.toBeUndefined();
    expect(problems).toHaveLength(1);

    const other = setUp();
    other.double.addCustomXmlPart(`<kpiRule xmlns="${RULE_NAMESPACE}">${JSON.stringify({ ...BUILTIN_PRESETS.tassei, thresholds: { a: 0.5, b: 0.8, c: 1 } })}</kpiRule>`);
    await expect(other.host.loadPreset()).resolves.toBeUndefined();
    expect(other.problems[0]?.length).toBeGreaterThan(0);

    const foreign = setUp();
    foreign.double.addCustomXmlPart(`<something xmlns="${RULE_NAMESPACE}"><child/></something>`);
    await expect(foreign.host.loadPreset()).resolves.toBeUndefined();
  });

  it('refuses to save a rule that does not parse', async () => {
    const { double, host } = setUp();
    const broken = { ...BUILTIN_PRESETS.tassei, thresholds: { a: 0.5, b: 0.8, c: 1 } } as Preset;
    await expect(host.savePreset(broken)).rejects.toBeInstanceOf(HostError);
    await expect(host.savePreset(broken)).rejects.toMatchObject({ code: 'presetInvalid' });
    expect(double.customXmlParts(RULE_NAMESPACE)).toEqual([]);
  });
});

describe('selectCell', () => {
  it('activates the sheet and selects the cell', async () => {
    const double = createWorkbookDouble([{ name: 'A' }, { name: '基本目標2' }]);
    const host = createOfficeHost(double.run);
    await host.selectCell('基本目標2', 'G7');
    expect(double.activeSheet()).toBe('基本目標2');
    expect(double.selection()).toEqual({ sheet: '基本目標2', address: 'G7' });
    await expect(host.selectCell('ない', 'A1')).rejects.toMatchObject({ code: 'selectFailed', message: expect.stringContaining('ない') });
  });
});
