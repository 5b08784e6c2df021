/**
 * The write decision (src/core/decide.ts): what may be written now, and a
 * problem for each thing that may not. Pure: grids and notes in, decision out.
 */
import { describe, expect, it } from 'vitest';
import { decideWrites, nowFromGrids, type SheetNow, type WorkbookNow } from '../../src/core/decide';
import { cellAddress, type GridCell, type SheetGrid } from '../../src/core/grid';
import { isAddinNote, NOTE_MARKER, noteContent } from '../../src/core/notes';
import { makeProblem } from '../../src/core/problems';
import type { CellSnapshot, CellWrite, WritePlan } from '../../src/core/types';

function sheet(cells: Record<string, CellSnapshot>, extra: Partial<SheetNow> = {}, notes: Record<string, string> = {}): SheetNow {
  return { protected: false, visibility: 'visible', cells: new Map(Object.entries(cells)), notes: new Map(Object.entries(notes)), ...extra };
}

const book = (sheets: Record<string, SheetNow>, notesSupported = true): WorkbookNow => ({ sheets: new Map(Object.entries(sheets)), notesSupported });

const write = (sheetName: string, address: string, before: string | null, after: string): CellWrite => {
  const col = address.charCodeAt(0) - 65;
  const row = Number(address.slice(1)) - 1;
  return { sheet: sheetName, row, col, address: cellAddress(row, col), before: { value: before }, after, purpose: 'grade' };
};

const plan = (p: Partial<WritePlan>): WritePlan => ({ writes: [], notes: [], formats: [], skipped: [], ...p });

describe('decideWrites', () => {
  const now = book({
    台帳: sheet(
      {
        A2: { value: 'Ｂ' },
        A3: { value: 'Ｓ', formula: '=IF(1,"Ｓ","Ａ")' },
        A4: { value: 'Ｃ' },
        A5: { value: '' },
      },
      { merges: [{ top: 5, left: 0, bottom: 6, right: 0 }] },
      { A2: '担当者メモ', A4: `${NOTE_MARKER}進捗率 40% → Ｂ` },
    ),
    保護: sheet({ A2: { value: 'Ａ' } }, { protected: true }),
  });

  it('writes what is as the plan saw it, and refuses formulas and changed cells', () => {
    const d = decideWrites(
      plan({ writes: [write('台帳', 'A2', 'Ｂ', 'Ａ'), write('台帳', 'A3', 'Ｓ', 'Ａ'), write('台帳', 'A4', 'Ｂ', 'Ａ'), write('台帳', 'A5', null, 'Ｄ')] }),
      now,
    );
    expect(d.writes.map((w) => w.address)).toEqual(['A2', 'A5']); // an empty string is an empty cell
    expect(d.skipped.map((p) => [p.code, p.cell])).toEqual([
      ['gradeIsFormula', 'A3'],
      ['changedSincePreview', 'A4'],
    ]);
  });

  it('writes nothing on a protected or missing sheet, and says so once per sheet', () => {
    const d = decideWrites(
      plan({
        writes: [write('保護', 'A2', 'Ａ', 'Ｓ'), write('保護', 'A3', null, 'Ｓ'), write('消えた', 'A1', null, 'Ｓ')],
        notes: [{ sheet: '保護', address: 'A2', text: '理由' }],
        formats: [{ sheet: '保護', range: 'A2:A3', rules: [] }],
      }),
      now,
    );
    expect(d.writes).toEqual([]);
    expect(d.notes).toEqual([]);
    expect(d.formats).toEqual([]);
    expect(d.skipped.map((p) => [p.code, p.sheet, p.cell])).toEqual([
      ['sheetProtected', '保護', 'A2'],
      ['sheetMissing', '消えた', 'A1'],
    ]);
    expect(d.skipped[0]!.message).toContain('保護');
  });

  it('keeps the officer’s note and says so; replaces its own; adds none next to a refused grade', () => {
    const d = decideWrites(
      plan({
        writes: [write('台帳', 'A3', 'Ｓ', 'Ａ')],
        notes: [
          { sheet: '台帳', address: 'A2', text: '理由1' },
          { sheet: '台帳', address: 'A3', text: '理由2' },
          { sheet: '台帳', address: 'A4', text: '理由3' },
          { sheet: '台帳', address: 'A5', text: '理由4' },
        ],
      }),
      now,
    );
    expect(d.notes.map((n) => [n.note.address, n.replaces ?? null])).toEqual([
      ['A4', `${NOTE_MARKER}進捗率 40% → Ｂ`],
      ['A5', null],
    ]);
    expect(d.skipped.map((p) => [p.code, p.cell])).toEqual([
      ['gradeIsFormula', 'A3'],
      ['noteKept', 'A2'],
    ]);
  });

  it('keeps colour ranges (also those without rules, which clear old colours) on writable sheets', () => {
    const d = decideWrites(plan({ formats: [{ sheet: '台帳', range: 'A2:A5', rules: [] }] }), now);
    expect(d.formats).toEqual([{ sheet: '台帳', range: 'A2:A5', rules: [] }]);
  });

  it('throws on a plan that does not fit: a cell inside a merged area', () => {
    expect(() => decideWrites(plan({ writes: [write('台帳', 'A7', null, 'Ａ')] }), now)).toThrow(/A7 is inside a merged area/);
  });

  it('tells its own notes from the officer’s by the marker', () => {
    expect(isAddinNote(noteContent('x'))).toBe(true);
    expect(isAddinNote('担当者メモ')).toBe(false);
    expect(isAddinNote(`メモ ${NOTE_MARKER}`)).toBe(false);
  });

  it('a formula that returns a value (0, a grade, "") is a formula: never written', () => {
    const d = decideWrites(
      plan({ writes: [write('式', 'A2', null, 'Ａ'), write('式', 'A3', null, 'Ａ')], notes: [{ sheet: '式', address: 'A2', text: '理由' }] }),
      book({ 式: sheet({ A2: { value: 0, formula: '=IF(B2>C2,"Ｓ",0)' }, A3: { value: '', formula: '=""' } }) }),
    );
    expect(d.writes).toEqual([]);
    expect(d.notes).toEqual([]);
    expect(d.skipped.map((p) => [p.code, p.cell])).toEqual([
      ['gradeIsFormula', 'A2'],
      ['gradeIsFormula', 'A3'],
    ]);
  });

  it('writes a hidden sheet; a very hidden one only with the officer’s consent, else says so once, naming it', () => {
    const sheets = {
      非表示: sheet({}, { visibility: 'hidden' }),
      隠し: sheet({}, { visibility: 'veryHidden' }),
    } as const;
    const p = plan({
      writes: [write('非表示', 'A2', null, 'Ｓ'), write('隠し', 'A2', null, 'Ｓ'), write('隠し', 'A3', null, 'Ａ')],
      notes: [{ sheet: '隠し', address: 'A2', text: '理由' }],
      formats: [{ sheet: '隠し', range: 'A2:A3', rules: [] }],
    });
    const refused = decideWrites(p, book(sheets));
    expect(refused.writes.map((w) => `${w.sheet}!${w.address}`)).toEqual(['非表示!A2']);
    expect(refused.notes).toEqual([]);
    expect(refused.formats).toEqual([]);
    expect(refused.skipped.map((q) => [q.code, q.sheet, q.cell, q.severity])).toEqual([['veryHiddenNotWritten', '隠し', 'A2', 'warning']]);
    expect(refused.skipped[0]!.message).toContain('「隠し」シート');
    expect(refused.skipped[0]!.message).toContain('--write-very-hidden');
    expect(refused.skipped[0]!.messageEn).toContain('"隠し"');

    const consented = decideWrites(p, book(sheets), { veryHidden: true });
    expect(consented.writes.map((w) => `${w.sheet}!${w.address}`)).toEqual(['非表示!A2', '隠し!A2', '隠し!A3']);
    expect(consented.notes.map((n) => n.note.address)).toEqual(['A2']);
    expect(consented.skipped).toEqual([]);
  });

  it('a host without notes writes the grades and says once that the reasons were not noted', () => {
    const d = decideWrites(
      plan({ writes: [write('台帳', 'A2', 'Ｂ', 'Ａ')], notes: [{ sheet: '台帳', address: 'A2', text: '理由1' }, { sheet: '台帳', address: 'A5', text: '理由2' }] }),
      { ...now, notesSupported: false },
    );
    expect(d.writes.map((w) => w.address)).toEqual(['A2']);
    expect(d.notes).toEqual([]);
    expect(d.skipped.map((p) => [p.code, p.cell])).toEqual([['notesUnsupported', 'A2']]);
  });

  it('reports the plan’s own skips first, and a sheet it already found protected once', () => {
    const planned = makeProblem('sheetProtected', '保護', 'A1:G9');
    const kept = makeProblem('handGradeDiffers', '台帳', 'A4', { existing: 'Ｃ', computed: 'Ａ' });
    const d = decideWrites(plan({ writes: [write('保護', 'A2', 'Ａ', 'Ｓ')], skipped: [planned, kept] }), now);
    expect(d.skipped).toEqual([planned, kept]);
  });

  it('keeps what each written cell holds now, for the undo snapshot', () => {
    const d = decideWrites(plan({ writes: [write('台帳', 'A2', 'Ｂ', 'Ａ'), write('台帳', 'A9', null, 'Ｓ')] }), now);
    expect(d.writes.map((w) => [w.address, w.now])).toEqual([
      ['A2', { value: 'Ｂ' }],
      ['A9', { value: null }],
    ]);
  });
});

describe('nowFromGrids', () => {
  it('takes the planned cells, protection, visibility, merges and notes of the sheets the plan touches', () => {
    const grid = (name: string, extra: Partial<SheetGrid> = {}): SheetGrid => ({
      name,
      rows: [undefined, [{ text: '0', value: 0, formula: '=IF(1,0,0)' } as GridCell, { text: 'Ｂ', value: 'Ｂ' }]],
      merges: [{ top: 3, left: 0, bottom: 4, right: 0 }],
      ...extra,
    });
    const p = plan({ writes: [write('隠し', 'A2', null, 'Ａ'), write('隠し', 'B2', 'Ｂ', 'Ａ')], notes: [{ sheet: '隠し', address: 'B2', text: 'x' }] });
    const now = nowFromGrids([grid('隠し', { visibility: 'veryHidden', protected: true }), grid('ほか')], p, (name) => new Map([['B2', `${name}のメモ`]]));
    expect([...now.sheets.keys()]).toEqual(['隠し']);
    const s = now.sheets.get('隠し')!;
    expect(s.protected).toBe(true);
    expect(s.visibility).toBe('veryHidden');
    expect(s.cells).toEqual(new Map([['A2', { value: 0, formula: '=IF(1,0,0)' }], ['B2', { value: 'Ｂ' }]]));
    expect(s.notes).toEqual(new Map([['B2', '隠しのメモ']]));
    expect(s.merges).toEqual([{ top: 3, left: 0, bottom: 4, right: 0 }]);
    expect(now.notesSupported).toBe(true);
  });
});
