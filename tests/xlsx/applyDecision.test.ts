/**
 * Carrying out a write decision on the .xlsx package (src/xlsx/applyDecision.ts),
 * checked by reading the result with exceljs, an independent reader: only the
 * planned cells, notes and rules change; styles, merges and the officer's rules
 * and notes stay.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { ConditionalFormattingOptions, ConditionalFormattingRule, Workbook, Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isAddinRuleFormula } from '../../src/core/colours';
import { decideWrites } from '../../src/core/decide';
import type { ApplyReport } from '../../src/core/host';
import { NOTE_MARKER } from '../../src/core/notes';
import { cellAddress } from '../../src/core/grid';
import type { CellWrite, ConditionalFormatPlan, GradeColourRule, WritePlan } from '../../src/core/types';
import { applyDecision, workbookNow } from '../../src/xlsx/applyDecision';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
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

const isAddinRule = (rule: ConditionalFormattingRule) =>
  ((rule as { formulae?: unknown[] }).formulae ?? []).some((f) => typeof f === 'string' && isAddinRuleFormula(f));

/** Decides and carries out `plan` on the file's bytes; the new bytes and the report. */
function apply(bytes: Uint8Array, plan: WritePlan): { bytes: Uint8Array; report: ApplyReport } {
  const loaded = readWorkbook(bytes);
  const report = applyDecision(loaded, decideWrites(plan, workbookNow(loaded, plan)));
  return { bytes: loaded.pkg.toBytes(), report };
}

async function exceljsOf(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

const sampleBytes = () => new Uint8Array(readFileSync(SAMPLE_PATH));

async function bytesOf(workbook: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
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

/** A write of `after` into a cell, with `before` read from the file's grid as core does. */
function gradeWrite(bytes: Uint8Array, sheet: string, row: number, col: number, after: string): CellWrite {
  const grid = readWorkbook(bytes).grids.find((g) => g.name === sheet)!;
  const cell = grid.rows[row]?.[col];
  return { sheet, row, col, address: cellAddress(row, col), before: { value: cell?.value ?? null }, after, purpose: 'grade' };
}

function samplePlan(bytes: Uint8Array): WritePlan {
  const formats: ConditionalFormatPlan[] = [
    { sheet: SHEET1, range: 'G11:G14', rules: RULES },
    { sheet: SHEET1, range: 'G25:G26', rules: RULES },
    { sheet: SHEET4, range: 'G20:G21', rules: RULES },
  ];
  return {
    writes: [
      gradeWrite(bytes, SHEET1, 12, 6, 'Ａ'), // G13 市内高校: Ｂ → Ａ
      gradeWrite(bytes, SHEET4, 19, 6, 'Ｓ'), // G20 若者の定住率: Ａ → Ｓ
    ],
    notes: [{ sheet: SHEET1, address: 'G13', text: '進捗率 75%（経過 60%）→ Ａ 順調' }],
    formats,
    skipped: [],
  };
}

describe('applyDecision on the sample ledger', () => {
  it('changes only the planned cells: values and notes, never styles or merges', async () => {
    const input = sampleBytes();
    const original = await exceljsOf(input);
    const { bytes, report } = apply(input, samplePlan(input));
    expect(report).toEqual({ written: 2, notes: 1, rules: 18, skipped: [] });

    const reloaded = await exceljsOf(bytes);
    expect(changedKeys(snapshot(original), snapshot(reloaded))).toEqual([`${SHEET1}!G13`, `${SHEET4}!G20`]);
    const g13 = reloaded.getWorksheet(SHEET1)!.getCell('G13');
    expect(g13.value).toBe('Ａ');
    expect(g13.note).toBe(`${NOTE_MARKER}進捗率 75%（経過 60%）→ Ａ 順調`);
    expect(JSON.stringify(g13.style)).toBe(JSON.stringify(original.getWorksheet(SHEET1)!.getCell('G13').style));
    expect(reloaded.getWorksheet(SHEET4)!.getCell('G20').value).toBe('Ｓ');
  });

  it('adds one expression rule per grade, relative to the range top-left, with the planned colours', async () => {
    const input = sampleBytes();
    const reloaded = await exceljsOf(apply(input, samplePlan(input)).bytes);
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
    expect(formats[1]!.rules[0]!).toMatchObject({ formulae: [expect.stringContaining('G25="Ｓ"')] });

    const priorities = formats.flatMap((f) => f.rules.map((r) => r.priority));
    expect(new Set(priorities).size).toBe(priorities.length);
  });

  it('a second run replaces its rules instead of adding more, and reuses its colours in styles.xml', async () => {
    const input = sampleBytes();
    const once = apply(input, samplePlan(input)).bytes;
    const second = apply(once, { ...samplePlan(once), writes: [], notes: [] });
    expect(second.report.rules).toBe(18);
    for (const name of [SHEET1, SHEET4]) {
      const before = formatsOf((await exceljsOf(once)).getWorksheet(name)!);
      const after = formatsOf((await exceljsOf(second.bytes)).getWorksheet(name)!);
      expect(after.map((f) => [f.ref, f.rules.length])).toEqual(before.map((f) => [f.ref, f.rules.length]));
    }
    const styles = (b: Uint8Array) => readWorkbook(b).pkg.text('xl/styles.xml');
    expect(styles(second.bytes)).toBe(styles(once));
  });

  it('replaces the rules of a table that grew, and keeps the user’s rules on the same cells', async () => {
    const workbook = await exceljsOf(sampleBytes());
    const ws = workbook.getWorksheet(SHEET1)!;
    ws.addConditionalFormatting({
      ref: 'G11:G14',
      rules: [{ type: 'expression', priority: 1, formulae: ['G11="Ｄ"'], style: { font: { bold: true } } }],
    });
    ws.addConditionalFormatting({
      ref: 'C11:F14',
      rules: [{ type: 'cellIs', operator: 'equal', priority: 2, formulae: ['"－"'], style: { font: { italic: true } } }],
    });
    const input = await bytesOf(workbook);
    const once = apply(input, samplePlan(input)).bytes;
    const grown: WritePlan = { writes: [], notes: [], skipped: [], formats: [{ sheet: SHEET1, range: 'G11:G15', rules: RULES }] };
    const formats = formatsOf((await exceljsOf(apply(once, grown).bytes)).getWorksheet(SHEET1)!);

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
    const input = sampleBytes();
    const once = apply(input, samplePlan(input)).bytes;
    const { bytes, report } = apply(once, { writes: [], notes: [], skipped: [], formats: [{ sheet: SHEET4, range: 'G20:G21', rules: [] }] });
    expect(report.rules).toBe(0);
    expect(formatsOf((await exceljsOf(bytes)).getWorksheet(SHEET4)!)).toEqual([]);
  });

  it('leaves the officer’s rule in a block it shares with ours', async () => {
    const input = sampleBytes();
    const once = apply(input, samplePlan(input)).bytes;
    // Put an officer's rule inside the add-in's block, as Excel does when a rule is added to the same range.
    const loaded = readWorkbook(once);
    const part = loaded.sheets.get(SHEET4)!.part;
    const officers = '<cfRule type="expression" dxfId="0" priority="99"><formula>G20="Ｄ"</formula></cfRule>';
    loaded.pkg.replace(part, loaded.pkg.text(part).replace('<conditionalFormatting sqref="G20:G21">', `$&${officers}`));
    const { bytes } = apply(loaded.pkg.toBytes(), { writes: [], notes: [], skipped: [], formats: [{ sheet: SHEET4, range: 'G20:G21', rules: [] }] });
    const formats = formatsOf((await exceljsOf(bytes)).getWorksheet(SHEET4)!);
    expect(formats.map((f) => [f.ref, f.rules.map((r) => (r as { formulae: string[] }).formulae[0])])).toEqual([['G20:G21', ['G20="Ｄ"']]]);
  });
});

describe('what is not written', () => {
  async function ledger(): Promise<Uint8Array> {
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
    return bytesOf(workbook);
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
    const { bytes, report } = apply(await ledger(), {
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
    // What cannot be written on a whole sheet first, then cell by cell (as every door reports it).
    expect(report.skipped.map((p) => [p.code, p.sheet, p.cell])).toEqual([
      ['sheetProtected', '保護', 'A2'],
      ['gradeIsFormula', '台帳', 'A3'],
      ['changedSincePreview', '台帳', 'A4'],
    ]);
    const after = await exceljsOf(bytes);
    const ws = after.getWorksheet('台帳')!;
    expect(ws.getCell('A2').value).toBe('Ａ');
    expect(ws.getCell('A3').formula).toBe('IF(1,"Ｓ","Ａ")');
    expect(ws.getCell('A4').value).toBe('Ｃ');
    expect(after.getWorksheet('保護')!.getCell('A2').value).toBe('Ａ');
  });

  it('replaces its own note on the next run, leaves the officer’s note alone and says so', async () => {
    const plan = (text: string): WritePlan => ({
      writes: [],
      notes: [
        { sheet: '台帳', address: 'A2', text }, // the officer's note is there
        { sheet: '台帳', address: 'A4', text },
      ],
      formats: [],
      skipped: [],
    });
    const first = apply(await ledger(), plan('進捗率 40% → Ｂ'));
    expect(first.report.notes).toBe(1);
    expect(first.report.skipped.map((p) => [p.code, p.cell])).toEqual([['noteKept', 'A2']]);
    const second = apply(first.bytes, plan('進捗率 80% → Ａ'));
    expect(second.report.notes).toBe(1);
    const ws = (await exceljsOf(second.bytes)).getWorksheet('台帳')!;
    expect(ws.getCell('A2').note).toBe('担当者メモ：H30に再確認');
    expect(ws.getCell('A4').note).toBe(`${NOTE_MARKER}進捗率 80% → Ａ`);
    // One comments part and one drawing, not one per run.
    const parts = readWorkbook(second.bytes).pkg.partNames();
    expect(parts.filter((p) => /comments/i.test(p))).toHaveLength(1);
    expect(parts.filter((p) => p.endsWith('.vml'))).toHaveLength(1);
  });

  it('adds a sheet’s first notes with their comments part, drawing, relationships and content types', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('台帳').getCell('A1').value = 'Ａ';
    const input = await bytesOf(workbook);
    const { bytes, report } = apply(input, { writes: [], formats: [], skipped: [], notes: [{ sheet: '台帳', address: 'A1', text: '目標達成 → Ａ' }] });
    expect(report.notes).toBe(1);
    expect((await exceljsOf(bytes)).getWorksheet('台帳')!.getCell('A1').note).toBe(`${NOTE_MARKER}目標達成 → Ａ`);
    const { pkg } = readWorkbook(bytes);
    const comments = pkg.partNames().find((p) => /comments\d*\.xml$/.test(p))!;
    expect(pkg.contentType(comments)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml');
    const vml = pkg.partNames().find((p) => p.endsWith('.vml'))!;
    expect(pkg.contentType(vml)).toBe('application/vnd.openxmlformats-officedocument.vmlDrawing');
    const rels = pkg.relationships('xl/worksheets/sheet1.xml');
    expect(rels.map((r) => r.part).sort()).toEqual([comments, vml].sort());
    const id = rels.find((r) => r.part === vml)!.id;
    expect(pkg.text('xl/worksheets/sheet1.xml')).toContain(`r:id="${id}"`);
  });

  it('reports a sheet that is gone, writing nothing there; throws on a plan that does not fit', async () => {
    const input = await ledger();
    const good = write('台帳', 1, 0, 'Ｂ', 'Ａ');
    const gone = apply(input, { writes: [good, write('存在しない', 0, 0, null, 'Ａ')], notes: [], formats: [], skipped: [] });
    expect(gone.report.written).toBe(1);
    expect(gone.report.skipped.map((p) => [p.code, p.sheet])).toEqual([['sheetMissing', '存在しない']]);
    expect(() => apply(input, { writes: [good, write('台帳', 0, 2, null, 'Ａ')], notes: [], formats: [], skipped: [] })).toThrow(
      /C1 is inside a merged area/,
    );
    expect(() =>
      apply(input, { writes: [good], notes: [], formats: [{ sheet: '台帳', range: 'G5:G9', rules: [{ ...RULES[0]!, fill: 'blue' }] }], skipped: [] }),
    ).toThrow(/"blue" is not a colour/);
  });
});
