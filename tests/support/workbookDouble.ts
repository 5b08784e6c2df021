/**
 * An in-memory Excel for tests: `createWorkbookDouble(sheets).run` behaves like
 * `Excel.run` where the add-in depends on it —
 *   - reading a property before `load()` + `context.sync()` throws PropertyNotLoaded;
 *   - writes (values, formulas, conditional formats, notes, XML parts) are queued and
 *     happen only at sync, in order, without rollback when a later one fails;
 *   - every sync is counted and its request and response measured as Office.js
 *     would serialise them; over 5 MB the sync fails like Excel on the web;
 *   - changing a protected sheet fails the sync with AccessDenied;
 *   - text derives from the number format (0.63 with '0.0%' shows '63.0%');
 *   - Range.formulas gives a cell without a formula its value, so text typed as '=A1+1 reads back
 *     as "=A1+1" there, without the apostrophe, as office-js issue #6687 reports of Excel.
 * Inspection helpers let tests look at the workbook without going through sync,
 * and "officer" helpers change it between runs (typing, protecting, renaming).
 *
 * Browser-safe (no Node imports): `installOfficeGlobals` lets the e2e page use it
 * as the host behind a stub office.js.
 *
 * Modules: workbookDoubleModel (cells, addresses, text), workbookDoubleCore (queue,
 * sync, sizes), workbookDoubleObjects / Ranges / Notes / Storage (the API objects).
 *
 * Not modelled, on purpose or for want of facts (check these in real Excel):
 *   - sizes follow Office.js's request shape (object paths + actions), not its exact bytes;
 *   - no calculation: a formula's value is what the test gave, or its last known result;
 *   - typed-text coercion knows numbers, percents, TRUE/FALSE, "=…" and the apostrophe,
 *     not dates, times, currencies or Japanese-locale input; number formats render via
 *     numfmt in en-US (和暦 formats may differ from Excel);
 *   - writes into the hidden cells of a merged area are not refused;
 *   - limits of real Excel (512 merged areas per lookup, five million cells per read) and
 *     misbehaviours reported in office-js issues are options (WorkbookDoubleOptions);
 *   - conditional formats other than 'Custom' carry only their type; protection has no
 *     options (a protected sheet refuses every change);
 *   - children of a null object are null and methods on one fail with ItemNotFound;
 *     `customOrNullObject` inside a collection load gives null objects for other
 *     types (Excel's behaviour there is assumed, not verified);
 *   - no events, calculation modes, tracked objects, co-authoring or Excel.run overloads.
 */
import { DoubleContext } from './workbookDoubleCore';
import { RichApiErrorDouble } from './workbookDoubleErrors';
import {
  MAX_COLUMNS,
  a1,
  buildSheet,
  cellFromInput,
  displayText,
  cellKey,
  getCell,
  newId,
  parseAddress,
  putCell,
  rectAddress,
  type CellInput,
  type CellScalar,
  type SheetModel,
  type SheetSpec,
  type WorkbookModel,
} from './workbookDoubleModel';
import type { ReadBook } from './workbookDoubleImport';
import { WorkbookDouble as WorkbookProxy, rootNamespace } from './workbookDoubleObjects';

export type { CellInput, SheetSpec } from './workbookDoubleModel';
export { RichApiErrorDouble } from './workbookDoubleErrors';

export interface WorkbookDoubleOptions {
  /** Highest ExcelApi requirement set the host supports; notes need '1.18' (the default). */
  readonly excelApi?: string;
  /** Excel on the web's limit; 5,000,000 bytes by default (the stricter reading of "5 MB"). */
  readonly requestLimitBytes?: number;
  readonly responseLimitBytes?: number;
  /** The sheet the officer is looking at; the first sheet by default. */
  readonly activeSheet?: string;

  // Limits of real Excel. Documented ones are on by default; reported ones are options, off by default.

  /**
   * "A range is limited to five million cells for get operations" (Excel performance page,
   * "Payload size limit best practices"). Lower it to test a big read without five million cells.
   */
  readonly maxReadCells?: number;
  /**
   * Over maxReadCells, Range.values "doesn't always throw an error. In some cases, Range.values
   * returns null instead" (Excel performance page; office-js-docs-pr PR #5821). Off: the read fails
   * with RangeExceedsLimit. On: values, text, numberFormat and formulas come back null (the note
   * names values; that the other arrays do the same is assumed).
   */
  readonly oversizedReadReturnsNull?: boolean;
  /**
   * Range.getMergedAreasOrNullObject: "if the merged areas count in this range is more than 512,
   * then this method will fail to return the result" (API reference, ExcelApi 1.13). Always so in
   * Excel, hence on (512) by default; the sync fails with GeneralException (the code is not
   * documented).
   */
  readonly mergedAreaLimit?: number;
  /**
   * office-js issue #3611 (open): getMergedAreasOrNullObject returns only the merged areas whose
   * top-left cell is inside the range, not every one that overlaps it. Off by default.
   */
  readonly mergedAreasTopLeftOnly?: boolean;
  /**
   * office-js issues #1314, #1012 (Excel on the web): a response too big came back as
   * GeneralException ("An internal error has occurred"), not ResponsePayloadSizeLimitExceeded.
   * Off by default (the payload codes); on, both size limits fail with GeneralException.
   */
  readonly oversizeAsGeneralException?: boolean;
  /**
   * office-js issues #6827, #6835 (open): with two cell-value rules on the same range (a rule the
   * officer duplicated in Manage Rules), loading the sheet's conditional formats throws. Off by
   * default; on, a load of a conditional-format collection that holds two 'CellValue' rules with
   * the same range fails the sync with GeneralException.
   */
  readonly conditionalFormatsFailOnDuplicateCellValueRules?: boolean;
  /**
   * office-js issue #5222 (open): deleting one of several rules on the same range failed with
   * ItemNotFound. Off by default; on, ConditionalFormat.delete() fails (ItemNotFound, at
   * ConditionalFormat.delete) while another rule on the sheet has exactly the same range.
   */
  readonly conditionalFormatDeleteFailsOnSharedRange?: boolean;
  /**
   * Suspected, not reported for Office.js: VBA's Range.SpecialCells has failed on protected sheets.
   * Off by default; on, Range.getSpecialCellsOrNullObject on a protected sheet fails the sync with
   * GeneralException (the least telling code Excel has).
   */
  readonly specialCellsFailOnProtectedSheet?: boolean;
  /**
   * How insertWorksheetsFromBase64 reads a file into sheets: `readBookForDouble` (the project's
   * reader, Node), or sheets read beforehand (the e2e page). Without it the call fails.
   */
  readonly readBook?: ReadBook;
  /**
   * office-js issue #3179: insertWorksheetsFromBase64 placed the sheets and still returned an
   * error. Off by default; on, the call inserts the sheets and then fails the sync with
   * GeneralException.
   */
  readonly insertFailsAfterInserting?: boolean;
}

export interface CellView {
  /** null for an empty cell. */
  readonly value: CellScalar;
  readonly text: string;
  readonly formula: string | undefined;
  readonly numberFormat: string;
  readonly note: string | undefined;
}

export interface ConditionalFormatView {
  readonly id: string;
  readonly type: string;
  /** "G5:G9" (several areas joined with ","). */
  readonly range: string;
  readonly formula: string | undefined;
  readonly fill: string | null | undefined;
  readonly fontColor: string | null | undefined;
}

export interface TableView {
  readonly sheet: string;
  readonly name: string;
  /** "A40:L57" */
  readonly range: string;
  readonly hasHeaders: boolean;
  readonly style: string;
}

export interface ChartView {
  readonly name: string;
  readonly type: string;
  readonly title: string;
  readonly legendPosition: string;
  /** "A60:I66" */
  readonly source: string;
  readonly series: readonly { readonly name: string; readonly chartType: string; readonly values: string; readonly categories: string }[];
  /** The cells it covers after setPosition: "A25" and "H43"; undefined when never placed. */
  readonly position?: { readonly start: string; readonly end?: string };
}

export interface CustomXmlPartView {
  readonly id: string;
  readonly namespaceUri: string;
  readonly xml: string;
}

export type ExcelRunDouble = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface WorkbookDoubleHandle {
  /** Use as Excel.run. */
  readonly run: ExcelRunDouble;
  readonly syncCount: number;
  /** Bytes of each sync's request / response, in order. */
  readonly requestBytes: readonly number[];
  readonly responseBytes: readonly number[];
  resetCounters(): void;
  isSetSupported(name: string, minVersion?: string): boolean;

  sheetNames(): string[];
  getCell(sheet: string, address: string): CellView;
  /** Every cell of every sheet that holds something (value, formula, format or note), by sheet and address. */
  allCells(): Record<string, Record<string, CellView>>;
  conditionalFormats(sheet: string): ConditionalFormatView[];
  /** Tables of one sheet, or of every sheet. */
  tables(sheet?: string): TableView[];
  charts(sheet: string): ChartView[];
  notes(sheet: string): { address: string; content: string }[];
  customXmlParts(namespaceUri?: string): CustomXmlPartView[];
  settings(): Record<string, unknown>;
  /** Calculation types requested through application.calculate, in order. */
  calculations(): string[];
  selection(): { sheet: string; address: string } | undefined;
  activeSheet(): string | undefined;
  isProtected(sheet: string): boolean;
  /** The data-validation rule of one cell ("J2"), undefined when it has none. */
  validation(sheet: string, address: string): Readonly<Record<string, unknown>> | undefined;

  /** The officer types into a cell between runs. */
  setCell(sheet: string, address: string, input: CellInput): void;
  setProtected(sheet: string, on: boolean): void;
  renameSheet(from: string, to: string): void;
  /** A rule the officer made by hand. */
  addConditionalFormat(sheet: string, range: string, rule: { type?: string; formula?: string; fill?: string; fontColor?: string }): void;
  addCustomXmlPart(xml: string): void;
  /** A table the officer made (Insert → Table), named. */
  addTable(sheet: string, range: string, name: string): void;
  /** The sheets' ids, in tab order (sheets the add-in imported are tracked by id). */
  sheetIds(): string[];
  /** The officer selects a range ("B2:G7"); its sheet becomes the active one. */
  selectRange(sheet: string, address: string): void;
}

function parseVersion(version: string | undefined): number {
  const m = /^1\.(\d+)$/.exec(version ?? '');
  return m ? Number(m[1]) : 0;
}

export function createWorkbookDouble(sheets: readonly SheetSpec[], options: WorkbookDoubleOptions = {}): WorkbookDoubleHandle {
  const model: WorkbookModel = { sheets: [], activeSheet: undefined, selection: undefined, parts: [], settings: new Map(), nextId: 0, calculations: [] };
  for (const spec of sheets) model.sheets.push(buildSheet(model, spec));
  model.activeSheet = options.activeSheet ? model.sheets.find((s) => s.name === options.activeSheet) : model.sheets[0];
  const stats = { syncCount: 0, requestBytes: [] as number[], responseBytes: [] as number[] };
  const env = {
    model,
    stats,
    requestLimitBytes: options.requestLimitBytes ?? 5_000_000,
    responseLimitBytes: options.responseLimitBytes ?? 5_000_000,
    excelApiMinor: parseVersion(options.excelApi ?? '1.18'),
    ...(options.readBook && { readBook: options.readBook }),
    limits: {
      oversizeAsGeneralException: options.oversizeAsGeneralException ?? false,
      maxReadCells: options.maxReadCells ?? 5_000_000,
      oversizedReadReturnsNull: options.oversizedReadReturnsNull ?? false,
      mergedAreaLimit: options.mergedAreaLimit ?? 512,
      mergedAreasTopLeftOnly: options.mergedAreasTopLeftOnly ?? false,
      conditionalFormatsFailOnDuplicateCellValueRules: options.conditionalFormatsFailOnDuplicateCellValueRules ?? false,
      conditionalFormatDeleteFailsOnSharedRange: options.conditionalFormatDeleteFailsOnSharedRange ?? false,
      specialCellsFailOnProtectedSheet: options.specialCellsFailOnProtectedSheet ?? false,
      insertFailsAfterInserting: options.insertFailsAfterInserting ?? false,
    },
  };

  const sheetNamed = (name: string): SheetModel => {
    const sheet = model.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`workbook double: no sheet "${name}"`);
    return sheet;
  };
  const cellAt = (sheet: string, address: string): { s: SheetModel; row: number; col: number } => {
    const rect = parseAddress(address);
    if (!rect || rect.top !== rect.bottom || rect.left !== rect.right) throw new Error(`workbook double: not a cell address "${address}"`);
    return { s: sheetNamed(sheet), row: rect.top, col: rect.left };
  };
  const view = (s: SheetModel, row: number, col: number): CellView => {
    const cell = getCell(s, row, col);
    return {
      value: cell?.value ?? null,
      text: displayText(cell),
      formula: cell?.formula,
      numberFormat: cell?.numberFormat ?? 'General',
      note: s.notes.find((n) => n.row === row && n.col === col)?.content,
    };
  };

  const run: ExcelRunDouble = async (batch) => {
    const context = new DoubleContext(env, (c) => new WorkbookProxy(c));
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      // Excel.run sends whatever is still queued when the batch returns.
      if (context._pending > 0) await context.sync();
      return result;
    } finally {
      context._close();
    }
  };

  return {
    run,
    get syncCount() {
      return stats.syncCount;
    },
    get requestBytes() {
      return stats.requestBytes;
    },
    get responseBytes() {
      return stats.responseBytes;
    },
    resetCounters() {
      stats.syncCount = 0;
      stats.requestBytes.length = 0;
      stats.responseBytes.length = 0;
    },
    isSetSupported(name, minVersion) {
      return name.toLowerCase() === 'excelapi' && parseVersion(minVersion ?? '1.1') <= env.excelApiMinor;
    },

    sheetNames: () => model.sheets.map((s) => s.name),
    sheetIds: () => model.sheets.map((s) => s.id),
    getCell: (sheet, address) => {
      const { s, row, col } = cellAt(sheet, address);
      return view(s, row, col);
    },
    allCells() {
      const out: Record<string, Record<string, CellView>> = {};
      for (const s of model.sheets) {
        const cells: Record<string, CellView> = {};
        const keys = new Set<number>(s.cells.keys());
        for (const n of s.notes) keys.add(n.row * MAX_COLUMNS + n.col);
        for (const key of [...keys].sort((a, b) => a - b)) {
          const row = Math.floor(key / MAX_COLUMNS);
          const col = key % MAX_COLUMNS;
          cells[a1(row, col)] = view(s, row, col);
        }
        out[s.name] = cells;
      }
      return out;
    },
    conditionalFormats: (sheet) =>
      sheetNamed(sheet).conditionalFormats.map((cf) => ({
        id: cf.id,
        type: cf.type,
        range: cf.ranges.map(rectAddress).join(','),
        formula: cf.formula,
        fill: cf.fill,
        fontColor: cf.fontColor,
      })),
    tables: (sheet) =>
      model.sheets
        .filter((s) => sheet === undefined || s.name === sheet)
        .flatMap((s) => s.tables.map((t) => ({ sheet: s.name, name: t.name, range: rectAddress(t.rect), hasHeaders: t.hasHeaders, style: t.style }))),
    charts: (sheet) =>
      sheetNamed(sheet).charts.map((c) => ({
        name: c.name,
        type: c.type,
        title: c.title,
        legendPosition: c.legendPosition,
        source: rectAddress(c.source),
        series: c.series.map((x) => ({ name: x.name, chartType: x.chartType, values: rectAddress(x.values), categories: rectAddress(x.categories) })),
        ...(c.position && { position: { start: rectAddress(c.position.start), ...(c.position.end && { end: rectAddress(c.position.end) }) } }),
      })),
    notes: (sheet) => sheetNamed(sheet).notes.map((n) => ({ address: a1(n.row, n.col), content: n.content })),
    customXmlParts: (namespaceUri) =>
      model.parts.filter((p) => namespaceUri === undefined || p.namespaceUri === namespaceUri).map((p) => ({ ...p })),
    settings: () => Object.fromEntries([...model.settings].map(([k, v]) => [k, JSON.parse(v) as unknown])),
    calculations: () => [...model.calculations],
    selection: () => (model.selection ? { ...model.selection } : undefined),
    activeSheet: () => model.activeSheet?.name,
    isProtected: (sheet) => sheetNamed(sheet).protected,
    validation: (sheet, address) => {
      const { s, row, col } = cellAt(sheet, address);
      return s.validations.get(cellKey(row, col));
    },

    setCell(sheet, address, input) {
      const { s, row, col } = cellAt(sheet, address);
      const { cell, note } = cellFromInput(input);
      putCell(s, row, col, cell);
      if (note !== undefined) {
        const existing = s.notes.find((n) => n.row === row && n.col === col);
        if (existing) existing.content = note;
        else s.notes.push({ row, col, content: note, author: 'Officer' });
      }
    },
    setProtected(sheet, on) {
      sheetNamed(sheet).protected = on;
    },
    renameSheet(from, to) {
      sheetNamed(from).name = to;
    },
    addConditionalFormat(sheet, range, rule) {
      const rect = parseAddress(range);
      if (!rect) throw new Error(`workbook double: bad range "${range}"`);
      sheetNamed(sheet).conditionalFormats.push({
        id: newId(model, '{cf-'),
        type: rule.type ?? 'Custom',
        ranges: [rect],
        ...(rule.formula !== undefined ? { formula: rule.formula } : {}),
        fill: rule.fill ?? null,
        fontColor: rule.fontColor ?? null,
      });
    },
    addCustomXmlPart(xml) {
      const namespaceUri = rootNamespace(xml);
      if (namespaceUri === undefined) throw new Error('workbook double: custom XML part needs a root element with a namespace');
      model.parts.push({ id: newId(model, '{part-'), namespaceUri, xml });
    },
    addTable(sheet, range, name) {
      const rect = parseAddress(range);
      if (!rect) throw new Error(`workbook double: bad range "${range}"`);
      sheetNamed(sheet).tables.push({ id: newId(model, '{table-'), name, rect, hasHeaders: true, style: 'TableStyleMedium2' });
    },
    selectRange(sheet, address) {
      const s = sheetNamed(sheet);
      if (!parseAddress(address)) throw new Error(`workbook double: bad range "${address}"`);
      model.activeSheet = s;
      model.selection = { sheet: s.name, address };
    },
  };
}

const CONDITIONAL_FORMAT_TYPE = {
  custom: 'Custom',
  dataBar: 'DataBar',
  colorScale: 'ColorScale',
  iconSet: 'IconSet',
  topBottom: 'TopBottom',
  presetCriteria: 'PresetCriteria',
  containsText: 'ContainsText',
  cellValue: 'CellValue',
} as const;

const ERROR_CODES = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  itemNotFound: 'ItemNotFound',
  rangeExceedsLimit: 'RangeExceedsLimit',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  propertyNotLoaded: 'PropertyNotLoaded',
} as const;

/**
 * Puts `Excel`, `Office` and `OfficeExtension` on a global object (the page's
 * `window` in the e2e test), answering as Excel on the web with the double as
 * the workbook.
 */
export function installOfficeGlobals(double: WorkbookDoubleHandle, globalObj: object = globalThis): void {
  const info = { host: 'Excel', platform: 'OfficeOnline' } as const;
  Object.assign(globalObj, {
    Excel: {
      run: double.run,
      ConditionalFormatType: CONDITIONAL_FORMAT_TYPE,
      CalculationType: { recalculate: 'Recalculate', full: 'Full', fullRebuild: 'FullRebuild' },
      ErrorCodes: ERROR_CODES,
    },
    OfficeExtension: { Error: RichApiErrorDouble, ErrorCodes: ERROR_CODES },
    Office: {
      onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
        callback?.(info);
        return Promise.resolve(info);
      },
      context: {
        host: info.host,
        platform: info.platform,
        displayLanguage: 'ja-JP',
        contentLanguage: 'ja-JP',
        diagnostics: { host: info.host, platform: info.platform, version: '16.0.0.0' },
        requirements: { isSetSupported: (name: string, minVersion?: string) => double.isSetSupported(name, minVersion) },
      },
      HostType: { Word: 'Word', Excel: 'Excel', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
      PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    },
  });
}
