/**
 * `--report FILE.html` and `--json`'s `summary`: both agree with the KPI-level JSON, and the
 * per-節 totals are the hand counts of the published report (see tests/core/summary.test.ts
 * for how they were counted).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/jsonReport';
import { runCli } from '../../src/cli/run';
import { readGradeText } from '../../src/core/gradeText';
import { coreTitle } from '../../src/report/committee';
import { reportTitle } from '../../src/report/html';

const SAMPLE = 'samples/kashiwazaki-H29-ledger.xlsx';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** What the HTML says in one count cell (data-key / data-grade), as a number. */
function htmlCount(html: string, key: string, grade: string): number {
  const esc = key.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const all = [...html.matchAll(new RegExp(`data-key="${esc}" data-grade="${grade}">(\\d+)<`, 'g'))].map((m) => Number(m[1]));
  // The same group appears once in the goal table (and departments once in theirs).
  expect(all.length, `${key} ${grade}`).toBe(1);
  return all[0]!;
}

/** Counts per goal worked out from the KPI-level JSON alone: the typed grade where it is a grade, else the computed one. */
function countsFromKpis(report: JsonReport, basis: 'ledger' | 'computed'): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const t of report.tables) {
    const c = out.get(t.goal!) ?? {};
    for (const k of t.kpis) {
      const typed = k.existing ? readGradeText(k.existing) : undefined;
      const g = (basis === 'ledger' && typed ? typed : k.grade) ?? 'ungraded';
      c[g] = (c[g] ?? 0) + 1;
    }
    out.set(t.goal!, c);
  }
  return out;
}

describe('--report and --json summary on the sample ledger', () => {
  it('writes one self-contained Japanese HTML report whose counts are the JSON summary and the KPI-level JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-report-'));
    const file = join(dir, '集計.html');
    const r = await cli([SAMPLE, '--json', '--report', file]);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as JsonReport;
    const html = readFileSync(file, 'utf8');

    // Self-contained: no script, no external resource; charts are inline SVG.
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/i);
    expect(html.match(/<svg/g)!.length).toBe(1 + 4); // grade counts + one progress chart per 節
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('柏崎市 まち・ひと・しごと創生総合戦略 進行管理（平成29年度）'); // the rule's published source

    const s = report.summary!;
    expect(s.basis).toBe('ledger');
    // Hand counts from the published report, per 節 (S A B C D E －).
    expect(s.goals.map((g) => [g.label.slice(0, 3), g.counts.byGrade])).toEqual([
      ['第１節', { S: 1, A: 0, B: 2, C: 2, D: 0, E: 0, '-': 0 }],
      ['第２節', { S: 1, A: 2, B: 0, C: 1, D: 0, E: 0, '-': 0 }],
      ['第３節', { S: 1, A: 1, B: 0, C: 0, D: 0, E: 0, '-': 2 }],
      ['第４節', { S: 1, A: 1, B: 0, C: 1, D: 1, E: 0, '-': 0 }],
    ]);

    // The summary is the KPI-level JSON, counted.
    const fromKpis = countsFromKpis(report, 'ledger');
    for (const g of s.goals) {
      const nonZero = Object.fromEntries(Object.entries(g.counts.byGrade).filter(([, n]) => n > 0));
      expect(nonZero, g.label).toEqual(fromKpis.get(g.label));
      expect(g.counts.total).toBe(report.tables.filter((t) => t.goal === g.label).reduce((n, t) => n + t.kpis.length, 0));
    }

    // The HTML prints the same numbers, cell by cell.
    for (const g of s.goals) {
      for (const grade of s.grades) expect(htmlCount(html, `goal|${g.label}`, grade)).toBe(g.counts.byGrade[grade]);
      expect(htmlCount(html, `goal|${g.label}`, 'total')).toBe(g.counts.total);
      for (const d of g.directions) expect(htmlCount(html, `goal|${g.label}|direction|${d.label}`, 'total')).toBe(d.counts.total);
    }
    for (const d of s.departments) expect(htmlCount(html, `dept|${d.label}`, 'total')).toBe(d.counts.total);
    // Every KPI is listed once with the grade counted for it.
    const rows = [...html.matchAll(/<tr class="kpi" data-kpi="([^"]*)" data-grade="([^"]*)">/g)].map((m) => [m[1], m[2]]);
    expect(rows.length).toBe(17);
    const kpiJson = report.tables.flatMap((t) => t.kpis);
    rows.forEach(([name, grade], i) => {
      const k = kpiJson[i]!;
      expect(name).toBe(k.name.replace(/&/g, '&amp;'));
      expect(grade).toBe((k.existing && readGradeText(k.existing)) || k.grade);
    });
  });

  it('prints shares with one decimal and each KPI\'s rates as its reason words them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-report-'));
    const file = join(dir, 'r.html');
    await cli([SAMPLE, '--report', file]);
    const html = readFileSync(file, 'utf8');
    const row = (name: string) => {
      const start = html.indexOf(`data-kpi="${name}"`);
      return html.slice(start, html.indexOf('</tr>', start));
    };
    // 市内高校: p = (60.5 − 59.0)/(61.0 − 59.0) = 75%, t = (H29 − H26)/(H31 − H26) = 3/5.
    expect(row('新規学校卒業者の市内就職率／市内高校')).toContain('75%<br><small>経過 60%</small>');
    // 付加価値額: p = (665 − 720)/(770 − 720) = −110%; its values carry their own years H24 → H28, target H31: t = 4/7 = 57%.
    expect(row('製造品出荷額における付加価値額')).toContain('-110%<br><small>経過 57%</small>');
    // 第１節 1 of 5 on track; overall 8 of 15 = 53.3%.
    expect(html).toMatch(/data-key="goal\|第１節[^"]*" data-on-track="1" data-assessed="5">20\.0%/);
    expect(html).toMatch(/data-key="total" data-on-track="8" data-assessed="15">53\.3%/);
  });

  it('--overwrite counts the computed grades (the two rows the officers graded differently move)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-report-'));
    const r = await cli([SAMPLE, '--json', '--overwrite', '--out', join(dir, 'out.xlsx')]);
    const report = JSON.parse(r.stdout) as JsonReport;
    const s = report.summary!;
    expect(s.basis).toBe('computed');
    expect(s.goals[0]!.counts.byGrade).toEqual({ S: 1, A: 1, B: 1, C: 2, D: 0, E: 0, '-': 0 });
    expect(s.goals[3]!.counts.byGrade).toEqual({ S: 2, A: 0, B: 0, C: 1, D: 1, E: 0, '-': 0 });
    const fromKpis = countsFromKpis(report, 'computed');
    for (const g of s.goals) expect(Object.fromEntries(Object.entries(g.counts.byGrade).filter(([, n]) => n > 0))).toEqual(fromKpis.get(g.label));
    // 順調以上 over all: S5 A4 → 9 of 15 assessed.
    expect([s.total.onTrack, s.total.assessed]).toEqual([9, 15]);
  });

  it('refuses a report name that is not .html, in Japanese, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-report-'));
    const file = join(dir, 'report.xlsx');
    const r = await cli([SAMPLE, '--report', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.html で終わる名前にしてください');
    expect(existsSync(file)).toBe(false);
  });

  it('never replaces an existing report unless --force is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, '前年度の報告');
    const r = await cli([SAMPLE, '--report', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('すでにあります');
    expect(readFileSync(file, 'utf8')).toBe('前年度の報告');
    const forced = await cli([SAMPLE, '--report', file, '--force']);
    expect(forced.stderr).toBe('');
    expect(readFileSync(file, 'utf8')).toContain('<html lang="ja">');
  });

  it('titles the report with the workbook\'s own title when it has one', () => {
    const core = '<cp:coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>第2期 柏崎市総合戦略 &amp; 進行管理</dc:title></cp:coreProperties>';
    expect(coreTitle(core)).toBe('第2期 柏崎市総合戦略 & 進行管理');
    expect(coreTitle('<dc:title></dc:title>')).toBeUndefined();
    expect(coreTitle(undefined)).toBeUndefined();
    expect(reportTitle(coreTitle(core), '４ 目標別の総合戦略の進行管理', 'a.xlsx')).toBe('第2期 柏崎市総合戦略 & 進行管理');
    expect(reportTitle(undefined, '４ 目標別の総合戦略の\n進行管理', 'a.xlsx')).toBe('４ 目標別の総合戦略の 進行管理');
    expect(reportTitle(undefined, undefined, 'ledger-R6.xlsx')).toBe('ledger-R6');
  });

  it('says which folder is missing', async () => {
    const r = await cli([SAMPLE, '--report', '/nonexistent-dir-kpi/report.html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('出力先のフォルダ「/nonexistent-dir-kpi」がありません');
  });
});
