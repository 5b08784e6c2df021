/**
 * 「他のブックから取り込む」 end to end in the built pane (headless Chromium, 400 px, the workbook
 * double behind the office.js stub; its insertWorksheetsFromBase64 inserts the sheets the
 * project's reader finds in the file): two department files picked at once come in at the
 * end of the sample ledger, the pane grades the whole workbook again and their KPIs are
 * graded with the rest (grades worked by hand in tests/cli/fixtures.test.ts), the ledger's
 * own sheets are untouched, and 「取り込んだシートを削除」 removes exactly those sheets and
 * their record.
 *
 * Screenshot: test-artifacts/e2e-import.png (the pane after the import, review included).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import { IMPORTS_NAMESPACE } from '../../src/excel/importSheets';
import type { CellView } from '../support/workbookDouble';
import { readBookForDouble } from '../support/workbookDoubleBooks';
import { launchPane, type Pane } from './browser';
import { PROTECTED_SHEET, SHEETS, prepareLedger } from './ledgerWorkbook';
import type { E2eWindow } from './pageGlobals';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const WAIT = 30_000;
type AllCells = Record<string, Record<string, CellView>>;

const FILES = [
  { name: '企画課.xlsx', bytes: readFileSync(join(ROOT, 'tests/fixtures/reiwa-kijun.xlsx')) }, // sheet KPI評価（R5）
  { name: '商工課.xlsx', bytes: readFileSync(join(ROOT, 'tests/fixtures/western-target-first.xlsx')) }, // sheet 成果指標
];

const w = (page: Page) => ({
  sheetNames: () => page.evaluate(() => (window as unknown as E2eWindow).__double!.sheetNames()),
  allCells: () => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as E2eWindow).__double!.allCells())) as AllCells),
  namespaces: () => page.evaluate(() => (window as unknown as E2eWindow).__double!.customXmlParts().map((p) => p.namespaceUri)),
});

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as E2eWindow).__e2e?.inflight === 0, undefined, { timeout: WAIT });
  await page.waitForTimeout(300);
  await page.waitForFunction(() => (window as unknown as E2eWindow).__e2e?.inflight === 0, undefined, { timeout: WAIT });
}

const row = (page: Page, name: string) => page.locator('[data-kpi-row]', { hasText: name });

describe('他のブックから取り込む in the built pane over the workbook double', () => {
  let pane: Pane | undefined;
  let page: Page;

  beforeAll(async () => {
    const ledger = await prepareLedger();
    const books = FILES.map((f) => {
      const base64 = f.bytes.toString('base64');
      return { base64, sheets: readBookForDouble(base64) };
    });
    pane = await launchPane({ stubFile: inject('e2eStubFile'), workbook: { ...ledger.workbook, books } });
    page = pane.page;
    await page.goto(`${inject('e2eBaseUrl')}/taskpane.html`);
  });

  afterAll(async () => {
    await pane?.close();
  });

  it('imports two files, grades their KPIs with the rest, and undo removes exactly them', async () => {
    onTestFailed(async () => {
      if (pane && !page.isClosed()) await page.screenshot({ path: join(ARTIFACTS, 'e2e-failure-import.png'), fullPage: true }).catch(() => undefined);
    });
    const button = page.getByRole('button', { name: '他のブックから取り込む', exact: true });
    await button.waitFor({ state: 'visible', timeout: WAIT });
    await settle(page);
    const before = await w(page).allCells();

    await page.getByTestId('import-books-input').setInputFiles(FILES.map((f) => ({ name: f.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: f.bytes })));
    await page.getByText('2ファイルから 2シートを取り込み、評価し直しました。').waitFor({ timeout: WAIT });
    await page.getByRole('region', { name: '評価結果' }).waitFor({ state: 'visible', timeout: WAIT });
    await settle(page);

    expect(await w(page).sheetNames()).toEqual([...SHEETS, PROTECTED_SHEET, 'KPI評価（R5）', '成果指標']);
    const after = await w(page).allCells();
    for (const sheet of [...SHEETS, PROTECTED_SHEET]) expect(after[sheet], `${sheet} untouched`).toEqual(before[sheet]);
    expect(await w(page).namespaces()).toContain(IMPORTS_NAMESPACE);

    // Graded with the rest, by the rule (tests/cli/fixtures.test.ts worked these by hand).
    await expect.poll(() => row(page, '新規就農者数').count(), { timeout: WAIT }).toBe(1);
    expect(await row(page, '新規就農者数').textContent()).toContain('Ｓ'); // 20 ≥ 20以上
    expect(await row(page, '観光入込客数').count()).toBe(2); // the sample's and 企画課's
    expect(await row(page, '待機児童数').textContent()).toContain('Ｓ'); // 15→0, target 0
    expect(await row(page, '公共交通利用者数').textContent()).toContain('Ｃ'); // 5.6% worse
    // The review across the ledger and the two files.
    const review = page.getByRole('region', { name: '各課の評価の整合性（取り込んだファイルとこのブック）' });
    await review.waitFor({ state: 'visible', timeout: WAIT });
    expect(await review.textContent()).toContain('企画課.xlsx: 3件中 0件（0%）');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-import.png'), fullPage: true, animations: 'disabled' });

    await page.getByRole('button', { name: '取り込んだシートを削除', exact: true }).click();
    await page.getByText('取り込んだシート（「KPI評価（R5）」・「成果指標」）を削除しました。').waitFor({ timeout: WAIT });
    await settle(page);
    expect(await w(page).sheetNames()).toEqual([...SHEETS, PROTECTED_SHEET]);
    expect(await w(page).namespaces()).not.toContain(IMPORTS_NAMESPACE);
    expect(await w(page).allCells()).toEqual(before);
    await expect.poll(() => row(page, '新規就農者数').count(), { timeout: WAIT }).toBe(0);
    expect(pane!.errors, 'no page or console errors').toEqual([]);
  });
});
