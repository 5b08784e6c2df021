/**
 * The committee report (`--report`) in headless Chromium: it is shown and printed to an A4
 * PDF; the Japanese text is drawn with a CJK font (asked of Chromium itself through the
 * DevTools protocol, not guessed from CSS); and no table row is split across pages — every
 * row's text, in order, is found whole on one page of the PDF (pdftotext, poppler-utils).
 *
 * The report over many files (`kpi-hyoka a.xlsx b.xlsx --report`) is printed the same way.
 *
 * Needs no add-in build; it sits with the browser tests because it needs Chromium.
 * Artifacts: test-artifacts/report.png (first screen), report.pdf, report-page-N.png;
 * report-many.png, report-many.pdf for the many-file report.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHeadlessChromium, type HeadlessChromium } from '../../scripts/chromium';
import { runCli } from '../../src/cli/run';
import type { Page } from 'playwright-core';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const ARTIFACTS = resolve(ROOT, 'test-artifacts');
const HTML = resolve(ARTIFACTS, 'report.html');
const PDF = resolve(ARTIFACTS, 'report.pdf');
const MANY_HTML = resolve(ARTIFACTS, 'report-many.html');
const MANY_PDF = resolve(ARTIFACTS, 'report-many.pdf');

/** Text as compared between the page and the PDF: NFKC, no whitespace. */
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * Prints the page to an A4 PDF and checks every table row's text, in reading order, is on one
 * page: a row cut by a page break would be split between two pages' texts and found on none.
 * Returns each page's text.
 */
async function printWithRowsWhole(p: Page, pdf: string): Promise<string[]> {
  const rowTexts = await p.$$eval('table tbody tr', (rows) => rows.map((r) => (r as HTMLElement).innerText));
  await p.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect(pages).toBeGreaterThan(2);
  expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
  const pageTexts: string[] = [];
  for (let n = 1; n <= pages; n++) {
    pageTexts.push(squash(execFileSync('pdftotext', ['-raw', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' })));
  }
  const missing = rowTexts.map(squash).filter((t) => t.length > 0 && !pageTexts.some((pt) => pt.includes(t)));
  expect(missing).toEqual([]);
  return pageTexts;
}

let browser: HeadlessChromium;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  let stderr = '';
  const code = await runCli(['samples/kashiwazaki-H29-ledger.xlsx', '--report', HTML, '--force'], { stdout: () => {}, stderr: (s) => (stderr += s) });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  browser = await launchHeadlessChromium({ viewport: { width: 900, height: 1200 }, deviceScaleFactor: 1, locale: 'ja-JP' });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  // Self-contained: any request other than the file itself is a defect.
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== pathToFileURL(HTML).href) requests.push(r.url());
  });
  await page.goto(pathToFileURL(HTML).href);
  expect(requests).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

describe('the committee report in Chromium', () => {
  it('draws its Japanese with a CJK font', async () => {
    await page.screenshot({ path: resolve(ARTIFACTS, 'report.png') });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    for (const selector of ['h1', 'section.rule p', 'table.counts tbody th', 'table.kpis td.reason']) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      expect(nodeId, selector).toBeGreaterThan(0);
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const used = fonts.filter((f) => f.glyphCount > 0).map((f) => f.familyName);
      expect(used.some((f) => /CJK|Noto Sans JP|Hiragino|Yu Gothic|Meiryo/i.test(f)), `${selector}: ${used.join(', ')}`).toBe(true);
    }
    // The title is the first line of the ledger's first sheet (the workbook has no title of its own).
    expect(await page.textContent('h1')).toBe('４ 目標別の総合戦略の進行管理');
  });

  it('prints to A4 with every table row whole on one page', async () => {
    await page.emulateMedia({ media: 'print' });
    // The rule that keeps rows whole is in force for every row of every table.
    const rowRules = await page.$$eval('tr', (rows) => rows.map((r) => getComputedStyle(r).breakInside));
    expect(rowRules.length).toBeGreaterThan(40);
    expect(new Set(rowRules)).toEqual(new Set(['avoid']));

    const pageTexts = await printWithRowsWhole(page, PDF);
    // And the 17 KPI rows, the report's purpose, are all there.
    expect(await page.locator('table.kpis tr.kpi').count()).toBe(17);

    // Pictures of two pages for people to look at.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '4', PDF, resolve(ARTIFACTS, 'report-page')]);
    writeFileSync(resolve(ARTIFACTS, 'report-pages.txt'), pageTexts.join('\n\n'));
    expect(readFileSync(PDF).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the report over many files in Chromium', () => {
  it('prints to A4 with every row whole, the table of files first and each file from a new page', async () => {
    let stderr = '';
    const code = await runCli(['samples/kashiwazaki-H29-ledger.xlsx', 'tests/fixtures/reiwa-kijun.xlsx', '--report', MANY_HTML, '--force', '--jobs', '1'], {
      stdout: () => {},
      stderr: (s) => (stderr += s),
    });
    expect(stderr).toBe('');
    expect(code).toBeLessThan(2);
    const many = await browser.context.newPage();
    await many.goto(pathToFileURL(MANY_HTML).href);
    await many.screenshot({ path: resolve(ARTIFACTS, 'report-many.png') });
    await many.emulateMedia({ media: 'print' });
    expect(await many.$$eval('section.file-section', (s) => s.map((e) => getComputedStyle(e).breakBefore))).toEqual(['page', 'page']);
    const pageTexts = await printWithRowsWhole(many, MANY_PDF);
    // The table of files is on the first pages, before either file's own section.
    const first = pageTexts.findIndex((t) => t.includes(squash('台帳ごとの評価')));
    const firstFile = pageTexts.findIndex((t) => t.includes(squash('1. ４ 目標別の総合戦略の進行管理')));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(firstFile).toBeGreaterThan(first);
    await many.close();
  });
});
