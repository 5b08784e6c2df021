/**
 * The adapter's pure parts: XML payloads, undo snapshot parts, text inputs,
 * column runs and grid conversion.
 */
import { describe, expect, it } from 'vitest';
import { snapshotInput, textInput } from '../../src/excel/cellInput';
import { columnRuns, runAddress } from '../../src/excel/cellRuns';
import { HostError } from '../../src/excel/errors';
import { toGridCell, toSheetGrid } from '../../src/excel/toSheetGrid';
import { partsToSnapshot, snapshotToParts, type UndoSnapshot } from '../../src/excel/undoSnapshot';
import { unwrapXml, wrapInXml } from '../../src/excel/xmlPayload';

describe('XML payloads', () => {
  it('round-trips any text, including markup and "]]>"', () => {
    const text = '{"a":"<b> & ]]> \\"q\\" 基準値"}';
    const xml = wrapInXml('kpiRule', 'urn:x', { version: '1' }, text);
    expect(unwrapXml(xml)).toEqual({ root: 'kpiRule', attributes: { xmlns: 'urn:x', version: '1' }, text });
  });

  it('reads what Excel may hand back: a declaration, single quotes, CDATA', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<kpiRule xmlns='urn:x'><![CDATA[{"a":1}]]>&#x41;</kpiRule>`;
    expect(unwrapXml(xml)?.text).toBe('{"a":1}A');
    expect(unwrapXml('<a xmlns="urn:x"><b/></a>')).toBeUndefined();
    expect(unwrapXml('not xml')).toBeUndefined();
  });
});

describe('undo snapshot parts', () => {
  const snapshot: UndoSnapshot = {
    version: 1,
    takenAt: '2025-04-01T09:00:00.000Z',
    cells: Array.from({ length: 200 }, (_, i) => ({ sheet: '第1節😀', address: `G${i + 1}`, row: i, col: 6, value: i % 2 ? 'Ａ' : null })),
    rules: [{ sheet: '第1節😀', range: 'G1:G200', formula: '=N("KPI評価")+(G1="Ｓ")' }],
    notes: [{ sheet: '第1節😀', address: 'G1', before: '【KPI評価】前回' }],
  };

  it('splits into numbered parts without breaking characters, and joins them back in any order', () => {
    const parts = snapshotToParts(snapshot, 'id-1', 997);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(partsToSnapshot([...parts].reverse())).toEqual(snapshot);
  });

  it('refuses incomplete or foreign content', () => {
    const parts = snapshotToParts(snapshot, 'id-1', 997);
    expect(() => partsToSnapshot(parts.slice(1))).toThrow(HostError);
    const bogus = wrapInXml('kpiUndo', 'urn:kpi-ledger-addin:undo:v1', { snapshot: 'z', part: '1', of: '1' }, '{"version":2}');
    expect(() => partsToSnapshot([bogus])).toThrow(/壊れて/);
  });
});

describe('cell inputs', () => {
  it('keeps text as text where Excel would read something else', () => {
    expect(textInput('Ａ')).toBe('Ａ');
    expect(textInput('S')).toBe('S');
    expect(textInput('－')).toBe('－');
    expect(textInput('-')).toBe("'-");
    expect(textInput('7')).toBe("'7");
    expect(textInput('=A1')).toBe("'=A1");
    expect(textInput('TRUE')).toBe("'TRUE");
    expect(textInput('H29.4.1')).toBe("'H29.4.1");
    expect(textInput("'quoted")).toBe("''quoted");
  });

  it('restores formulas, values and empty cells', () => {
    expect(snapshotInput({ value: 'Ｂ', formula: '=F9' })).toBe('=F9');
    expect(snapshotInput({ value: 5 })).toBe(5);
    expect(snapshotInput({ value: null })).toBe('');
    expect(snapshotInput({ value: '0123' })).toBe("'0123");
    expect(snapshotInput({ value: false })).toBe(false);
  });
});

describe('column runs', () => {
  it('groups consecutive rows of one column and breaks at gaps, columns and sheets', () => {
    const cell = (sheet: string, row: number, col: number) => ({ sheet, row, col });
    const runs = columnRuns([cell('A', 5, 6), cell('A', 4, 6), cell('A', 7, 6), cell('A', 4, 7), cell('B', 4, 6)]);
    expect(runs.map((r) => `${r.sheet}!${runAddress(r)}`)).toEqual(['A!G5:G6', 'A!G8', 'A!H5', 'B!G5']);
    expect(columnRuns(Array.from({ length: 5 }, (_, i) => cell('A', i, 0)), 2).map(runAddress)).toEqual(['A1:A2', 'A3:A4', 'A5']);
  });
});

describe('grid conversion', () => {
  it('keeps empty cells out and places blocks at their sheet position', () => {
    expect(toGridCell('', '', 'General', '')).toBeUndefined();
    expect(toGridCell(0.63, '63.0%', '0.0%', 0.63)).toEqual({ text: '63.0%', value: 0.63, numberFormat: '0.0%' });
    expect(toGridCell('', '', 'General', '=""')).toEqual({ text: '', value: null, formula: '=""' });
    const grid = toSheetGrid('S', false, [{ rowIndex: 4, columnIndex: 2, values: [['a', '']], text: [['a', '']], numberFormat: [['General', 'General']], formulas: [['a', '']] }], []);
    expect(grid.rows.length).toBe(5);
    expect(grid.rows[4]?.[2]).toEqual({ text: 'a', value: 'a' });
    expect(grid.rows[4]?.[3]).toBeUndefined();
  });
});
