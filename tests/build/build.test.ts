/**
 * The production build, run once with a custom base URL into a temporary folder.
 * Slow (a full webpack build, about 1–2 minutes on two cores), so everything about the output is
 * asserted on that one build.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkManifest } from '../../scripts/validate-manifest';
import { metadataViolations, type MetadataForLint } from '../functions/metadataRules';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webpackCli = path.join(root, 'node_modules/webpack-cli/bin/cli.js');
const BASE = 'https://kpi.example.lg.jp/addin/';
/** The task pane page's scripts, gzipped, must stay under this. */
// The first budget (300 KB, when the pane only graded and wrote) was outgrown by the mapping
// dialog, the city-scale rule editor and the search box (317 KB), then by the summary sheet's
// table and charts, the officer's words, the revision reasons and the import of other workbooks:
// 356 KB measured when they landed (taskpane.js 280 KB + functions.js 76 KB). Splitting the
// mapping dialog out was tried and measured: taskpane.js grew by 3.5 KB (webpack's chunk
// runtime, and modules no longer concatenated), so it was not kept. The budget still stops an
// accidental heavy dependency (echarts alone would add ~300 KB).
const TASKPANE_BUDGET_BYTES = 360 * 1024;

interface BuildResult {
  readonly code: number;
  readonly output: string;
}

function runWebpack(outDir: string, baseUrl: string): Promise<BuildResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [webpackCli, '--mode', 'production', '--output-path', outDir],
      {
        cwd: root,
        env: { ...process.env, ADDIN_BASE_URL: baseUrl, NODE_ENV: 'production' },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 540_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

describe('ADDIN_BASE_URL validation', () => {
  let outDir = '';
  beforeAll(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'kpi-build-bad-'));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it.each([
    ['http://kpi.example.lg.jp/addin/', /https/],
    ['https://kpi.example.lg.jp/addin', /\//],
  ])('refuses %s and builds nothing', async (bad, reason) => {
    const result = await runWebpack(outDir, bad);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('ADDIN_BASE_URL');
    expect(result.output).toMatch(reason);
    expect(existsSync(path.join(outDir, 'manifest.xml'))).toBe(false);
  }, 60_000);
});

// Always run: a build that cannot start (an entry missing, webpack failing) fails here, loudly.
describe('production build with ADDIN_BASE_URL', () => {
  let outDir = '';
  const read = (file: string): string => readFileSync(path.join(outDir, file), 'utf8');

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'kpi-build-'));
    const build = await runWebpack(outDir, BASE);
    if (build.code !== 0) throw new Error(`webpack failed (exit ${build.code}):\n${build.output.slice(-8000)}`);
  }, 600_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('emits the pages, bundles, function metadata, icons and manifest', () => {
    const expected = [
      'taskpane.html',
      'taskpane.js',
      'functions.js',
      'functions.json',
      'commands.html',
      'commands.js',
      'help.html',
      'manifest.xml',
      ...[16, 32, 64, 80, 128].map((s) => `assets/icon-${s}.png`),
    ];
    expect(expected.filter((f) => !existsSync(path.join(outDir, f)))).toEqual([]);
    expect(readdirSync(outDir).filter((f) => f.endsWith('.map')), 'no source maps in production').toEqual([]);
  });

  it('points every manifest URL at the custom base', () => {
    const xml = read('manifest.xml');
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((u) => !u.startsWith(BASE))).toEqual([]);
    expect(xml).toContain('<AppDomain>https://kpi.example.lg.jp</AppDomain>');
    expect(xml).not.toContain('https://localhost');
  });

  it('passes the manifest checks against the built files', () => {
    expect(checkManifest(read('manifest.xml'), { baseUrl: BASE, rootDir: outDir, checkAllTargets: true })).toEqual([]);
  });

  it('loads office.js from the CDN and the functions before the task pane (shared runtime)', () => {
    const html = read('taskpane.html');
    expect(html).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
    const order = ['functions.js', 'commands.js', 'taskpane.js'].map((f) => html.indexOf(`src=${f}`) >= 0 ? html.indexOf(`src=${f}`) : html.indexOf(`src="${f}"`));
    expect(order.every((i) => i >= 0), `taskpane.html loads all three bundles: ${html}`).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toMatch(/lang="?ja/);
  });

  it('generates custom-function metadata and the associate calls', () => {
    const metadata = JSON.parse(read('functions.json')) as { functions: { id: string }[] };
    expect(metadata.functions.length).toBeGreaterThan(0);
    const js = read('functions.js');
    for (const fn of metadata.functions) expect(js).toContain(`"${fn.id}"`);
    expect(js).toContain('associate');
  });

  it('ships functions.json as Excel requires it: ids and names it registers, error cells allowed in', () => {
    const metadata = JSON.parse(read('functions.json')) as MetadataForLint & { allowCustomDataForDataTypeAny?: boolean };
    expect(metadataViolations(metadata)).toEqual([]);
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    expect(metadata.allowCustomDataForDataTypeAny).toBeUndefined();
  });

  it(`keeps the task pane page within ${TASKPANE_BUDGET_BYTES / 1024} KB gzipped`, () => {
    const sizes = Object.fromEntries(
      ['functions.js', 'commands.js', 'taskpane.js'].map((f) => [f, gzipSync(readFileSync(path.join(outDir, f))).length]),
    );
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    expect(total, `gzipped bytes: ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(TASKPANE_BUDGET_BYTES);
  });
});
