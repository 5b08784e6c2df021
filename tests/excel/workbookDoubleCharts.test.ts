/**
 * The workbook double's tables and charts behave as Excel does where the add-in depends on it
 * (sources in tests/support/workbookDoubleCharts.ts): names unique in the workbook, no overlap,
 * nothing readable before sync, series read from a plain block, a line series over bars, and
 * tables and charts gone with their sheet.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbookDouble } from '../support/workbookDouble';

const block = [
  [null, '進捗率', '経過率'],
  ['就業率', 0.5, 0.6],
  ['成婚数', 1.2, 0.6],
];

describe('tables and charts in the workbook double', () => {
  it('a table name is unique in the whole workbook, whatever its case (InvalidArgument at sync)', async () => {
    const double = createWorkbookDouble([{ name: 'A', cells: [['指標', '値']] }, { name: 'B', cells: [['指標', '値']] }]);
    double.addTable('A', 'A1:B1', 'KPI一覧');
    const error = await double
      .run(async (context) => {
        const t = context.workbook.worksheets.getItem('B').tables.add('A1:B1', true);
        t.name = 'kpi一覧';
        await context.sync();
      })
      .catch((e: { code?: string }) => e);
    expect((error as { code?: string }).code).toBe('InvalidArgument');
    // Without rollback, as Excel: the table was added (as Table1) before the name failed.
    expect(double.tables('B').map((t) => t.name)).toEqual(['Table1']);
  });

  it('refuses an overlapping table and a name with a space', async () => {
    const double = createWorkbookDouble([{ name: 'A', cells: [['指標', '値']] }]);
    double.addTable('A', 'A1:B1', 'T');
    const overlap = await double.run(async (context) => {
      context.workbook.worksheets.getItem('A').tables.add('B1:C2', true);
      await context.sync();
    }).catch((e: { code?: string }) => e.code);
    expect(overlap).toBe('InvalidArgument');
    const spaced = createWorkbookDouble([{ name: 'A', cells: [['指標', '値']] }]);
    const bad = await spaced.run(async (context) => {
      context.workbook.worksheets.getItem('A').tables.add('A1:B1', true).name = 'KPI 一覧';
      await context.sync();
    }).catch((e: { code?: string }) => e.code);
    expect(bad).toBe('InvalidArgument');
  });

  it('reads series by columns from a plain block; a series can become a line; nothing is readable before sync', async () => {
    const double = createWorkbookDouble([{ name: 'S', cells: block }]);
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:C3'), 'Columns');
      chart.series.getItemAt(1).chartType = 'Line';
      chart.title.text = '進捗率';
      chart.setPosition('E1', 'L18');
      const series = chart.series.getItemAt(1);
      expect(() => series.name).toThrow(/not available/);
      series.load('name,chartType');
      await context.sync();
      expect([series.name, series.chartType]).toEqual(['経過率', 'Line']);
    });
    expect(double.charts('S')).toEqual([
      {
        name: 'Chart 1',
        type: 'ColumnClustered',
        title: '進捗率',
        legendPosition: 'Right',
        source: 'A1:C3',
        series: [
          { name: '進捗率', chartType: 'ColumnClustered', values: 'B2:B3', categories: 'A2:A3' },
          { name: '経過率', chartType: 'Line', values: 'C2:C3', categories: 'A2:A3' },
        ],
        position: { start: 'E1', end: 'L18' },
      },
    ]);
  });

  it('refuses an unknown chart type, and a line series on a host before ExcelApi 1.7', async () => {
    const double = createWorkbookDouble([{ name: 'S', cells: block }]);
    const unknown = await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.charts.add('Bars' as Excel.ChartType, sheet.getRange('A1:C3'), 'Columns');
      await context.sync();
    }).catch((e: { code?: string }) => e.code);
    expect(unknown).toBe('InvalidArgument');
    const old = createWorkbookDouble([{ name: 'S', cells: block }], { excelApi: '1.6' });
    const missing = await old.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.charts.add('ColumnClustered', sheet.getRange('A1:C3'), 'Columns').series.getItemAt(1).chartType = 'Line';
      await context.sync();
    }).catch((e: { code?: string }) => e.code);
    expect(missing).toBe('ApiNotFound');
  });

  it('a deleted sheet takes its tables and charts with it; a protected sheet takes none', async () => {
    const double = createWorkbookDouble([{ name: 'keep' }, { name: 'S', cells: block }]);
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.charts.add('BarStacked', sheet.getRange('A1:C3'), 'Columns');
      sheet.tables.add(sheet.getRange('A5:B5'), true);
      await context.sync();
    }).catch((e: unknown) => e);
    // A5:B5 is empty: a header Excel would rename is refused by the double, not imitated.
    expect(double.tables()).toEqual([]);
    expect(double.charts('S')).toHaveLength(1);
    await double.run(async (context) => {
      context.workbook.worksheets.getItem('S').delete();
      await context.sync();
    });
    expect(double.sheetNames()).toEqual(['keep']);

    const locked = createWorkbookDouble([{ name: 'S', cells: block, protected: true }]);
    const denied = await locked.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.charts.add('BarStacked', sheet.getRange('A1:C3'), 'Columns');
      await context.sync();
    }).catch((e: { code?: string }) => e.code);
    expect(denied).toBe('AccessDenied');
  });
});
