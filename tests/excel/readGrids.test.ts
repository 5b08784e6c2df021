/**
 * readGrids over the workbook double: absolute positions, displayed text from
 * number formats, formulas, merges, protection; a sync count that does not grow
 * with the number of sheets; progress, abort, and the block-by-block fallback
 * when a response would be too big.
 */
import { describe, expect, it } from 'vitest';
import { cellAt } from '../../src/core/grid';
import { HostError } from '../../src/excel/errors';
import { createOfficeHost } from '../../src/excel/officeHost';
import { createWorkbookDouble, type SheetSpec } from '../support/workbookDouble';
import { GOAL1, GOAL2, MEMO, ledgerSheets } from '../support/workbookDoubleLedger';

function hostOver(sheets: SheetSpec[], options?: Parameters<typeof createWorkbookDouble>[1]) {
  const double = createWorkbookDouble(sheets, options);
  return { double, host: createOfficeHost(double.run, { isSetSupported: double.isSetSupported }) };
}

/** Eight characters more a text cell: the reader reads text (and numbers' values), not four arrays of every cell. */
const PAD = 'あ'.repeat(8);

/** Two sheets of 50,000 rows: a number and a text each. */
function bigSheets(): SheetSpec[] {
  return Array.from({ length: 2 }, (_, s) => ({
    name: `S${s}`,
    cells: Array.from({ length: 50_000 }, (_, r) => [r + 1, `指標${r}${PAD}`]),
  }));
}

describe('readGrids', () => {
  it('reads every sheet into grids at absolute positions', async () => {
    const { host } = hostOver(ledgerSheets());
    const grids = await host.readGrids({ kind: 'workbook' });
    expect(grids.map((g) => [g.name, g.protected])).toEqual([
      [GOAL1, false],
      [GOAL2, true],
      [MEMO, false],
    ]);
    const g = grids[0]!;
    // The used range starts at C3: nothing above or left of it, and no offset to carry.
    expect(g.rows[0]).toBeUndefined();
    expect(cellAt(g, 2, 2).text).toBe('基本目標１　産業の振興と雇用の創出');
    expect(cellAt(g, 4, 3).text).toBe('重要業績評価指標（ＫＰＩ）');
    // 0.63 with a % format is read as Excel shows it.
    expect(cellAt(g, 5, 4)).toEqual({ text: '63.0%', value: 0.63, numberFormat: '0.0%' });
    expect(cellAt(g, 8, 5)).toEqual({ text: '16', value: 16 });
    // A grade computed by formula: value, text and formula.
    expect(cellAt(g, 8, 7)).toEqual({ text: 'Ｂ', value: 'Ｂ', formula: '=IF(F9>=G9,"Ｓ","Ｂ")' });
    expect(cellAt(g, 9, 7)).toEqual({ text: '5', value: 5, numberFormat: '0' });
    // Empty cells inside the used range are empty.
    expect(cellAt(g, 7, 7)).toEqual({ text: '', value: null });
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 2, left: 2, bottom: 2, right: 7 },
        { top: 6, left: 2, bottom: 8, right: 2 },
      ]),
    );
    expect(g.merges).toHaveLength(2);
    expect(cellAt(grids[2]!, 1, 1).text).toBe('ヒアリング済');
  });

  it('reads only the active sheet when asked, in one sync', async () => {
    const { double, host } = hostOver(ledgerSheets(), { activeSheet: MEMO });
    const grids = await host.readGrids({ kind: 'activeSheet' });
    expect(grids.map((g) => g.name)).toEqual([MEMO]);
    expect(double.syncCount).toBe(1);
  });

  it('takes the same two syncs for 1 sheet and for 50', async () => {
    const sheet = (i: number): SheetSpec => ({ name: `第${i}節`, cells: ledgerSheets()[0]!.cells!, merges: ['C3:H3', 'C7:C9'] });
    const one = hostOver([sheet(1)]);
    const fifty = hostOver(Array.from({ length: 50 }, (_, i) => sheet(i + 1)));
    const [g1, g50] = await Promise.all([one.host.readGrids({ kind: 'workbook' }), fifty.host.readGrids({ kind: 'workbook' })]);
    expect(g1).toHaveLength(1);
    expect(g50).toHaveLength(50);
    expect(one.double.syncCount).toBeLessThanOrEqual(2);
    expect(fifty.double.syncCount).toBe(one.double.syncCount);
  });

  it('reports progress per sheet and stops when aborted', async () => {
    const { host } = hostOver(ledgerSheets());
    const seen: string[] = [];
    await host.readGrids({ kind: 'workbook' }, { onProgress: (p) => seen.push(`${p.sheetsRead}/${p.sheetsTotal}`) });
    expect(seen).toEqual(['0/3', '1/3', '2/3', '3/3']);

    const controller = new AbortController();
    const aborted = host.readGrids(
      { kind: 'workbook' },
      { signal: controller.signal, onProgress: (p) => p.sheetsRead === 1 && controller.abort() },
    );
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });

    const early = new AbortController();
    early.abort();
    await expect(host.readGrids({ kind: 'workbook' }, { signal: early.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('gives an empty grid for a blank sheet', async () => {
    const { host } = hostOver([{ name: '空' }]);
    const [grid] = await host.readGrids({ kind: 'workbook' });
    expect(grid).toMatchObject({ name: '空', rows: [], merges: [], protected: false });
  });

  it('falls back to row blocks when one response would be too big', async () => {
    const long = 'とても長い説明文'.repeat(60); // 480 characters, ≈ 1.4 KB of UTF-8, three times over
    const sheets: SheetSpec[] = Array.from({ length: 3 }, (_, s) => ({
      name: `S${s}`,
      cells: Array.from({ length: 120 }, (_, r) => [r, `${long}${r}`]),
    }));
    const { double, host } = hostOver(sheets, { responseLimitBytes: 300_000 });
    const grids = await host.readGrids({ kind: 'workbook' });
    expect(grids.map((g) => g.rows.length)).toEqual([120, 120, 120]);
    expect(cellAt(grids[2]!, 119, 1).text).toBe(`${long}119`);
    // The optimistic read was refused, and a few block sizes until one fit; then no more refusals.
    const refused = double.responseBytes.map((b, i) => (b > 300_000 ? i : -1)).filter((i) => i >= 0);
    expect(refused[0]).toBe(1); // right after listing the sheets
    expect(refused.length).toBeLessThanOrEqual(5);
    const lastRefused = refused[refused.length - 1]!;
    expect(double.responseBytes.slice(lastRefused + 1).every((b) => b <= 300_000)).toBe(true);
    expect(double.syncCount).toBeLessThanOrEqual(20);
  });

  it('sizes block reads from the bytes that arrived, so a big ledger takes few syncs', async () => {
    // 200,000 cells, half of them numbers: over Excel on the web's 5 MB response at once (the
    // text, and the numbers' values and formats), ~37 bytes a cell.
    const sheets = bigSheets();
    const { double, host } = hostOver(sheets);
    const grids = await host.readGrids({ kind: 'workbook' });
    expect(grids.map((g) => g.rows.length)).toEqual([50_000, 50_000]);
    const LIMIT = 5 * 1024 * 1024;
    const refused = double.responseBytes.filter((b) => b > LIMIT);
    expect(refused).toHaveLength(1); // only the optimistic all-at-once read
    // list + refused + sizes + first 20,000-cell block, then blocks filled to ~3.5 MB:
    // at a fixed 20,000 cells a sync this took 14 syncs.
    expect(double.syncCount).toBeLessThanOrEqual(8);
  });

  it('starts the next read of a big workbook in blocks: the refused all-at-once read is not asked again', async () => {
    const sheets = bigSheets();
    const { double, host } = hostOver(sheets);
    const LIMIT = 5 * 1024 * 1024;
    await host.readGrids({ kind: 'workbook' });
    const firstSyncs = double.syncCount;
    expect(double.responseBytes.filter((b) => b > LIMIT)).toHaveLength(1);

    double.resetCounters();
    const again = await host.readGrids({ kind: 'workbook' });
    expect(again.map((g) => g.rows.length)).toEqual([50_000, 50_000]);
    expect(cellAt(again[1]!, 49_999, 1).text).toBe(`指標49999${PAD}`);
    expect(double.responseBytes.filter((b) => b > LIMIT)).toEqual([]);
    // list + sizes + blocks already sized: the refused read and the first small block are gone.
    expect(double.syncCount).toBeLessThanOrEqual(firstSyncs - 2);

    // Another pane (a new host) knows nothing yet and asks for everything at once first.
    const fresh = createOfficeHost(double.run, { isSetSupported: double.isSetSupported });
    double.resetCounters();
    await fresh.readGrids({ kind: 'workbook' });
    expect(double.responseBytes.filter((b) => b > LIMIT)).toHaveLength(1);
  });

  it('asks for everything at once again once the workbook has shrunk', async () => {
    const long = 'とても長い説明文'.repeat(60);
    const sheets: SheetSpec[] = Array.from({ length: 3 }, (_, s) => ({
      name: `S${s}`,
      cells: Array.from({ length: 120 }, (_, r) => [r, `${long}${r}`]),
    }));
    const { double, host } = hostOver(sheets, { responseLimitBytes: 300_000 });
    await host.readGrids({ kind: 'workbook' });
    // The officer deletes the long texts but the first row's; the numbers in column A stay.
    for (const sheet of sheets) for (let r = 2; r <= 120; r++) double.setCell(sheet.name, `B${r}`, null);

    double.resetCounters();
    const shrunk = await host.readGrids({ kind: 'workbook' });
    expect(shrunk.map((g) => [g.rows.length, cellAt(g, 0, 1).text, cellAt(g, 1, 1).text, cellAt(g, 119, 0).text])).toEqual(
      Array.from({ length: 3 }, () => [120, `${long}0`, '', '119']),
    );
    expect(double.responseBytes.every((b) => b <= 300_000)).toBe(true);
    // Still in blocks, first sized as the big read ended; then the blocks grow to the small texts,
    // and once a read comes in one block sync the next asks for everything at once again.
    const syncs: number[] = [double.syncCount];
    for (let i = 0; i < 3; i++) {
      double.resetCounters();
      expect(await host.readGrids({ kind: 'workbook' })).toEqual(shrunk);
      syncs.push(double.syncCount);
    }
    expect(syncs).toEqual([4, 3, 2, 2]);
  });

  it('turns an Excel failure into a HostError that keeps the cause', async () => {
    const { host } = hostOver([{ name: 'S', cells: [['x']] }]);
    const failing = createOfficeHost(async () => {
      throw Object.assign(new Error('The request failed.'), { code: 'GeneralException' });
    });
    await expect(failing.readGrids({ kind: 'workbook' })).rejects.toBeInstanceOf(HostError);
    await expect(failing.readGrids({ kind: 'workbook' })).rejects.toMatchObject({ code: 'readFailed', message: expect.stringContaining('GeneralException') });
    await expect(host.readGrids({ kind: 'workbook' })).resolves.toHaveLength(1);
  });
});
