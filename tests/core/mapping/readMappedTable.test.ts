import { describe, expect, it } from 'vitest';
import { detectKpiTables } from '../../../src/core/detect';
import { applyMappings, guessHeaderRows, guessMapping, readMappedTable } from '../../../src/core/detect/mapping';
import { evaluateWorkbook } from '../../../src/core/evaluate';
import { parseRangeAddress } from '../../../src/core/grid';
import type { TableMapping } from '../../../src/core/mapping';
import { BUILTIN_PRESETS } from '../../../src/core/presets';
import { buildGrid } from '../../support/gridBuilder';
import { EXPECTED_GRADES, MAPPING, policySheet, RANGE, ROWS, SHEET } from './fixture';

const standard = BUILTIN_PRESETS.standard;

describe('a table the detector cannot read, read by the officer’s mapping', () => {
  it('is not found by detection (the premise of the fixture)', () => {
    expect(detectKpiTables(policySheet()).tables).toEqual([]);
  });

  it('reads the same KpiTable shape the detector builds: rows, cells, years, grade cells', () => {
    const read = readMappedTable(policySheet(), MAPPING);
    if (!read.ok) throw new Error(read.problem.message);
    const { table } = read;
    expect(table.sheet).toBe(SHEET);
    expect(table.range).toEqual(parseRangeAddress(RANGE));
    expect(table.headerRows).toEqual({ top: 1, bottom: 1 });
    expect(table.columns.indicator).toBe(1);
    expect(table.columns.values.map((v) => [v.col, v.role, v.year])).toEqual([
      [2, 'baseline', 2015],
      [3, 'intermediate', 2019],
      [4, 'current', 2023],
    ]);
    expect(table.columns.target).toMatchObject({ col: 5, year: 2025 });
    expect(table.columns.grade).toMatchObject({ col: 6 });
    expect(table.kpis.map((k) => k.name)).toEqual(ROWS.slice(1).map((r) => r[0]));
    const first = table.kpis[0]!;
    // The detector's cell grammar: "372万人" is 372 in 万人, with the column's year.
    expect(first.baseline).toMatchObject({ row: 2, col: 2, year: 2015, reading: { kind: 'number', value: 372, unit: '万人' } });
    expect(first.intermediates).toHaveLength(1);
    expect(first.current).toMatchObject({ row: 2, col: 4, year: 2023, reading: { kind: 'number', value: 430 } });
    expect(first.target).toMatchObject({ row: 2, col: 5, year: 2025, reading: { kind: 'number', value: 450 } });
    expect(first.gradeCell).toEqual({ row: 2, col: 6, text: '' });
  });

  it('is graded by evaluateWorkbook with the mapping: the grades worked out by hand in fixture.ts', () => {
    const evaluation = evaluateWorkbook([policySheet()], standard, { mappings: [MAPPING], wholeWorkbook: true });
    expect(evaluation.tables).toHaveLength(1);
    expect(evaluation.tables[0]!.kpis.map((k) => k.outcome.grade)).toEqual([...EXPECTED_GRADES]);
    // Full-width in an empty grade column, as the detector's tables.
    expect(evaluation.tables[0]!.kpis.map((k) => k.gradeText)).toEqual(['Ｂ', 'Ｓ', 'Ｄ', 'Ａ', 'Ｃ']);
    expect(evaluation.problems).toEqual([]);
  });

  it('does not read past the last row of the range', () => {
    const rows = [...ROWS, ['人口', '8万人', '8万人', '7万人', '8万人', '']];
    const read = readMappedTable(policySheet(rows), MAPPING);
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.table.kpis).toHaveLength(5);
  });
});

describe('a mapping that no longer fits its sheet says so instead of reading wrong cells', () => {
  it('a column inserted before the table: the header cells moved', () => {
    const shifted = policySheet(ROWS, 'C2');
    const read = readMappedTable(shifted, MAPPING);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem.code).toBe('mappingChanged');
    expect(read.problem.sheet).toBe(SHEET);
    expect(read.problem.cell).toBe('B2:G7');
    expect(read.problem.severity).toBe('warning');
    expect(read.problem.message).toContain('「施策評価」シートの B2:G7');
    expect(read.problem.message).toContain('セル B2 の見出しが「施策の成果を測る項目」から「（空）」に');
    expect(read.problem.message).toContain('この読み方は使いませんでした');
    // and evaluation grades none of its cells
    const evaluation = evaluateWorkbook([shifted], standard, { mappings: [MAPPING] });
    expect(evaluation.tables).toEqual([]);
    // (and, no table being left, the workbook-wide note of where tables were looked for)
    expect(evaluation.problems.map((p) => p.code)).toEqual(['mappingChanged', 'noTableFound']);
  });

  it('rows deleted above the table: the header row now holds a KPI', () => {
    const read = readMappedTable(policySheet(ROWS, 'B1'), MAPPING);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem.message).toContain('セル B2 の見出しが「施策の成果を測る項目」から「観光入込客数」に');
  });

  it('a header rewritten (the next year’s column): names the cell, was and now', () => {
    const rows = ROWS.map((r, i) => (i === 0 ? r.map((c) => (c === '令和5年度' ? '令和6年度' : c)) : r));
    const read = readMappedTable(policySheet(rows), MAPPING);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problem.message).toContain('セル E2 の見出しが「令和5年度」から「令和6年度」に変わっています');
      expect(read.problem.messageEn).toContain('cell E2: header "令和5年度" is now "令和6年度"');
    }
  });

  it('the KPI rows deleted: no indicator rows under the header', () => {
    const read = readMappedTable(policySheet(ROWS.slice(0, 1)), MAPPING);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem.code).toBe('mappingEmpty');
  });

  it('the sheet renamed or deleted: said when the whole workbook was read, not for one sheet', () => {
    const other = buildGrid('別のシート', [['x']]);
    const missing = (e: ReturnType<typeof evaluateWorkbook>) => e.problems.filter((p) => p.code === 'mappingSheetMissing');
    const whole = evaluateWorkbook([other], standard, { mappings: [MAPPING], wholeWorkbook: true });
    expect(missing(whole)).toHaveLength(1);
    expect(missing(whole)[0]).toMatchObject({ code: 'mappingSheetMissing', sheet: SHEET, cell: RANGE });
    expect(missing(whole)[0]!.message).toContain('「施策評価」シートの B2:G7');
    expect(missing(evaluateWorkbook([other], standard, { mappings: [MAPPING] }))).toEqual([]);
  });
});

describe('a mapped range replaces what detection found overlapping it', () => {
  // Detection reads this table and takes the 見込 (forecast) column as the current value; this
  // office grades on actual results only, so the officer says 実績 is current and 見込 is not read.
  const rows = [
    ['指標', '当初(H27)', '実績(R4)', '見込(R5)', '目標値(R7)'],
    ['観光入込客数', '372万人', '380万人', '430万人', '450万人'],
  ];
  const grid = buildGrid('総合戦略', rows);
  const mapping: TableMapping = {
    sheet: '総合戦略',
    range: 'A1:E2',
    headerRows: 1,
    columns: [
      { column: 'A', role: 'indicator', header: '指標' },
      { column: 'B', role: 'baseline', year: 2015, header: '当初(H27)' },
      { column: 'C', role: 'current', year: 2022, header: '実績(R4)' },
      { column: 'D', role: 'ignore', header: '見込(R5)' },
      { column: 'E', role: 'target', year: 2025, header: '目標値(R7)' },
    ],
  };

  it('detection alone finds the table (with its noGradeColumn note)', () => {
    const detected = detectKpiTables(grid);
    expect(detected.tables).toHaveLength(1);
    expect(detected.problems.map((p) => p.code)).toEqual(['noGradeColumn']);
  });

  it('with the mapping: one table, the officer’s columns, detection’s notes about it replaced', () => {
    const applied = applyMappings(grid, detectKpiTables(grid), [mapping]);
    expect(applied.tables).toHaveLength(1);
    expect(applied.tables[0]!.columns.values.map((v) => [v.col, v.role])).toEqual([
      [1, 'baseline'],
      [2, 'current'],
    ]);
    expect(applied.tables[0]!.kpis[0]!.current).toMatchObject({ col: 2, reading: { value: 380 } });
    // One noGradeColumn, the mapped table's own.
    expect(applied.problems.map((p) => [p.code, p.cell])).toEqual([['noGradeColumn', 'A1:E2']]);
  });

  it('graded on the officer’s current value: p = (380 − 372)/(450 − 372) = 0.10 < 0.5 × t = 0.5 × 7/10; not worse than B → C', () => {
    const evaluation = evaluateWorkbook([grid], standard, { mappings: [mapping] });
    expect(evaluation.tables).toHaveLength(1);
    expect(evaluation.tables[0]!.kpis[0]!.outcome.grade).toBe('C');
  });
});

describe('unit, year and direction columns map onto the detector’s side columns', () => {
  // 項目 | 単位 | 基準 | 年 | 現在 | 年 | 目標 | 年 | 方向 — bare numbers, years per row, the direction said.
  const grid = buildGrid('環境', [
    ['項目', '単位', '基準', '年', '現在', '年', '目標', '年', '方向'],
    ['ごみ排出量', 't', '500', 'H27', '470', 'R5', '520', 'R7', '減少'],
    ['観光客数', '万人', '372', 'H27', '430', 'R5', '450', 'R7', '増加'],
  ]);
  const roles = ['indicator', 'unit', 'baseline', 'year', 'current', 'year', 'target', 'year', 'direction'] as const;
  const mapping: TableMapping = {
    sheet: '環境',
    range: 'A1:I3',
    headerRows: 1,
    columns: roles.map((role, i) => ({ column: 'ABCDEFGHI'[i]!, role, header: ['項目', '単位', '基準', '年', '現在', '年', '目標', '年', '方向'][i]! })),
  };

  it('reads each row’s unit, years and direction', () => {
    const read = readMappedTable(grid, mapping);
    if (!read.ok) throw new Error(read.problem.message);
    const [waste, visitors] = read.table.kpis;
    expect(read.table.columns.unit).toEqual({ col: 1, header: '単位' });
    expect(read.table.columns.years?.map((y) => [y.col, y.of])).toEqual([
      [3, 2],
      [5, 4],
      [7, 6],
    ]);
    expect(waste!.baseline).toMatchObject({ year: 2015, reading: { value: 500, unit: 't' } });
    expect(waste!.current).toMatchObject({ year: 2023 });
    expect(waste!.target).toMatchObject({ year: 2025 });
    expect(waste!.direction).toBe('down');
    expect(visitors!.direction).toBe('up');
  });

  it('grades with them (t = (2023 − 2015)/(2025 − 2015) = 0.8 from the year columns)', () => {
    const evaluation = evaluateWorkbook([grid], standard, { mappings: [mapping] });
    // ごみ排出量: 減少 (lower is better) overrides T > B; C = 470 ≤ T = 520: target met → S
    //   (inferred from T > B it would be higher-is-better, d = 30/500 = 0.06 → C).
    // 観光客数: p = (430 − 372)/(450 − 372) = 0.74 < 0.8, ≥ 0.4 → B.
    const kpis = evaluation.tables[0]!.kpis;
    expect(kpis.map((k) => k.outcome.grade)).toEqual(['S', 'B']);
    expect(kpis[0]!.outcome.measures?.directionBasis).toBe('column');
    expect(kpis[1]!.outcome.measures?.elapsed).toBeCloseTo(0.8, 10);
  });
});

describe('the best guess prefills roles and years from the header words', () => {
  it('reads years from headers the words do not know, and takes the latest lone year as the target', () => {
    const guess = guessMapping(policySheet(), parseRangeAddress(RANGE)!);
    expect(guess.sheet).toBe(SHEET);
    expect(guess.range).toBe(RANGE);
    expect(guess.headerRows).toBe(1);
    expect(guess.columns.map((c) => [c.column, c.role, c.year])).toEqual([
      ['B', 'indicator', undefined],
      ['C', 'baseline', 2015],
      ['D', 'intermediate', 2019],
      ['E', 'current', 2023],
      ['F', 'target', 2025],
      ['G', 'ignore', undefined], // 評定 is no grade word: the officer says so
    ]);
    // The fingerprints are what readMappedTable compares.
    expect(guess.columns.map((c) => c.header)).toEqual(MAPPING.columns.map((c) => c.header));
  });

  it('uses the detector’s words where they apply, and two header rows', () => {
    const grid = buildGrid('s', [
      ['No', '重要業績評価指標', '当初', '現状', '目標値', '達成状況'],
      ['', '', '(H26)', '(H28)', '(H31)', ''],
      ['1', '観光入込客数', '372万人', '400万人', '450万人', ''],
    ]);
    const range = { top: 0, left: 0, bottom: 2, right: 5 };
    expect(guessHeaderRows(grid, range)).toBe(2);
    const guess = guessMapping(grid, range);
    expect(guess.columns.map((c) => [c.role, c.year])).toEqual([
      ['ignore', undefined],
      ['indicator', undefined],
      ['baseline', 2014],
      ['current', 2016],
      ['target', 2019],
      ['grade', undefined],
    ]);
    expect(guess.columns[2]!.header).toBe('当初 / (H26)');
  });
});
