import { spawnSync } from 'node:child_process';
import { linkSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import type { JsonReport } from '../../src/cli/jsonReport';
import { XlsxPackage } from '../../src/xlsx/package';

const SAMPLE = 'samples/kashiwazaki-H29-ledger.xlsx';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

async function jsonOf(args: string[]): Promise<{ code: number; report: JsonReport }> {
  const r = await cli([...args, '--json']);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport };
}

const kpisOf = (report: JsonReport) => report.tables.flatMap((t) => t.kpis.map((k) => ({ ...k, sheet: t.sheet })));

/**
 * The 17 KPI rows of the Kashiwazaki H29 report: a distinctive part of the name,
 * the grade published in the report, and the grade the `standard` rule gives.
 * Worked by hand (B baseline, C current, T target; t = 経過率 = 3/5 for H26→H29→H31):
 */
const SEED: ReadonlyArray<{ key: string; published: string; rule: string; why?: string }> = [
  { key: '女性の生産年齢人口', published: 'Ｓ', rule: 'S' }, // 69.8 ≥ 65.0 (census years H22→H27→H32)
  // 59.0→60.5, T 61.0: p = 1.5/2.0 = 0.75 ≥ t = 0.6 → Ａ. The report says Ｂ (officers' judgement).
  { key: '／市内高校', published: 'Ｂ', rule: 'A', why: 'officers graded one step lower than the rule' },
  { key: '／市内大学', published: 'Ｂ', rule: 'B' }, // p = 0.7/2.0 = 0.35 ≥ 0.3
  { key: '製造品出荷額', published: 'Ｃ', rule: 'C' }, // worse, but d = 55/720 = 7.6% ≤ 10%
  { key: '観光入込客数', published: 'Ｃ', rule: 'C' }, // d = 16/372 = 4.3%
  { key: '子育て支援拠点施設', published: 'Ｓ', rule: 'S' }, // 21 ≥ 20以上
  { key: 'ハッピーパートナー企業', published: 'Ａ', rule: 'A' }, // p = 11/13 = 0.85
  { key: '婚姻の割合', published: 'Ｃ', rule: 'C' }, // d = 1.4/54.9 = 2.6%
  { key: '成婚数', published: 'Ａ', rule: 'A' }, // p = 10/13 = 0.77
  { key: '柏崎リーダー塾', published: 'Ｓ', rule: 'S' }, // 24 ≥ 20以上
  { key: 'マイスターカレッジ', published: 'Ａ', rule: 'A' }, // p = 40/42 = 0.95
  { key: '柏崎が好きと思う', published: '－', rule: '-' }, // not surveyed yet
  { key: '引き続き柏崎に住みたい', published: '－', rule: '-' }, // not surveyed yet
  { key: '全国魅力度ランキング', published: 'Ｄ', rule: 'D' }, // rank 440→660, lower is better: 50% worse
  { key: 'ふるさと応縁基金', published: 'Ｓ', rule: 'S' }, // 4,542 ≥ 2,000
  // 60.0→63.3 against 62.0%以上: the target is met → Ｓ. The report says Ａ (officers' judgement).
  { key: '若者の定住率', published: 'Ａ', rule: 'S', why: 'target met, officers graded one step lower' },
  { key: '転出超過数', published: 'Ｃ', rule: 'C' }, // 217→198 vs 150以下: p = 0.28 < 0.3, not worse
];

describe('the sample ledger through the command line (standard preset)', () => {
  it('finds all 17 KPIs in 8 tables on 4 sheets', async () => {
    const { report } = await jsonOf([SAMPLE]);
    expect(report.tables).toHaveLength(8);
    expect(new Set(report.tables.map((t) => t.sheet)).size).toBe(4);
    expect(kpisOf(report)).toHaveLength(17);
  });

  it.each(SEED)('$key: rule $rule (published $published)', async ({ key, published, rule }) => {
    const { report } = await jsonOf([SAMPLE]);
    const matches = kpisOf(report).filter((k) => k.name.includes(key));
    expect(matches, `one KPI named *${key}*`).toHaveLength(1);
    const kpi = matches[0]!;
    expect(kpi.grade).toBe(rule);
    expect(kpi.existing).toBe(published);
    expect(kpi.reason.length).toBeGreaterThan(0);
    expect(kpi.gradeCell).toMatch(/^[A-Z]+\d+$/);
  });

  it('agrees with the report on 15 KPIs and flags exactly the two that differ', async () => {
    const { report } = await jsonOf([SAMPLE]);
    const differing = kpisOf(report).filter((k) => k.differs).map((k) => k.name);
    expect(differing).toHaveLength(2);
    expect(differing.some((n) => n.includes('市内高校'))).toBe(true);
    expect(differing.some((n) => n.includes('若者の定住率'))).toBe(true);
  });

  it('names sub-rows parent／sub and strips the department note', async () => {
    const { report } = await jsonOf([SAMPLE]);
    const school = kpisOf(report).find((k) => k.name.endsWith('／市内高校'))!;
    expect(school.name).toBe('新規学校卒業者の市内就職率／市内高校');
    const women = kpisOf(report).find((k) => k.name.includes('女性の生産年齢人口'))!;
    expect(women.name).not.toContain('企画政策課');
    expect(women.department).toBe('企画政策課');
  });

  it('reports progress and elapsed ratios', async () => {
    const { report } = await jsonOf([SAMPLE]);
    const college = kpisOf(report).find((k) => k.name.endsWith('／市内大学'))!;
    expect(college.progress).toBeCloseTo(0.35, 5);
    expect(college.elapsed).toBeCloseTo(0.6, 5);
  });

  it('exits 0 on the sample: every KPI graded, differences are information', async () => {
    const { code, report } = await jsonOf([SAMPLE]);
    expect(report.problems.every((p) => p.severity === 'info')).toBe(true);
    expect(code).toBe(0);
  });

  it('prints a readable Japanese report without --json', async () => {
    const { code, stdout } = await cli([SAMPLE]);
    expect(code).toBe(0);
    expect(stdout).toContain('■ シート「');
    expect(stdout).toContain('進捗率 35%');
    expect(stdout).toContain('入力済みの評価「Ｂ」と異なります');
  });

  it('README main job: `npm run --silent evaluate -- <sample> --json` prints only JSON', () => {
    const r = spawnSync('npm', ['run', '--silent', 'evaluate', '--', SAMPLE, '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(kpisOf(report)).toHaveLength(17);
  });
});

describe('command line usage errors', () => {
  it('exit 2 with a Japanese message naming a missing file', async () => {
    const r = await cli(['no/such/ledger.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/ledger.xlsx');
    expect(r.stderr).toContain('見つかりません');
  });
  it('exit 2 for a file that is not xlsx', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-'));
    const bad = join(dir, 'broken.xlsx');
    writeFileSync(bad, 'this is not a zip');
    const r = await cli([bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.xlsx');
    expect(r.stderr).toContain('読み込めません');
  });
  it('exit 2 without a file, and for an unknown preset', async () => {
    expect((await cli([])).code).toBe(2);
    const r = await cli([SAMPLE, '--preset', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope');
  });
  it('refuses to write over its input', async () => {
    const before = readFileSync(SAMPLE);
    const r = await cli([SAMPLE, '--out', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('上書きしません');
    expect(readFileSync(SAMPLE).equals(before)).toBe(true);
  });
});

describe('--out never touches the input or a file it was not told to replace', () => {
  const fresh = () => mkdtempSync(join(tmpdir(), 'kpi-out-'));

  it('refuses an output that is a hard link to the input, and one that is a symbolic link to it', async () => {
    const dir = fresh();
    const input = join(dir, 'ledger.xlsx');
    writeFileSync(input, readFileSync(SAMPLE));
    const before = readFileSync(input);
    for (const [kind, make] of [
      ['hard', linkSync],
      ['symbolic', symlinkSync],
    ] as const) {
      const alias = join(dir, `${kind}.xlsx`);
      make(input, alias);
      const r = await cli([input, '--out', alias, '--force']);
      expect(r.code, kind).toBe(2);
      expect(r.stderr, kind).toContain('入力ファイルと同じファイルです');
      expect(readFileSync(input).equals(before), kind).toBe(true);
    }
  });

  it('refuses to replace an existing file without --force, and replaces it with --force', async () => {
    const dir = fresh();
    const out = join(dir, 'graded.xlsx');
    writeFileSync(out, 'an earlier copy');
    const refused = await cli([SAMPLE, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('すでにあります');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('an earlier copy');

    const forced = await cli([SAMPLE, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(XlsxPackage.read(new Uint8Array(readFileSync(out))).partNames()).toContain('xl/workbook.xml');
    // The temporary file was renamed into place: nothing else is left in the folder.
    expect(readdirSync(dir)).toEqual(['graded.xlsx']);
  });

  it('says a password-protected file cannot be read and what to do', async () => {
    const dir = fresh();
    // An OLE compound file holding EncryptionInfo and EncryptedPackage, as Excel writes a workbook with a password to open.
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(Buffer.from('EncryptionInfo', 'utf16le'), 1024);
    bytes.set(Buffer.from('EncryptedPackage', 'utf16le'), 1152);
    writeFileSync(join(dir, 'locked.xlsx'), bytes);
    const r = await cli([join(dir, 'locked.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('パスワードで保護されたファイルは読めません。Excel でパスワードを外して保存してから');
    expect(r.stderr).toContain('locked.xlsx');
  });

  it('keeps a macro-enabled workbook macro-enabled: an .xlsm must be written as .xlsm', async () => {
    const dir = fresh();
    const pkg = XlsxPackage.read(new Uint8Array(readFileSync(SAMPLE)));
    const types = pkg.text('[Content_Types].xml');
    pkg.replace('[Content_Types].xml', types.replace('spreadsheetml.sheet.main+xml', 'IGNORE').replace('application/vnd.openxmlformats-officedocument.IGNORE', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'));
    const input = join(dir, 'macro.xlsm');
    writeFileSync(input, pkg.toBytes());
    const refused = await cli([input, '--out', join(dir, 'out.xlsx')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('.xlsm');
    expect((await cli([input, '--out', join(dir, 'out.xlsm')])).code).toBe(0);
  });
});

describe('--out writes a copy with grades and colours, nothing else changed', () => {
  async function snapshotCells(path: string) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const cells = new Map<string, string>();
    wb.eachSheet((ws) =>
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          cells.set(`${ws.name}!${cell.address}`, JSON.stringify({ v: cell.value, s: cell.style, n: cell.note ?? null }));
        }),
      ),
    );
    const merges = new Map<string, unknown>();
    const formats = new Map<string, unknown>();
    wb.eachSheet((ws) => {
      merges.set(ws.name, (ws.model as { merges?: string[] }).merges ?? []);
      formats.set(ws.name, ws.conditionalFormattings ?? []);
    });
    return { wb, cells, merges, formats };
  }

  it('without --overwrite: only ungraded or agreeing cells change; typed grades that differ are kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-'));
    const out = join(dir, 'graded.xlsx');
    const { code, report } = await jsonOf([SAMPLE, '--out', out]);
    expect(code).toBe(0);
    const before = await snapshotCells(SAMPLE);
    const after = await snapshotCells(out);
    // Every grade in the sample is typed already; the two that differ are kept, so no cell changes.
    const changed = [...after.cells.keys()].filter((k) => before.cells.get(k) !== after.cells.get(k));
    expect(changed).toEqual([]);
    expect(after.merges).toEqual(before.merges);
    expect(report.written?.cells).toBe(0);
    // …but the colour rules exist on every table's grade cells.
    const ruleCount = [...after.formats.values()].flat().length;
    expect(ruleCount).toBe(8);
  });

  it('with --overwrite: exactly the two differing grade cells change, to the computed grades', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-'));
    const out = join(dir, 'graded.xlsx');
    const { report } = await jsonOf([SAMPLE, '--out', out, '--overwrite']);
    const before = await snapshotCells(SAMPLE);
    const after = await snapshotCells(out);
    const changed = [...after.cells.keys()].filter((k) => before.cells.get(k) !== after.cells.get(k));
    const differing = kpisOf(report).filter((k) => k.differs);
    expect(changed.sort()).toEqual(differing.map((k) => `${k.sheet}!${k.gradeCell}`).sort());
    for (const k of differing) {
      const ws = after.wb.getWorksheet(k.sheet)!;
      expect(ws.getCell(k.gradeCell!).value).toBe(k.gradeText);
    }
    expect(report.written?.cells).toBe(2);
  });
});
