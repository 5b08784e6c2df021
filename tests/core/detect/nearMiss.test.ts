/**
 * Issue 8, item 3: what looks like a KPI table but cannot be read is said, naming the sheet and
 * the rows, what was found and what is missing; a fault inside detection becomes a problem; a
 * workbook without any table says which sheets were searched and for what.
 */
import { describe, expect, it } from 'vitest';
import { detectKpiTables } from '../../../src/core/detect';
import { evaluateWorkbook } from '../../../src/core/evaluate';
import type { SheetGrid } from '../../../src/core/grid';
import { BUILTIN_PRESETS } from '../../../src/core/presets';
import { buildGrid } from '../../support/gridBuilder';

describe('a KPI-like header that cannot be read is said', () => {
  it('no target column: the sheet, the row, the words found and what is missing', () => {
    const { tables, problems } = detectKpiTables(
      buildGrid('基本目標1', [
        ['基本目標１ 地域産業の振興'],
        [],
        ['施策1'],
        [],
        ['指標', '実績', '(H28)'],
        ['観光入込客数', '400万人', '380万人'],
      ]),
    );
    expect(tables).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'tableIncomplete', sheet: '基本目標1', cell: 'A5:B5', severity: 'warning' });
    expect(problems[0]!.message).toContain(
      '「基本目標1」シートの5行目に「指標」「実績」の見出しがありますが、目標の列（「目標値」などの見出し）が見つかりません。',
    );
    expect(problems[0]!.messageEn).toContain('Row 5 of sheet "基本目標1" has the headers 「指標」「実績」, but a target column');
  });

  it('no indicator column', () => {
    const { problems } = detectKpiTables(
      buildGrid('s', [
        ['項目', '基準値', '実績値', '目標値'],
        ['転入者数', '1,000', '1,100', '1,200'],
      ]),
    );
    expect(problems.map((p) => [p.code, p.cell])).toEqual([['tableIncomplete', 'B1:D1']]);
    expect(problems[0]!.message).toContain('「基準値」「実績値」「目標値」の見出しがありますが、指標の列');
  });

  it('no value column', () => {
    const { problems } = detectKpiTables(
      buildGrid('s', [
        ['指標', '目標値', '評価'],
        ['転入者数', '1,200', 'Ａ'],
      ]),
    );
    expect(problems.map((p) => p.code)).toEqual(['tableIncomplete']);
    expect(problems[0]!.message).toContain('「指標」「目標値」の見出しがありますが、値の列');
  });

  it('a whole header, but no KPI row under it (figures without names)', () => {
    const { problems } = detectKpiTables(
      buildGrid('s', [
        ['指標', '基準値', '実績値', '目標値'],
        ['', '1,000', '1,100', '1,200'],
      ]),
    );
    expect(problems.map((p) => p.code)).toEqual(['tableIncomplete']);
    expect(problems[0]!.message).toContain('その下のKPIの行');
  });

  it('header words scattered with figures, on no common row', () => {
    const { problems } = detectKpiTables(
      buildGrid('s', [['実績'], ['', '120'], [], ['', '', '目標値']]),
    );
    expect(problems.map((p) => [p.code, p.cell])).toEqual([['tableIncomplete', 'A1']]);
    expect(problems[0]!.message).toContain('「s」シートの1・4行目に「実績」「目標値」の見出しがありますが、指標・目標・値の見出しが同じ行に並んだ見出し行が見つかりません');
  });

  it.each<[string, SheetGrid]>([
    // A schedule: 担当課 and 評価 are header words, but no KPI column's.
    ['a schedule', buildGrid('s', [['取組', '担当課', '評価'], ['相談会の開催', '企画政策課', '済'], ['', '', '12']])],
    // KPI words but nothing to grade below them.
    ['words without figures', buildGrid('s', [['指標', '実績'], ['今後の取組', '検討中']])],
    // A budget.
    ['a budget', buildGrid('s', [['事業名', '予算額', '決算額'], ['観光振興', '1,200千円', '1,100千円']])],
  ])('%s raises nothing', (_what, grid) => {
    expect(detectKpiTables(grid)).toEqual({ tables: [], problems: [] });
  });

  it('a table read is never also reported', () => {
    const { tables, problems } = detectKpiTables(
      buildGrid('s', [
        ['指標', '基準値', '実績値', '目標値', '評価'],
        ['転入者数', '1,000', '1,100', '1,200', ''],
      ]),
    );
    expect(tables).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});

describe('a fault inside detection is a problem, never swallowed', () => {
  // A cell whose text cannot be read at all (a door handing over something broken).
  const broken = (): SheetGrid => ({
    name: '基本目標2',
    rows: [
      [
        {
          get text(): string {
            throw new Error('boom');
          },
          value: null,
        },
      ],
    ],
    merges: [],
  });

  it('names the sheet, in plain words', () => {
    const { tables, problems } = detectKpiTables(broken());
    expect(tables).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'tableUnreadable', sheet: '基本目標2', cell: 'A1:A1', severity: 'warning' });
    expect(problems[0]!.message).toContain('「基本目標2」シートの表 A1:A1 は読み取れませんでした（シートを読み取る途中で予期しない誤りが起きたため');
    expect(problems[0]!.message).not.toContain('boom');
    expect(problems[0]!.messageEn).toContain('an unexpected fault occurred while reading the sheet');
  });

  it('the other sheets are still graded', () => {
    const good = buildGrid('基本目標1', [
      ['指標', '基準値', '実績値', '目標値', '評価'],
      ['転入者数', '1,000', '1,100', '1,200', ''],
    ]);
    const evaluation = evaluateWorkbook([broken(), good], BUILTIN_PRESETS.standard);
    expect(evaluation.tables.map((t) => t.table.sheet)).toEqual(['基本目標1']);
    expect(evaluation.problems.map((p) => [p.code, p.sheet])).toEqual([['tableUnreadable', '基本目標2']]);
  });
});

describe('a workbook without any KPI table says so', () => {
  it('names the sheets searched and what was looked for', () => {
    const evaluation = evaluateWorkbook(
      [buildGrid('予算', [['事業名', '予算額'], ['観光振興', '1,200千円']]), buildGrid('メモ', [['会議録']])],
      BUILTIN_PRESETS.standard,
    );
    expect(evaluation.tables).toEqual([]);
    expect(evaluation.problems).toHaveLength(1);
    const p = evaluation.problems[0]!;
    expect(p).toMatchObject({ code: 'noTableFound', sheet: '予算', cell: 'A1', severity: 'warning' });
    expect(p.message).toContain('このブックにはKPIの表が見つかりませんでした（調べたシート: 「予算」「メモ」）');
    expect(p.message).toContain('指標の列（「指標」「KPI」など）、目標の列（「目標値」など）と値の列');
    expect(p.messageEn).toContain('sheets searched: "予算", "メモ"');
  });

  it('says nothing of the kind when a table is found', () => {
    const evaluation = evaluateWorkbook(
      [buildGrid('s', [['指標', '基準値', '実績値', '目標値', '評価'], ['転入者数', '1,000', '1,100', '1,200', '']])],
      BUILTIN_PRESETS.standard,
    );
    expect(evaluation.problems.map((p) => p.code)).not.toContain('noTableFound');
  });
});
