/**
 * The workbook double's entry objects: Workbook, the worksheet collection, a
 * Worksheet and its protection. Ranges, conditional formats, notes, XML parts and
 * settings live in their own workbookDouble* modules. Each property, navigation and
 * method mirrors the Office.js name and behaviour where the add-in depends on it;
 * everything else is left out on purpose.
 */
import { ChartCollectionDouble, TableCollectionDouble } from './workbookDoubleCharts';
import { ClientResultDouble, DoubleCollection, DoubleObject, PATH, type DoubleContext } from './workbookDoubleCore';
import { RichApiErrorDouble, doubleErrors } from './workbookDoubleErrors';
import { WHOLE_SHEET, buildSheet, parseAddress, usedRect, type SheetModel, type WorkbookModel } from './workbookDoubleModel';
import { insertBook, renameSheet, type InsertOptions } from './workbookDoubleImport';
import { NoteCollectionDouble } from './workbookDoubleNotes';
import { RangeDouble } from './workbookDoubleRanges';
import { assertAlive, findSheet, model } from './workbookDoubleShared';
import { CustomXmlPartCollectionDouble, SettingCollectionDouble } from './workbookDoubleStorage';

export { rootNamespace } from './workbookDoubleStorage';

// ───────────────────────────── workbook ─────────────────────────────

export class WorkbookDouble extends DoubleObject {
  readonly _typeName = 'Workbook';

  constructor(ctx: DoubleContext) {
    super(ctx, { name: '', type: PATH.global, resolve: () => model(ctx) });
  }

  get worksheets(): WorksheetCollectionDouble {
    return this._child('worksheets', () => new WorksheetCollectionDouble(this._ctx, this));
  }

  get customXmlParts(): CustomXmlPartCollectionDouble {
    return this._child('customXmlParts', () => new CustomXmlPartCollectionDouble(this._ctx, this));
  }

  get settings(): SettingCollectionDouble {
    return this._child('settings', () => new SettingCollectionDouble(this._ctx, this));
  }

  get application(): ApplicationDouble {
    return this._child('application', () => new ApplicationDouble(this._ctx, this));
  }

  /** Every table of every sheet (names are unique in the workbook). */
  get tables(): TableCollectionDouble {
    return this._child('tables', () => new TableCollectionDouble(this._ctx, this, false));
  }

  /** ExcelApi 1.1: the selection, always on the active sheet (A1 there when nothing was selected). */
  getSelectedRange(): RangeDouble {
    return new RangeDouble(this._ctx, this, 'GetSelectedRange', [], () => {
      const m = model(this._ctx);
      const sheet = m.activeSheet && m.sheets.includes(m.activeSheet) ? m.activeSheet : m.sheets[0];
      if (!sheet) throw doubleErrors.itemNotFound('Workbook.getSelectedRange');
      const selected = m.selection?.sheet === sheet.name ? parseAddress(m.selection.address) : undefined;
      return { sheet, rect: selected ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  /** ExcelApi 1.13 (workbookDoubleImport.ts says what is documented and what is assumed). */
  insertWorksheetsFromBase64(base64File: string, options?: InsertOptions): ClientResultDouble<string[]> {
    const result = new ClientResultDouble<string[]>();
    this._call('InsertWorksheetsFromBase64', [base64File, options ?? {}], (m: WorkbookModel) => {
      if (this._ctx.env.excelApiMinor < 13) throw doubleErrors.apiNotFound('Workbook.insertWorksheetsFromBase64');
      return insertBook(m, this._ctx.env.readBook, base64File, options, this._ctx.env.limits.insertFailsAfterInserting);
    }, result);
    return result;
  }

  protected override _navigations(): Record<string, () => DoubleObject> {
    return {
      worksheets: () => this.worksheets,
      customXmlParts: () => this.customXmlParts,
      settings: () => this.settings,
      application: () => this.application,
      tables: () => this.tables,
    };
  }
}

/** Only calculate(): the double computes nothing, it records what was asked. */
export class ApplicationDouble extends DoubleObject {
  readonly _typeName = 'Application';

  constructor(ctx: DoubleContext, parent: WorkbookDouble) {
    super(ctx, { parent, name: 'Application', resolve: () => model(ctx) });
  }

  calculate(calculationType: string): void {
    this._call('Calculate', [calculationType], (m: WorkbookModel) => {
      m.calculations.push(calculationType);
    });
  }
}

// ───────────────────────────── worksheets ─────────────────────────────

export class WorksheetCollectionDouble extends DoubleCollection<WorksheetDouble> {
  readonly _typeName = 'WorksheetCollection';

  constructor(ctx: DoubleContext, parent: WorkbookDouble) {
    super(ctx, { parent, name: 'Worksheets', resolve: () => model(ctx) });
  }

  protected _itemsOf(target: WorkbookModel): readonly unknown[] {
    return [...target.sheets];
  }

  protected _itemProxy(sheet: SheetModel): WorksheetDouble {
    return new WorksheetDouble(this._ctx, this, 'GetItem', [sheet.id], () => assertAlive(this._ctx, sheet, 'Worksheet'));
  }

  getItem(key: string): WorksheetDouble {
    return new WorksheetDouble(this._ctx, this, 'GetItem', [key], () => {
      const sheet = findSheet(this._ctx, key);
      if (!sheet) throw doubleErrors.itemNotFound(`Worksheets.getItem(${key})`);
      return sheet;
    });
  }

  getItemOrNullObject(key: string): WorksheetDouble {
    return new WorksheetDouble(this._ctx, this, 'GetItemOrNullObject', [key], () => findSheet(this._ctx, key) ?? null);
  }

  getActiveWorksheet(): WorksheetDouble {
    return new WorksheetDouble(this._ctx, this, 'GetActiveWorksheet', [], () => {
      const m = model(this._ctx);
      const active = m.activeSheet && m.sheets.includes(m.activeSheet) ? m.activeSheet : m.sheets[0];
      if (!active) throw doubleErrors.itemNotFound('Worksheets.getActiveWorksheet');
      return active;
    });
  }

  getCount(): ClientResultDouble<number> {
    const result = new ClientResultDouble<number>();
    this._call('GetCount', [], (m: WorkbookModel) => m.sheets.length, result);
    return result;
  }

  /** A new empty sheet at the end; a name Excel already has (any case) fails the sync with ItemAlreadyExists. */
  add(name: string): WorksheetDouble {
    let created: SheetModel | undefined;
    const proxy = new WorksheetDouble(this._ctx, this, 'Add', [name], () => {
      if (!created) throw doubleErrors.itemNotFound('WorksheetCollection.add (not synced yet)');
      return assertAlive(this._ctx, created, 'Worksheet');
    });
    this._call('Add', [name], (m: WorkbookModel) => {
      if (findSheet(this._ctx, name)) throw new RichApiErrorDouble('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', 'WorksheetCollection.add');
      created = buildSheet(m, { name });
      m.sheets.push(created);
    });
    return proxy;
  }
}

export class WorksheetDouble extends DoubleObject {
  readonly _typeName = 'Worksheet';

  constructor(ctx: DoubleContext, parent: DoubleObject, method: string, args: readonly unknown[], resolve: () => SheetModel | null) {
    super(ctx, { parent, name: method, args, type: PATH.method, resolve });
  }

  protected override _scalars(): Record<string, (t: SheetModel) => unknown> {
    return {
      name: (s) => s.name,
      id: (s) => s.id,
      position: (s) => model(this._ctx).sheets.indexOf(s),
      visibility: (s) => s.visibility,
    };
  }

  protected override _navigations(): Record<string, () => DoubleObject> {
    return { protection: () => this.protection, notes: () => this.notes, tables: () => this.tables, charts: () => this.charts };
  }

  get name(): string {
    return this._get('name');
  }
  set name(value: string) {
    this._set('Name', value, (sheet: SheetModel, v: string) => renameSheet(model(this._ctx), sheet, v));
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  get visibility(): string {
    return this._get('visibility');
  }

  get protection(): WorksheetProtectionDouble {
    return this._child('protection', () => new WorksheetProtectionDouble(this._ctx, this));
  }

  get tables(): TableCollectionDouble {
    return this._child('tables', () => new TableCollectionDouble(this._ctx, this, true));
  }

  get charts(): ChartCollectionDouble {
    return this._child('charts', () => new ChartCollectionDouble(this._ctx, this));
  }

  /** ExcelApi 1.18: an ApiNotFound error at sync on hosts that lack it. */
  get notes(): NoteCollectionDouble {
    return this._child('notes', () => new NoteCollectionDouble(this._ctx, this));
  }

  getRange(address?: string): RangeDouble {
    return new RangeDouble(this._ctx, this, 'GetRange', address === undefined ? [] : [address], this._from((sheet: SheetModel) => {
      if (address === undefined) return { sheet, rect: WHOLE_SHEET };
      const rect = parseAddress(address);
      if (!rect) throw doubleErrors.invalidArgument(`Worksheet.getRange(${address})`, 'not an A1 address');
      return { sheet, rect };
    }));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeDouble {
    return new RangeDouble(this._ctx, this, 'GetRangeByIndexes', [startRow, startColumn, rowCount, columnCount], this._from((sheet: SheetModel) => {
      if (rowCount < 1 || columnCount < 1) throw doubleErrors.invalidArgument('Worksheet.getRangeByIndexes', 'empty range');
      return { sheet, rect: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 } };
    }));
  }

  getCell(row: number, column: number): RangeDouble {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeDouble {
    return new RangeDouble(this._ctx, this, 'GetUsedRangeOrNullObject', [valuesOnly], this._from((sheet: SheetModel) => {
      const rect = usedRect(sheet, valuesOnly);
      return rect ? { sheet, rect } : null;
    }));
  }

  getUsedRange(valuesOnly = false): RangeDouble {
    return new RangeDouble(this._ctx, this, 'GetUsedRange', [valuesOnly], this._from((sheet: SheetModel) => ({
      sheet,
      rect: usedRect(sheet, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
    })));
  }

  activate(): void {
    this._call('Activate', [], (sheet: SheetModel) => {
      model(this._ctx).activeSheet = sheet;
    });
  }

  /** Removes the sheet; Excel refuses to delete the only sheet (InvalidOperation). */
  delete(): void {
    this._call('Delete', [], (sheet: SheetModel) => {
      const m = model(this._ctx);
      if (m.sheets.length <= 1) throw doubleErrors.invalidOperation('Worksheet.delete');
      m.sheets.splice(m.sheets.indexOf(sheet), 1);
      if (m.activeSheet === sheet) m.activeSheet = m.sheets[0];
    });
  }
}

export class WorksheetProtectionDouble extends DoubleObject {
  readonly _typeName = 'WorksheetProtection';

  constructor(ctx: DoubleContext, parent: WorksheetDouble) {
    super(ctx, { parent, name: 'Protection', resolve: () => parent._resolve() });
  }

  protected override _scalars(): Record<string, (t: SheetModel) => unknown> {
    return { protected: (s) => s.protected };
  }

  get protected(): boolean {
    return this._get('protected');
  }
}
