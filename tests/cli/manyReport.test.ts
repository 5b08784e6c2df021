/**
 * `--report FILE.html` over many files (#12 with #14): one report covering every file. Its text
 * is read back (jsdom) and held to the same run's `--json`: the table of files is each file's
 * `summary.total`, its 全体 row their sum (worked out here from the files, not taken from the
 * program's total), each file's section has its own goal counts, the consistency review and
 * every file's problems (the unreadable one's too) are in it.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CombinedJson } from '../../src/cli/combinedReport';
import { runCli } from '../../src/cli/run';

const SAMPLE = 'samples/kashiwazaki-H29-ledger.xlsx';
const FIXTURE = 'tests/fixtures/reiwa-kijun.xlsx';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'kpi-many-report-'));
const reportFile = join(dir, '全課の集計.html');
let json: CombinedJson;
let doc: Document;
let code: number;

beforeAll(async () => {
  // Two departments' copies of the sample, another ledger, and a file that is not a workbook.
  copyFileSync(SAMPLE, join(dir, 'kikaku.xlsx'));
  copyFileSync(SAMPLE, join(dir, 'shoko.xlsx'));
  copyFileSync(FIXTURE, join(dir, 'reiwa.xlsx'));
  writeFileSync(join(dir, 'broken.xlsx'), 'not a zip');
  const r = await cli([dir, '--report', reportFile, '--json', '--jobs', '2']);
  code = r.code;
  json = JSON.parse(r.stdout) as CombinedJson;
  doc = new JSDOM(readFileSync(reportFile, 'utf8')).window.document;
}, 120_000);

const num = (el: Element | null | undefined) => Number(el?.textContent);
/** The elements under `root` matching `selector` whose attributes have exactly these values (no CSS escaping needed). */
const withAttrs = (root: ParentNode, selector: string, attrs: Record<string, string>): Element | undefined =>
  [...root.querySelectorAll(selector)].find((e) => Object.entries(attrs).every(([k, v]) => e.getAttribute(k) === v));
const graded = () => json.files.filter((f) => f.error === undefined);

describe('--report over many files', () => {
  it('is written once, covers every file, and the run still says a file could not be read (exit 1)', () => {
    expect(code).toBe(1);
    expect(json.files.map((f) => f.file).sort()).toEqual(['broken.xlsx', 'kikaku.xlsx', 'reiwa.xlsx', 'shoko.xlsx'].map((f) => join(dir, f)));
    expect(doc.querySelector('header.cover .kind')!.textContent).toBe('KPI 進捗評価 集計報告（4ファイル）');
    expect([...doc.querySelectorAll('section.file-section')].map((s) => s.getAttribute('data-file'))).toEqual(graded().map((f) => f.file));
  });

  it("the table of files is each file's --json summary, and 全体 their sum", () => {
    const grades = graded()[0]!.summary!.grades;
    const cell = (file: string, grade: string) => withAttrs(doc, '#counts-by-file td', { 'data-file': file, 'data-grade': grade });
    const sum: Record<string, number> = {};
    let total = 0;
    let onTrack = 0;
    let assessed = 0;
    for (const f of graded()) {
      const t = f.summary!.total;
      for (const g of grades) {
        expect(num(cell(f.file, g)), `${f.file} ${g}`).toBe(t.byGrade[g]);
        sum[g] = (sum[g] ?? 0) + t.byGrade[g]!;
      }
      expect(num(cell(f.file, 'total'))).toBe(t.total);
      total += t.total;
      onTrack += t.onTrack;
      assessed += t.assessed;
    }
    for (const g of grades) expect(num(cell('total', g)), `全体 ${g}`).toBe(sum[g]);
    expect(num(cell('total', 'total'))).toBe(total);
    // Two copies of the sample (17 KPIs each) and the other ledger.
    expect(total).toBe(2 * 17 + graded().find((f) => f.file.endsWith('reiwa.xlsx'))!.summary!.total.total);
    const share = doc.querySelector('#counts-by-file tr.total td.share')!;
    expect([Number(share.getAttribute('data-on-track')), Number(share.getAttribute('data-assessed'))]).toEqual([onTrack, assessed]);
    expect(share.textContent).toContain(`${(Math.round((onTrack / assessed) * 1000) / 10).toFixed(1)}%`);
    expect(json.summary.committee).toMatchObject({ total, onTrack, assessed, byGrade: sum });
  });

  it("each file's section has that file's counts per 基本目標, its charts and its KPI rows", () => {
    for (const f of graded()) {
      const section = withAttrs(doc, 'section.file-section', { 'data-file': f.file })!;
      for (const g of f.summary!.goals) {
        for (const grade of f.summary!.grades) {
          const td = withAttrs(section, 'td', { 'data-key': `goal|${g.label}`, 'data-grade': grade });
          expect(num(td), `${f.file} ${g.label} ${grade}`).toBe(g.counts.byGrade[grade]);
        }
      }
      const kpis = f.tables.reduce((n, t) => n + t.kpis.length, 0);
      expect(section.querySelectorAll('tr.kpi').length).toBe(kpis);
      // The grade counts chart and one progress chart per 基本目標 with a 進捗率.
      expect(section.querySelectorAll('svg').length).toBeGreaterThanOrEqual(2);
    }
    // Ids stay unique across the files' sections.
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('includes the consistency review: the copies agree, so each file has its row of typed grades', () => {
    const review = doc.querySelector('section#review')!;
    expect(review.querySelector('h2')!.textContent).toBe('各課の評価の整合性');
    const rows = [...review.querySelectorAll('table.review-share')[0]!.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual(json.review.byFile.map((s) => s.label));
    rows.forEach((r, i) => {
      const s = json.review.byFile[i]!;
      expect([...r.querySelectorAll('td')].slice(0, 2).map(num)).toEqual([s.typed, s.differ]);
    });
    const sameText = review.textContent!;
    if (json.review.sameKpi.length === 0) expect(sameText).toContain('同じ名前の指標は、どのファイルでも同じ値・目標・年度です。');
    else expect(sameText).toContain(`異なるものが ${json.review.sameKpi.length}件あります`);
  });

  it("lists every file's problems at the end, the unreadable file's with what to do", () => {
    const problems = doc.querySelector('section#problems')!;
    const headings = [...problems.querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).toEqual(json.files.map((f) => f.file));
    const text = problems.textContent!;
    for (const f of json.files) for (const p of f.problems) expect(text).toContain(p.message);
    const broken = json.files.find((f) => f.file.endsWith('broken.xlsx'))!;
    expect(broken.problems[0]!.code).toBe('fileNotGraded');
  });

  it('is refused before any file is graded when its name does not end in .html or it exists', async () => {
    const txt = await cli([dir, '--report', join(dir, 'r.txt')]);
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('.html で終わる名前');
    const taken = await cli([dir, '--report', reportFile]);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('すでにあります');
    expect(existsSync(join(dir, 'r.txt'))).toBe(false);
  });
});
