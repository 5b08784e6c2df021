/**
 * 「集計を作成」 end to end in the built pane (headless Chromium, 400 px, the workbook double
 * behind the office.js stub), on the sample ledger prepared as in tests/e2e/ledgerWorkbook.ts:
 * すべて評価, 集計を作成 — the 「KPI評価集計」 sheet it writes is checked cell by cell against
 * counts worked out by hand (the seed report's grades per 節, tests/core/summarySheet.test.ts),
 * in a bounded number of syncs; nothing outside that sheet changes; pressed again it replaces
 * its own sheet; 集計シートを削除 removes it and its record.
 *
 * Screenshots: test-artifacts/e2e-summary.png (the pane after 集計を作成), e2e-summary-section.png (the 集計 section on screen).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import { SUMMARY_SHEET_NAME } from '../../src/core/summarySheet';
import { SUMMARY_SHEET_NAMESPACE } from '../../src/excel/summarySheet';
import type { CellView } from '../support/workbookDouble';
import { launchPane, type Pane } from './browser';
import { PROTECTED_SHEET, SHEETS, prepareLedger } from './ledgerWorkbook';
import type { E2eWindow } from './pageGlobals';

const ARTIFACTS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../test-artifacts');
const WAIT = 30_000;
type AllCells = Record<string, Record<string, CellView>>;

const w = (page: Page) => ({
  syncCount: () => page.evaluate(() => (window as unknown as E2eWindow).__double!.syncCount),
  sheetNames: () => page.evaluate(() => (window as unknown as E2eWindow).__double!.sheetNames()),
  allCells: () => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as E2eWindow).__double!.allCells())) as AllCells),
  namespaces: () => page.evaluate(() => (window as unknown as E2eWindow).__double!.customXmlParts().map((p) => p.namespaceUri)),
  tables: () => page.evaluate(() => (window as unknown as E2eWindow).__double!.tables()),
  charts: (sheet: string) => page.evaluate((s) => (window as unknown as E2eWindow).__double!.charts(s), sheet),
});

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as E2eWindow).__e2e?.inflight === 0, undefined, { timeout: WAIT });
  await page.waitForTimeout(300);
  await page.waitForFunction(() => (window as unknown as E2eWindow).__e2e?.inflight === 0, undefined, { timeout: WAIT });
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.mouse.move(1, 1);
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  try {
    await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true, animations: 'disabled' });
  } finally {
    await page.setViewportSize(viewport);
  }
}

/** Every sheet but the summary, to show nothing else changed. */
function others(cells: AllCells): AllCells {
  return Object.fromEntries(Object.entries(cells).filter(([s]) => s !== SUMMARY_SHEET_NAME));
}

/** Row `row` (1-based) of the summary sheet, columns A..M, empty cells as null. */
function sheetRow(cells: AllCells, row: number): (string | number | null)[] {
  const sheet = cells[SUMMARY_SHEET_NAME] ?? {};
  return [...'ABCDEFGHIJKLM'].map((c) => {
    const v = sheet[`${c}${row}`]?.value;
    return v === undefined || v === null || v === '' ? null : (v as string | number);
  });
}

describe('集計を作成 in the built pane over the workbook double', () => {
  let pane: Pane | undefined;
  let page: Page;

  beforeAll(async () => {
    const ledger = await prepareLedger();
    pane = await launchPane({ stubFile: inject('e2eStubFile'), workbook: ledger.workbook });
    page = pane.page;
    await page.goto(`${inject('e2eBaseUrl')}/taskpane.html`);
  });

  afterAll(async () => {
    await pane?.close();
  });

  it('writes the sheet cell by cell in 3 syncs, touching no other sheet; replaces it in 4; 集計シートを削除 removes it', async () => {
    onTestFailed(async () => {
      if (pane && !page.isClosed()) await screenshot(page, 'e2e-failure-summary.png').catch(() => undefined);
    });
    const evaluate = page.getByRole('button', { name: 'すべて評価', exact: true });
    await evaluate.waitFor({ state: 'visible', timeout: WAIT });
    await settle(page);
    await evaluate.click();
    await page.getByRole('region', { name: '評価結果' }).waitFor({ state: 'visible', timeout: WAIT });
    await settle(page);
    // With the results (below them): offered once there is an evaluation.
    const create = page.getByRole('button', { name: '集計を作成', exact: true });
    await create.waitFor({ state: 'visible', timeout: WAIT });
    await expect.poll(() => create.isEnabled(), { timeout: WAIT }).toBe(true);

    const before = await w(page).allCells();
    const syncsBefore = await w(page).syncCount();
    await create.click();
    await page.getByText(`「${SUMMARY_SHEET_NAME}」シートに集計を作成しました。`).waitFor({ timeout: WAIT });
    await settle(page);
    // Read (sheet of that name, table names, our record) + write (values, formats, colour rules,
    // the table, the charts) + record the id.
    expect((await w(page).syncCount()) - syncsBefore, 'syncs for 集計を作成 (no earlier summary)').toBe(3);
    await screenshot(page, 'e2e-summary.png');
    await page.getByRole('region', { name: '推進委員会向けの集計' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-summary-section.png'), animations: 'disabled' });

    expect(await w(page).sheetNames()).toEqual([...SHEETS, PROTECTED_SHEET, SUMMARY_SHEET_NAME]);
    const after = await w(page).allCells();
    expect(others(after), 'no cell outside the summary sheet changes').toEqual(others(before));
    expect(await w(page).namespaces()).toContain(SUMMARY_SHEET_NAMESPACE);

    expect(sheetRow(after, 1)[0]).toBe('KPI評価集計');
    expect(String(sheetRow(after, 2)[0])).toMatch(/^評価基準: 按分進捗/);
    expect(sheetRow(after, 4)).toEqual(Array(13).fill(null));
    expect(sheetRow(after, 5)).toEqual([
      '基本目標・基本的方向',
      'Ｓ 早い',
      'Ａ 順調',
      'Ｂ おおむね順調',
      'Ｃ やや遅れている',
      'Ｄ 遅れている',
      'Ｅ 未着手',
      '－ 実施時期未到来',
      '評価不能',
      '計',
      '順調以上（Ｓ・Ａ） 件数',
      '評価対象',
      '順調以上（Ｓ・Ａ） 割合',
    ]);
    // The seed report's grades as the ledger holds them (第2節's cleared cells get the rule grades
    // Ｓ Ａ Ｃ Ａ, the grades the report printed there). S A B C D E － 不能 計 順調以上 対象 割合
    expect(sheetRow(after, 6)).toEqual(['第１節 地域産業の振興を図り雇用の場をつくる', 1, 0, 2, 2, 0, 0, 0, 0, 5, 1, 5, 0.2]);
    expect(sheetRow(after, 7)).toEqual(['　基本的方向１ 雇用対策の強化を図る', 1, 0, 2, 0, 0, 0, 0, 0, 3, 1, 3, 1 / 3]);
    expect(sheetRow(after, 9)).toEqual(['第２節 子どもを産み育てやすいまちをつくる', 1, 2, 0, 1, 0, 0, 0, 0, 4, 3, 4, 0.75]);
    expect(sheetRow(after, 12)).toEqual(['第３節 地域の活力を担う人材をつくる', 1, 1, 0, 0, 0, 0, 2, 0, 4, 2, 2, 1]);
    // 基本的方向２ of 第３節: two KPIs not yet due, nothing assessed: no share (an empty cell).
    expect(sheetRow(after, 14)).toEqual(['　基本的方向２ 愛着や誇りを育む人材をつくる', 0, 0, 0, 0, 0, 0, 2, 0, 2, 0, 0, null]);
    expect(sheetRow(after, 15)).toEqual(['第４節 定住を促す魅力あるまちをつくる', 1, 1, 0, 1, 1, 0, 0, 0, 4, 2, 4, 0.5]);
    // The protected copy of 第3節 基本的方向１ (no heading: its sheet name is its goal): Ｓ and Ａ by the rule.
    expect(sheetRow(after, 18)).toEqual([PROTECTED_SHEET, 1, 1, 0, 0, 0, 0, 0, 0, 2, 2, 2, 1]);
    // 17 KPIs of the sample + the 2 of the copy: Ｓ 4+1, Ａ 4+1, on track 10 of 17 assessed.
    expect(sheetRow(after, 19)).toEqual(['全体', 5, 5, 2, 4, 1, 0, 2, 0, 19, 10, 17, 10 / 17]);
    // Shares formatted as percentages.
    expect(after[SUMMARY_SHEET_NAME]!['M6']!.numberFormat).toBe('0.0%');

    // The KPI list as an Excel table (19 KPIs under its header row), and the charts: grade
    // counts per 基本目標 (4 節 + the protected copy) as stacked bars, then per 基本目標 the
    // 進捗率 bars with the 経過率 line.
    const tables = await w(page).tables();
    expect(tables.map((t) => [t.sheet, t.name])).toEqual([[SUMMARY_SHEET_NAME, 'KPI評価一覧']]);
    const [from, to] = tables[0]!.range.split(':').map((a) => Number(a.replace(/\D+/g, '')));
    expect(to! - from!).toBe(19);
    expect(sheetRow(after, from!).slice(0, 3)).toEqual(['基本目標', '基本的方向', '指標']);
    const charts = await w(page).charts(SUMMARY_SHEET_NAME);
    expect(charts.map((c) => [c.type, c.series.length])).toEqual([['BarStacked', 8], ...Array(5).fill(['ColumnClustered', 2])]);
    expect(charts.slice(1).every((c) => c.series[1]!.chartType === 'Line' && c.series[1]!.name === '経過率')).toBe(true);
    expect(charts[0]!.title).toBe('基本目標別の評価の件数');

    // Pressed again: our own sheet is replaced (one more sync to read our record).
    const syncsAgain = await w(page).syncCount();
    await create.click();
    await page.getByText(/シートの集計を作り直しました/).waitFor({ timeout: WAIT });
    await settle(page);
    expect((await w(page).syncCount()) - syncsAgain, 'syncs for 集計を作成 replacing our sheet').toBe(4);
    expect(await w(page).sheetNames()).toEqual([...SHEETS, PROTECTED_SHEET, SUMMARY_SHEET_NAME]);
    expect(sheetRow(await w(page).allCells(), 19)).toEqual(['全体', 5, 5, 2, 4, 1, 0, 2, 0, 19, 10, 17, 10 / 17]);
    expect((await w(page).tables()).map((t) => t.name), 'one table, the old one gone with the old sheet').toEqual(['KPI評価一覧']);
    expect(await w(page).charts(SUMMARY_SHEET_NAME)).toHaveLength(6);

    // Its own undo: the sheet and the record go; the ledger stays as it was.
    const syncsRemove = await w(page).syncCount();
    await page.getByRole('button', { name: '集計シートを削除', exact: true }).click();
    await page.getByText(`「${SUMMARY_SHEET_NAME}」シートを削除しました。`).waitFor({ timeout: WAIT });
    await settle(page);
    expect((await w(page).syncCount()) - syncsRemove, 'syncs for 集計シートを削除').toBeLessThanOrEqual(3);
    expect(await w(page).sheetNames()).toEqual([...SHEETS, PROTECTED_SHEET]);
    expect(await w(page).namespaces()).not.toContain(SUMMARY_SHEET_NAMESPACE);
    expect(await w(page).tables(), 'the table went with the sheet').toEqual([]);
    expect(others(await w(page).allCells())).toEqual(others(before));
    expect(pane!.errors, 'no page or console errors').toEqual([]);
  });
});
