/**
 * The officer's table readings saved with the workbook (beside the grading rule), the pure
 * reading of the saved part's text (for the command line), and reading the selected range.
 */
import { describe, expect, it } from 'vitest';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { BUILTIN_PRESETS } from '../../src/core/presets';
import { HostError } from '../../src/excel/errors';
import { MAPPING_NAMESPACE, mappingsFromCustomXml, mappingsToCustomXml } from '../../src/excel/mappingPart';
import { createOfficeHost } from '../../src/excel/officeHost';
import { RULE_NAMESPACE } from '../../src/excel/presetStore';
import { MAX_SELECTION_CELLS } from '../../src/excel/readSelection';
import { EXPECTED_GRADES, MAPPING, ROWS, SHEET } from '../core/mapping/fixture';
import { createWorkbookDouble } from '../support/workbookDouble';

/** The fixture's table at B2 (rows[r][c] lands at row r, column c: pad one row and one column). */
const cells = [[], ...ROWS.map((r) => ['', ...r])];

function setUp() {
  const double = createWorkbookDouble([{ name: '表紙', cells: [['総合戦略 進捗状況']] }, { name: SHEET, cells, merges: ['B9:C9'] }]);
  const invalid: (readonly string[])[] = [];
  const host = createOfficeHost(double.run, { onInvalidSavedMappings: (errors) => invalid.push(errors) });
  return { double, host, invalid };
}

describe('saveMappings / loadMappings', () => {
  it('round-trips, keeps one part of its own beside the rule’s, and survives reopening', async () => {
    const { double, host } = setUp();
    expect(await host.loadMappings()).toEqual([]);
    await host.savePreset(BUILTIN_PRESETS.tassei);
    await host.saveMappings([MAPPING]);
    await host.saveMappings([MAPPING, { ...MAPPING, range: 'B2:G6' }]);
    expect(double.customXmlParts(MAPPING_NAMESPACE)).toHaveLength(1);
    expect(double.customXmlParts(RULE_NAMESPACE)).toHaveLength(1);
    expect(await createOfficeHost(double.run).loadMappings()).toEqual([MAPPING, { ...MAPPING, range: 'B2:G6' }]);
    // Removing is saving the rest.
    await host.saveMappings([]);
    expect(await host.loadMappings()).toEqual([]);
    expect(double.customXmlParts(MAPPING_NAMESPACE)).toHaveLength(1);
  });

  it('refuses to save a mapping that cannot be used, saying why in Japanese, and keeps the saved ones', async () => {
    const { host } = setUp();
    await host.saveMappings([MAPPING]);
    const noTarget = { ...MAPPING, columns: MAPPING.columns.map((c) => (c.role === 'target' ? { ...c, role: 'ignore' as const, year: undefined } : c)) };
    const error = await host.saveMappings([noTarget]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('mappingInvalid');
    expect((error as HostError).message).toContain('「施策評価」シート B2:G7: 「目標」の列を 1 つだけ選んでください');
    expect(await host.loadMappings()).toEqual([MAPPING]);
  });

  it('reads a damaged or hand-edited part as none, and says why', async () => {
    const { double, host, invalid } = setUp();
    double.addCustomXmlPart(`<kpiTableMappings xmlns="${MAPPING_NAMESPACE}">{"version":1,"mappings":[{"sheet":""}]}</kpiTableMappings>`);
    expect(await host.loadMappings()).toEqual([]);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!.join(' ')).toContain('1 件目の表 の sheet（シート名）を空にしないでください。');
  });

  it('a failing workbook becomes a HostError in plain words', async () => {
    const { host } = setUp();
    const failing = createOfficeHost(async () => {
      throw new Error('GeneralException');
    });
    await expect(failing.loadMappings()).rejects.toMatchObject({ code: 'mappingLoadFailed' });
    await expect(failing.saveMappings([MAPPING])).rejects.toMatchObject({ code: 'mappingSaveFailed' });
    void host;
  });
});

describe('mappingsFromCustomXml: the saved part’s text, for the command line', () => {
  it('reads what the store wrote', async () => {
    const { double, host } = setUp();
    await host.saveMappings([MAPPING]);
    const xml = double.customXmlParts(MAPPING_NAMESPACE)[0]!.xml;
    expect(mappingsFromCustomXml(xml)).toEqual({ ok: true, mappings: [MAPPING] });
    expect(mappingsFromCustomXml(`<?xml version="1.0" encoding="UTF-8"?>\n${mappingsToCustomXml([MAPPING])}`)).toEqual({ ok: true, mappings: [MAPPING] });
  });

  it('is not fooled by other parts: undefined for a part that is not ours', () => {
    expect(mappingsFromCustomXml(`<kpiRule xmlns="${RULE_NAMESPACE}">{}</kpiRule>`)).toBeUndefined();
    expect(mappingsFromCustomXml(`<kpiTableMappings xmlns="urn:someone-else">{}</kpiTableMappings>`)).toBeUndefined();
    expect(mappingsFromCustomXml('<ds:datastoreItem/>')).toBeUndefined();
  });

  it('says why a part of ours cannot be used', () => {
    const r = mappingsFromCustomXml(`<kpiTableMappings xmlns="${MAPPING_NAMESPACE}">not json</kpiTableMappings>`);
    expect(r?.ok).toBe(false);
  });
});

describe('readSelection', () => {
  it('reads the selected range on the active sheet: address, cells at their positions, merges, nothing outside', async () => {
    const { double, host } = setUp();
    double.selectRange(SHEET, 'B2:G7');
    const syncs = double.syncCount;
    const selected = await host.readSelection();
    expect(double.syncCount - syncs).toBe(2);
    expect(selected.sheet).toBe(SHEET);
    expect(selected.address).toBe('B2:G7');
    expect(selected.range).toEqual({ top: 1, left: 1, bottom: 6, right: 6 });
    expect(selected.grid.rows[1]?.[1]?.text).toBe('施策の成果を測る項目');
    expect(selected.grid.rows[2]?.[2]?.text).toBe('372万人');
    expect(selected.grid.rows[0]).toBeUndefined();
    expect(selected.grid.merges).toEqual([]);
    // The selection is what the mapping reads: the same grades as on the whole sheet.
    const evaluation = evaluateWorkbook([selected.grid], BUILTIN_PRESETS.standard, { mappings: [MAPPING] });
    expect(evaluation.tables[0]!.kpis.map((k) => k.outcome.grade)).toEqual([...EXPECTED_GRADES]);
  });

  it('includes merges meeting the range', async () => {
    const { double, host } = setUp();
    double.selectRange(SHEET, 'B8:G9');
    expect((await host.readSelection()).grid.merges).toEqual([{ top: 8, left: 1, bottom: 8, right: 2 }]);
  });

  it('refuses whole columns before asking for their cells', async () => {
    const { double, host } = setUp();
    double.selectRange(SHEET, 'B1:G20000');
    expect(6 * 20000).toBeGreaterThan(MAX_SELECTION_CELLS);
    const error = await host.readSelection().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'selectionTooLarge' });
    expect((error as HostError).message).toContain('選択した範囲が大きすぎます（120,000 セル）');
  });
});
