/**
 * 「この範囲をKPIの表として読む」 end to end, in the built pane (headless Chromium, 350 px wide,
 * the workbook double behind the office.js stub): a 施策評価 sheet whose table the detector
 * cannot read (tests/core/mapping/fixture.ts — its grades worked out by hand there) —
 * すべて評価 finds nothing; the officer selects B2:G7, opens the dialog, corrects a role, sees
 * the preview grades, saves; the reading is in the workbook's custom XML parts; すべて評価 grades
 * the five KPIs; 書き込む writes them into the officer's own grade column.
 *
 * Screenshot: test-artifacts/e2e-mapping-dialog.png (the dialog at 350 px), e2e-mapping-graded.png.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAPPING_NAMESPACE, mappingsFromCustomXml } from '../../src/excel/mappingPart';
import { MAPPING, RANGE, ROWS, SHEET } from '../core/mapping/fixture';
import { openBuiltPane, type Pane } from './browser';
import type { E2eWorkbook } from './ledgerWorkbook';
import type { E2eWindow } from './pageGlobals';

const ARTIFACTS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../test-artifacts');
const WAIT = 30_000;

/** The fixture's table at B2: rows[r][c] lands at row r, column c. */
const WORKBOOK: E2eWorkbook = {
  sheets: [{ name: SHEET, cells: [[], ...ROWS.map((r) => ['', ...r])] }],
  officerRules: [],
  activeSheet: SHEET,
};

/** The grades worked out in fixture.ts, as the pane names them, top to bottom. */
const GRADES = ['Ｂ（おおむね順調）', 'Ｓ（早い）', 'Ｄ（遅れている）', 'Ａ（順調）', 'Ｃ（やや遅れている）'].map((g) => `達成状況 ${g}`);

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as E2eWindow).__e2e?.inflight === 0, undefined, { timeout: WAIT });
  await page.waitForTimeout(300);
  await page.waitForFunction(() => (window as unknown as E2eWindow).__e2e?.inflight === 0, undefined, { timeout: WAIT });
}

async function evaluateAll(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'すべて評価', exact: true }).click();
  await page.getByRole('region', { name: '評価結果' }).waitFor({ state: 'visible', timeout: WAIT });
  await settle(page);
}

async function choose(page: Page, column: string, label: string): Promise<void> {
  await page.getByRole('combobox', { name: `${column}列の役割` }).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

describe('the mapping dialog in the built pane (350 px)', () => {
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

  it('select, assign roles, preview, save, evaluate, write', async () => {
    // Detection alone finds no table on this sheet: the pane says so and offers the command.
    await page.getByRole('button', { name: 'すべて評価', exact: true }).click();
    const empty = page.getByRole('region', { name: 'KPI表が見つかりませんでした' });
    await empty.waitFor({ state: 'visible', timeout: WAIT });
    await settle(page);
    await expect(page.locator('[data-kpi-row]').count(), 'KPIs found without a mapping').resolves.toBe(0);

    // The officer selects the table and asks for it to be read.
    await page.evaluate((range) => (window as unknown as E2eWindow).__double!.selectRange('施策評価', range), RANGE);
    await empty.getByRole('button', { name: 'この範囲をKPIの表として読む' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible', timeout: WAIT });
    await expect(dialog.getByText('「施策評価」シートの B2:G7').count()).resolves.toBe(1);
    // Prefilled from the header words; 評定 is no grade word, so the officer says it is the grade column.
    await expect(page.getByRole('combobox', { name: 'F列の役割' }).innerText()).resolves.toBe('目標');
    await expect(page.getByRole('combobox', { name: 'G列の役割' }).innerText()).resolves.toBe('読まない');
    await choose(page, 'G', '評価');
    await expect(page.getByRole('combobox', { name: 'G列の役割' }).innerText()).resolves.toBe('評価');

    // The live preview: the first rows graded by the same engine.
    const preview = dialog.locator('[data-preview-row] [aria-label^="達成状況"]');
    await expect.poll(() => preview.count(), { timeout: WAIT }).toBe(5);
    await expect(preview.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).resolves.toEqual(GRADES);

    // Look at it: the dialog in a 350 px pane.
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.mouse.move(1, 1);
    // From the top (choosing G's role scrolled the content down to it), then at the preview.
    const content = dialog.locator('.fui-DialogContent');
    await content.evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-mapping-dialog.png'), animations: 'disabled' });
    await content.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-mapping-dialog-preview.png'), animations: 'disabled' });
    const overflow = await dialog.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, 'pixels the dialog overflows sideways').toBe(0);

    // Save: stored in the workbook, beside the rule.
    await dialog.getByRole('button', { name: '保存して使う' }).click();
    await dialog.waitFor({ state: 'detached', timeout: WAIT });
    await settle(page);
    const parts = await page.evaluate((ns) => (window as unknown as E2eWindow).__double!.customXmlParts(ns).map((p) => p.xml), MAPPING_NAMESPACE);
    expect(parts, 'one custom XML part of table readings').toHaveLength(1);
    expect(mappingsFromCustomXml(parts[0]!)).toEqual({ ok: true, mappings: [MAPPING] });

    // Evaluate: the five KPIs graded as worked out by hand.
    await evaluateAll(page);
    const badges = page.locator('[data-kpi-row] [aria-label^="達成状況"]');
    await expect.poll(() => badges.count(), { timeout: WAIT }).toBe(5);
    await expect(badges.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).resolves.toEqual(GRADES);
    await expect(page.locator('[data-kpi-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kpi-row')))).resolves.toEqual(
      ['G3', 'G4', 'G5', 'G6', 'G7'].map((a) => `${SHEET}!${a}`),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-mapping-graded.png'), fullPage: true, animations: 'disabled' });

    // And write them into the officer's grade column.
    await page.getByRole('button', { name: /^書き込む（5件）$/ }).click();
    await page.getByRole('group', { name: '5件の達成状況を書き込みました', exact: true }).waitFor({ state: 'visible', timeout: WAIT });
    await settle(page);
    const written = await page.evaluate(
      (sheet) => ['G3', 'G4', 'G5', 'G6', 'G7'].map((a) => (window as unknown as E2eWindow).__double!.getCell(sheet, a).value),
      SHEET,
    );
    expect(written).toEqual(['Ｂ', 'Ｓ', 'Ｄ', 'Ａ', 'Ｃ']);
    expect(pane!.errors, 'no page errors or console errors').toEqual([]);
  });
});
