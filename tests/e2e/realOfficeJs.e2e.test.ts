/**
 * The built task pane with Microsoft's real office.js (the `@microsoft/office-js` npm package,
 * served from 127.0.0.1 in place of https://appsforoffice.microsoft.com/lib/1/hosted/), opened in
 * a browser outside Excel — as an officer who opens the pane's address by itself would. office.js
 * then reports no host: the pane must boot, say in Japanese that it is opened from Excel's ribbon,
 * and log no error. Every request that is not to 127.0.0.1 is aborted and listed.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchHeadlessChromium, type HeadlessChromium } from '../../scripts/chromium';
import { startStaticServer, type StaticServer } from './staticServer';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
/** The package's dist/ is what the CDN's /lib/1/hosted/ serves (office.js, its locale and host files). */
const OFFICE_DIST = join(dirname(createRequire(join(ROOT, 'package.json')).resolve('@microsoft/office-js/package.json')), 'dist');

describe('the pane with the real office.js, opened outside Excel', () => {
  let officeServer: StaticServer;
  let browser: HeadlessChromium;
  /** office.js files the page asked for (paths under /lib/1/hosted/). */
  const officeFiles: string[] = [];
  const blocked: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    officeServer = await startStaticServer(OFFICE_DIST);
    browser = await launchHeadlessChromium({ viewport: { width: 400, height: 700 }, locale: 'ja-JP', serviceWorkers: 'block' });
    await browser.context.route('**/*', async (route) => {
      const href = route.request().url();
      if (href.startsWith(OFFICE_JS)) {
        const path = href.slice(OFFICE_JS.length).split(/[?#]/)[0]!;
        officeFiles.push(path);
        const response = await route.fetch({ url: `${officeServer.url}/${path}` });
        return route.fulfill({ response });
      }
      const url = new URL(href);
      if (url.protocol !== 'data:' && url.protocol !== 'blob:' && !LOOPBACK.has(url.hostname)) {
        blocked.push(href);
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await officeServer?.close();
  });

  it('boots, says in Japanese to open it from Excel’s ribbon, and logs no error', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    await page.goto(`${inject('e2eBaseUrl')}/taskpane.html`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    const text = await alert.innerText();
    expect(text).toContain('Excel の中で使います');
    expect(text).toContain('［ホーム］タブの「KPI評価」グループにある［KPI評価を開く］ボタンから開いてください');
    // The loading text is gone: the pane booted and decided.
    expect(text).not.toContain('読み込み中');
    // It was Microsoft's office.js, not the stub: the real file was served and defined its API.
    expect(officeFiles).toContain('office.js');
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady)).toBe('function');
    // Give late scripts of office.js a moment to fail, if they were going to.
    await page.waitForTimeout(1_000);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
