/**
 * Headless Chromium (Debian's package) driven by playwright-core, offline:
 * Microsoft's office.js URL is answered by the stub, loopback requests go through,
 * everything else is aborted and remembered so a test can say what was attempted.
 *
 * Each pane gets a browser of its own with a fresh --user-data-dir (playwright takes
 * it as launchPersistentContext's first argument and refuses it among the args).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_PATH, launchHeadlessChromium } from '../../scripts/chromium';
import type { E2eWorkbook } from './ledgerWorkbook';
import type { E2eWindow } from './pageGlobals';

export const CHROMIUM = CHROMIUM_PATH;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);


export interface Pane {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Non-loopback URLs the page tried to fetch (aborted), office.js aside. */
  readonly blocked: string[];
  /** Uncaught page errors and console errors. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface PaneOptions {
  readonly stubFile: string;
  readonly workbook: E2eWorkbook;
  readonly viewport?: { width: number; height: number };
}

/** A fresh Chromium with the workbook injected and the network closed; the page is still blank. */
export async function launchPane({ stubFile, workbook, viewport = { width: 400, height: 900 } }: PaneOptions): Promise<Pane> {
  const stub = readFileSync(stubFile, 'utf8');
  const browser = await launchHeadlessChromium({ viewport, deviceScaleFactor: 1, locale: 'ja-JP', serviceWorkers: 'block' });
  const { context } = browser;
  const blocked: string[] = [];
  const errors: string[] = [];

  await context.route('**/*', (route) => {
    const href = route.request().url();
    if (href.startsWith(OFFICE_JS)) {
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: stub });
    }
    const url = new URL(href);
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && !LOOPBACK.has(url.hostname)) {
      blocked.push(href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  await context.addInitScript((injected) => {
    (window as unknown as E2eWindow).__E2E_WORKBOOK__ = injected;
  }, workbook);

  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });

  return {
    context,
    page,
    blocked,
    errors,
    close: () => browser.close(),
  };
}

/**
 * The built task pane (taskpane.html from the e2e server) opened over `workbook`, once its
 * 「すべて評価」 button is on screen: the start of most browser tests.
 */
export async function openBuiltPane(workbook: E2eWorkbook, viewport: { width: number; height: number }, wait = 30_000): Promise<Pane> {
  const pane = await launchPane({ stubFile: inject('e2eStubFile'), workbook, viewport });
  await pane.page.goto(`${inject('e2eBaseUrl')}/taskpane.html`);
  await pane.page.getByRole('button', { name: 'すべて評価', exact: true }).waitFor({ state: 'visible', timeout: wait });
  return pane;
}
