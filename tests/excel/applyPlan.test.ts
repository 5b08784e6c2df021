/**
 * applyPlan over the workbook double: only planned cells change, colour rules
 * are added with the right formulas and colours and replaced (never duplicated)
 * on the next run, the officer's rules and notes stay, cells that changed since
 * the preview / hold formulas / sit on protected sheets are skipped with the right
 * problem while the rest is written; a normal apply costs two syncs, a huge one is
 * chunked under 5 MB per request.
 */
import { describe, expect, it } from 'vitest';
import { ADDIN_RULE_MARKER } from '../../src/core/colours';
import { makeProblem } from '../../src/core/problems';
import type { WritePlan } from '../../src/core/types';
import { REQUEST_LIMIT_BYTES } from '../../src/excel/chunking';
import { createOfficeHost } from '../../src/excel/officeHost';
import { NOTE_MARKER } from '../../src/core/notes';
import { UNDO_NAMESPACE } from '../../src/excel/undoSnapshot';
import { createWorkbookDouble, type WorkbookDoubleHandle } from '../support/workbookDouble';
import { GOAL1, GOAL2, MEMO, gradeWrite, ledgerSheets, plan, standardColours } from '../support/workbookDoubleLedger';

function setUp(options?: Parameters<typeof createWorkbookDouble>[1]) {
  const double = createWorkbookDouble(ledgerSheets(), options);
  const host = createOfficeHost(double.run, { isSetSupported: double.isSetSupported });
  return { double, host };
}

/** Cells whose state differs between two dumps, as "sheet!A1". */
function changedCells(before: ReturnType<WorkbookDoubleHandle['allCells']>, after: ReturnType<WorkbookDoubleHandle['allCells']>): string[] {
  const out: string[] = [];
  for (const sheet of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[sheet] ?? {};
    const b = after[sheet] ?? {};
    for (const address of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (JSON.stringify(a[address]) !== JSON.stringify(b[address])) out.push(`${sheet}!${address}`);
    }
  }
  return out.sort();
}

const gradePlan = (): WritePlan =>
  plan({
    writes: [gradeWrite(GOAL1, 'H8', 'Ａ'), gradeWrite(GOAL1, 'H10', 'Ｃ', { value: 5 })],
    formats: [standardColours(GOAL1, 'H6:H10')],
  });

describe('applyPlan', () => {
  it('writes only the planned cells and adds one colour rule per grade, in two syncs', async () => {
    const { double, host } = setUp();
    const before = double.allCells();
    await host.readGrids({ kind: 'workbook' });
    const readSyncs = double.syncCount;
    const report = await host.applyPlan(gradePlan());
    const applySyncs = double.syncCount - readSyncs;

    expect(report).toEqual({ written: 2, notes: 0, rules: 6, skipped: [] });
    expect(changedCells(before, double.allCells())).toEqual([`${GOAL1}!H10`, `${GOAL1}!H8`].sort());
    expect(double.getCell(GOAL1, 'H8')).toMatchObject({ value: 'Ａ', text: 'Ａ' });
    expect(double.getCell(GOAL1, 'H10')).toMatchObject({ value: 'Ｃ', text: 'Ｃ', numberFormat: '0' });

    const rules = double.conditionalFormats(GOAL1);
    expect(rules).toHaveLength(6); // － has no colour
    expect(rules.map((r) => [r.range, r.formula, r.fill, r.fontColor])).toEqual(
      expect.arrayContaining([
        ['H6:H10', `=${ADDIN_RULE_MARKER}+(H6="Ｓ")`, '#1F3A93', '#FFFFFF'],
        ['H6:H10', `=${ADDIN_RULE_MARKER}+(H6="Ａ")`, '#1B7F3B', '#FFFFFF'],
        ['H6:H10', `=${ADDIN_RULE_MARKER}+(H6="Ｂ")`, '#B8E0B0', '#1A1A1A'],
        ['H6:H10', `=${ADDIN_RULE_MARKER}+(H6="Ｃ")`, '#FFE699', '#1A1A1A'],
        ['H6:H10', `=${ADDIN_RULE_MARKER}+(H6="Ｄ")`, '#C0392B', '#FFFFFF'],
        ['H6:H10', `=${ADDIN_RULE_MARKER}+(H6="Ｅ")`, '#BFBFBF', '#1A1A1A'],
      ]),
    );
    expect(rules.every((r) => r.type === 'Custom')).toBe(true);
    expect(applySyncs).toBe(2);
    expect(double.syncCount).toBeLessThanOrEqual(4); // read + check + write, the whole evaluation
    expect(double.customXmlParts(UNDO_NAMESPACE)).toHaveLength(1);
  });

  it('replaces its own rules on the next run and leaves the officer’s rules alone', async () => {
    const { double, host } = setUp();
    double.addConditionalFormat(GOAL1, 'E6:F10', { type: 'CellValue', fill: '#FF0000' });
    double.addConditionalFormat(GOAL1, 'H6:H10', { formula: '=H6="要確認"', fill: '#FFFF00' });
    await host.applyPlan(gradePlan());
    await host.applyPlan(plan({ formats: [standardColours(GOAL1, 'H6:H10')] }));
    const rules = double.conditionalFormats(GOAL1);
    expect(rules.filter((r) => r.formula?.includes(ADDIN_RULE_MARKER))).toHaveLength(6);
    expect(rules.filter((r) => !r.formula?.includes(ADDIN_RULE_MARKER)).map((r) => [r.type, r.fill])).toEqual([
      ['CellValue', '#FF0000'],
      ['Custom', '#FFFF00'],
    ]);
  });

  it('skips changed, formula and protected cells with the right problem and writes the rest', async () => {
    const { double, host } = setUp();
    const p = plan({
      writes: [
        gradeWrite(GOAL1, 'H8', 'Ａ'), // the officer types here after the preview
        gradeWrite(GOAL1, 'H9', 'Ｓ', { value: 'Ｂ' }), // holds a formula (the planner missed it)
        gradeWrite(GOAL1, 'H10', 'Ｃ', { value: 5 }), // fine
        gradeWrite(GOAL2, 'F2', 'Ａ'), // protected sheet
        gradeWrite(MEMO, 'C1', 'Ｓ'), // fine
      ],
      notes: [
        { sheet: GOAL1, address: 'H8', text: '進捗率 75%（経過 60%）→ Ａ 順調' },
        { sheet: GOAL1, address: 'H10', text: '進捗率 10%（経過 60%）→ Ｃ やや遅れている' },
      ],
      formats: [standardColours(GOAL1, 'H6:H10'), standardColours(GOAL2, 'F2:F2')],
    });
    double.setCell(GOAL1, 'H8', 'Ｂ');
    const before = double.allCells();
    const report = await host.applyPlan(p);

    expect(report.skipped.map((s) => [s.code, s.sheet, s.cell])).toEqual([
      ['sheetProtected', GOAL2, 'F2'],
      ['changedSincePreview', GOAL1, 'H8'],
      ['gradeIsFormula', GOAL1, 'H9'],
    ]);
    expect(report.written).toBe(2);
    expect(changedCells(before, double.allCells())).toEqual([`${GOAL1}!H10`, `${MEMO}!C1`].sort());
    // No reason is left next to the grade that was not written.
    expect(double.getCell(GOAL1, 'H8').note).toBeUndefined();
    expect(report.notes).toBe(1);
    expect(double.getCell(GOAL1, 'H9').formula).toBe('=IF(F9>=G9,"Ｓ","Ｂ")');
    expect(double.conditionalFormats(GOAL2)).toEqual([]);
    expect(report.rules).toBe(6);
  });

  it('writes a hidden sheet, and a very hidden one only with the officer’s consent, in the same two syncs', async () => {
    const sheets = [
      ...ledgerSheets(),
      { name: '控え', visibility: 'Hidden' as const, cells: [['評価'], [null]] },
      { name: '隠し', visibility: 'VeryHidden' as const, cells: [['評価'], [null]] },
    ];
    const veryHidden = () => ({ writes: [gradeWrite('隠し', 'A2', 'Ａ')], notes: [{ sheet: '隠し', address: 'A2', text: '理由' }] });
    const p = () => plan({ ...veryHidden(), writes: [gradeWrite('控え', 'A2', 'Ｓ'), ...veryHidden().writes] });
    const double = createWorkbookDouble(sheets);
    const host = createOfficeHost(double.run, { isSetSupported: double.isSetSupported });
    const refused = await host.applyPlan(p());
    expect(double.syncCount).toBe(2);
    expect(refused.written).toBe(1);
    expect(refused.notes).toBe(0);
    expect(refused.skipped.map((s) => [s.code, s.sheet, s.cell])).toEqual([['veryHiddenNotWritten', '隠し', 'A2']]);
    expect(double.getCell('控え', 'A2')).toMatchObject({ value: 'Ｓ' });
    expect(double.getCell('隠し', 'A2')?.value ?? null).toBeNull();

    const consented = await host.applyPlan(plan(veryHidden()), { veryHidden: true });
    expect(double.syncCount).toBe(4);
    expect(consented.skipped).toEqual([]);
    expect(double.getCell('隠し', 'A2')).toMatchObject({ value: 'Ａ' });
    expect(double.getCell('隠し', 'A2').note).toBe(`${NOTE_MARKER}理由`);
  });

  it('never writes over a formula that returns a value, even 0 the preview saw as a plain value', async () => {
    const sheets = [...ledgerSheets(), { name: '式', cells: [['評価'], [{ value: 0, formula: '=IF(B2>C2,"Ｓ",0)' }]] }];
    const double = createWorkbookDouble(sheets);
    const host = createOfficeHost(double.run, { isSetSupported: double.isSetSupported });
    const report = await host.applyPlan(plan({ writes: [gradeWrite('式', 'A2', 'Ａ', { value: 0 })], notes: [{ sheet: '式', address: 'A2', text: '理由' }] }));
    expect(report.skipped.map((s) => [s.code, s.sheet, s.cell])).toEqual([['gradeIsFormula', '式', 'A2']]);
    expect(report).toMatchObject({ written: 0, notes: 0 });
    expect(double.getCell('式', 'A2')).toMatchObject({ value: 0, formula: '=IF(B2>C2,"Ｓ",0)' });
    expect(double.getCell('式', 'A2').note).toBeUndefined();
  });

  it('keeps the planner’s own skipped problems, without repeating them', async () => {
    const { host } = setUp();
    const protectedProblem = makeProblem('sheetProtected', GOAL2, 'A1:F2');
    const p: WritePlan = { ...plan({ writes: [gradeWrite(GOAL1, 'H8', 'Ａ')] }), skipped: [protectedProblem] };
    const report = await host.applyPlan(p);
    expect(report.skipped).toEqual([protectedProblem]);
  });

  it('reports a sheet renamed since the preview as missing and still writes the others', async () => {
    const { double, host } = setUp();
    double.renameSheet(MEMO, 'メモ（旧）');
    const report = await host.applyPlan(plan({ writes: [gradeWrite(GOAL1, 'H8', 'Ａ'), gradeWrite(MEMO, 'C1', 'Ｓ')] }));
    expect(report.skipped.map((s) => [s.code, s.sheet])).toEqual([['sheetMissing', MEMO]]);
    expect(double.getCell(GOAL1, 'H8').value).toBe('Ａ');
  });

  it('writes text that Excel would read as a number or formula as text', async () => {
    const { double, host } = setUp();
    await host.applyPlan(plan({ writes: [gradeWrite(MEMO, 'D1', '7'), gradeWrite(MEMO, 'D2', '-'), gradeWrite(MEMO, 'D3', '－')] }));
    expect(double.getCell(MEMO, 'D1').value).toBe('7');
    expect(double.getCell(MEMO, 'D2').value).toBe('-');
    expect(double.getCell(MEMO, 'D3').value).toBe('－');
  });

  it('writes cells touching a merged area one by one', async () => {
    const double = createWorkbookDouble([{ name: 'S', cells: [[null], [null], [null]], merges: ['A2:B2'] }]);
    const host = createOfficeHost(double.run);
    await host.applyPlan(plan({ writes: [gradeWrite('S', 'A1', 'Ａ'), gradeWrite('S', 'A2', 'Ｂ'), gradeWrite('S', 'A3', 'Ｃ')] }));
    expect(['A1', 'A2', 'A3'].map((a) => double.getCell('S', a).value)).toEqual(['Ａ', 'Ｂ', 'Ｃ']);
    const snapshot = double.customXmlParts(UNDO_NAMESPACE)[0]!.xml;
    expect(snapshot.match(/&quot;alone&quot;|"alone"/g)).toHaveLength(3);
  });

  it('adds notes with a marker where supported, replaces its own and keeps the officer’s', async () => {
    const { double, host } = setUp();
    double.setCell(GOAL1, 'H6', { value: 'Ｓ', note: '担当課コメント' });
    const notes = [
      { sheet: GOAL1, address: 'H6', text: '目標達成 → Ｓ' },
      { sheet: GOAL1, address: 'H8', text: '進捗率 75%（経過 60%）→ Ａ 順調' },
    ];
    const first = await host.applyPlan(plan({ writes: [gradeWrite(GOAL1, 'H8', 'Ａ')], notes }));
    expect(first.notes).toBe(1);
    expect(first.skipped.map((p) => [p.code, p.cell])).toEqual([['noteKept', 'H6']]);
    expect(double.getCell(GOAL1, 'H6').note).toBe('担当課コメント');
    expect(double.getCell(GOAL1, 'H8').note).toBe(`${NOTE_MARKER}進捗率 75%（経過 60%）→ Ａ 順調`);

    const second = await host.applyPlan(plan({ notes: [{ sheet: GOAL1, address: 'H8', text: '進捗率 80%（経過 60%）→ Ａ 順調' }] }));
    expect(second.notes).toBe(1);
    expect(double.notes(GOAL1).map((n) => n.content)).toEqual(['担当課コメント', `${NOTE_MARKER}進捗率 80%（経過 60%）→ Ａ 順調`]);
  });

  it('skips notes on hosts without ExcelApi 1.18 and writes the grades', async () => {
    const { double, host } = setUp({ excelApi: '1.17' });
    const report = await host.applyPlan(plan({ writes: [gradeWrite(GOAL1, 'H8', 'Ａ')], notes: [{ sheet: GOAL1, address: 'H8', text: '理由' }] }));
    expect(report).toMatchObject({ written: 1, notes: 0 });
    expect(report.skipped.map((p) => p.code)).toEqual(['notesUnsupported']);
    expect(report.skipped[0]!.message).toContain('メモ');
    expect(double.getCell(GOAL1, 'H8')).toMatchObject({ value: 'Ａ', note: undefined });
  });

  it('leaves the previous undo alone when there is nothing to write', async () => {
    const { double, host } = setUp();
    await host.applyPlan(gradePlan());
    const snapshot = double.customXmlParts(UNDO_NAMESPACE);
    double.setProtected(GOAL1, true);
    const report = await host.applyPlan(gradePlan());
    expect(report.written).toBe(0);
    expect(report.skipped.map((s) => s.code)).toEqual(['sheetProtected']);
    expect(double.customXmlParts(UNDO_NAMESPACE)).toEqual(snapshot);
  });
});

describe('applyPlan on a 10,000-KPI plan', () => {
  it('chunks so that no request reaches 5 MB, with syncs growing only by chunks', async () => {
    const sheets = Array.from({ length: 10 }, (_, s) => ({ name: `第${s + 1}章 施策の進捗状況`, cells: [['達成状況']] }));
    const double = createWorkbookDouble(sheets);
    const host = createOfficeHost(double.run, { isSetSupported: double.isSetSupported });
    const reason = '進捗率 75%（経過 60%）→ Ａ 順調。基準値より改善しているが目標値には届いていない';
    // Every other row, so no two cells share a range write: the worst case for request size.
    const writes = sheets.flatMap((s) => Array.from({ length: 1_000 }, (_, i) => gradeWrite(s.name, `G${2 * i + 2}`, 'Ａ')));
    const big = plan({
      writes,
      notes: writes.map((w) => ({ sheet: w.sheet, address: w.address, text: reason })),
      formats: sheets.map((s) => standardColours(s.name, 'G2:G2000')),
    });
    const report = await host.applyPlan(big);

    expect(report).toMatchObject({ written: 10_000, notes: 10_000, rules: 60, skipped: [] });
    expect(double.getCell(sheets[9]!.name, 'G2000').value).toBe('Ａ');
    const max = Math.max(...double.requestBytes);
    const total = double.requestBytes.reduce((a, b) => a + b, 0);
    expect(max).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(double.syncCount).toBeGreaterThan(2);
    // Each extra sync carries a good share of the limit: the count follows the bytes, not the cells or sheets.
    expect(double.syncCount).toBeLessThanOrEqual(2 + Math.ceil(total / 1_500_000));
    console.info(`10,000-KPI apply: ${double.syncCount} syncs, max request ${max} bytes, total ${total} bytes`);

    double.resetCounters();
    const undo = await host.undoLastWrite();
    expect(undo).toEqual({ restored: 10_000, problems: [] });
    expect(Math.max(...double.requestBytes)).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(double.getCell(sheets[9]!.name, 'G2000')).toMatchObject({ value: null, note: undefined });
    console.info(`10,000-KPI undo: ${double.syncCount} syncs, max request ${Math.max(...double.requestBytes)} bytes`);
  });
});
