import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadXlsx } from '../../src/xlsx/readWorkbook';
import { cellAddress, cellAt, parseCellAddress, rangeAddress, type SheetGrid } from '../../src/core/grid';
import { SAMPLE_PATH, writeSample } from '../../scripts/make-sample';
import { FIXTURES, FIXTURES_DIR, writeFixtures } from '../../scripts/make-fixtures';

/** Everything a grid says, cell by cell, for comparing two files. */
function contents(grids: readonly SheetGrid[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const grid of grids) {
    out[`${grid.name}!merges`] = grid.merges.map(rangeAddress);
    out[`${grid.name}!protected`] = grid.protected ?? false;
    grid.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell) out[`${grid.name}!${cellAddress(r, c)}`] = cell;
      }),
    );
  }
  return out;
}

function text(grid: SheetGrid, address: string): string {
  const p = parseCellAddress(address)!;
  return cellAt(grid, p.row, p.col).text;
}

/**
 * The 17 KPI rows of the Kashiwazaki H29 report: where the sample puts each grade,
 * the published grade, and a part of the indicator text in column B of that row
 * (for sub-rows, the label; the parent's name is on the row above).
 */
const PUBLISHED: ReadonlyArray<{ sheet: string; cell: string; grade: string; name: string }> = [
  { sheet: '第1節 地域産業', cell: 'G11', grade: 'Ｓ', name: '女性の生産年齢人口' },
  { sheet: '第1節 地域産業', cell: 'G13', grade: 'Ｂ', name: '市内高校' },
  { sheet: '第1節 地域産業', cell: 'G14', grade: 'Ｂ', name: '市内大学' },
  { sheet: '第1節 地域産業', cell: 'G25', grade: 'Ｃ', name: '製造品出荷額' },
  { sheet: '第1節 地域産業', cell: 'G26', grade: 'Ｃ', name: '観光入込客数' },
  { sheet: '第2節 子育て', cell: 'G8', grade: 'Ｓ', name: '子育て支援拠点施設' },
  { sheet: '第2節 子育て', cell: 'G9', grade: 'Ａ', name: 'ハッピーパートナー企業' },
  { sheet: '第2節 子育て', cell: 'G20', grade: 'Ｃ', name: '婚姻の割合' },
  { sheet: '第2節 子育て', cell: 'G21', grade: 'Ａ', name: '成婚数' },
  { sheet: '第3節 人材', cell: 'G8', grade: 'Ｓ', name: '柏崎リーダー塾' },
  { sheet: '第3節 人材', cell: 'G9', grade: 'Ａ', name: 'マイスターカレッジ' },
  { sheet: '第3節 人材', cell: 'G24', grade: '－', name: '柏崎が好きと思う' },
  { sheet: '第3節 人材', cell: 'G25', grade: '－', name: '引き続き柏崎に住みたい' },
  { sheet: '第4節 定住', cell: 'G8', grade: 'Ｄ', name: '全国魅力度ランキング' },
  { sheet: '第4節 定住', cell: 'G9', grade: 'Ｓ', name: 'ふるさと応縁基金' },
  { sheet: '第4節 定住', cell: 'G20', grade: 'Ａ', name: '若者の定住率' },
  { sheet: '第4節 定住', cell: 'G21', grade: 'Ｃ', name: '転出超過数' },
];

describe('samples/kashiwazaki-H29-ledger.xlsx', () => {
  // Read once: the tests below only look at it.
  let sample: Promise<Awaited<ReturnType<typeof loadXlsx>>> | undefined;
  const loadSample = () => (sample ??= loadXlsx(SAMPLE_PATH));

  it('is what scripts/make-sample.ts generates (regenerated into a temp dir, same cells)', async () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'kpi-sample-')), 'sample.xlsx');
    await writeSample(fresh);
    const committed = await loadSample();
    const regenerated = await loadXlsx(fresh);
    expect(contents(regenerated.grids)).toEqual(contents(committed.grids));
  });

  it('holds the four 節 of the report, one sheet each', async () => {
    const { grids } = await loadSample();
    expect(grids.map((g) => g.name)).toEqual(['第1節 地域産業', '第2節 子育て', '第3節 人材', '第4節 定住']);
    expect(grids.map((g) => g.rows.flatMap((r) => r ?? []).find((c) => c?.text.startsWith('第'))?.text)).toEqual([
      '第１節 地域産業の振興を図り雇用の場をつくる',
      '第２節 子どもを産み育てやすいまちをつくる',
      '第３節 地域の活力を担う人材をつくる',
      '第４節 定住を促す魅力あるまちをつくる',
    ]);
  });

  it('has 8 KPI tables with the two-row header of the report', async () => {
    const { grids } = await loadSample();
    const headers: string[] = [];
    for (const grid of grids) {
      grid.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (cell?.text === '重要業績評価指標（ＫＰＩ）') headers.push(`${grid.name}!${cellAddress(r, c)}`);
        }),
      );
    }
    expect(headers).toEqual([
      '第1節 地域産業!B9',
      '第1節 地域産業!B23',
      '第2節 子育て!B6',
      '第2節 子育て!B18',
      '第3節 人材!B6',
      '第3節 人材!B22',
      '第4節 定住!B6',
      '第4節 定住!B18',
    ]);
    for (const at of headers) {
      const [sheet, address] = at.split('!') as [string, string];
      const grid = grids.find((g) => g.name === sheet)!;
      const row = parseCellAddress(address)!.row + 1;
      expect([`A${row}`, `C${row}`, `E${row}`, `F${row}`, `G${row}`].map((a) => text(grid, a))).toEqual(['No', '当初', '現状', '目標値', '達成\n状況']);
      expect(['C', 'D', 'E', 'F'].map((col) => text(grid, `${col}${row + 1}`))).toEqual(['(H26)', '(H28)', '(H29)', '(H31)']);
      const merged = grid.merges.map(rangeAddress);
      expect(merged).toEqual(expect.arrayContaining([`A${row}:A${row + 1}`, `B${row}:B${row + 1}`, `G${row}:G${row + 1}`]));
    }
  });

  it.each(PUBLISHED)('$sheet $cell holds the published grade $grade ($name)', async ({ sheet, cell, grade, name }) => {
    const { grids } = await loadSample();
    const grid = grids.find((g) => g.name === sheet)!;
    expect(text(grid, cell)).toBe(grade);
    expect(text(grid, `B${cell.slice(1)}`)).toContain(name);
  });

  it('keeps the value texts exactly as printed in the report', async () => {
    const { grids } = await loadSample();
    const byName = new Map(grids.map((g) => [g.name, g]));
    const row = (sheet: string, r: number) => ['C', 'D', 'E', 'F'].map((c) => text(byName.get(sheet)!, `${c}${r}`));
    expect(row('第1節 地域産業', 11)).toEqual(['63.0％\n(H22 国調)', '－', '69.8％\n(H27 国調)', '65.0%\n(H32 国調)']);
    expect(row('第1節 地域産業', 14)).toEqual(['13.0％', '16.0', '13.7％', '15.0％']);
    expect(row('第1節 地域産業', 25)).toEqual(['720億円\n(H24)', '693億円\n(H26)', '665億円\n（H28）', '770億円\n以上']);
    expect(row('第2節 子育て', 8)).toEqual(['18か所', '20か所', '21か所', '20か所\n以上']);
    expect(row('第3節 人材', 24)).toEqual(['81.3％', '－', '－', '85.0%以上']);
    expect(row('第4節 定住', 8)).toEqual(['440位', '748位', '660位', '300位以内']);
    expect(row('第4節 定住', 9)).toEqual(['372件', '2,920件', '4,542件', '2,000件']);
    expect(row('第4節 定住', 21)).toEqual(['217人', '186人', '198人', '150人以下']);
    // The report is text: no number formats, no formulas anywhere in the sample.
    const cells = grids.flatMap((g) => g.rows.flatMap((r) => r ?? [])).filter((c) => c !== undefined);
    expect(cells.every((c) => typeof c.value === 'string' && c.formula === undefined && c.numberFormat === undefined)).toBe(true);
  });

  it('has the text blocks between tables that detection must skip', async () => {
    const { grids } = await loadSample();
    const texts = grids.flatMap((g) => g.rows.flatMap((r) => r ?? []).map((c) => c?.text ?? ''));
    expect(texts.filter((t) => t === 'ＫＰＩの達成に係る施策の主な取組と成果、課題と今後の展開')).toHaveLength(8);
    expect(texts.filter((t) => t.startsWith('主要施策（'))).toHaveLength(10);
    expect(texts.filter((t) => t === '主な取組と\n成果')).toHaveLength(10);
  });
});

describe('tests/fixtures/*.xlsx', () => {
  it('are what scripts/make-fixtures.ts generates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-fixtures-'));
    await writeFixtures(dir);
    for (const name of Object.keys(FIXTURES)) {
      const committed = await loadXlsx(join(FIXTURES_DIR, name));
      const regenerated = await loadXlsx(join(dir, name));
      expect(contents(regenerated.grids), name).toEqual(contents(committed.grids));
    }
  });
});
