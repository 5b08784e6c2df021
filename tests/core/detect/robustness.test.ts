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
        expect(problems.length).toBe(tables.filter((t) => !t.columns.grade).length);
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

/** Least CPU time (ms) of a few runs: wall time is meaningless on a busy machine. */
function cpuMs(run: () => void, times = 3): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    best = Math.min(best, used.user / 1000);
  }
  return best;
}

describe('speed', () => {
  it('grows linearly with the number of rows', () => {
    const small = ledger(3_000, 2);
    const large = ledger(12_000, 2);
    detectKpiTables(small); // warm up the JIT
    const tSmall = cpuMs(() => detectKpiTables(small));
    const tLarge = cpuMs(() => detectKpiTables(large), 2);
    console.info(`detect: 3,000 KPIs ${tSmall.toFixed(0)} ms, 12,000 KPIs ${tLarge.toFixed(0)} ms (CPU)`);
    // Four times the rows: about four times the time. Quadratic work would be sixteen.
    expect(tLarge / tSmall).toBeLessThan(8);
  });

  it('reads 30,000 KPIs, parsing included, well within the engine budget', () => {
    const sheet = ledger(30_000, 10);
    let tables = detectKpiTables(sheet).tables;
    const ms = cpuMs(() => {
      tables = detectKpiTables(sheet).tables;
    }, 1);
    expect(tables.length).toBe(3000);
    expect(tables.reduce((n, t) => n + t.kpis.length, 0)).toBe(30_000);
    console.info(
      `detect: 30,000 KPIs in ${ms.toFixed(0)} ms CPU (${Math.round(30_000 / (ms / 1000)).toLocaleString()} KPIs/s)`,
    );
    // Generous for busy CI machines; on a quiet laptop this takes a tenth of it.
    expect(ms).toBeLessThan(3000);
  });

  it('reads one table of 30,000 rows', () => {
    const rows: CellInput[][] = [['指標', '基準値\n(R1)', '実績値\n(R5)', '目標値\n(R6)', '評価']];
    for (let k = 0; k < 30_000; k++) rows.push([`指標${k}`, '372万人', '356万人', '450万人以上', '']);
    const sheet = buildGrid('one', rows);
    let kpis = 0;
    const ms = cpuMs(() => {
      kpis = detectKpiTables(sheet).tables[0]!.kpis.length;
    }, 1);
    expect(kpis).toBe(30_000);
    expect(ms).toBeLessThan(3000);
  });
});
