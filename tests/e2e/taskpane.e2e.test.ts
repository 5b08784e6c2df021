/**
 * The built task pane (webpack production build) in headless Chromium, with the workbook
 * double behind a stub office.js: the officer's whole round — すべて評価, check the preview,
 * 書き込む, 元に戻す — on the sample ledger prepared as at the start of a new year
 * (tests/e2e/ledgerWorkbook.ts says exactly how). What the pane shows is compared with the
 * engine run in Node on the same grids; what ends up in the workbook is read from the double.
 *
 * Screenshots: test-artifacts/e2e-preview.png, e2e-written.png, e2e-undone.png (the whole pane),
 * e2e-keyboard-focus.png and e2e-keyboard.png; e2e-failure-*.png when a step fails.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import { gradeRuleFormula, isAddinRuleFormula, GRADE_COLOURS } from '../../src/core/colours';
import { cellAddress } from '../../src/core/grid';
import { BUILTIN_PRESETS } from '../../src/core/presets';
import type { GradeKey } from '../../src/core/types';
import type { CellView, ConditionalFormatView } from '../support/workbookDouble';
import { launchPane, type Pane } from './browser';
import {
  CLEARED_GRADES,
  CLEARED_SHEET,
  DIFFERING,
  FORMULA_CELL,
  OFFICER_RULE,
  PROTECTED_GRADE_CELLS,
  PROTECTED_SHEET,
  SAMPLE_KPIS,
  SAMPLE_TABLES,
  gradeCellsOn,
  prepareLedger,
  type PreparedLedger,
} from './ledgerWorkbook';
import type { E2eWindow } from './pageGlobals';

const ARTIFACTS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../test-artifacts');
const WAIT = 30_000;

type AllCells = Record<string, Record<string, CellView>>;
type AllFormats = Record<string, ConditionalFormatView[]>;

// ───────────────────────────── page helpers ─────────────────────────────

function double(page: Page) {
  return {
    syncCount: () => page.evaluate(() => (window as unknown as E2eWindow).__double!.syncCount),
    runs: () => page.evaluate(() => (window as unknown as E2eWindow).__e2e!.runs),
    allCells: () => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as E2eWindow).__double!.allCells())) as AllCells),
    allFormats: () =>
      page.evaluate(() => {
        const d = (window as unknown as E2eWindow).__double!;
        return JSON.parse(JSON.stringify(Object.fromEntries(d.sheetNames().map((s) => [s, d.conditionalFormats(s)])))) as AllFormats;
      }),
    isProtected: (sheet: string) => page.evaluate((s) => (window as unknown as E2eWindow).__double!.isProtected(s), sheet),
    customXmlParts: () => page.evaluate(() => (window as unknown as E2eWindow).__double!.customXmlParts().map((p) => p.namespaceUri)),
  };
}

/** Waits until no Excel.run batch is running and none has started for a moment: the pane is done with the workbook. */
async function settle(page: Page): Promise<void> {
  const deadline = Date.now() + WAIT;
  for (;;) {
    await page.waitForFunction(() => (window as unknown as E2eWindow).__e2e?.inflight === 0, undefined, { timeout: WAIT });
    const before = await double(page).runs();
    await page.waitForTimeout(300);
    const idle = await page.evaluate(() => (window as unknown as E2eWindow).__e2e!.inflight === 0);
    if (idle && (await double(page).runs()) === before) return;
    if (Date.now() > deadline) throw new Error('the pane kept calling Excel.run for 30 s');
  }
}

/**
 * The whole pane, as a pane as tall as its content would show it. (A plain fullPage capture
 * leaves the sticky write footer where the 900 px viewport ends, over the middle of the list.)
 */
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // The pointer is left where the last click was; move it off so no hover tooltip covers the pane.
  await page.mouse.move(1, 1);
  await expect
    .poll(() => page.locator('[role="tooltip"]:visible').count(), { message: 'hover tooltips should close before the screenshot', timeout: 5_000 })
    .toBe(0);
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  try {
    await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true, animations: 'disabled' });
  } finally {
    await page.setViewportSize(viewport);
  }
}

function screenshotOnFailure(page: () => Page | undefined, name: string): void {
  onTestFailed(async () => {
    const p = page();
    if (p && !p.isClosed()) await screenshot(p, `e2e-failure-${name}.png`).catch(() => undefined);
  });
}

async function waitEnabled(page: Page, name: string | RegExp): Promise<void> {
  const button = page.getByRole('button', { name, exact: typeof name === 'string' });
  await button.waitFor({ state: 'visible', timeout: WAIT });
  await expect.poll(() => button.isEnabled(), { message: `the button ${String(name)} should become enabled`, timeout: WAIT }).toBe(true);
}

/** Wider than the pane: a horizontal scrollbar in a 400 px task pane is a layout defect. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Cells whose content differs between two snapshots, as "sheet!A1". */
function changedCells(before: AllCells, after: AllCells): string[] {
  const out: string[] = [];
  for (const sheet of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[sheet] ?? {};
    const b = after[sheet] ?? {};
    for (const address of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (JSON.stringify(a[address] ?? null) !== JSON.stringify(b[address] ?? null)) out.push(`${sheet}!${address}`);
    }
  }
  return out.sort();
}

const WRITE_BUTTON = /^書き込む（\d+件）$/;

// ───────────────────────────── the round ─────────────────────────────

describe('task pane on the sample ledger (headless Chromium, built add-in, workbook double)', () => {
  let ledger: PreparedLedger;
  let pane: Pane | undefined;
  let page: Page;
  /** Every cell and colour rule before 書き込む, to compare after 元に戻す. */
  let beforeWrite: { cells: AllCells; formats: AllFormats } | undefined;
  const syncs: Record<'startup' | 'evaluate' | 'write' | 'undo', number | undefined> = {
    startup: undefined,
    evaluate: undefined,
    write: undefined,
    undo: undefined,
  };

  beforeAll(async () => {
    ledger = await prepareLedger();
    pane = await launchPane({ stubFile: inject('e2eStubFile'), workbook: ledger.workbook });
    page = pane.page;
    await page.goto(`${inject('e2eBaseUrl')}/taskpane.html`);
  });

  afterAll(async () => {
    await pane?.close();
  });

  it('opens like an Office pane: office.js from the stub, functions associated, nothing fetched off the machine', async () => {
    screenshotOnFailure(() => page, 'startup');
    await waitEnabled(page, 'すべて評価');
    await settle(page);
    syncs.startup = await double(page).syncCount();

    await expect(page.title()).resolves.toBe('KPI進捗評価');
    // The page carries its Content-Security-Policy and works under it (every step below asserts no
    // console error, and Chromium reports each refused script, style or request as one).
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const directives = new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    expect(directives.get('script-src'), 'scripts: own origin and office.js only, no eval').toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directives.get('connect-src'), 'requests: own origin only').toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(csp, 'no eval anywhere').not.toMatch(/unsafe-eval/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('KPI進捗評価');
    const associated = await page.evaluate(() => (window as unknown as E2eWindow).__e2e!.associated);
    expect(associated, 'functions.js should associate the six KPI custom functions with the stub runtime').toEqual(
      expect.arrayContaining(['RATE', 'GRADE', 'ATTAIN', 'EXPECTED', 'VALUE', 'NENDO']),
    );
    // Startup reads the saved rule (loadPreset), the saved table readings (loadMappings), whether a
    // write can be undone (hasUndo) and the record of sheets imported from other workbooks
    // (loadImports: its parts and the sheets in one sync, their text in a second only when there are
    // some; none here): one sync each. A change here means the pane talks to Excel more (or less)
    // when it opens.
    expect(syncs.startup, 'syncs the pane needs when it opens (loadPreset + loadMappings + hasUndo + loadImports)').toBe(4);
    expect(pane!.blocked, 'the page should request nothing beyond 127.0.0.1 and office.js').toEqual([]);
    expect(pane!.errors, 'no page errors or console errors at startup').toEqual([]);
  });

  it('すべて評価: previews every KPI with its grade, the differing typed grades and the counts', async () => {
    screenshotOnFailure(() => page, 'preview');
    const syncsBefore = await double(page).syncCount();
    await page.getByRole('button', { name: 'すべて評価', exact: true }).click();
    const summary = page.getByRole('region', { name: '評価結果' });
    await summary.waitFor({ state: 'visible', timeout: WAIT });
    await waitEnabled(page, WRITE_BUTTON);
    await settle(page);
    syncs.evaluate = (await double(page).syncCount()) - syncsBefore;
    await screenshot(page, 'e2e-preview.png');

    const { evaluation, plan } = ledger;
    const kpis = evaluation.tables.flatMap((t) => t.kpis.map((ek) => ({ sheet: t.table.sheet, ek })));
    // The sample's 17 KPIs in 8 tables, plus the protected copy of 第3節's first table (2 KPIs).
    expect(kpis.length, 'KPIs the engine finds in the prepared workbook').toBe(SAMPLE_KPIS + 2);
    expect(evaluation.tables.length, 'tables the engine finds').toBe(SAMPLE_TABLES + 1);

    const summaryText = (await summary.innerText()).replace(/\s+/g, ' ');
    expect(summaryText, 'the summary should give the number of KPIs and tables').toContain(`${kpis.length}件の指標（${evaluation.tables.length}個の表）`);

    // Grade counts: one badge per grade, named "Ｓ（早い） 6件", as the engine counts them.
    const labels = BUILTIN_PRESETS.standard.labels;
    const counted = new Map<GradeKey, number>();
    for (const { ek } of kpis) if (ek.outcome.grade) counted.set(ek.outcome.grade, (counted.get(ek.outcome.grade) ?? 0) + 1);
    const expectedBadges = evaluation.gradeKeys
      .filter((g) => counted.has(g))
      .map((g) => {
        const text = kpis.find((k) => k.ek.outcome.grade === g)!.ek.gradeText!;
        const meaning = (labels as Partial<Record<string, { meaning: string }>>)[g]?.meaning;
        return `${meaning ? `${text}（${meaning}）` : text} ${counted.get(g)}件`;
      });
    const badgeLabels = await page
      .getByRole('list', { name: '達成状況ごとの件数' })
      .locator('[aria-label]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(badgeLabels, 'grade count badges in the summary').toEqual(expectedBadges);

    // 変更 4件 · 手入力と相違 2件
    expect(summaryText, 'the summary should count the cells to change').toContain(`変更 ${plan.writes.length}件`);
    expect(summaryText, 'the summary should count the typed grades that differ').toContain(`手入力と相違 ${DIFFERING.length}件`);

    // Every KPI row, with the grade the sheet will hold, in workbook order: the engine's, or the
    // typed one on a differing row while 「手入力を残す」 (the default) is chosen.
    const rows = page.locator('[data-kpi-row]');
    await expect.poll(() => rows.count(), { message: 'one preview row per KPI (all tables open)', timeout: WAIT }).toBe(kpis.length);
    const shownRows = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-kpi-row')));
    const expectedRows = kpis.map(({ sheet, ek }) => `${sheet}!${cellAddress(ek.kpi.gradeCell!.row, ek.kpi.gradeCell!.col)}`);
    expect(shownRows, 'preview rows, by sheet and grade cell').toEqual(expectedRows);
    for (const { sheet, ek } of kpis) {
      const key = `${sheet}!${cellAddress(ek.kpi.gradeCell!.row, ek.kpi.gradeCell!.col)}`;
      const badge = await page.locator(`[data-kpi-row="${key}"] [aria-label^="達成状況"]`).last().innerText();
      expect(badge.trim(), `grade shown for ${key} (${ek.kpi.name})`).toBe((ek.differs ? ek.existing : ek.gradeText) ?? '');
    }

    // The cleared sheet's KPIs get the seed report's grades.
    expect(gradeCellsOn(evaluation, CLEARED_SHEET), `grade cells of ${CLEARED_SHEET}`).toEqual(Object.keys(CLEARED_GRADES));
    for (const [address, grade] of Object.entries(CLEARED_GRADES)) {
      const badge = await page.locator(`[data-kpi-row="${CLEARED_SHEET}!${address}"] [aria-label^="達成状況"]`).last().innerText();
      expect(badge.trim(), `computed grade shown for ${CLEARED_SHEET}!${address}`).toBe(grade);
    }

    // The two differing rows: typed vs computed, typed kept by default.
    await expect(page.getByRole('tab', { name: `相違 ${DIFFERING.length}` }).count(), 'a 相違 filter tab with the count').resolves.toBe(1);
    for (const d of DIFFERING) {
      const row = page.locator(`[data-kpi-row="${d.sheet}!${d.address}"]`);
      const text = (await row.innerText()).replace(/\s+/g, ' ');
      expect(text, `row ${d.sheet}!${d.address} (${d.name}) should show typed → computed`).toContain(`手入力: ${d.typed} → 計算: ${d.computed}`);
      await expect(
        row.getByRole('radio', { name: '手入力を残す' }).isChecked(),
        `row ${d.sheet}!${d.address}: 手入力を残す should be chosen by default`,
      ).resolves.toBe(true);
    }

    // The footer says what the button will do.
    const footer = (await page.getByText(/件のセルを変更します/).innerText()).replace(/\s+/g, ' ');
    expect(footer, 'the write footer').toContain(`${plan.writes.length}件のセルを変更します。`);
    expect(footer, 'the write footer').toContain(`手入力を残すセル: ${DIFFERING.length}件`);
    await expect(page.getByRole('button', { name: `書き込む（${plan.writes.length}件）` }).count(), 'the write button names the count').resolves.toBe(1);

    expect(await horizontalOverflow(page), 'pixels the preview overflows the 400 px pane by').toBe(0);

    // Reading the workbook is two syncs (sheet list; every used range, merges and protection), whatever the number of sheets,
    // then the saved evaluation history to compare with (issue 13): one sync finding its part, none here (a second
    // reads the part's XML when there is one). 2 + 1 = 3.
    expect(syncs.evaluate, 'syncs for すべて評価 (readGrids 2 + loadHistory 1)').toBe(3);
    expect(pane!.errors, 'no page errors or console errors').toEqual([]);
  });

  // The preview lists what the write will skip (WritePlan.skipped: sheetProtected, gradeIsFormula)
  // before writing, and counts it in 要確認; typed grades kept by choice are not among them.
  it('the preview names the protected sheet and the formula cell that will not be written', async () => {
    // The points to check are under their own tab, reached from 要確認 in the summary.
    await page.getByRole('region', { name: '評価結果' }).getByRole('button', { name: /^要確認 \d+件/ }).click();
    await page.getByRole('region', { name: /確認が必要な点/ }).waitFor({ state: 'visible', timeout: WAIT });
    const text = (await page.getByRole('main').innerText()).replace(/\s+/g, ' ');
    const formulaCell = `${FORMULA_CELL.sheet}!${FORMULA_CELL.address}`;
    expect(text.includes(formulaCell), `the preview should name the formula cell ${formulaCell}`).toBe(true);
    expect(new RegExp(`${PROTECTED_SHEET}.*保護されている`).test(text), `the preview should say ${PROTECTED_SHEET} is protected and will not be written`).toBe(true);
    const skips = ledger.plan.skipped.filter((p) => p.code !== 'handGradeDiffers');
    expect(skips.map((p) => p.code).sort(), 'what the plan will not write').toEqual(['gradeIsFormula', 'sheetProtected']);
    const summaryText = (await page.getByRole('region', { name: '評価結果' }).innerText()).replace(/\s+/g, ' ');
    expect(summaryText, '要確認 should count what the write will skip').toContain(`要確認 ${ledger.evaluation.problems.filter((p) => p.code !== 'handGradeDiffers').length + skips.length}件`);
    await page.getByRole('tab', { name: 'すべて' }).click();
  });

  it('書き込む: fills the cleared grades, keeps typed grades, formulas and the protected sheet, adds the colour rules', async () => {
    screenshotOnFailure(() => page, 'written');
    const d = double(page);
    beforeWrite = { cells: await d.allCells(), formats: await d.allFormats() };
    // The snapshot must hold the workbook as prepared, or the comparisons below prove nothing.
    for (const address of Object.keys(CLEARED_GRADES)) {
      expect(beforeWrite.cells[CLEARED_SHEET]?.[address], `${CLEARED_SHEET}!${address} should be empty before writing`).toBeUndefined();
    }
    expect(beforeWrite.cells[FORMULA_CELL.sheet]?.[FORMULA_CELL.address]?.formula, 'the formula cell before writing').toBe(FORMULA_CELL.formula);
    expect(Object.keys(beforeWrite.cells[PROTECTED_SHEET] ?? {}).length, `cells on ${PROTECTED_SHEET} before writing`).toBeGreaterThan(20);
    expect(beforeWrite.formats[OFFICER_RULE.sheet]?.length, `the officer's own rule on ${OFFICER_RULE.sheet} before writing`).toBe(1);
    const syncsBefore = await d.syncCount();
    const runsBefore = await d.runs();
    const { plan } = ledger;

    await page.getByRole('button', { name: WRITE_BUTTON }).click();
    const title = `${plan.writes.length}件の達成状況を書き込みました`;
    // A Fluent MessageBar is a group named by its title.
    const report = page.getByRole('group', { name: title, exact: true });
    await report.waitFor({ state: 'visible', timeout: WAIT });
    await settle(page);
    syncs.write = (await d.syncCount()) - syncsBefore;
    const writeRuns = (await d.runs()) - runsBefore;
    await screenshot(page, 'e2e-written.png');

    // The result message names every cell the write could not do, by sheet and cell; the typed
    // grades kept by the officer's choice are counted apart, not listed as cells not written.
    const reportText = (await report.innerText()).replace(/\s+/g, ' ');
    const notWritten = plan.skipped.filter((p) => p.code !== 'handGradeDiffers');
    expect(reportText, 'the result message should count the cells not written').toContain(`書き込まなかったセル（${notWritten.length}件）`);
    for (const p of notWritten) {
      expect(reportText, `the result message should name ${p.sheet}!${p.cell} (${p.code})`).toContain(`${p.sheet}!${p.cell}`);
    }
    expect(reportText, 'the result message should count the typed grades kept').toContain(`手入力を残したセル: ${DIFFERING.length}件`);
    for (const dd of DIFFERING) {
      expect(reportText, `the kept typed grade ${dd.sheet}!${dd.address} is not a cell not written`).not.toContain(`${dd.sheet}!${dd.address}`);
    }
    expect(reportText, 'the result message should name the formula cell').toContain(`${FORMULA_CELL.sheet}!${FORMULA_CELL.address}:`);
    expect(reportText, 'the result message should name the protected sheet').toContain(`${PROTECTED_SHEET}!`);

    expect(await horizontalOverflow(page), 'pixels the result message overflows the 400 px pane by').toBe(0);

    // Exactly the cleared cells changed, to the seed report's grades (full-width).
    const after = await d.allCells();
    expect(changedCells(beforeWrite.cells, after), 'cells changed by 書き込む').toEqual(
      Object.keys(CLEARED_GRADES).map((a) => `${CLEARED_SHEET}!${a}`).sort(),
    );
    for (const [address, grade] of Object.entries(CLEARED_GRADES)) {
      const cell = after[CLEARED_SHEET]?.[address];
      expect(cell?.value, `${CLEARED_SHEET}!${address} after writing`).toBe(grade);
      expect(cell?.formula, `${CLEARED_SHEET}!${address} should hold text, not a formula`).toBeUndefined();
    }
    for (const dd of DIFFERING) {
      expect(after[dd.sheet]?.[dd.address]?.value, `typed grade ${dd.sheet}!${dd.address} (${dd.name}) should be kept`).toBe(dd.typed);
    }
    const formulaCell = after[FORMULA_CELL.sheet]?.[FORMULA_CELL.address];
    expect(formulaCell?.formula, `${FORMULA_CELL.sheet}!${FORMULA_CELL.address} should still hold its formula`).toBe(FORMULA_CELL.formula);
    expect(after[PROTECTED_SHEET], `the protected sheet ${PROTECTED_SHEET} should be untouched`).toEqual(beforeWrite.cells[PROTECTED_SHEET]);
    for (const address of PROTECTED_GRADE_CELLS) {
      expect(after[PROTECTED_SHEET]?.[address], `${PROTECTED_SHEET}!${address} should stay empty`).toBeUndefined();
    }
    await expect(d.isProtected(PROTECTED_SHEET), `${PROTECTED_SHEET} should still be protected`).resolves.toBe(true);

    // Colour rules: on every written table's grade range, one per coloured grade, with the add-in's marker and the §7 fills.
    const formats = await d.allFormats();
    expect(plan.formats.length, 'tables to colour (every table off the protected sheet)').toBe(SAMPLE_TABLES);
    for (const f of plan.formats) {
      const ours = (formats[f.sheet] ?? []).filter((r) => r.range === f.range && isAddinRuleFormula(r.formula));
      const topLeft = f.range.split(':')[0]!;
      const expected = f.rules.map((r) => ({
        type: 'Custom',
        formula: `=${gradeRuleFormula(topLeft, r.gradeText)}`,
        fill: GRADE_COLOURS[r.gradeKey]!.fill,
        fontColor: GRADE_COLOURS[r.gradeKey]!.fontColor,
      }));
      // Compared as a set: Excel puts each new rule on top, so their priority order is the reverse of adding.
      const byFormula = (a: { formula?: string }, b: { formula?: string }) => String(a.formula).localeCompare(String(b.formula));
      expect(
        ours.map(({ type, formula, fill, fontColor }) => ({ type, formula, fill, fontColor })).sort(byFormula),
        `the add-in's colour rules on ${f.sheet}!${f.range}`,
      ).toEqual(expected.sort(byFormula));
    }
    const addinRules = Object.values(formats).flat().filter((r) => isAddinRuleFormula(r.formula));
    expect(addinRules.length, 'no add-in colour rules beyond the planned ones').toBe(plan.formats.reduce((n, f) => n + f.rules.length, 0));
    expect(formats[PROTECTED_SHEET], 'no colour rules on the protected sheet').toEqual([]);
    const officer = (formats[OFFICER_RULE.sheet] ?? []).filter((r) => !isAddinRuleFormula(r.formula));
    expect(officer, 'the officer\'s own rule is left as it was').toEqual(beforeWrite.formats[OFFICER_RULE.sheet]);
    await expect(d.customXmlParts(), 'an undo snapshot is saved in the workbook').resolves.toContain('urn:kpi-ledger-addin:undo:v1');

    await expect(d.customXmlParts(), 'the evaluation history is saved in the workbook').resolves.toContain('urn:kpi-ledger-addin:history:v1');
    // 書き込む = check + write (one sync each for a plan this size), then the history entry (find the
    // parts, read them, save: 3, issue 13), then hasUndo for the 元に戻す button.
    // 6 syncs in 3 Excel.run batches. With すべて評価 (readGrids 2 + loadHistory 1, no history part yet) that is
    // 3 + 6 = 9 ≤ 4 + 3 + 1 (hasUndo) + 1 (loadHistory's part lookup).
    expect(syncs.write, 'syncs for 書き込む (applyPlan 2 + history 3 + hasUndo 1)').toBe(6);
    expect(writeRuns, 'Excel.run batches for 書き込む (applyPlan, history, hasUndo)').toBe(3);
    expect(syncs.evaluate! + syncs.write!, 'syncs for すべて評価 + 書き込む').toBeLessThanOrEqual(4 + 3 + 1 + 1);
    expect(pane!.errors, 'no page errors or console errors').toEqual([]);
  });

  it('元に戻す: every cell of every sheet is back as before the write, and the add-in\'s rules are gone', async () => {
    screenshotOnFailure(() => page, 'undone');
    expect(beforeWrite, 'the write step must have run first').toBeDefined();
    const d = double(page);
    const syncsBefore = await d.syncCount();
    // 元に戻す in the header, which stays at the top (the result of the write offers it too).
    const undo = page.getByRole('banner').getByRole('button', { name: '元に戻す', exact: true });
    await expect.poll(() => undo.isEnabled(), { message: '元に戻す should become enabled', timeout: WAIT }).toBe(true);
    await undo.click();
    const restored = Object.keys(CLEARED_GRADES).length;
    await page.getByRole('group', { name: `${restored}件のセルを元に戻しました`, exact: true }).waitFor({ state: 'visible', timeout: WAIT });
    await settle(page);
    syncs.undo = (await d.syncCount()) - syncsBefore;
    // The pointer and the focus are still on 元に戻す: its hint (now 「元に戻せる書き込みはありません」)
    // must not open over すべて評価 / このシートを評価.
    await page.waitForTimeout(600);
    expect(await page.locator('[role="tooltip"]:visible').allInnerTexts(), 'tooltips shown right after 元に戻す').toEqual([]);
    await screenshot(page, 'e2e-undone.png');

    const cells = await d.allCells();
    expect(changedCells(beforeWrite!.cells, cells), 'cells that differ from before 書き込む').toEqual([]);
    expect(cells, 'every cell of every sheet, as before 書き込む').toEqual(beforeWrite!.cells);
    const formats = await d.allFormats();
    expect(Object.values(formats).flat().filter((r) => isAddinRuleFormula(r.formula)), 'add-in colour rules left after 元に戻す').toEqual([]);
    expect(formats, 'colour rules of every sheet, as before 書き込む (the officer\'s own rule kept)').toEqual(beforeWrite!.formats);
    await expect(d.isProtected(PROTECTED_SHEET), `${PROTECTED_SHEET} should still be protected`).resolves.toBe(true);

    // undoLastWrite finds the snapshot, reads it, checks the sheets, restores (4); before it, the id of the
    // write to take out of the history (2), after it the history without that entry (3); then hasUndo (1).
    expect(syncs.undo, 'syncs for 元に戻す (history 2 + undoLastWrite 4 + history 3 + hasUndo 1)').toBe(10);
    expect(pane!.blocked, 'the page should request nothing beyond 127.0.0.1 and office.js').toEqual([]);
    expect(pane!.errors, 'no page errors or console errors').toEqual([]);
  });
});

describe('keyboard only', () => {
  let pane: Pane | undefined;

  afterAll(async () => {
    await pane?.close();
  });

  it('Tab reaches すべて評価 within the first stops and Enter evaluates', async () => {
    const ledger = await prepareLedger();
    pane = await launchPane({ stubFile: inject('e2eStubFile'), workbook: ledger.workbook });
    const { page } = pane;
    screenshotOnFailure(() => page, 'keyboard');
    await page.goto(`${inject('e2eBaseUrl')}/taskpane.html`);
    await waitEnabled(page, 'すべて評価');
    await settle(page);

    const evaluate = page.getByRole('button', { name: 'すべて評価', exact: true });
    const stops: string[] = [];
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await evaluate.evaluate((el) => el === document.activeElement);
      stops.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''));
    }
    expect(reached, `Tab should reach すべて評価; focus went through ${JSON.stringify(stops)}`).toBe(true);
    // The header's 元に戻す and menu come first, then すべて評価.
    expect(stops.length, `Tab stops up to すべて評価: ${JSON.stringify(stops)}`).toBeLessThanOrEqual(3);
    // Fluent's focus ring on the button, as a keyboard user sees it.
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-keyboard-focus.png'), clip: { x: 0, y: 0, width: 400, height: 160 } });

    await expect(page.locator('[data-kpi-row]').count(), 'preview rows before Enter').resolves.toBe(0);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: '評価結果' }).waitFor({ state: 'visible', timeout: WAIT });
    await waitEnabled(page, WRITE_BUTTON);
    await expect(page.locator('[data-kpi-row]').count(), 'preview rows after Enter').resolves.toBe(
      ledger.evaluation.tables.reduce((n, t) => n + t.kpis.length, 0),
    );
    // While busy the button was disabledFocusable, not disabled: the focus never left it.
    await expect(evaluate.evaluate((el) => el === document.activeElement), 'focus after Enter and the results').resolves.toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-keyboard.png') });
    expect(pane.errors, 'no page errors or console errors').toEqual([]);
  });
});
