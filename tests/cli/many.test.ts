/**
 * Many files at once (#14): a folder of the sample and the fixtures, with a file that is
 * not a workbook, an Excel lock file and a text file among them. Each file's entry is held
 * to the one-file command's report on that file; the totals are summed here from those
 * one-file reports; the review of the sample is worked by hand from its published grades.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CombinedJson } from '../../src/cli/combinedReport';
import type { JsonReport } from '../../src/cli/jsonReport';
import { copyPaths } from '../../src/cli/many';
import { runCli } from '../../src/cli/run';
import { XlsxPackage } from '../../src/xlsx/package';

const SAMPLE = 'samples/kashiwazaki-H29-ledger.xlsx';
const FIXTURES = readdirSync('tests/fixtures').filter((f) => f.endsWith('.xlsx')).map((f) => join('tests/fixtures', f));
const REAL = ['tests/fixtures/real/gotsu-kpi-hyoka.xlsx', 'tests/fixtures/real/nagayo-sogo-keikaku.xlsx'];

async function cli(args: string[], terminal = false) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stderrIsTerminal: terminal });
  return { code, stdout, stderr };
}

let folder: string;
let graded: string[];
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'kpi-many-'));
  mkdirSync(join(folder, 'fixtures'));
  mkdirSync(join(folder, 'real', 'nested'), { recursive: true });
  mkdirSync(join(folder, '.hidden'));
  copyFileSync(SAMPLE, join(folder, basename(SAMPLE)));
  for (const f of FIXTURES) copyFileSync(f, join(folder, 'fixtures', basename(f)));
  copyFileSync(REAL[0]!, join(folder, 'real', basename(REAL[0]!)));
  copyFileSync(REAL[1]!, join(folder, 'real', 'nested', basename(REAL[1]!)));
  writeFileSync(join(folder, 'fixtures', 'broken.xlsx'), 'this is not a zip');
  writeFileSync(join(folder, `~$${basename(SAMPLE)}`), 'Excel lock file');
  writeFileSync(join(folder, 'memo.txt'), '提出期限 12月');
  copyFileSync(SAMPLE, join(folder, '.hidden', 'old.xlsx'));
  graded = [
    join(folder, basename(SAMPLE)),
    ...[...FIXTURES.map((f) => basename(f)), 'broken.xlsx'].sort().map((f) => join(folder, 'fixtures', f)),
    join(folder, 'real', basename(REAL[0]!)),
    join(folder, 'real', 'nested', basename(REAL[1]!)),
  ];
});

/** A history part's text without its write time and a custom XML item's id. */
const unstamped = (xml: string): string =>
  xml.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME').replace(/\{[0-9A-F-]{36}\}/g, '{ID}');

describe('a folder of ledgers', () => {
  it('grades every workbook in it and its subfolders, each as the one-file command does, and skips the rest with a note', async () => {
    const r = await cli([folder, '--json', '--jobs', '2']);
    expect(r.code).toBe(1); // broken.xlsx, and the fixtures' own problems
    const report = JSON.parse(r.stdout) as CombinedJson;
    expect(report.files.map((f) => f.file)).toEqual(graded);
    for (const f of report.files) {
      if (f.file.endsWith('broken.xlsx')) continue;
      const one = JSON.parse((await cli([f.file, '--json'])).stdout) as JsonReport;
      expect({ tables: f.tables, problems: f.problems }, f.file).toEqual({ tables: one.tables, problems: one.problems });
    }
    const broken = report.files.find((f) => f.file.endsWith('broken.xlsx'))!;
    expect(broken.error).toBe('notZip');
    expect(broken.tables).toEqual([]);
    expect(broken.problems[0]!.message).toContain('broken.xlsx」は Excel ブック（.xlsx）ではないため読み込めません');
    expect(report.skipped.map((s) => [basename(s.file), s.reason])).toEqual([
      ['memo.txt', 'skippedOther'],
      [`~$${basename(SAMPLE)}`, 'skippedLock'],
    ]);
    expect(report.skipped[1]!.message).toContain('一時ファイル');
    expect(report.files.some((f) => f.file.includes('.hidden'))).toBe(false);
  });

  it('totals are the sums of the files', async () => {
    const report = JSON.parse((await cli([folder, '--json'])).stdout) as CombinedJson;
    const ok = report.files.filter((f) => f.error === undefined);
    const kpis = ok.flatMap((f) => f.tables.flatMap((t) => t.kpis));
    expect(report.summary).toMatchObject({
      files: graded.length,
      graded: graded.length - 1,
      failed: 1,
      skipped: 2,
      tables: ok.reduce((n, f) => n + f.tables.length, 0),
      kpis: kpis.length,
      ungraded: kpis.filter((k) => k.grade === null).length,
      differs: kpis.filter((k) => k.differs).length,
    });
    for (const g of ['S', 'A', 'B', 'C', 'D', 'E', '-']) expect(report.summary.byGrade[g] ?? 0, g).toBe(kpis.filter((k) => k.grade === g).length);
    expect(report.summary.kpis).toBeGreaterThan(17);
  });

  it('prints the combined report in Japanese (English with --lang en), and names the unreadable file on stderr too', async () => {
    const ja = await cli([folder]);
    expect(ja.stdout).toContain('■ ファイルごとの結果');
    // The sample's rule grades (tests/cli/cli.test.ts's SEED, worked by hand): S 5, A 4, B 1, C 4, D 1, － 2; two typed grades differ.
    expect(ja.stdout).toContain(`${join(folder, basename(SAMPLE))}: 17指標 / 8表  S:5 A:4 B:1 C:4 D:1 -:2  手入力と異なる 2`);
    expect(ja.stdout).toContain('broken.xlsx: 評価できませんでした');
    expect(ja.stdout).toContain('■ 飛ばしたファイル（2件）');
    expect(ja.stdout).toMatch(/■ 合計: \d+ファイル（評価 \d+・評価できない 1・飛ばした 2）/);
    expect(ja.stdout).toContain('■ 各課の評価の整合性');
    expect(ja.stderr).toContain('broken.xlsx');
    const en = await cli([folder, '--lang', 'en']);
    expect(en.stdout).toContain('■ Each file');
    expect(en.stdout).toContain('■ Consistency across the departments');
    expect(en.stderr).toContain('is not an Excel workbook');
  });
});

describe('the review over two departments’ copies of the sample', () => {
  it('hand grades against the rule per file and per 担当課 (the published report: 市内高校 Ｂ for rule Ａ, 若者の定住率 Ａ for rule Ｓ)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-review-'));
    copyFileSync(SAMPLE, join(dir, 'kikaku.xlsx'));
    copyFileSync(SAMPLE, join(dir, 'shoko.xlsx'));
    const { review } = JSON.parse((await cli([dir, '--json'])).stdout) as CombinedJson;
    // 17 typed grades in each (the two 「－」 equal the rule's －); 2 differ, both harsher than the rule (Ｂ after Ａ, Ａ after Ｓ).
    const perFile = { typed: 17, differ: 2, kinder: 0, harsher: 2, unranked: 0, share: 2 / 17 };
    expect(review.byFile).toEqual([
      { label: join(dir, 'kikaku.xlsx'), ...perFile },
      { label: join(dir, 'shoko.xlsx'), ...perFile },
    ]);
    // 商業観光課: 市内高校, 市内大学, 観光入込客数 → 1 of 3 per file; 企画政策課: 8 KPIs, 若者の定住率 differs → 1 of 8.
    expect(review.byDepartment.slice(0, 2)).toEqual([
      { label: '商業観光課', typed: 6, differ: 2, kinder: 0, harsher: 2, unranked: 0, share: 1 / 3 },
      { label: '企画政策課', typed: 16, differ: 2, kinder: 0, harsher: 2, unranked: 0, share: 1 / 8 },
    ]);
    expect(review.byDepartment.slice(2).every((d) => d.differ === 0)).toBe(true);
    expect(review.sameKpi).toEqual([]); // the same figures in both
    expect(review.gradeStyles).toEqual({ mixed: false, full: [join(dir, 'kikaku.xlsx'), join(dir, 'shoko.xlsx')], half: [] });
  });
});

describe('--out-dir: each graded copy under its own name', () => {
  it('writes one copy per graded file, part for part the one-file --out copy, and leaves every input as it was', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kpi-outdir-'));
    const before = new Map(graded.map((f) => [f, readFileSync(f)]));
    const r = await cli([folder, '--out-dir', out, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as CombinedJson;
    const written = report.files.filter((f) => f.written);
    expect(written.map((f) => basename(f.written!.file)).sort()).toEqual(graded.filter((f) => !f.endsWith('broken.xlsx')).map((f) => basename(f)).sort());
    expect(readdirSync(out).sort()).toEqual(written.map((f) => basename(f.file)).sort());
    for (const f of written) {
      const single = join(mkdtempSync(join(tmpdir(), 'kpi-one-')), basename(f.file));
      await cli([f.file, '--out', single]);
      const a = XlsxPackage.read(new Uint8Array(readFileSync(f.written!.file)));
      const b = XlsxPackage.read(new Uint8Array(readFileSync(single)));
      expect(a.partNames(), f.file).toEqual(b.partNames());
      for (const part of a.partNames()) {
        // The history part records when it was written, and its itemProps a fresh id: those two
        // facts differ between two runs; every other byte must be the same.
        if (part.startsWith('customXml/')) expect(unstamped(a.text(part)), `${f.file} ${part}`).toBe(unstamped(b.text(part)));
        else expect(Buffer.from(a.bytes(part)).equals(Buffer.from(b.bytes(part))), `${f.file} ${part}`).toBe(true);
      }
    }
    expect(report.summary.written).toEqual({ files: written.length, cells: written.reduce((n, f) => n + f.written!.cells, 0) });
    for (const [f, bytes] of before) expect(readFileSync(f).equals(bytes), f).toBe(true);

    // Again without --force: every copy exists, each file says so, nothing is replaced.
    const again = await cli([folder, '--out-dir', out, '--json']);
    const second = JSON.parse(again.stdout) as CombinedJson;
    expect(second.files.filter((f) => f.error === 'outExists')).toHaveLength(written.length);
    expect(again.code).toBe(1);
  });

  it('never writes over an input: the output folder may be the input folder, and two inputs may share a name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-same-'));
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    copyFileSync(SAMPLE, join(dir, 'a', 'ledger.xlsx'));
    copyFileSync(FIXTURES[0]!, join(dir, 'b', 'ledger.xlsx'));
    expect(copyPaths([join(dir, 'a', 'ledger.xlsx'), join(dir, 'b', 'ledger.xlsx')], join(dir, 'a'))).toEqual([
      join(dir, 'a', 'ledger (2).xlsx'),
      join(dir, 'a', 'ledger (3).xlsx'),
    ]);
    const inputA = readFileSync(join(dir, 'a', 'ledger.xlsx'));
    const r = await cli([join(dir, 'a', 'ledger.xlsx'), join(dir, 'b', 'ledger.xlsx'), '--out-dir', join(dir, 'a'), '--json']);
    const report = JSON.parse(r.stdout) as CombinedJson;
    expect(report.files.map((f) => f.written?.file)).toEqual([join(dir, 'a', 'ledger (2).xlsx'), join(dir, 'a', 'ledger (3).xlsx')]);
    expect(readFileSync(join(dir, 'a', 'ledger.xlsx')).equals(inputA)).toBe(true);
    expect(existsSync(join(dir, 'a', 'ledger (3).xlsx'))).toBe(true);
  });
});

describe('many files: shapes, errors and the progress bar', () => {
  it('one file keeps the one-file JSON shape; two files give the combined one', async () => {
    const one = JSON.parse((await cli([SAMPLE, '--json'])).stdout) as Record<string, unknown>;
    expect(Object.keys(one)).toContain('tables');
    expect(Object.keys(one)).not.toContain('files');
    const two = JSON.parse((await cli([SAMPLE, FIXTURES[0]!, '--json'])).stdout) as Record<string, unknown>;
    expect(Object.keys(two).sort()).toEqual(['files', 'preset', 'review', 'skipped', 'summary']);
  });

  it('a path that does not exist among others is reported and the rest still graded (exit 1)', async () => {
    const r = await cli([SAMPLE, 'no/such/ledger.xlsx', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as CombinedJson;
    expect(report.files.map((f) => [f.file, f.error])).toEqual([
      ['no/such/ledger.xlsx', 'notFound'],
      [SAMPLE, undefined],
    ]);
  });

  it('usage errors: --out with several files, a missing --out-dir, a folder with nothing to grade (exit 2, --lang followed)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kpi-empty-'));
    writeFileSync(join(empty, 'memo.txt'), '');
    const cases: [string[], string, string][] = [
      [[SAMPLE, FIXTURES[0]!, '--out', 'x.xlsx'], '--out-dir フォルダ を指定してください', 'give --out-dir FOLDER'],
      [[SAMPLE, FIXTURES[0]!, '--out-dir', join(empty, 'nope')], 'がありません', 'does not exist'],
      [[empty], '評価できる .xlsx / .xlsm ファイルがありません', 'no .xlsx / .xlsm file to grade'],
    ];
    for (const [args, ja, en] of cases) {
      const a = await cli(args);
      expect(a.code, args.join(' ')).toBe(2);
      expect(a.stderr).toContain(ja);
      const b = await cli([...args, '--lang', 'en']);
      expect(b.stderr).toContain(en);
    }
  });

  it('draws a progress bar on a terminal only, never with --json', async () => {
    const onTerminal = await cli([SAMPLE, FIXTURES[0]!], true);
    expect(onTerminal.stderr).toContain('評価中 [');
    expect(onTerminal.stderr).toContain('2/2 ファイル');
    expect(onTerminal.stdout).not.toContain('評価中');
    expect((await cli([SAMPLE, FIXTURES[0]!, '--json'], true)).stderr).toBe('');
    expect((await cli([SAMPLE, FIXTURES[0]!], false)).stderr).toBe('');
  });
});
