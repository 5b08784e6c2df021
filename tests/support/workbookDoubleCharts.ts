/**
 * Tables and charts in the workbook double: the part of Excel.Table and Excel.Chart the summary
 * sheet uses, with the checks Excel makes that the add-in could trip over.
 *
 * Modelled, from the API reference and office-js issues:
 *   - `tables.add(address | range, hasHeaders)` (ExcelApi 1.1): a table may not overlap another
 *     (InvalidArgument, office-js #1199); the default name is Table1, Table2 … (en-US Excel).
 *   - `Table.name`: unique in the whole workbook, not only the sheet, compared without case
 *     (office-js #551); it must start with a letter, `_` or `\` and hold no space
 *     (office-js-docs-reference #555). Either failure is InvalidArgument at sync.
 *   - `charts.add(type, range, seriesBy)` (ExcelApi 1.1): an unknown type is InvalidArgument.
 *     "Auto" is read as "Columns", as Excel on the web does (Excel.ChartSeriesBy reference).
 *   - `ChartSeries.chartType` (ExcelApi 1.7, ApiNotFound on an older host), `Chart.setPosition`,
 *     `Chart.title.text`, `Chart.legend.position`.
 *   - A deleted sheet takes its tables and charts with it (they live on the sheet model).
 *   - A protected sheet refuses a new table or chart (AccessDenied).
 * Not modelled (the double refuses with a plain Error, so a test cannot pass by accident):
 *   - header cells Excel would rename (empty, duplicate or not text: Excel makes "Column1",
 *     "Name2"); sources other than the plain block (top-left cell empty, series names in the
 *     header row, categories in the left column), and series by rows;
 *   - defined names clashing with a table name; chart sizes in points, axes, data labels, styles.
 */
import { ClientResultDouble, DoubleCollection, DoubleObject, PATH, type DoubleContext } from './workbookDoubleCore';
import { doubleErrors } from './workbookDoubleErrors';
import { getCell, newId, parseAddress, type Rect, type SheetModel, type WorkbookModel } from './workbookDoubleModel';
import { RangeDouble } from './workbookDoubleRanges';
import { assertEditable, model, type RangeTarget } from './workbookDoubleShared';

export interface TableModel {
  readonly id: string;
  name: string;
  readonly rect: Rect;
  readonly hasHeaders: boolean;
  style: string;
}

export interface ChartSeriesModel {
  readonly name: string;
  chartType: string;
  readonly values: Rect;
  readonly categories: Rect;
}

export interface ChartModel {
  readonly id: string;
  name: string;
  readonly type: string;
  readonly source: Rect;
  readonly series: ChartSeriesModel[];
  title: string;
  legendPosition: string;
  /** Cells the chart covers after setPosition (top-left, bottom-right). */
  position?: { readonly start: Rect; readonly end?: Rect };
}

/** Excel.ChartType names the double accepts (the common ones; others are InvalidArgument here). */
const CHART_TYPES = new Set([
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  'BarClustered',
  'BarStacked',
  'BarStacked100',
  'Line',
  'LineMarkers',
  'LineStacked',
  'Pie',
  'Doughnut',
  'Area',
  'XYScatter',
]);

/** A table name Excel accepts: a letter, _ or \ first, then no space or punctuation Excel refuses. */
const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;

function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function allTables(m: WorkbookModel): { sheet: SheetModel; table: TableModel }[] {
  return m.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
}

function rectOf(sheet: SheetModel, where: string, address: string | RangeDouble): Rect {
  if (typeof address === 'string') {
    const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
    const rect = parseAddress(bare);
    if (!rect) throw doubleErrors.invalidArgument(where, `not an A1 address: ${address}`);
    return rect;
  }
  const target = address._resolve() as RangeTarget | null;
  if (!target || target.sheet !== sheet) throw doubleErrors.invalidArgument(where, 'range on another sheet');
  return target.rect;
}

function text(sheet: SheetModel, row: number, col: number): string | null {
  const v = getCell(sheet, row, col)?.value;
  return v === undefined || v === null || v === '' ? null : typeof v === 'string' ? v : null;
}

// ───────────────────────────── tables ─────────────────────────────

export class TableCollectionDouble extends DoubleCollection<TableDouble> {
  readonly _typeName = 'TableCollection';

  /** `sheetScoped`: worksheet.tables (that sheet's) or workbook.tables (every sheet's). */
  constructor(
    ctx: DoubleContext,
    parent: DoubleObject,
    private readonly sheetScoped: boolean,
  ) {
    super(ctx, { parent, name: 'Tables', resolve: () => parent._resolve() });
  }

  protected _itemsOf(target: SheetModel | WorkbookModel): readonly unknown[] {
    return this.sheetScoped ? [...(target as SheetModel).tables] : allTables(target as WorkbookModel).map((t) => t.table);
  }

  protected _itemProxy(table: TableModel): TableDouble {
    return new TableDouble(this._ctx, this, 'GetItem', [table.id], () => aliveTable(this._ctx, table));
  }

  add(address: string | RangeDouble, hasHeaders: boolean): TableDouble {
    if (!this.sheetScoped) throw new Error('workbook double: workbook.tables.add is not modelled; use worksheet.tables.add');
    let created: TableModel | undefined;
    const proxy = new TableDouble(this._ctx, this, 'Add', [address, hasHeaders], () => {
      if (!created) throw doubleErrors.itemNotFound('TableCollection.add (not synced yet)');
      return aliveTable(this._ctx, created);
    });
    this._call('Add', [address, hasHeaders], (sheet: SheetModel) => {
      assertEditable(sheet, 'TableCollection.add');
      const rect = rectOf(sheet, 'TableCollection.add', address);
      if (sheet.tables.some((t) => overlaps(t.rect, rect))) throw doubleErrors.invalidArgument('TableCollection.add', "A table can't overlap another table.");
      if (hasHeaders) {
        const heads: string[] = [];
        for (let c = rect.left; c <= rect.right; c++) {
          const head = text(sheet, rect.top, c);
          if (head === null || heads.includes(head)) throw new Error(`workbook double: header cell ${c} of the new table is empty, not text or repeated; Excel would rename it (not modelled)`);
          heads.push(head);
        }
      } else throw new Error('workbook double: a table without headers is not modelled (Excel inserts a header row)');
      const m = model(this._ctx);
      const taken = new Set(allTables(m).map((t) => t.table.name.toLowerCase()));
      let n = 1;
      while (taken.has(`table${n}`)) n++;
      created = { id: newId(m, '{table-'), name: `Table${n}`, rect, hasHeaders, style: 'TableStyleMedium2' };
      sheet.tables.push(created);
    });
    return proxy;
  }

  getCount(): ClientResultDouble<number> {
    const result = new ClientResultDouble<number>();
    this._call('GetCount', [], (t: SheetModel | WorkbookModel) => this._itemsOf(t).length, result);
    return result;
  }
}

function aliveTable(ctx: DoubleContext, table: TableModel): { sheet: SheetModel; table: TableModel } {
  const found = allTables(model(ctx)).find((t) => t.table === table);
  if (!found) throw doubleErrors.itemNotFound('Table');
  return found;
}

export class TableDouble extends DoubleObject {
  readonly _typeName = 'Table';

  constructor(ctx: DoubleContext, parent: DoubleObject, method: string, args: readonly unknown[], resolve: () => unknown) {
    super(ctx, { parent, name: method, args, type: PATH.method, resolve });
  }

  protected override _scalars(): Record<string, (t: { table: TableModel }) => unknown> {
    return { id: (t) => t.table.id, name: (t) => t.table.name, style: (t) => t.table.style, showHeaders: (t) => t.table.hasHeaders };
  }

  get name(): string {
    return this._get('name');
  }
  set name(value: string) {
    this._set('name', value, (t: { table: TableModel }, v: string) => {
      if (!TABLE_NAME.test(v)) throw doubleErrors.invalidArgument('Table.name', `not a table name: ${v}`);
      const clash = allTables(model(this._ctx)).some((o) => o.table !== t.table && o.table.name.toLowerCase() === v.toLowerCase());
      if (clash) throw doubleErrors.invalidArgument('Table.name', `a table named ${v} already exists in the workbook`);
      t.table.name = v;
    });
  }
  get style(): string {
    return this._get('style');
  }
  set style(value: string) {
    this._set('style', value, (t: { table: TableModel }, v: string) => {
      t.table.style = v;
    });
  }

  getRange(): RangeDouble {
    return new RangeDouble(this._ctx, this, 'GetRange', [], this._from((t: { sheet: SheetModel; table: TableModel }) => ({ sheet: t.sheet, rect: t.table.rect })));
  }
}

// ───────────────────────────── charts ─────────────────────────────

interface ChartTarget {
  readonly sheet: SheetModel;
  readonly chart: ChartModel;
}

function aliveChart(ctx: DoubleContext, sheet: SheetModel, chart: ChartModel): ChartTarget {
  if (!model(ctx).sheets.includes(sheet) || !sheet.charts.includes(chart)) throw doubleErrors.itemNotFound('Chart');
  return { sheet, chart };
}

/** Excel's reading of a plain block, series by columns: names in the header row, categories on the left. */
function seriesOf(sheet: SheetModel, source: Rect, type: string): ChartSeriesModel[] {
  const corner = getCell(sheet, source.top, source.left)?.value;
  if (corner !== undefined && corner !== null && corner !== '') {
    throw new Error('workbook double: a chart source whose top-left cell is not empty is not modelled (Excel guesses)');
  }
  if (source.right <= source.left || source.bottom <= source.top) throw new Error('workbook double: a chart source needs a header row, a category column and data');
  const categories: Rect = { top: source.top + 1, left: source.left, bottom: source.bottom, right: source.left };
  const series: ChartSeriesModel[] = [];
  for (let c = source.left + 1; c <= source.right; c++) {
    const name = text(sheet, source.top, c);
    if (name === null) throw new Error(`workbook double: series header in column ${c} is not text (not modelled)`);
    series.push({ name, chartType: type, values: { top: source.top + 1, left: c, bottom: source.bottom, right: c }, categories });
  }
  return series;
}

export class ChartCollectionDouble extends DoubleCollection<ChartDouble> {
  readonly _typeName = 'ChartCollection';

  constructor(ctx: DoubleContext, parent: DoubleObject) {
    super(ctx, { parent, name: 'Charts', resolve: () => parent._resolve() });
  }

  protected _itemsOf(sheet: SheetModel): readonly unknown[] {
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }

  protected _itemProxy(item: ChartTarget): ChartDouble {
    return new ChartDouble(this._ctx, this, 'GetItem', [item.chart.name], () => aliveChart(this._ctx, item.sheet, item.chart));
  }

  add(type: string, sourceData: RangeDouble, seriesBy: string = 'Auto'): ChartDouble {
    let created: ChartTarget | undefined;
    const proxy = new ChartDouble(this._ctx, this, 'Add', [type, sourceData, seriesBy], () => {
      if (!created) throw doubleErrors.itemNotFound('ChartCollection.add (not synced yet)');
      return aliveChart(this._ctx, created.sheet, created.chart);
    });
    this._call('Add', [type, sourceData, seriesBy], (sheet: SheetModel) => {
      assertEditable(sheet, 'ChartCollection.add');
      if (!CHART_TYPES.has(type)) throw doubleErrors.invalidArgument('ChartCollection.add', `chart type ${type}`);
      if (seriesBy === 'Rows') throw new Error('workbook double: series by rows is not modelled');
      const source = rectOf(sheet, 'ChartCollection.add', sourceData);
      const m = model(this._ctx);
      const chart: ChartModel = { id: newId(m, '{chart-'), name: `Chart ${sheet.charts.length + 1}`, type, source, series: seriesOf(sheet, source, type), title: '', legendPosition: 'Right' };
      sheet.charts.push(chart);
      created = { sheet, chart };
    });
    return proxy;
  }

  getItemAt(index: number): ChartDouble {
    return new ChartDouble(this._ctx, this, 'GetItemAt', [index], this._from((sheet: SheetModel) => {
      const chart = sheet.charts[index];
      if (!chart) throw doubleErrors.itemNotFound(`ChartCollection.getItemAt(${index})`);
      return { sheet, chart };
    }));
  }

  getCount(): ClientResultDouble<number> {
    const result = new ClientResultDouble<number>();
    this._call('GetCount', [], (sheet: SheetModel) => sheet.charts.length, result);
    return result;
  }
}

export class ChartDouble extends DoubleObject {
  readonly _typeName = 'Chart';

  constructor(ctx: DoubleContext, parent: DoubleObject, method: string, args: readonly unknown[], resolve: () => unknown) {
    super(ctx, { parent, name: method, args, type: PATH.method, resolve });
  }

  protected override _scalars(): Record<string, (t: ChartTarget) => unknown> {
    return { id: (t) => t.chart.id, name: (t) => t.chart.name, chartType: (t) => t.chart.type };
  }

  protected override _navigations(): Record<string, () => DoubleObject> {
    return { title: () => this.title, legend: () => this.legend, series: () => this.series };
  }

  get name(): string {
    return this._get('name');
  }
  set name(value: string) {
    this._set('name', value, (t: ChartTarget, v: string) => {
      t.chart.name = v;
    });
  }

  get title(): ChartTitleDouble {
    return this._child('title', () => new ChartTitleDouble(this._ctx, this));
  }

  get legend(): ChartLegendDouble {
    return this._child('legend', () => new ChartLegendDouble(this._ctx, this));
  }

  get series(): ChartSeriesCollectionDouble {
    return this._child('series', () => new ChartSeriesCollectionDouble(this._ctx, this));
  }

  setPosition(startCell: string | RangeDouble, endCell?: string | RangeDouble): void {
    this._call('SetPosition', endCell === undefined ? [startCell] : [startCell, endCell], (t: ChartTarget) => {
      const start = rectOf(t.sheet, 'Chart.setPosition', startCell);
      const end = endCell === undefined ? undefined : rectOf(t.sheet, 'Chart.setPosition', endCell);
      t.chart.position = { start, ...(end && { end }) };
    });
  }
}

export class ChartTitleDouble extends DoubleObject {
  readonly _typeName = 'ChartTitle';

  constructor(ctx: DoubleContext, parent: ChartDouble) {
    super(ctx, { parent, name: 'Title', resolve: () => parent._resolve() });
  }

  protected override _scalars(): Record<string, (t: ChartTarget) => unknown> {
    return { text: (t) => t.chart.title };
  }

  get text(): string {
    return this._get('text');
  }
  set text(value: string) {
    this._set('text', value, (t: ChartTarget, v: string) => {
      t.chart.title = v;
    });
  }
}

export class ChartLegendDouble extends DoubleObject {
  readonly _typeName = 'ChartLegend';

  constructor(ctx: DoubleContext, parent: ChartDouble) {
    super(ctx, { parent, name: 'Legend', resolve: () => parent._resolve() });
  }

  protected override _scalars(): Record<string, (t: ChartTarget) => unknown> {
    return { position: (t) => t.chart.legendPosition };
  }

  get position(): string {
    return this._get('position');
  }
  set position(value: string) {
    this._set('position', value, (t: ChartTarget, v: string) => {
      if (!['Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom', 'Invalid'].includes(v)) throw doubleErrors.invalidArgument('ChartLegend.position', v);
      t.chart.legendPosition = v;
    });
  }
}

interface SeriesTarget {
  readonly chart: ChartModel;
  readonly series: ChartSeriesModel;
}

export class ChartSeriesCollectionDouble extends DoubleCollection<ChartSeriesDouble> {
  readonly _typeName = 'ChartSeriesCollection';

  constructor(ctx: DoubleContext, parent: ChartDouble) {
    super(ctx, { parent, name: 'Series', resolve: () => parent._resolve() });
  }

  protected _itemsOf(t: ChartTarget): readonly unknown[] {
    return t.chart.series.map((series) => ({ chart: t.chart, series }));
  }

  protected _itemProxy(item: SeriesTarget, index: number): ChartSeriesDouble {
    return new ChartSeriesDouble(this._ctx, this, 'GetItemAt', [index], () => item);
  }

  getItemAt(index: number): ChartSeriesDouble {
    return new ChartSeriesDouble(this._ctx, this, 'GetItemAt', [index], this._from((t: ChartTarget) => {
      const series = t.chart.series[index];
      if (!series) throw doubleErrors.itemNotFound(`ChartSeriesCollection.getItemAt(${index})`);
      return { chart: t.chart, series };
    }));
  }

  getCount(): ClientResultDouble<number> {
    const result = new ClientResultDouble<number>();
    this._call('GetCount', [], (t: ChartTarget) => t.chart.series.length, result);
    return result;
  }
}

export class ChartSeriesDouble extends DoubleObject {
  readonly _typeName = 'ChartSeries';

  constructor(ctx: DoubleContext, parent: DoubleObject, method: string, args: readonly unknown[], resolve: () => unknown) {
    super(ctx, { parent, name: method, args, type: PATH.method, resolve });
  }

  protected override _scalars(): Record<string, (t: SeriesTarget) => unknown> {
    return { name: (t) => t.series.name, chartType: (t) => t.series.chartType };
  }

  get name(): string {
    return this._get('name');
  }

  /** ExcelApi 1.7. */
  get chartType(): string {
    return this._get('chartType');
  }
  set chartType(value: string) {
    this._set('chartType', value, (t: SeriesTarget, v: string) => {
      if (this._ctx.env.excelApiMinor < 7) throw doubleErrors.apiNotFound('ChartSeries.chartType');
      if (!CHART_TYPES.has(v)) throw doubleErrors.invalidArgument('ChartSeries.chartType', v);
      t.series.chartType = v;
    });
  }
}
