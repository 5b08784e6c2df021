/**
 * Issue 8, item D: detection never throws, and every generated grid that holds KPI header words
 * and figures yields either tables or a problem: never the silent `tables: [], problems: []`.
 * Also the fast row build held to the general one (kpiRow.ts), on the same grids and on the seed.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCellValue } from '../../../src/core/cellValue';
import { detectKpiTables, scanSheet } from '../../../src/core/detect';
import { KPI_ROLES, readHeaderCell } from '../../../src/core/detect/headerWords';
import { rowBuildForTests } from '../../../src/core/detect/kpiRow';
import { displayText } from '../../../src/core/detect/sheetView';
import type { CellRange, SheetGrid } from '../../../src/core/grid';
import { buildGrid, type CellInput } from '../../support/gridBuilder';

const KPI_WORDS = [
  '指標', '主なKPI', 'KPI項目', '成果指標名', '指標名（単位）', '重要業績評価指標（ＫＰＩ）', '数値目標',
  '基準値', '当初\n(H26)', '策定時', '実績', 'R5実績', '令和5年度末実績', '実績値（R5年度）', '現状値\n(H29)', '直近値',
  '見込', '実績見込', '中間', '中間目標', '目標値', '目標値（R9）', '最終目標(R11)', '目安値',
];
const OTHER_WORDS = [
  '評価', '進捗区分', '総合評価', '前年度評価', '単位', '方向', '年度', '基準年度', '目標年度', '時点', '進捗率', '達成率',
  '備考', '出典', '課題', '今後の取組', '増減', '前年比', 'No', '担当課', '(H28)', 'H26', '令和元年度', '基本目標１',
];
const FIGURES = ['1,000人', '63.0％', '▲1.2', '△0.5', '+3.0', '120', '450万人\n以上', '300位以内', '16.0', '２，９２０件'];
const OTHERS = ['－', '↑', '↓', '増加', 'Ｓ', 'Ｂ', '観光入込客数', '市内高校', '（企画政策課）', '※調査予定', '未実施', '策定完了', '#DIV/0!'];

const cell: fc.Arbitrary<CellInput> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KPI_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...OTHER_WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...FIGURES) },
  { weight: 2, arbitrary: fc.constantFrom(...OTHERS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
  { weight: 4, arbitrary: fc.constant(null) },
);

const rows = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 9 });

const merge: fc.Arbitrary<CellRange> = fc
  .record({ top: fc.integer({ min: 0, max: 8 }), left: fc.integer({ min: 0, max: 7 }), h: fc.integer({ min: 0, max: 2 }), w: fc.integer({ min: 0, max: 2 }) })
  .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));

/** A KPI table of generated columns and rows, with noise rows around it: most of these are read. */
const tableRows: fc.Arbitrary<CellInput[][]> = fc
  .record({
    indicator: fc.constantFrom('指標', '主なKPI', 'KPI項目', '成果指標名', '重要業績評価指標（ＫＰＩ）'),
    values: fc.array(fc.constantFrom('基準値', '当初\n(H26)', '(H28)', 'R4実績', 'R5実績', '現状値\n(H29)', '実績見込', '直近値'), {
      minLength: 1,
      maxLength: 4,
    }),
    target: fc.constantFrom('目標値', '目標値（R9）', '最終目標(R11)', '目標'),
    grade: fc.constantFrom(['評価'], ['達成\n状況'], [] as string[]),
    number: fc.boolean(),
    body: fc.array(fc.tuple(fc.constantFrom('観光入込客数', '市内高校', '転入者数（企画政策課）', ''), fc.array(fc.constantFrom(...FIGURES, '－', ''), { minLength: 5, maxLength: 5 })), {
      minLength: 1,
      maxLength: 4,
    }),
    before: rows.map((r) => r.slice(0, 2)),
  })
  .map(({ indicator, values, target, grade, number, body, before }) => {
    const header: CellInput[] = [...(number ? ['No'] : []), indicator, ...values, target, ...grade];
    const kpis = body.map(([name, figures], i): CellInput[] => [
      ...(number ? [String(i + 1)] : []),
      name,
      ...figures.slice(0, values.length + 1),
      ...grade.map(() => (i % 2 === 0 ? 'Ａ' : '')),
    ]);
    return [...before, header, ...kpis];
  });

/** Cells as the sheet shows them. */
function texts(g: SheetGrid): string[] {
  return g.rows.flatMap((r) => (r ?? []).map((c) => displayText(c ?? undefined)));
}

/** Cells as the sheet shows them, less those a merge covers (only a merge's top-left shows). */
function visibleTexts(g: SheetGrid): string[] {
  const covered = (r: number, c: number) =>
    g.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
  return g.rows.flatMap((row, r) => (row ?? []).map((cell, c) => (covered(r, c) ? '' : displayText(cell ?? undefined))));
}

function holdsKpiWordsAndFigures(g: SheetGrid): boolean {
  const all = g.merges.length === 0 ? texts(g) : visibleTexts(g);
  const words = all.filter((t) => {
    const role = readHeaderCell(t)?.role;
    return role !== undefined && KPI_ROLES.has(role);
  }).length;
  const figures = all.some((t) => t.trim() !== '' && parseCellValue(t).kind === 'number' && readHeaderCell(t) === undefined);
  return words >= 2 && figures;
}

afterEach(() => {
  rowBuildForTests.general = false;
});

describe('detection is never silent', () => {
  it('never throws, merges or not (without the safety net)', () => {
    fc.assert(
      fc.property(rows, fc.array(merge, { maxLength: 5 }), (r, merges) => {
        expect(() => scanSheet({ ...buildGrid('p', r), merges })).not.toThrow();
      }),
      { numRuns: 1500 },
    );
  });

  it('a grid holding KPI header words and figures yields tables or a problem naming its sheet', () => {
    let held = 0;
    fc.assert(
      fc.property(fc.oneof(rows, tableRows), (r) => {
        const g = buildGrid('基本目標1', r);
        const { tables, problems } = detectKpiTables(g);
        for (const p of problems) expect(p.sheet).toBe('基本目標1');
        if (!holdsKpiWordsAndFigures(g)) return;
        held++;
        expect(tables.length + problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
    // The property was asked of many grids, not vacuously true.
    expect(held).toBeGreaterThan(500);
  });

  it('the same with merged cells (words and figures that show)', () => {
    let held = 0;
    fc.assert(
      fc.property(fc.oneof(rows, tableRows), fc.array(merge, { maxLength: 4 }), (r, merges) => {
        const g = { ...buildGrid('基本目標1', r), merges };
        const { tables, problems } = detectKpiTables(g);
        if (!holdsKpiWordsAndFigures(g)) return;
        held++;
        expect(tables.length + problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
    expect(held).toBeGreaterThan(300);
  });
});

describe('the fast row build gives what the general one gives', () => {
  const both = (g: SheetGrid) => {
    rowBuildForTests.general = false;
    const fast = detectKpiTables(g);
    rowBuildForTests.general = true;
    const general = detectKpiTables(g);
    rowBuildForTests.general = false;
    return { fast, general };
  };

  it('on generated grids', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.oneof(rows, tableRows), fc.array(merge, { maxLength: 3 }), (r, merges) => {
        const { fast, general } = both({ ...buildGrid('p', r), merges });
        compared += fast.tables.length;
        expect(general).toStrictEqual(fast);
      }),
      { numRuns: 1500 },
    );
    expect(compared).toBeGreaterThan(300);
  });

  it('on the seed table with sub-rows, census notes and merges', () => {
    const g = buildGrid(
      '第1節',
      [
        ['重要業績評価指標（ＫＰＩ）', '', '当初', '', '現状', '目標値', '達成\n状況'],
        ['', '', '(H26)', '(H28)', '(H29)', '(H31)', ''],
        ['１', '女性の生産年齢人口（15歳から 64歳まで）における就業率\n（企画政策課）', '63.0％\n(H22 国調)', '－', '69.8％\n(H27 国調)', '65.0%\n(H32 国調)', 'Ｓ'],
        ['２', '新規学校卒業者の市内就職率（商業観光課）'],
        ['', '市内高校', '59.0％', '55.6％', '60.5％', '61.0％', 'Ｂ'],
        ['', '市内大学', '13.0％', '16.0', '13.7％', '15.0％', 'Ｂ'],
      ],
      { merges: ['A1:B2', 'G1:G2', 'A4:A6', 'B4:G4'] },
    );
    const { fast, general } = both(g);
    expect(fast.tables[0]!.kpis).toHaveLength(3);
    expect(general).toStrictEqual(fast);
  });
});
