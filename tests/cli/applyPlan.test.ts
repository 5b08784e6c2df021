import ExcelJS from 'exceljs';
import type { ConditionalFormattingOptions, ConditionalFormattingRule, Workbook, Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyWritePlan, isAddinRule, removeAddinRules } from '../../src/cli/applyPlan';
import { NOTE_MARKER } from '../../src/excel/notes';
import { readWorkbookGrids } from '../../src/cli/xlsxGrid';
import { cellAddress } from '../../src/core/grid';
import type { CellWrite, ConditionalFormatPlan, GradeColourRule, WritePlan } from '../../src/core/types';
import { SAMPLE_PATH } from '../../scripts/make-sample';

const SHEET1 = '第1節 地域産業';
const SHEET4 = '第4節 定住';

const RULES: readonly GradeColourRule[] = [
  { gradeKey: 'S', gradeText: 'Ｓ', fill: '#1F3A93', fontColor: '#FFFFFF' },
  { gradeKey: 'A', gradeText: 'Ａ', fill: '#1B7F3B', fontColor: '#FFFFFF' },
  { gradeKey: 'B', gradeText: 'Ｂ', fill: '#B8E0B0', fontColor: '#1A1A1A' },
  { gradeKey: 'C', gradeText: 'Ｃ', fill: '#FFE699', fontColor: '#1A1A1A' },
  { gradeKey: 'D', gradeText: 'Ｄ', fill: '#C0392B', fontColor: '#FFFFFF' },
  { gradeKey: 'E', gradeText: 'Ｅ', fill: '#BFBFBF', fontColor: '#1A1A1A' },
];

async function loadSample(): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE_PATH);
  return workbook;
}

async function roundTrip(workbook: Workbook): Promise<Workbook> {
  const buffer = await workbook.xlsx.writeBuffer();
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(buffer as ArrayBuffer);
  return loaded;
}

function formatsOf(worksheet: Worksheet): ConditionalFormattingOptions[] {
  return worksheet.conditionalFormattings;
}

/** Every cell of every sheet: value, style and note, keyed by sheet!address. */
function snapshot(workbook: Workbook): Map<string, string> {
  const cells = new Map<string, string>();
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells.set(`${ws.name}!${cell.address}`, JSON.stringify({ v: cell.value, s: cell.style, n: cell.note ?? null }));
      }),
    );
    cells.set(`${ws.name}!merges`, JSON.stringify((ws.model as { merges?: string[] }).merges ?? []));
  }
  return cells;
}

function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** A write of `after` into a cell, with `before` read from the workbook's grid as core does. */
function gradeWrite(workbook: Workbook, sheet: string, row: number, col: number, after: string): CellWrite {
  const grid = readWorkbookGrids(workbook).find((g) => g.name === sheet)!;
  const cell = grid.rows[row]?.[col];
  return {
    sheet,
    row,
    col,
    address: cellAddress(row, col),
    before: { value: cell?.value ?? null },
    after,
    purpose: 'grade',
  };
}

function samplePlan(workbook: Workbook): WritePlan {
  const formats: ConditionalFormatPlan[] = [
    { sheet: SHEET1, range: 'G11:G14', rules: RULES },
    { sheet: SHEET1, range: 'G25:G26', rules: RULES },
    { sheet: SHEET4, range: 'G20:G21', rules: RULES },
  ];
  return {
    writes: [
      gradeWrite(workbook, SHEET1, 12, 6, 'Ａ'), // G13 市内高校: Ｂ → Ａ
      gradeWrite(workbook, SHEET4, 19, 6, 'Ｓ'), // G20 若者の定住率: Ａ → Ｓ
    ],
    notes: [{ sheet: SHEET1, address: 'G13', text: '進捗率 75%（経過 60%）→ Ａ 順調' }],
    formats,
    skipped: [],
  };
}

describe('applyWritePlan on the sample ledger', () => {
  it('changes only the planned cells: values and notes, never styles or merges', async () => {
    const original = await loadSample();
    const before = snapshot(await roundTrip(original));
    const workbook = await loadSample();
    const report = applyWritePlan(workbook, samplePlan(workbook));
    expect(report).toEqual({ written: 2, notes: 1, rules: 18, skipped: [] });

    const reloaded = await roundTrip(workbook);
    const after = snapshot(reloaded);
    expect(changedKeys(before, after)).toEqual([`${SHEET1}!G13`, `${SHEET4}!G20`]);

    const g13 = reloaded.getWorksheet(SHEET1)!.getCell('G13');
    expect(g13.value).toBe('Ａ');
    expect(g13.note).toBe(`${NOTE_MARKER}進捗率 75%（経過 60%）→ Ａ 順調`);
    expect(JSON.stringify(g13.style)).toBe(JSON.stringify(original.getWorksheet(SHEET1)!.getCell('G13').style));
    expect(reloaded.getWorksheet(SHEET4)!.getCell('G20').value).toBe('Ｓ');
  });

  it('adds one expression rule per grade, relative to the range top-left, with the planned colours', async () => {
    const workbook = await loadSample();
    applyWritePlan(workbook, samplePlan(workbook));
    const reloaded = await roundTrip(workbook);
    const formats = formatsOf(reloaded.getWorksheet(SHEET1)!);
    expect(formats.map((f) => f.ref)).toEqual(['G11:G14', 'G25:G26']);

    const rules = formats[0]!.rules as Array<ConditionalFormattingRule & { formulae: string[] }>;
    expect(rules).toHaveLength(6);
    expect(rules.every((r) => r.type === 'expression' && isAddinRule(r))).toBe(true);
    const s = rules.find((r) => r.formulae[0]!.includes('G11="Ｓ"'))!;
    expect(s.style?.fill).toMatchObject({ type: 'pattern', pattern: 'solid', bgColor: { argb: 'FF1F3A93' } });
    expect(s.style?.font?.color).toEqual({ argb: 'FFFFFFFF' });
    const c = rules.find((r) => r.formulae[0]!.includes('G11="Ｃ"'))!;
    expect(c.style?.fill).toMatchObject({ bgColor: { argb: 'FFFFE699' } });
    expect(c.style?.font?.color).toEqual({ argb: 'FF1A1A1A' });
    expect(formatsOf(reloaded.getWorksheet(SHEET1)!)[1]!.rules[0]!).toMatchObject({ formulae: [expect.stringContaining('G25="Ｓ"')] });

    const priorities = formats.flatMap((f) => f.rules.map((r) => r.priority));
    expect(new Set(priorities).size).toBe(priorities.length);
  });

  it('a second run replaces its rules instead of adding more', async () => {
    const workbook = await loadSample();
    applyWritePlan(workbook, samplePlan(workbook));
    const once = await roundTrip(workbook);
    const second = applyWritePlan(once, { ...samplePlan(once), writes: [], notes: [] });
    expect(second.rules).toBe(18);
    const twice = await roundTrip(once);
    for (const name of [SHEET1, SHEET4]) {
      const before = formatsOf((await roundTrip(workbook)).getWorksheet(name)!);
      const after = formatsOf(twice.getWorksheet(name)!);
      expect(after.map((f) => [f.ref, f.rules.length])).toEqual(before.map((f) => [f.ref, f.rules.length]));
    }
  });

  it('replaces the rules of a table that grew, and keeps the user’s rules on the same cells', async () => {
    const workbook = await loadSample();
    const ws = workbook.getWorksheet(SHEET1)!;
    ws.addConditionalFormatting({
      ref: 'G11:G14',
      rules: [{ type: 'expression', priority: 1, formulae: ['G11="Ｄ"'], style: { font: { bold: true } } }],
    });
    ws.addConditionalFormatting({
      ref: 'C11:F14',
      rules: [{ type: 'cellIs', operator: 'equal', priority: 2, formulae: ['"－"'], style: { font: { italic: true } } }],
    });
    applyWritePlan(workbook, samplePlan(workbook));
    const once = await roundTrip(workbook);
    const grown: WritePlan = { writes: [], notes: [], skipped: [], formats: [{ sheet: SHEET1, range: 'G11:G15', rules: RULES }] };
    applyWritePlan(once, grown);
    const formats = formatsOf((await roundTrip(once)).getWorksheet(SHEET1)!);

    const user = formats.flatMap((f) => f.rules.filter((r) => !isAddinRule(r)).map((r) => [f.ref, r.type]));
    expect(user).toEqual([
      ['G11:G14', 'expression'],
      ['C11:F14', 'cellIs'],
    ]);
    const ours = formats.filter((f) => f.rules.some(isAddinRule)).map((f) => f.ref);
    // G11:G14 was replaced by G11:G15; the other table's rules (G25:G26) were not in scope.
    expect(ours).toEqual(['G25:G26', 'G11:G15']);
  });

  it('a range planned without rules loses its old colours', async () => {
    const workbook = await loadSample();
    applyWritePlan(workbook, samplePlan(workbook));
    const once = await roundTrip(workbook);
    const report = applyWritePlan(once, { writes: [], notes: [], skipped: [], formats: [{ sheet: SHEET4, range: 'G20:G21', rules: [] }] });
    expect(report.rules).toBe(0);
    expect(formatsOf((await roundTrip(once)).getWorksheet(SHEET4)!)).toEqual([]);
  });

  it('removeAddinRules clears only the add-in’s rules', async () => {
    const workbook = await loadSample();
    const ws = workbook.getWorksheet(SHEET4)!;
    ws.addConditionalFormatting({
      ref: 'G8:G9',
      rules: [{ type: 'expression', priority: 1, formulae: ['G8="Ｓ"'], style: { font: { bold: true } } }],
    });
    applyWritePlan(workbook, samplePlan(workbook));
    const reloaded = await roundTrip(workbook);
    const sheet = reloaded.getWorksheet(SHEET4)!;
    expect(removeAddinRules(sheet)).toBe(6);
    expect(formatsOf(sheet).map((f) => f.ref)).toEqual(['G8:G9']);
  });
});

describe('what applyWritePlan refuses to write', () => {
  async function ledger(): Promise<Workbook> {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('台帳');
    ws.getCell('A1').value = '達成状況';
    ws.getCell('A2').value = 'Ｂ';
    ws.getCell('A3').value = { formula: 'IF(1,"Ｓ","Ａ")', result: 'Ｓ' };
    ws.getCell('A4').value = 'Ｃ';
    ws.getCell('B1').value = '見出し';
    ws.mergeCells('B1:C1');
    ws.getCell('A2').note = '担当者メモ：H30に再確認';
    const locked = workbook.addWorksheet('保護');
    locked.getCell('A2').value = 'Ａ';
    await locked.protect('', {});
    return roundTrip(workbook);
  }
  const write = (sheet: string, row: number, col: number, before: string | null, after: string): CellWrite => ({
    sheet,
    row,
    col,
    address: cellAddress(row, col),
    before: { value: before },
    after,
    purpose: 'grade',
  });

  it('skips formula cells, cells changed since the plan, and protected sheets, with problems', async () => {
    const workbook = await ledger();
    const report = applyWritePlan(workbook, {
      writes: [
        write('台帳', 1, 0, 'Ｂ', 'Ａ'), // A2: written
        write('台帳', 2, 0, 'Ｓ', 'Ａ'), // A3: formula
        write('台帳', 3, 0, 'Ｂ', 'Ａ'), // A4: holds Ｃ now
        write('保護', 1, 0, 'Ａ', 'Ｓ'),
      ],
      notes: [{ sheet: '保護', address: 'A2', text: '理由' }],
      formats: [{ sheet: '保護', range: 'A2:A3', rules: RULES }],
      skipped: [],
    });
    expect(report.written).toBe(1);
    expect(report.notes).toBe(0);
    expect(report.rules).toBe(0);
    expect(report.skipped.map((p) => [p.code, p.sheet, p.cell])).toEqual([
      ['gradeIsFormula', '台帳', 'A3'],
      ['changedSincePreview', '台帳', 'A4'],
      ['sheetProtected', '保護', 'A2'],
    ]);
    const ws = workbook.getWorksheet('台帳')!;
    expect(ws.getCell('A2').value).toBe('Ａ');
    expect(ws.getCell('A3').formula).toBe('IF(1,"Ｓ","Ａ")');
    expect(ws.getCell('A4').value).toBe('Ｃ');
    expect(workbook.getWorksheet('保護')!.getCell('A2').value).toBe('Ａ');
  });

  it('replaces its own note on the next run and leaves the officer’s note alone', async () => {
    const workbook = await ledger();
    const plan = (text: string): WritePlan => ({
      writes: [],
      notes: [
        { sheet: '台帳', address: 'A2', text }, // the officer's note is there
        { sheet: '台帳', address: 'A4', text },
      ],
      formats: [],
      skipped: [],
    });
    expect(applyWritePlan(workbook, plan('進捗率 40% → Ｂ')).notes).toBe(1);
    const once = await roundTrip(workbook);
    expect(applyWritePlan(once, plan('進捗率 80% → Ａ')).notes).toBe(1);
    const ws = (await roundTrip(once)).getWorksheet('台帳')!;
    expect(ws.getCell('A2').note).toBe('担当者メモ：H30に再確認');
    expect(ws.getCell('A4').note).toBe(`${NOTE_MARKER}進捗率 80% → Ａ`);
  });

  it('throws, writing nothing, when the plan does not fit the workbook', async () => {
    const workbook = await ledger();
    const before = snapshot(workbook);
    const good = write('台帳', 1, 0, 'Ｂ', 'Ａ');
    expect(() =>
      applyWritePlan(workbook, { writes: [good, write('存在しない', 0, 0, null, 'Ａ')], notes: [], formats: [], skipped: [] }),
    ).toThrow(/存在しない/);
    expect(() =>
      applyWritePlan(workbook, { writes: [good, write('台帳', 0, 2, null, 'Ａ')], notes: [], formats: [], skipped: [] }),
    ).toThrow(/C1 is inside a merged area/);
    expect(() =>
      applyWritePlan(workbook, { writes: [good], notes: [], formats: [{ sheet: '台帳', range: 'G5:G9', rules: [{ ...RULES[0]!, fill: 'blue' }] }], skipped: [] }),
    ).toThrow(/"blue" is not a colour/);
    expect(changedKeys(before, snapshot(workbook))).toEqual([]);
  });
});
