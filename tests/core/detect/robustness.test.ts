import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectKpiTables, scanSheet } from '../../../src/core/detect';
import type { CellRange, SheetGrid } from '../../../src/core/grid';
import { buildGrid, type CellInput } from '../../support/gridBuilder';

const WORDS = [
  '重要業績評価指標（ＫＰＩ）',
  '指標',
  '指標名',
  '数値目標',
  'KPI',
  '当初',
  '当初\n(H26)',
  '基準値',
  '策定時',
  '現状',
  '現状値\n(H29)',
  '実績値',
  '直近値',
  '目標値',
  '目標\n(R6)',
  '目標値\n令和6年度',
  '達成\n状況',
  '評価',
  '判定',
  'No',
  '番号',
  '(H28)',
  'H26',
  '2024',
  '令和元年度',
  '基本目標',
  '担当課',
];
const VALUES = [
  '１',
  '2',
  '①',
  '－',
  '-',
  '63.0％\n(H22 国調)',
  '450万人\n以上',
  '300位以内',
  '未実施',
  '策定完了',
  'Ｓ',
  'Ｂ',
  '市内高校',
  '（企画政策課）',
  '※来年度以降調査予定',
  'ＫＰＩの達成に係る施策の主な取組と成果、課題と今後の展開',
  '#DIV/0!',
  'ｓｓｓ',
];

const cell: fc.Arbitrary<CellInput> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...VALUES),
  fc.string({ maxLength: 6 }),
  fc.string({ maxLength: 4, unit: 'binary' }),
  fc.integer({ min: -5, max: 3000 }),
  fc.constant(null),
  fc.record({
    text: fc.constantFrom('', '63.0%', '#####'),
    value: fc.oneof(fc.double(), fc.boolean(), fc.constant(null)),
    numberFormat: fc.constantFrom('0.0%', 'General', '0"件"'),
  }),
);

const merge: fc.Arbitrary<CellRange> = fc
  .record({
    top: fc.integer({ min: 0, max: 9 }),
    left: fc.integer({ min: 0, max: 8 }),
    h: fc.integer({ min: 0, max: 3 }),
    w: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));

const grid: fc.Arbitrary<SheetGrid> = fc
  .record({
    rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 10 }),
    merges: fc.array(merge, { maxLength: 6 }),
    origin: fc.constantFrom('A1', 'B2', 'C5'),
  })
  .map(({ rows, merges, origin }) => ({ ...buildGrid('prop', rows, { origin }), merges }));

describe('detectKpiTables never throws', () => {
  it('on random small grids of header words, figures, text and merges', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const { tables, problems } = scanSheet(g); // without the safety net: a fault would show here
        for (const t of tables) {
          expect(t.range.top).toBeLessThanOrEqual(t.headerRows.top);
          expect(t.headerRows.top).toBeLessThanOrEqual(t.headerRows.bottom);
          expect(t.kpis.length).toBeGreaterThan(0);
          for (const k of t.kpis) {
            expect(k.row).toBeGreaterThan(t.headerRows.bottom);
            expect(k.row).toBeLessThanOrEqual(t.range.bottom);
            expect(typeof k.name).toBe('string');
          }
          for (const c of [t.columns.indicator, t.columns.target.col, ...t.columns.values.map((v) => v.col)]) {
            expect(c).toBeGreaterThanOrEqual(t.range.left);
            expect(c).toBeLessThanOrEqual(t.range.right);
          }
        }
        expect(problems.filter((p) => p.code === 'noGradeColumn').length).toBe(tables.filter((t) => !t.columns.grade).length);
        // Anything else is a near miss said in words (nearMiss.ts), never a fault.
        for (const p of problems) expect(['noGradeColumn', 'tableIncomplete']).toContain(p.code);
      }),
      { numRuns: 2000 },
    );
  });

  it('on malformed grids', () => {
    const odd = [
      { name: 'x', rows: [], merges: [] },
      {
        name: 'x',
        rows: [null, [null, 5, 'a']],
        merges: [null, { top: 'a' }, { top: 3, left: 3, bottom: 1, right: 1 }],
      },
      {
        name: 'x',
        rows: [
          [{ text: 7, value: {} }, { text: '指標' }, { text: '当初' }, { text: '目標値' }],
          [{}, { text: 'a' }, { text: '1' }, { text: '2' }],
        ],
        merges: [],
      },
      { name: 'x', rows: undefined, merges: undefined },
    ] as unknown as SheetGrid[];
    for (const g of odd) expect(() => scanSheet(g)).not.toThrow();
  });
});

/** A sheet of seed-like tables: a heading, a header, `perTable` KPI rows, a blank row, a text row. */
function ledger(kpis: number, perTable: number): SheetGrid {
  const rows: CellInput[][] = [];
  for (let t = 0; t < kpis / perTable; t++) {
    rows.push([`基本的方向${t} 雇用対策の強化を図る`]);
    rows.push(['No', '重要業績評価指標（ＫＰＩ）', '当初\n(H26)', '(H28)', '現状\n(H29)', '目標値\n(H31)', '達成状況']);
    for (let k = 0; k < perTable; k++) {
      rows.push([
        String(k + 1),
        `若者の定住率${t}-${k}（企画政策課）`,
        '63.0％',
        '－',
        '69.8％\n(H27 国調)',
        '65.0%以上',
        'Ｓ',
      ]);
    }
    rows.push([]);
    rows.push(['ＫＰＩの達成に係る施策の主な取組と成果、課題と今後の展開']);
  }
  return buildGrid('big', rows);
}

function kpiCount(result: { tables: readonly { kpis: readonly unknown[] }[] }): number {
  return result.tables.reduce((n, t) => n + t.kpis.length, 0);
}

// Speed is measured by `npm run bench` (bench/engine.ts) and written in the README, never
// asserted here: the machines are shared and noisy. These check that large sheets read whole.
describe('large sheets', () => {
  const ROWS_PER_TABLE = 6; // heading, header, two KPI rows, a blank row, a text row

  it('reads four times the rows as four times the KPIs, every table alike', () => {
    const small = detectKpiTables(ledger(3_000, 2));
    const large = detectKpiTables(ledger(12_000, 2));
    expect(small.tables).toHaveLength(1_500);
    expect(large.tables).toHaveLength(6_000);
    expect(kpiCount(large)).toBe(4 * kpiCount(small));
    expect(large.problems).toStrictEqual([]);
    // The small sheet is the top of the large one: its tables read the same there.
    expect(large.tables.slice(0, 1_500)).toStrictEqual(small.tables);
    // Further down, every table has the shape of the first, shifted by its rows.
    const first = large.tables[0]!;
    const differing: number[] = [];
    large.tables.forEach((t, i) => {
      const shift = i * ROWS_PER_TABLE;
      const alike =
        t.range.top === first.range.top + shift &&
        t.range.bottom === first.range.bottom + shift &&
        t.range.left === first.range.left &&
        t.range.right === first.range.right &&
        t.headerRows.top === first.headerRows.top + shift &&
        JSON.stringify(t.columns) === JSON.stringify(first.columns) &&
        t.kpis.length === 2 &&
        t.kpis.every((k, j) => k.row === first.kpis[j]!.row + shift && k.name === `若者の定住率${i}-${j}`);
      if (!alike) differing.push(i);
    });
    expect(differing).toStrictEqual([]);
  });

  it('reads 30,000 KPIs, parsing included, every one as written', () => {
    const { tables, problems } = detectKpiTables(ledger(30_000, 10));
    expect(tables.length).toBe(3000);
    expect(kpiCount({ tables })).toBe(30_000);
    expect(problems).toStrictEqual([]);
    const misread: string[] = [];
    tables.forEach((t, i) =>
      t.kpis.forEach((k, j) => {
        const ok =
          k.name === `若者の定住率${i}-${j}` &&
          k.department === '企画政策課' &&
          k.number === String(j + 1) &&
          JSON.stringify(k.baseline?.reading) === '{"kind":"number","value":63,"unit":"%"}' &&
          k.baseline?.year === 2014 &&
          JSON.stringify(k.intermediates.map((c) => c.reading)) === '[{"kind":"missing"}]' &&
          JSON.stringify(k.current?.reading) === '{"kind":"number","value":69.8,"unit":"%","year":2015,"yearNote":"H27 国調"}' &&
          k.current?.year === 2015 &&
          JSON.stringify(k.target.reading) === '{"kind":"number","value":65,"unit":"%","bound":"ge"}' &&
          k.target.year === 2019 &&
          k.gradeCell?.text === 'Ｓ';
        if (!ok) misread.push(`${t.sheet}!${k.row + 1}`);
      }),
    );
    expect(misread).toStrictEqual([]);
  });

  it('reads one table of 30,000 rows', () => {
    const rows: CellInput[][] = [['指標', '基準値\n(R1)', '実績値\n(R5)', '目標値\n(R6)', '評価']];
    for (let k = 0; k < 30_000; k++) rows.push([`指標${k}`, '372万人', '356万人', '450万人以上', '']);
    const { tables } = detectKpiTables(buildGrid('one', rows));
    expect(tables).toHaveLength(1);
    const kpis = tables[0]!.kpis;
    expect(kpis).toHaveLength(30_000);
    const misread = kpis.filter(
      (k, i) =>
        k.name !== `指標${i}` ||
        k.row !== i + 1 ||
        JSON.stringify([k.baseline?.reading, k.current?.reading, k.target.reading]) !==
          '[{"kind":"number","value":372,"unit":"万人"},{"kind":"number","value":356,"unit":"万人"},{"kind":"number","value":450,"unit":"万人","bound":"ge"}]' ||
        k.gradeCell?.text !== '',
    );
    expect(misread.map((k) => k.row)).toStrictEqual([]);
  });
});
