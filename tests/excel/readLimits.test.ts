/**
 * readGrids under the limits real Excel has and the workbook double models (issue #10):
 *   - getMergedAreasOrNullObject fails above 512 merged areas (API reference);
 *   - it finds only areas whose top-left cell is in the range (office-js #3611, an option);
 *   - Range.values can come back null over five million cells (performance page, an option);
 *   - an oversized response can fail as GeneralException (office-js #1314, #1012, an option).
 * Each read is held to the same workbook read without the limit (mergedAreaLimit: Infinity …):
 * what the officer's ledger holds must come out the same.
 */
import { describe, expect, it } from 'vitest';
import { generateLedgerGrids } from '../../bench/generate';
import { gridToSheetSpec } from '../../bench/sheetSpec';
import { cellAt, rangeAddress, type SheetGrid } from '../../src/core/grid';
import type { ExcelRun } from '../../src/excel/excelRun';
import { createOfficeHost } from '../../src/excel/officeHost';
import { createWorkbookDouble, type SheetSpec, type WorkbookDoubleOptions } from '../support/workbookDouble';
import { RichApiErrorDouble } from '../support/workbookDoubleErrors';
import { gradeWrite, plan } from '../support/workbookDoubleLedger';
import { partsToSnapshot, UNDO_NAMESPACE } from '../../src/excel/undoSnapshot';
import { planWrite } from '../../src/core/writePlan';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { BUILTIN_PRESETS } from '../../src/core/presets';

function hostOver(sheets: SheetSpec[], options?: WorkbookDoubleOptions) {
  const double = createWorkbookDouble(sheets, options);
  return { double, host: createOfficeHost(double.run, { isSetSupported: double.isSetSupported }) };
}

/** A ledger of ~500 KPIs: merged titles, No / indicator / grade merged down the sub-rows. */
function bigLedger(kpis = 500): SheetSpec[] {
  return generateLedgerGrids({ sheets: 1, kpisPerSheet: kpis, seed: 11 }).map(gridToSheetSpec);
}

/** The same workbook read with no limit at all: what every limited read must give. */
async function unlimitedRead(sheets: SheetSpec[]): Promise<SheetGrid[]> {
  const { host } = hostOver(sheets, { mergedAreaLimit: Number.POSITIVE_INFINITY });
  return host.readGrids({ kind: 'workbook' });
}

const sortedMerges = (g: SheetGrid): string[] => g.merges.map(rangeAddress).sort();

describe('more than 512 merged areas on a sheet (getMergedAreasOrNullObject fails above 512)', () => {
  it('the double refuses a lookup of more than 512 areas, as Excel does', async () => {
    const sheets = bigLedger();
    expect(sheets[0]!.merges!.length).toBeGreaterThan(512);
    const double = createWorkbookDouble(sheets);
    await expect(
      double.run(async (context) => {
        const areas = context.workbook.worksheets.getItem(sheets[0]!.name).getUsedRange(false).getMergedAreasOrNullObject();
        areas.load('areaCount');
        await context.sync();
        return areas.areaCount;
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
  });

  it('reads a 500-KPI ledger with 553 merged areas, every area once, in four syncs', async () => {
    const sheets = bigLedger();
    const { double, host } = hostOver(sheets);
    const grids = await host.readGrids({ kind: 'workbook' });
    const expected = await unlimitedRead(sheets);
    expect(sortedMerges(grids[0]!)).toEqual([...sheets[0]!.merges!].sort());
    expect(grids).toEqual(expected.map((g) => ({ ...g, merges: expect.arrayContaining([...g.merges]) })));
    expect(grids[0]!.merges).toHaveLength(expected[0]!.merges.length);
    // list, the all-at-once read (refused: 553 areas), sizes, one block with the merged-area bands.
    expect(double.syncCount).toBe(4);

    // The next read in the same pane does not ask for the refused lookup again.
    double.resetCounters();
    expect(sortedMerges((await host.readGrids({ kind: 'workbook' }))[0]!)).toEqual(sortedMerges(grids[0]!));
    expect(double.syncCount).toBe(3);
  });

  it('still reads an ordinary ledger in two syncs', async () => {
    const { double, host } = hostOver(bigLedger(100));
    await host.readGrids({ kind: 'workbook' });
    expect(double.syncCount).toBe(2);
  });

  it('halves a band that still holds more than 512 areas, with a bounded number of syncs', async () => {
    // 300 rows with three one-row merges each: 900 areas, 384 in a 128-row band (fine) …
    // … and with a limit of 100 the bands must shrink to 32 rows (96 areas) before Excel answers.
    const cells = Array.from({ length: 300 }, (_, r) => Array.from({ length: 6 }, (_, c) => `r${r}c${c}`));
    const merges = Array.from({ length: 300 }, (_, r) => [`A${r + 1}:B${r + 1}`, `C${r + 1}:D${r + 1}`, `E${r + 1}:F${r + 1}`]).flat();
    const sheets: SheetSpec[] = [{ name: '合併の多い表', cells, merges }];
    const { double, host } = hostOver(sheets, { mergedAreaLimit: 100 });
    const [grid] = await host.readGrids({ kind: 'workbook' });
    expect(sortedMerges(grid!)).toEqual([...merges].sort());
    expect(cellAt(grid!, 299, 4).text).toBe('r299c4');
    // list, refused, sizes, then 128 → 64 → 32 rows a band: two refusals and one answer.
    expect(double.syncCount).toBe(6);
  });
});

describe('merged areas found only by their top-left cell (office-js #3611)', () => {
  it('finds a merge that starts above a band as well as the rest, once each', async () => {
    const sheets = bigLedger();
    // Down column I across the first band's edge (rows 120–140), and across a later one.
    sheets[0] = { ...sheets[0]!, merges: [...sheets[0]!.merges!, 'I120:I140', 'I250:J260'] };
    const { host } = hostOver(sheets, { mergedAreasTopLeftOnly: true });
    const [grid] = await host.readGrids({ kind: 'workbook' });
    expect(sortedMerges(grid!)).toEqual([...sheets[0]!.merges!].sort());
  });

  it("the double models it: a range below a merge's top-left cell finds nothing", async () => {
    const double = createWorkbookDouble([{ name: 'S', cells: [['x']], merges: ['A1:A10'] }], { mergedAreasTopLeftOnly: true });
    const count = await double.run(async (context) => {
      const areas = context.workbook.worksheets.getItem('S').getRange('A5:B20').getMergedAreasOrNullObject();
      areas.load('areaCount');
      await context.sync();
      return areas.isNullObject ? 0 : areas.areaCount;
    });
    expect(count).toBe(0);
  });
});

describe('the write check under #3611', () => {
  it('the planner marks a grade cell that lies in a merged area of the grid it read', () => {
    const grids = generateLedgerGrids({ sheets: 1, kpisPerSheet: 20, seed: 3, emptyGrades: true });
    const options = { adopt: 'none', notes: false, addGradeColumns: false } as const;
    const first = planWrite(evaluateWorkbook(grids, BUILTIN_PRESETS.standard), grids, options).writes;
    expect(first.some((w) => w.inMerge)).toBe(false);
    // The officer had merged one grade cell with the (empty) cell right of it.
    const target = first[3]!;
    const merged = [{ ...grids[0]!, merges: [...grids[0]!.merges, { top: target.row, left: target.col, bottom: target.row, right: target.col + 1 }] }];
    const again = planWrite(evaluateWorkbook(merged, BUILTIN_PRESETS.standard), merged, options).writes;
    expect(again.filter((w) => w.inMerge).map((w) => w.address)).toEqual([target.address]);
  });

  it('writes a cell on its own when the plan says it lies in a merged area the lookup cannot see', async () => {
    // F6:G7 is merged; its top-left F6 lies left of the written column G, so Excel's lookup on
    // G5:G9 finds nothing (#3611). The read grid had it, and the plan says so.
    const sheets: SheetSpec[] = [{ name: 'S', cells: [['x']], merges: ['F6:G7'] }];
    const { double, host } = hostOver(sheets, { mergedAreasTopLeftOnly: true });
    const writes = ['G5', 'G6', 'G7', 'G8', 'G9'].map((a) => gradeWrite('S', a, 'Ａ'));
    const marked = writes.map((w) => (w.address === 'G6' || w.address === 'G7' ? { ...w, inMerge: true as const } : w));
    await host.applyPlan(plan({ writes: marked }));
    const snapshot = partsToSnapshot(double.customXmlParts(UNDO_NAMESPACE).map((p) => p.xml));
    expect(snapshot.cells.filter((c) => c.alone).map((c) => c.address).sort()).toEqual(['G6', 'G7']);
    expect(['G5', 'G6', 'G8', 'G9'].map((a) => double.getCell('S', a).value)).toEqual(['Ａ', 'Ａ', 'Ａ', 'Ａ']);
  });
});

describe('Range.values null over the cell limit (performance page: "returns null instead")', () => {
  // 120 rows × 60 columns = 7,200 cells, over a read limit lowered to 2,000 for the test.
  const wide = (): SheetSpec[] => [
    { name: '広い表', cells: Array.from({ length: 120 }, (_, r) => Array.from({ length: 60 }, (_, c) => (c % 7 === 0 ? `${r}-${c}` : null))) },
  ];

  it('reads the sheet in smaller blocks instead of dying with a TypeError', async () => {
    const sheets = wide();
    const { double, host } = hostOver(sheets, { maxReadCells: 2_000, oversizedReadReturnsNull: true });
    const grids = await host.readGrids({ kind: 'workbook' });
    expect(grids).toEqual(await unlimitedRead(sheets));
    expect(cellAt(grids[0]!, 119, 56).text).toBe('119-56');
    // list, null at once, sizes, null at 7,200 and 3,600 cells, then 1,800-cell blocks (never more
    // than what came back whole): 4 of them.
    expect(double.syncCount).toBe(9);
  });

  it('reports a sheet of which even one row is too many cells alone, and reads and grades the others', async () => {
    // The ledger (well under 50 columns) reads in smaller blocks; the 60-column sheet cannot be
    // read at all under a 50-cell read limit.
    const ledger = generateLedgerGrids({ sheets: 1, kpisPerSheet: 6, seed: 5 }).map(gridToSheetSpec);
    const sheets = [ledger[0]!, ...wide()];
    const { host } = hostOver(sheets, { maxReadCells: 50, oversizedReadReturnsNull: true });
    const grids = await host.readGrids({ kind: 'workbook' });
    const [alone] = await unlimitedRead([ledger[0]!]);
    expect(grids.map((g) => g.name)).toEqual([ledger[0]!.name, '広い表']);
    expect(grids[0]).toEqual(alone);
    expect(grids[1]).toMatchObject({ name: '広い表', rows: [], merges: [], unreadable: true });

    const graded = evaluateWorkbook(grids, BUILTIN_PRESETS.standard, { wholeWorkbook: true });
    const expected = evaluateWorkbook([alone!], BUILTIN_PRESETS.standard, { wholeWorkbook: true });
    expect(expected.tables.length).toBeGreaterThan(0);
    expect(graded.tables).toEqual(expected.tables);
    const said = graded.problems.filter((p) => p.code === 'sheetUnreadable');
    expect(said).toEqual([
      expect.objectContaining({
        sheet: '広い表',
        severity: 'warning',
        message: expect.stringMatching(/^「広い表」シートは使われているセル範囲が大きすぎて.*ほかのシートは評価しました.*Ctrl\+End/),
        messageEn: expect.stringContaining('Sheet "広い表"'),
      }),
    ]);
    expect(graded.problems.filter((p) => p.code !== 'sheetUnreadable')).toEqual(expected.problems);
  });

  it('does not name a sheet it could not read among the sheets searched for a table', async () => {
    const empty: SheetSpec = { name: 'メモ', cells: [['備考'], ['特になし']] };
    const { host } = hostOver([empty, ...wide()], { maxReadCells: 50, oversizedReadReturnsNull: true });
    const graded = evaluateWorkbook(await host.readGrids({ kind: 'workbook' }), BUILTIN_PRESETS.standard);
    expect(graded.problems.map((p) => [p.code, p.sheet])).toEqual([
      ['sheetUnreadable', '広い表'],
      ['noTableFound', expect.any(String)],
    ]);
    const noTable = graded.problems[1]!;
    expect(noTable.message).toContain('メモ');
    expect(noTable.message).not.toContain('広い表');

    // The active sheet alone, unreadable: its warning is the whole story.
    const only = hostOver(wide(), { maxReadCells: 50, oversizedReadReturnsNull: true });
    const alone = evaluateWorkbook(await only.host.readGrids({ kind: 'activeSheet' }), BUILTIN_PRESETS.standard);
    expect(alone.problems.map((p) => p.code)).toEqual(['sheetUnreadable']);
    expect(alone.tables).toEqual([]);
  });

  it('gives up the sheet whose one row is too big for a response, and reads the sheet after it in full', async () => {
    // One row of 2,000 long texts is over a 100 KB response limit; the small sheet after it is not.
    const huge: SheetSpec = { name: '長い行', cells: [Array.from({ length: 2_000 }, (_, c) => `${'あ'.repeat(40)}${c}`)] };
    const small: SheetSpec = { name: '小さい表', cells: Array.from({ length: 30 }, (_, r) => [r + 1, `指標${r}`, `${r}%`]) };
    const { double, host } = hostOver([huge, small], { responseLimitBytes: 100_000 });
    const grids = await host.readGrids({ kind: 'workbook' });
    const [, alone] = await unlimitedRead([huge, small]);
    expect(grids[0]).toMatchObject({ name: '長い行', unreadable: true, rows: [] });
    expect(grids[1]).toEqual(alone);
    expect(grids[1]!.unreadable).toBeUndefined();
    // list, all at once (refused), sizes, both sheets' first blocks (refused), the long row alone
    // (refused: nothing smaller to ask, so that sheet is given up), the small sheet at full size.
    expect(double.syncCount).toBe(6);
  });
});

describe('an oversized response answered with GeneralException (office-js #1314, #1012)', () => {
  const big = (): SheetSpec[] =>
    Array.from({ length: 2 }, (_, s) => ({ name: `S${s}`, cells: Array.from({ length: 50_000 }, (_, r) => [r + 1, `指標${r}`]) }));

  it('falls back to blocks as for ResponsePayloadSizeLimitExceeded, in as many syncs', async () => {
    const coded = hostOver(big());
    const general = hostOver(big(), { oversizeAsGeneralException: true });
    const [a, b] = [await coded.host.readGrids({ kind: 'workbook' }), await general.host.readGrids({ kind: 'workbook' })];
    expect(b.map((g) => g.rows.length)).toEqual([50_000, 50_000]);
    expect(b).toEqual(a);
    expect(general.double.syncCount).toBe(coded.double.syncCount);
  });

  it('does not take a real GeneralException on a small workbook for one: it reaches the officer after one retry', async () => {
    const double = createWorkbookDouble([{ name: 'S', cells: [['x']] }]);
    // From the second sync on, Excel fails whatever is asked.
    const failing: ExcelRun = (batch) =>
      double.run((context) => {
        const sync = context.sync.bind(context);
        let n = 0;
        context.sync = async () => {
          n += 1;
          if (n >= 2) throw new RichApiErrorDouble('GeneralException', 'An internal error has occurred.');
          return sync();
        };
        return batch(context);
      });
    const host = createOfficeHost(failing, { isSetSupported: double.isSetSupported });
    await expect(host.readGrids({ kind: 'workbook' })).rejects.toMatchObject({ code: 'readFailed', message: expect.stringContaining('GeneralException') });
  });
});

describe('text typed with a leading apostrophe (Range.formulas drops it, office-js #6687)', () => {
  /** Cells holding the text =A1+1 and =集計中 (typed as '=A1+1 and '=集計中), and a real formula. */
  function typed() {
    const { double, host } = hostOver([{ name: 'S', cells: [[null, { formula: '=1+1', value: 2 }]] }]);
    double.setCell('S', 'A1', '=A1+1');
    double.setCell('S', 'C1', '=集計中');
    return { double, host };
  }

  it('the double reads it back as Excel does: formulas give "=A1+1", the same as the value', async () => {
    const { double } = typed();
    const formulas = await double.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:B1');
      range.load('values, formulas');
      await context.sync();
      return [range.values, range.formulas];
    });
    expect(formulas).toEqual([[['=A1+1', 2]], [['=A1+1', '=1+1']]]);
  });

  it('is read as text, not as a formula', async () => {
    const { host } = typed();
    const [grid] = await host.readGrids({ kind: 'workbook' });
    expect(cellAt(grid!, 0, 0)).toEqual({ text: '=A1+1', value: '=A1+1' });
    expect(cellAt(grid!, 0, 1)).toEqual({ text: '2', value: 2, formula: '=1+1' });
  });

  it('is written over like any text, and undo puts the text back, not a formula', async () => {
    const { double, host } = typed();
    const report = await host.applyPlan(plan({ writes: [gradeWrite('S', 'C1', 'Ａ', { value: '=集計中' })] }));
    expect(report.skipped).toEqual([]);
    expect(double.getCell('S', 'C1').value).toBe('Ａ');
    await host.undoLastWrite();
    expect(double.getCell('S', 'C1')).toMatchObject({ value: '=集計中', formula: undefined });
  });
});
