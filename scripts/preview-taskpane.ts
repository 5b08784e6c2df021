/**
 * Screenshots of the task pane without Office: bundles src/taskpane/preview.tsx
 * (the App over an in-memory host and a seed-like workbook) with esbuild, serves it
 * on 127.0.0.1, drives it in headless Chromium and saves test-artifacts/preview-*.png.
 *
 *   npx tsx scripts/preview-taskpane.ts
 *
 * Needs Debian's chromium and a CJK font: apt-get install -y chromium fonts-noto-cjk.
 * Also reports horizontal overflow at 320 px and how long 10,000 KPIs take to show.
 */
import { build } from 'esbuild';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchHeadlessChromium } from './chromium';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-artifacts');


async function bundle(dir: string): Promise<void> {
  const result = await build({
    entryPoints: [join(ROOT, 'src/taskpane/preview.tsx')],
    bundle: true,
    outfile: join(dir, 'preview.js'),
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'warning',
  });
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.log(`bundle: ${(bytes / 1024).toFixed(0)} KiB (preview entry, minified, includes the engine and sample data)`);
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>KPI進捗評価 — preview</title>
<style>html, body { margin: 0; padding: 0; } </style></head>
<body><div id="container"></div><script type="module" src="preview.js"></script></body>
</html>`,
  );
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end('not found');
      },
    );
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function openPane(context: BrowserContext, base: string, query: string, width = 400, height = 900): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${base}/?${query}`);
  await page.getByRole('button', { name: /すべて評価|Evaluate all/ }).waitFor();
  return page;
}

async function evaluateAll(page: Page): Promise<number> {
  const started = Date.now();
  await page.getByRole('button', { name: /すべて評価|Evaluate all/ }).click();
  await page.getByRole('region', { name: /評価結果|Results/ }).waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: /書き込む|Write/ }).last().waitFor();
  return Date.now() - started;
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  const path = join(OUT, `preview-${name}.png`);
  await page.screenshot({ path, fullPage });
  const errors = (page as Page & { errors?: string[] }).errors ?? [];
  console.log(`saved ${path}${errors.length ? `  (page errors: ${errors.join(' | ')})` : ''}`);
}

/** Viewport-sized screenshots down the page (the sticky footer stays where it is in a real pane). */
async function shotScrolled(page: Page, name: string, max: number): Promise<void> {
  const { height, total } = await page.evaluate(() => ({ height: window.innerHeight, total: document.documentElement.scrollHeight }));
  for (let i = 0, y = 0; i < max && y < total; i++, y += height - 160) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(150);
    await shot(page, `${name}-${i + 1}`);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), 'kpi-preview-'));
  await bundle(dir);
  const server = await serve(dir);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchHeadlessChromium({ viewport: { width: 400, height: 900 } });
  const { context } = browser;
  // Nothing leaves the machine: only the local server answers.
  await context.route('**/*', (route) =>
    route.request().url().startsWith(base) ? route.continue() : route.abort(),
  );

  try {
    // 1. First view, then reading in progress (slow reads so the progress bar shows).
    let page = await openPane(context, base, 'delay=900');
    await shot(page, 'initial');
    await page.getByRole('button', { name: 'すべて評価' }).click();
    await page.getByRole('progressbar', { name: '読み込みの進み具合' }).waitFor();
    await page.waitForTimeout(1200);
    await shot(page, 'reading');
    await page.close();

    // 2. Results at 400 px: top of the pane and the whole page.
    page = await openPane(context, base, '');
    console.log(`sample: results shown after ${await evaluateAll(page)} ms`);
    await shot(page, 'results');
    await shotScrolled(page, 'results', 8);

    // Keyboard: a focused row shows the focus ring; Enter selects its cell.
    const row = page.locator('[data-kpi-row]').nth(1);
    await row.focus();
    await page.keyboard.press('Enter');
    await shot(page, 'focus');
    const selected = await page.evaluate(
      () => (window as unknown as { previewHost: { calls: { selectCell: unknown[] } } }).previewHost.calls.selectCell,
    );
    console.log(`keyboard: Enter on a row selected ${JSON.stringify(selected)}`);

    // 3. A differing row adopted, the rule section open, then written.
    await page.getByRole('radio', { name: '計算値を採用' }).first().check();
    await page.getByRole('button', { name: /評価基準/ }).first().click();
    await page.getByRole('button', { name: /評価基準/ }).first().scrollIntoViewIfNeeded();
    await shot(page, 'rule');
    await page.getByRole('button', { name: /書き込む（/ }).click();
    await page.getByText(/件の達成状況を書き込みました/).waitFor();
    await shot(page, 'written');
    await page.close();

    // 4. An invalid threshold, and a host that refuses to read.
    page = await openPane(context, base, '');
    await page.getByRole('button', { name: /^評価基準/ }).click();
    await page.getByLabel('Ｄ（遅れている）: 基準値からの悪化率 >').fill('-1');
    await page.getByLabel('Ｂ（おおむね順調）: 進捗率 ≥ 経過率 ×').fill('abc');
    await page.getByLabel('Ｂ（おおむね順調）: 進捗率 ≥ 経過率 ×').scrollIntoViewIfNeeded();
    await shot(page, 'rule-error');
    await page.close();
    page = await openPane(context, base, '');
    await page.evaluate(() => {
      const host = (window as unknown as { previewHost: { failNext(m: string, e: unknown): void } }).previewHost;
      host.failNext('readGrids', new Error('RichApi.Error: The request payload size has exceeded the limit.'));
    });
    await page.getByRole('button', { name: 'すべて評価' }).click();
    await page.getByText('ブックを読み込めませんでした。').waitFor();
    await shot(page, 'error');
    await page.close();

    // 5. 320 px: the narrowest pane. Overflow is a bug.
    page = await openPane(context, base, '', 320, 900);
    await evaluateAll(page);
    console.log(`320 px: horizontal overflow ${await overflow(page)} px`);
    await shotScrolled(page, '320', 3);
    await page.close();

    // 6. Dark theme and English.
    page = await openPane(context, base, 'theme=dark');
    await evaluateAll(page);
    await shot(page, 'dark');
    await shotScrolled(page, 'dark', 2);
    await page.close();
    page = await openPane(context, base, 'lang=en');
    await evaluateAll(page);
    await shot(page, 'en');
    await page.close();

    // 7. 10,000 KPIs: tables collapsed, rows rendered only for an open table.
    page = await openPane(context, base, 'size=10000&delay=0');
    const ms = await evaluateAll(page);
    const rows = await page.locator('[data-kpi-row]').count();
    console.log(`10,000 KPIs: results shown after ${ms} ms, ${rows} KPI rows in the DOM`);
    await page.getByRole('button', { name: /表 A2:G12/ }).first().click();
    await page.locator('[data-kpi-row]').first().waitFor();
    await shot(page, 'large');
    await page.close();
  } finally {
    await browser.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
