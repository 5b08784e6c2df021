/**
 * The command line carries out core's write decision (src/core/decide.ts) and tells the officer
 * everything it left alone, grouped and headed as the pane does (src/core/writeReport.ts):
 * a grade cell holding a formula (whatever value it shows), an officer's note, hidden and very
 * hidden sheets (graded; a very hidden one written only with --write-very-hidden).
 *
 * Grades by hand (standard preset, 当初 H26 → 現状 H29 → 目標 H31, so 経過率 3/5 = 60%):
 * - 「観光客数」 100 → 250 of 200: the target is met → Ｓ;
 * - 「就業者数」 100 → 130 of 200: 進捗率 30% < 経過率 60% … below the line → not Ｓ, not Ａ,
 *   but the exact grade does not matter here: its cell holds a formula returning 0.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/jsonReport';
import { runCli } from '../../src/cli/run';
import { NOTE_MARKER } from '../../src/core/notes';
import { SKIP_HEADINGS } from '../../src/core/writeReport';

const HEADER = ['Ｎｏ', '重要業績評価指標（ＫＰＩ）', '当初\n（Ｈ２６）', '現状\n（Ｈ２９）', '目標値\n（Ｈ３１）', '達成状況'];

function addLedger(workbook: ExcelJS.Workbook, name: string, state: 'visible' | 'hidden' | 'veryHidden'): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, { state });
  ws.getCell('A1').value = 'ＫＰＩの進捗';
  ws.getRow(3).values = HEADER;
  ws.getRow(4).values = ['１', '観光客数（商業観光課）', 100, 250, 200, null];
  ws.getRow(5).values = ['２', '就業者数（企画政策課）', 100, 130, 200, null];
  return ws;
}

/** 台帳 (visible): F4 has the officer's note, F5 a formula whose cached value is 0; 控え (hidden); 隠し (very hidden). */
async function workbookFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = addLedger(workbook, '台帳', 'visible');
  ws.getCell('F4').note = '担当者メモ：R6に再確認';
  ws.getCell('F5').value = { formula: 'IF(D5>E5,"Ｓ",0)', result: 0 };
  addLedger(workbook, '控え', 'hidden');
  addLedger(workbook, '隠し', 'veryHidden');
  const path = join(mkdtempSync(join(tmpdir(), 'kpi-decision-')), 'ledger.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

async function run(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: () => undefined });
  return { code, stdout };
}

const json = async (args: string[]): Promise<JsonReport> => JSON.parse((await run([...args, '--json'])).stdout) as JsonReport;

async function cell(path: string, sheet: string, address: string): Promise<ExcelJS.Cell> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.getWorksheet(sheet)!.getCell(address);
}

const out = () => join(mkdtempSync(join(tmpdir(), 'kpi-decision-out-')), 'out.xlsx');

describe('a grade cell whose formula returns a value', () => {
  it('is a formula, not a typed grade: no 「0」 reported as a hand grade', async () => {
    const report = await json([await workbookFile()]);
    const kpi = report.tables.find((t) => t.sheet === '台帳')!.kpis.find((k) => k.gradeCell === 'F5')!;
    expect(kpi.existing).toBeNull();
    expect(kpi.differs).toBe(false);
    expect(kpi.gradeFormula).toBe('=IF(D5>E5,"Ｓ",0)');
    expect(report.problems.filter((p) => p.code === 'handGradeDiffers')).toEqual([]);
  });

  it('is never written over, and the write says so', async () => {
    const file = await workbookFile();
    const copy = out();
    const report = await json([file, '--out', copy]);
    expect(report.written!.skipped.filter((p) => p.sheet === '台帳').map((p) => [p.code, p.cell])).toEqual([['gradeIsFormula', 'F5']]);
    expect((await cell(copy, '台帳', 'F5')).formula).toBe('IF(D5>E5,"Ｓ",0)');
    expect((await cell(copy, '台帳', 'F4')).value).toBe('Ｓ');
  });
});

describe('the officer’s note on a grade cell', () => {
  it('stays, no reason note is added there or next to the formula, and the report says so', async () => {
    const copy = out();
    const report = await json([await workbookFile(), '--out', copy, '--notes']);
    const kept = report.written!.skipped.find((p) => p.code === 'noteKept')!;
    expect(kept).toMatchObject({ sheet: '台帳', cell: 'F4', severity: 'info' });
    expect(kept.message).toContain('「台帳」シートのセル F4');
    expect((await cell(copy, '台帳', 'F4')).note).toBe('担当者メモ：R6に再確認');
    // F5 keeps its formula: a reason next to it would explain a grade that is not there.
    expect((await cell(copy, '台帳', 'F5')).note).toBeUndefined();
  });

  it('the text report lists kept notes and skipped cells under the write, headed as in the pane', async () => {
    const { stdout } = await run([await workbookFile(), '--out', out(), '--notes']);
    const [before, after] = stdout.split('書き込み: ');
    expect(after).toContain(SKIP_HEADINGS.ja.notWritten.replace('{{count}}', '2'));
    expect(after).toContain('「台帳」シートのセル F5 には数式が入っているため');
    expect(after).toContain('「隠し」シートは「非常に非表示」のため、評価を書き込みませんでした');
    expect(after).toContain(SKIP_HEADINGS.ja.info.replace('{{count}}', '1'));
    expect(after).toContain('「台帳」シートのセル F4 には既にメモがあるため');
    // Said once: not again among the points to check above.
    expect(before).not.toContain('セル F4 には既にメモ');
    expect(before).not.toContain('セル F5 には数式が入っているため');
    // And in English with the same groups.
    const en = (await run([await workbookFile(), '--out', out(), '--notes', '--lang', 'en'])).stdout;
    expect(en).toContain(SKIP_HEADINGS.en.info.replace('{{count}}', '1'));
  });
});

describe('hidden and very hidden sheets', () => {
  it('are graded, and the report says they are hidden, naming the sheet', async () => {
    const report = await json([await workbookFile()]);
    expect(report.tables.map((t) => t.sheet)).toEqual(['台帳', '控え', '隠し']);
    expect(report.tables.find((t) => t.sheet === '隠し')!.kpis[0]!.grade).toBe('S');
    const hidden = report.problems.filter((p) => p.code === 'sheetHidden' || p.code === 'sheetVeryHidden');
    expect(hidden.map((p) => [p.code, p.sheet, p.cell])).toEqual([
      ['sheetHidden', '控え', 'A3:F5'],
      ['sheetVeryHidden', '隠し', 'A3:F5'],
    ]);
    expect(hidden[1]!.message).toContain('「隠し」シートは「非常に非表示」');
  });

  it('a hidden sheet is written; a very hidden one only with --write-very-hidden, otherwise the report says what to do', async () => {
    const file = await workbookFile();
    const copy = out();
    const report = await json([file, '--out', copy]);
    expect((await cell(copy, '控え', 'F4')).value).toBe('Ｓ');
    expect((await cell(copy, '隠し', 'F4')).value).toBeNull();
    const refused = report.written!.skipped.find((p) => p.code === 'veryHiddenNotWritten')!;
    expect(refused).toMatchObject({ sheet: '隠し', severity: 'warning' });
    expect(refused.message).toContain('--write-very-hidden');

    const asked = out();
    const yes = await json([file, '--out', asked, '--write-very-hidden']);
    expect((await cell(asked, '隠し', 'F4')).value).toBe('Ｓ');
    expect(yes.written!.skipped.some((p) => p.code === 'veryHiddenNotWritten')).toBe(false);
  });
});

describe('notes the add-in wrote earlier', () => {
  it('are its own: the next run replaces them and does not report them as the officer’s', async () => {
    const first = out();
    await run([await workbookFile(), '--out', first, '--notes']);
    const note = (await cell(first, '控え', 'F4')).note as string;
    expect(note.startsWith(NOTE_MARKER)).toBe(true);
    const second = out();
    const report = await json([first, '--out', second, '--notes']);
    expect(report.written!.skipped.filter((p) => p.code === 'noteKept').map((p) => `${p.sheet}!${p.cell}`)).toEqual(['台帳!F4']);
    expect((await cell(second, '控え', 'F4')).note).toBe(note);
  });
});
