/**
 * Editing one of the officer's own words end to end in the built pane (headless Chromium, 350 px,
 * the workbook double behind the office.js stub): すべて評価, 要因分析を編集, ブックに保存 writes that
 * one cell in one Excel.run and nothing else; 方向性 is chosen from the five and its column gets the
 * list; 「この書き込みを元に戻す」 puts the cell back as it was; the grade cells never change.
 *
 * Screenshot: test-artifacts/e2e-officer-words.png (the row while editing).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellView } from '../support/workbookDouble';
import { openBuiltPane, type Pane } from './browser';
import type { E2eWorkbook } from './ledgerWorkbook';
import type { E2eWindow } from './pageGlobals';

const ARTIFACTS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../test-artifacts');
const WAIT = 30_000;
const SHEET = '基本目標1';
type AllCells = Record<string, Record<string, CellView>>;

const WORKBOOK: E2eWorkbook = {
  sheets: [
    {
      name: SHEET,
      cells: [
        ['No', '重要業績評価指標（ＫＰＩ）', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '達成状況', '要因分析', '今後の方向性'],
        ['1', '転入者数（企画課）', '100人', '140人', '200人', 'Ｂ', '相談会を増やした', '拡大'],
        ['2', '交流人口（観光課）', '50人', '56人', '80人', 'Ｃ', '', ''],
      ],
    },
  ],
  officerRules: [],
  activeSheet: SHEET,
};

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as E2eWindow).__e2e?.inflight === 0, undefined, { timeout: WAIT });
  await page.waitForTimeout(300);
  await page.waitForFunction(() => (window as unknown as E2eWindow).__e2e?.inflight === 0, undefined, { timeout: WAIT });
}

const w = (page: Page) => ({
  runs: () => page.evaluate(() => (window as unknown as E2eWindow).__e2e!.runs),
  allCells: () => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as E2eWindow).__double!.allCells())) as AllCells),
  validation: (address: string) => page.evaluate(([s, a]) => (window as unknown as E2eWindow).__double!.validation(s!, a!) ?? null, [SHEET, address]),
});

describe('the officer’s words in the built pane (350 px)', () => {
  let pane: Pane | undefined;
  let page: Page;

  beforeAll(async () => {
    pane = await openBuiltPane(WORKBOOK, { width: 350, height: 900 }, WAIT);
    page = pane.page;
    await settle(page);
  });

  afterAll(async () => {
    await pane?.close();
  });

  it('edit one 要因分析 cell: one Excel.run, that cell only; its undo restores it; 方向性 gets the list', async () => {
    await page.getByRole('button', { name: 'すべて評価', exact: true }).click();
    await page.getByRole('region', { name: '評価結果' }).waitFor({ state: 'visible', timeout: WAIT });
    await settle(page);
    const row = page.locator('[data-kpi-row]').filter({ hasText: '転入者数' });
    const words = row.getByRole('group', { name: '担当課の記述' });
    await expect(words.getByText('相談会を増やした').count()).resolves.toBe(1);

    await words.getByRole('button', { name: '要因分析を編集' }).click();
    const field = words.getByRole('textbox');
    await field.fill('相談会を増やし、転入が増えた');
    // The row itself (a click selects the KPI's cell) does not take the typing.
    await expect(field.inputValue()).resolves.toBe('相談会を増やし、転入が増えた');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.mouse.move(1, 1);
    await row.screenshot({ path: join(ARTIFACTS, 'e2e-officer-words.png'), animations: 'disabled' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'pixels the pane overflows sideways').toBe(0);

    const before = await w(page).allCells();
    const runs = await w(page).runs();
    await words.getByRole('button', { name: 'ブックに保存' }).click();
    await row.getByText('「基本目標1」シートのセル G2（要因分析）に書き込みました。').waitFor({ state: 'visible', timeout: WAIT });
    await settle(page);
    expect((await w(page).runs()) - runs, 'Excel.run batches for one edit').toBe(1);
    const after = await w(page).allCells();
    expect(after[SHEET]!.G2!.value).toBe('相談会を増やし、転入が増えた');
    const changed = Object.keys(after[SHEET]!).filter((a) => JSON.stringify(after[SHEET]![a]) !== JSON.stringify(before[SHEET]![a]));
    expect(changed).toEqual(['G2']);

    await row.getByRole('button', { name: 'この書き込みを元に戻す' }).click();
    await row.getByText('「基本目標1」シートのセル G2 を書き込む前の内容に戻しました。').waitFor({ state: 'visible', timeout: WAIT });
    await settle(page);
    expect(await w(page).allCells()).toEqual(before);

    // 方向性: a choice of the five; its column's KPI cells get the drop-down list.
    await words.getByRole('button', { name: '今後の方向性を編集' }).click();
    await words.getByRole('radio', { name: '継続' }).check();
    await words.getByRole('button', { name: 'ブックに保存' }).click();
    await row.getByText(/H2（今後の方向性）に書き込みました/).waitFor({ state: 'visible', timeout: WAIT });
    await settle(page);
    const list = { list: { inCellDropDown: true, source: '拡大,継続,改善,縮小,廃止' } };
    expect([await w(page).validation('H2'), await w(page).validation('H3'), await w(page).validation('F2')]).toEqual([list, list, null]);
    const end = await w(page).allCells();
    expect([end[SHEET]!.F2!.value, end[SHEET]!.F3!.value, end[SHEET]!.H2!.value]).toEqual(['Ｂ', 'Ｃ', '継続']);
    expect(pane!.errors).toEqual([]);
  });
});
