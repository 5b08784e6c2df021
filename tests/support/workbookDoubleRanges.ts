/**
 * Range, RangeAreas (merged areas) and the range-scoped conditional formats of the
 * workbook double. Conditional formats live here because Excel reaches them only
 * through a range, and ConditionalFormat.getRange() leads back to one.
 */
import { ClientResultDouble, DoubleCollection, DoubleObject, PATH, type DoubleContext } from './workbookDoubleCore';
import { doubleErrors } from './workbookDoubleErrors';
import {
  applyInput,
  cellCount,
  cellKey,
  displayText,
  getCell,
  intersects,
  MAX_COLUMNS,
  mapRect,
  newId,
  putCell,
  qualifiedAddress,
  rectAddress,
  validationType,
  valueType,
  type ConditionalFormatModel,
  type Rect,
  type SheetModel,
} from './workbookDoubleModel';
import { assertEditable, model, type RangeTarget } from './workbookDoubleShared';

const CONDITIONAL_FORMAT_TYPES = new Set(['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue']);

function normaliseColour(where: string, colour: unknown): string {
  if (typeof colour !== 'string' || !/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour)) {
    throw doubleErrors.invalidArgument(where, `colour ${String(colour)}`);
  }
  const hex = colour.slice(1);
  const full = hex.length === 3 ? hex.replace(/./g, (c) => c + c) : hex;
  return `#${full.toUpperCase()}`;
}

/**
 * A cell array of the range, or what Excel does over its read limit ("a range is limited to five
 * million cells for get operations"): RangeExceedsLimit, or null (WorkbookDoubleOptions).
 */
function readCells<T>(ctx: DoubleContext, target: RangeTarget, what: string, cell: (row: number, col: number) => T): T[][] | null {
  const { maxReadCells, oversizedReadReturnsNull } = ctx.env.limits;
  if (cellCount(target.rect) > maxReadCells) {
    if (oversizedReadReturnsNull) return null;
    throw doubleErrors.rangeExceedsLimit(`Range.${what}`);
  }
  return mapRect(target.rect, cell);
}

function writeCells(target: RangeTarget, input: unknown, where: string, write: (row: number, col: number, value: unknown) => void): void {
  assertEditable(target.sheet, where);
  const { rect } = target;
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(input)) {
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) write(r, c, input);
    return;
  }
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw doubleErrors.invalidArgument(where, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }
  input.forEach((row: unknown[], r) => row.forEach((value, c) => write(rect.top + r, rect.left + c, value)));
}

function writeInput(sheet: SheetModel, row: number, col: number, value: unknown, where: string): void {
  let next;
  try {
    next = applyInput(getCell(sheet, row, col), value);
  } catch (error) {
    throw doubleErrors.invalidArgument(where, (error as Error).message);
  }
  if (next !== 'unchanged') putCell(sheet, row, col, next);
}

export class RangeDouble extends DoubleObject {
  readonly _typeName = 'Range';

  constructor(ctx: DoubleContext, parent: DoubleObject, method: string, args: readonly unknown[], resolve: () => unknown) {
    super(ctx, { parent, name: method, args, type: PATH.method, resolve });
  }

  protected override _scalars(): Record<string, (t: RangeTarget) => unknown> {
    return {
      address: (t) => qualifiedAddress(t.sheet.name, t.rect),
      addressLocal: (t) => qualifiedAddress(t.sheet.name, t.rect),
      rowIndex: (t) => t.rect.top,
      columnIndex: (t) => t.rect.left,
      rowCount: (t) => t.rect.bottom - t.rect.top + 1,
      columnCount: (t) => t.rect.right - t.rect.left + 1,
      cellCount: (t) => cellCount(t.rect),
      values: (t) => readCells(this._ctx, t, 'values', (r, c) => getCell(t.sheet, r, c)?.value ?? ''),
      text: (t) => readCells(this._ctx, t, 'text', (r, c) => displayText(getCell(t.sheet, r, c))),
      numberFormat: (t) => readCells(this._ctx, t, 'numberFormat', (r, c) => getCell(t.sheet, r, c)?.numberFormat ?? 'General'),
      formulas: (t) =>
        readCells(this._ctx, t, 'formulas', (r, c) => {
          const cell = getCell(t.sheet, r, c);
          return cell?.formula ?? cell?.value ?? '';
        }),
      valueTypes: (t) => readCells(this._ctx, t, 'valueTypes', (r, c) => valueType(getCell(t.sheet, r, c))),
    };
  }

  protected override _navigations(): Record<string, () => DoubleObject> {
    return { conditionalFormats: () => this.conditionalFormats, dataValidation: () => this.dataValidation };
  }

  get address(): string {
    return this._get('address');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }

  get values(): unknown[][] {
    return this._get('values');
  }
  set values(input: unknown) {
    this._set('Values', input, (t: RangeTarget, v) =>
      writeCells(t, v, 'Range.values', (r, c, value) => writeInput(t.sheet, r, c, value, 'Range.values')),
    );
  }

  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(input: unknown) {
    this._set('Formulas', input, (t: RangeTarget, v) =>
      writeCells(t, v, 'Range.formulas', (r, c, value) => writeInput(t.sheet, r, c, value, 'Range.formulas')),
    );
  }

  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(input: unknown) {
    this._set('NumberFormat', input, (t: RangeTarget, v) =>
      writeCells(t, v, 'Range.numberFormat', (r, c, value) => {
        if (value === null) return;
        if (typeof value !== 'string') throw doubleErrors.invalidArgument('Range.numberFormat', 'not a string');
        const cell = getCell(t.sheet, r, c) ?? { value: null, numberFormat: 'General' };
        putCell(t.sheet, r, c, { ...cell, numberFormat: value });
      }),
    );
  }

  get conditionalFormats(): ConditionalFormatCollectionDouble {
    return this._child('conditionalFormats', () => new ConditionalFormatCollectionDouble(this._ctx, this));
  }

  /** ExcelApi 1.8. */
  get dataValidation(): DataValidationDouble {
    return this._child('dataValidation', () => new DataValidationDouble(this._ctx, this));
  }

  /**
   * ExcelApi 1.13. Null object when no merged area meets the range. Fails over 512 areas (API
   * reference); with mergedAreasTopLeftOnly, finds only areas whose top-left cell is inside the
   * range (office-js #3611).
   */
  getMergedAreasOrNullObject(): RangeAreasDouble {
    return new RangeAreasDouble(this._ctx, this, this._from((t: RangeTarget) => {
      const { mergedAreaLimit, mergedAreasTopLeftOnly } = this._ctx.env.limits;
      const rects = t.sheet.merges.filter((m) =>
        mergedAreasTopLeftOnly ? intersects({ top: m.top, left: m.left, bottom: m.top, right: m.left }, t.rect) : intersects(m, t.rect),
      );
      if (rects.length > mergedAreaLimit) {
        throw doubleErrors.generalException(`Range.getMergedAreasOrNullObject (${rects.length} merged areas > ${mergedAreaLimit})`);
      }
      return rects.length > 0 ? { sheet: t.sheet, rects } : null;
    }));
  }

  /**
   * ExcelApi 1.9. The cells of the range holding constants or formulas, of the value types asked
   * for ("LogicalNumbers", "Text", "All" …), as rectangles: runs of a row, stacked where rows
   * repeat the same run (one way Excel may cut them; the adapter must not rely on the shape).
   * Null object when no cell matches. Other cell types are not modelled.
   */
  getSpecialCellsOrNullObject(cellType: string, cellValueType = 'All'): RangeAreasDouble {
    if (cellType !== 'Constants' && cellType !== 'Formulas') throw doubleErrors.invalidArgument('Range.getSpecialCellsOrNullObject', `cell type ${cellType} is not modelled`);
    const wanted = (kind: string): boolean => cellValueType === 'All' || cellValueType.includes(kind);
    return new RangeAreasDouble(this._ctx, this, this._from((t: RangeTarget) => {
      if (t.sheet.protected && this._ctx.env.limits.specialCellsFailOnProtectedSheet) {
        throw doubleErrors.generalException('Range.getSpecialCellsOrNullObject (protected sheet)');
      }
      const cells: [number, number][] = [];
      for (const [key, cell] of t.sheet.cells) {
        const row = Math.floor(key / MAX_COLUMNS);
        const col = key % MAX_COLUMNS;
        if (row < t.rect.top || row > t.rect.bottom || col < t.rect.left || col > t.rect.right) continue;
        if (cellType === 'Formulas' ? cell.formula === undefined : cell.formula !== undefined || cell.value === null || cell.value === '') continue;
        const type = valueType(cell);
        const kind = type === 'Boolean' ? 'Logical' : type === 'Error' ? 'Error' : type === 'String' || type === 'Empty' ? 'Text' : 'Number';
        if (wanted(kind)) cells.push([row, col]);
      }
      const rects = rectanglesOf(cells);
      return rects.length > 0 ? { sheet: t.sheet, rects } : null;
    }), 'GetSpecialCellsOrNullObject', [cellType, cellValueType]);
  }

  getCell(row: number, column: number): RangeDouble {
    return new RangeDouble(this._ctx, this, 'GetCell', [row, column], this._from((t: RangeTarget) => ({
      sheet: t.sheet,
      rect: { top: t.rect.top + row, left: t.rect.left + column, bottom: t.rect.top + row, right: t.rect.left + column },
    })));
  }

  select(): void {
    this._call('Select', [], (t: RangeTarget) => {
      const m = model(this._ctx);
      m.activeSheet = t.sheet;
      m.selection = { sheet: t.sheet.name, address: rectAddress(t.rect) };
    });
  }
}

/** Cells as rectangles: the runs of each row, a run stacked on the same run of the row above. */
function rectanglesOf(cells: [number, number][]): Rect[] {
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const done: Rect[] = [];
  /** Rectangles still growing downward, by "left,right" of their run. */
  let open = new Map<string, Rect>();
  let i = 0;
  while (i < cells.length) {
    const row = cells[i]![0];
    const next = new Map<string, Rect>();
    while (i < cells.length && cells[i]![0] === row) {
      const left = cells[i]![1];
      let right = left;
      while (i + 1 < cells.length && cells[i + 1]![0] === row && cells[i + 1]![1] === right + 1) {
        i++;
        right++;
      }
      i++;
      const key = `${left},${right}`;
      const above = open.get(key);
      if (above && above.bottom === row - 1) {
        open.delete(key);
        next.set(key, { ...above, bottom: row });
      } else next.set(key, { top: row, left, bottom: row, right });
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

interface AreasTarget {
  readonly sheet: SheetModel;
  readonly rects: readonly Rect[];
}

export class RangeAreasDouble extends DoubleObject {
  readonly _typeName = 'RangeAreas';

  constructor(ctx: DoubleContext, parent: RangeDouble, resolve: () => unknown, method = 'GetMergedAreasOrNullObject', args: readonly unknown[] = []) {
    super(ctx, { parent, name: method, args, type: PATH.method, resolve });
  }

  protected override _scalars(): Record<string, (t: AreasTarget) => unknown> {
    return {
      address: (t) => t.rects.map((r) => qualifiedAddress(t.sheet.name, r)).join(', '),
      areaCount: (t) => t.rects.length,
      cellCount: (t) => t.rects.reduce((n, r) => n + cellCount(r), 0),
    };
  }

  protected override _navigations(): Record<string, () => DoubleObject> {
    return { areas: () => this.areas };
  }

  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }

  get areas(): RangeCollectionDouble {
    return this._child('areas', () => new RangeCollectionDouble(this._ctx, this));
  }
}

export class RangeCollectionDouble extends DoubleCollection<RangeDouble> {
  readonly _typeName = 'RangeCollection';

  constructor(ctx: DoubleContext, parent: RangeAreasDouble) {
    super(ctx, { parent, name: 'Areas', resolve: () => parent._resolve() });
  }

  protected _itemsOf(target: AreasTarget): readonly unknown[] {
    return target.rects.map((rect) => ({ sheet: target.sheet, rect }));
  }

  protected _itemProxy(item: RangeTarget, index: number): RangeDouble {
    return new RangeDouble(this._ctx, this, 'GetItemAt', [index], () => item);
  }
}

// ───────────────────────────── conditional formats ─────────────────────────────

interface FormatTarget {
  readonly sheet: SheetModel;
  readonly cf: ConditionalFormatModel;
}

function aliveFormat(target: FormatTarget, where: string): FormatTarget {
  if (!target.sheet.conditionalFormats.includes(target.cf)) throw doubleErrors.itemNotFound(where);
  return target;
}

export class ConditionalFormatCollectionDouble extends DoubleCollection<ConditionalFormatDouble> {
  readonly _typeName = 'ConditionalFormatCollection';

  constructor(ctx: DoubleContext, parent: RangeDouble) {
    super(ctx, { parent, name: 'ConditionalFormats', resolve: () => parent._resolve() });
  }

  protected _itemsOf(target: RangeTarget): readonly unknown[] {
    return target.sheet.conditionalFormats.filter((cf) => cf.ranges.some((r) => intersects(r, target.rect))).map((cf) => ({ sheet: target.sheet, cf }));
  }

  /** office-js #6827 / #6835, when asked for: two cell-value rules on one range make the load throw. */
  override _execLoad(paths: readonly (readonly string[])[], commits: (() => void)[]): unknown {
    const target = this._resolve() as RangeTarget | null;
    if (target !== null && this._ctx.env.limits.conditionalFormatsFailOnDuplicateCellValueRules) {
      const seen = new Set<string>();
      for (const { cf } of this._itemsOf(target) as FormatTarget[]) {
        if (cf.type !== 'CellValue') continue;
        const key = cf.ranges.map(rectAddress).join(',');
        if (seen.has(key)) throw doubleErrors.generalException('ConditionalFormatCollection (duplicated cell-value rules)');
        seen.add(key);
      }
    }
    return super._execLoad(paths, commits);
  }

  protected _itemProxy(item: FormatTarget): ConditionalFormatDouble {
    return new ConditionalFormatDouble(this._ctx, this, 'GetItem', [item.cf.id], () => aliveFormat(item, 'ConditionalFormat'));
  }

  /** Adds at the top priority, as Excel does. */
  add(type: string): ConditionalFormatDouble {
    let created: FormatTarget | undefined;
    const proxy = new ConditionalFormatDouble(this._ctx, this, 'Add', [type], () => {
      if (!created) throw doubleErrors.itemNotFound('ConditionalFormatCollection.add (not synced yet)');
      return aliveFormat(created, 'ConditionalFormat');
    });
    this._call('Add', [type], (t: RangeTarget) => {
      assertEditable(t.sheet, 'ConditionalFormatCollection.add');
      if (!CONDITIONAL_FORMAT_TYPES.has(type)) throw doubleErrors.invalidArgument('ConditionalFormatCollection.add', `type ${type}`);
      const cf: ConditionalFormatModel = { id: newId(model(this._ctx), '{cf-'), type, ranges: [t.rect], fill: null, fontColor: null };
      t.sheet.conditionalFormats.unshift(cf);
      created = { sheet: t.sheet, cf };
    });
    return proxy;
  }

  getItemAt(index: number): ConditionalFormatDouble {
    return new ConditionalFormatDouble(this._ctx, this, 'GetItemAt', [index], this._from((t: RangeTarget) => {
      const item = this._itemsOf(t)[index] as FormatTarget | undefined;
      if (!item) throw doubleErrors.itemNotFound(`ConditionalFormatCollection.getItemAt(${index})`);
      return item;
    }));
  }

  getItem(id: string): ConditionalFormatDouble {
    return new ConditionalFormatDouble(this._ctx, this, 'GetItem', [id], this._from((t: RangeTarget) => {
      const item = (this._itemsOf(t) as FormatTarget[]).find((i) => i.cf.id === id);
      if (!item) throw doubleErrors.itemNotFound(`ConditionalFormatCollection.getItem(${id})`);
      return item;
    }));
  }

  getCount(): ClientResultDouble<number> {
    const result = new ClientResultDouble<number>();
    this._call('GetCount', [], (t: RangeTarget) => this._itemsOf(t).length, result);
    return result;
  }

  clearAll(): void {
    this._call('ClearAll', [], (t: RangeTarget) => {
      assertEditable(t.sheet, 'ConditionalFormatCollection.clearAll');
      const doomed = new Set((this._itemsOf(t) as FormatTarget[]).map((i) => i.cf));
      const kept = t.sheet.conditionalFormats.filter((cf) => !doomed.has(cf));
      t.sheet.conditionalFormats.splice(0, t.sheet.conditionalFormats.length, ...kept);
    });
  }
}

export class ConditionalFormatDouble extends DoubleObject {
  readonly _typeName = 'ConditionalFormat';

  constructor(ctx: DoubleContext, parent: DoubleObject, method: string, args: readonly unknown[], resolve: () => unknown) {
    super(ctx, { parent, name: method, args, type: PATH.method, resolve });
  }

  protected override _scalars(): Record<string, (t: FormatTarget) => unknown> {
    return {
      id: (t) => t.cf.id,
      type: (t) => t.cf.type,
      priority: (t) => t.sheet.conditionalFormats.indexOf(t.cf),
      stopIfTrue: () => false,
    };
  }

  protected override _navigations(): Record<string, () => DoubleObject> {
    return { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject };
  }

  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }

  /** Loading it on a format of another type fails the whole sync (office-js issue #2180). */
  get custom(): CustomConditionalFormatDouble {
    return this._child('custom', () =>
      new CustomConditionalFormatDouble(this._ctx, this, 'Custom', this._from((t: FormatTarget) => {
        if (t.cf.type !== 'Custom') throw doubleErrors.invalidOperation('ConditionalFormat.custom');
        return t;
      })),
    );
  }

  get customOrNullObject(): CustomConditionalFormatDouble {
    return this._child('customOrNullObject', () =>
      new CustomConditionalFormatDouble(this._ctx, this, 'CustomOrNullObject', this._from((t: FormatTarget) => (t.cf.type === 'Custom' ? t : null))),
    );
  }

  delete(): void {
    this._call('Delete', [], (t: FormatTarget) => {
      assertEditable(t.sheet, 'ConditionalFormat.delete');
      if (this._ctx.env.limits.conditionalFormatDeleteFailsOnSharedRange) {
        // office-js #5222, when asked for: a rule that shares its range with another cannot be deleted.
        const key = t.cf.ranges.map(rectAddress).join(',');
        if (t.sheet.conditionalFormats.some((cf) => cf !== t.cf && cf.ranges.map(rectAddress).join(',') === key)) {
          throw doubleErrors.itemNotFound('ConditionalFormat.delete');
        }
      }
      t.sheet.conditionalFormats.splice(t.sheet.conditionalFormats.indexOf(t.cf), 1);
    });
  }

  getRange(): RangeDouble {
    return new RangeDouble(this._ctx, this, 'GetRange', [], this._from((t: FormatTarget) => {
      if (t.cf.ranges.length !== 1) throw doubleErrors.invalidOperation('ConditionalFormat.getRange');
      return { sheet: t.sheet, rect: t.cf.ranges[0]! };
    }));
  }

  getRangeOrNullObject(): RangeDouble {
    return new RangeDouble(this._ctx, this, 'GetRangeOrNullObject', [], this._from((t: FormatTarget) =>
      t.cf.ranges.length === 1 ? { sheet: t.sheet, rect: t.cf.ranges[0]! } : null,
    ));
  }
}

export class CustomConditionalFormatDouble extends DoubleObject {
  readonly _typeName = 'CustomConditionalFormat';

  constructor(ctx: DoubleContext, parent: ConditionalFormatDouble, name: string, resolve: () => unknown) {
    super(ctx, { parent, name, resolve });
  }

  protected override _navigations(): Record<string, () => DoubleObject> {
    return { rule: () => this.rule, format: () => this.format };
  }

  get rule(): ConditionalFormatRuleDouble {
    return this._child('rule', () => new ConditionalFormatRuleDouble(this._ctx, this));
  }

  get format(): ConditionalRangeFormatDouble {
    return this._child('format', () => new ConditionalRangeFormatDouble(this._ctx, this));
  }
}

export class ConditionalFormatRuleDouble extends DoubleObject {
  readonly _typeName = 'ConditionalFormatRule';

  constructor(ctx: DoubleContext, parent: CustomConditionalFormatDouble) {
    super(ctx, { parent, name: 'Rule', resolve: () => parent._resolve() });
  }

  protected override _scalars(): Record<string, (t: FormatTarget) => unknown> {
    return { formula: (t) => t.cf.formula ?? '', formulaLocal: (t) => t.cf.formula ?? '' };
  }

  get formula(): string {
    return this._get('formula');
  }
  set formula(value: string) {
    this._set('Formula', value, (t: FormatTarget, v: string) => {
      assertEditable(t.sheet, 'ConditionalFormatRule.formula');
      if (typeof v !== 'string' || !v.startsWith('=')) throw doubleErrors.invalidArgument('ConditionalFormatRule.formula', 'a custom rule formula starts with "="');
      t.cf.formula = v;
    });
  }
}

export class ConditionalRangeFormatDouble extends DoubleObject {
  readonly _typeName = 'ConditionalRangeFormat';

  constructor(ctx: DoubleContext, parent: CustomConditionalFormatDouble) {
    super(ctx, { parent, name: 'Format', resolve: () => parent._resolve() });
  }

  protected override _navigations(): Record<string, () => DoubleObject> {
    return { fill: () => this.fill, font: () => this.font };
  }

  get fill(): ConditionalColourDouble {
    return this._child('fill', () => new ConditionalColourDouble(this._ctx, this, 'Fill'));
  }

  get font(): ConditionalColourDouble {
    return this._child('font', () => new ConditionalColourDouble(this._ctx, this, 'Font'));
  }
}

/** ConditionalRangeFill and ConditionalRangeFont: only the colour is modelled. */
export class ConditionalColourDouble extends DoubleObject {
  readonly _typeName: string;

  constructor(
    ctx: DoubleContext,
    parent: ConditionalRangeFormatDouble,
    private readonly part: 'Fill' | 'Font',
  ) {
    super(ctx, { parent, name: part, resolve: () => parent._resolve() });
    this._typeName = part === 'Fill' ? 'ConditionalRangeFill' : 'ConditionalRangeFont';
  }

  protected override _scalars(): Record<string, (t: FormatTarget) => unknown> {
    return { color: (t) => (this.part === 'Fill' ? t.cf.fill : t.cf.fontColor) ?? null };
  }

  get color(): string {
    return this._get('color');
  }
  set color(value: string) {
    this._set('Color', value, (t: FormatTarget, v: string) => {
      assertEditable(t.sheet, `${this._typeName}.color`);
      const colour = normaliseColour(`${this._typeName}.color`, v);
      if (this.part === 'Fill') t.cf.fill = colour;
      else t.cf.fontColor = colour;
    });
  }
}

/**
 * Range.dataValidation (ExcelApi 1.8): `type` and `rule` of the range's cells — 'None' when no
 * cell has one, the rule's type when every cell has the same rule, 'Inconsistent' otherwise (then
 * `rule` reads as {} here). Setting `rule` where a cell of the range already has validation fails
 * with InvalidOperation: the API reference says nothing of replacing, and the add-in must never
 * replace the officer's own rule, so the double holds it to that (clear() first, as the docs'
 * samples do). clear() removes the validation of every cell of the range. Protected sheets refuse
 * both, as they refuse values.
 */
export class DataValidationDouble extends DoubleObject {
  readonly _typeName = 'DataValidation';

  constructor(ctx: DoubleContext, parent: RangeDouble) {
    super(ctx, {
      parent,
      name: 'DataValidation',
      resolve: () => {
        if (ctx.env.excelApiMinor < 8) throw doubleErrors.apiNotFound('Range.dataValidation');
        return parent._resolve();
      },
    });
  }

  private static rules(t: RangeTarget): (Readonly<Record<string, unknown>> | undefined)[] {
    return mapRect(t.rect, (r, c) => t.sheet.validations.get(cellKey(r, c))).flat();
  }

  private static uniform(t: RangeTarget): Readonly<Record<string, unknown>> | undefined | 'inconsistent' {
    const all = DataValidationDouble.rules(t);
    const first = all[0];
    const key = JSON.stringify(first ?? null);
    return all.every((rule) => JSON.stringify(rule ?? null) === key) ? first : 'inconsistent';
  }

  protected override _scalars(): Record<string, (t: RangeTarget) => unknown> {
    return {
      type: (t) => {
        const rule = DataValidationDouble.uniform(t);
        return rule === 'inconsistent' ? 'Inconsistent' : rule === undefined ? 'None' : validationType(rule);
      },
      rule: (t) => {
        const rule = DataValidationDouble.uniform(t);
        return rule === 'inconsistent' || rule === undefined ? {} : rule;
      },
    };
  }

  get type(): string {
    return this._get('type');
  }

  get rule(): Record<string, unknown> {
    return this._get('rule');
  }
  set rule(value: Record<string, unknown>) {
    this._set('Rule', value, (t: RangeTarget, v: Record<string, unknown>) => {
      assertEditable(t.sheet, 'DataValidation.rule');
      if (validationType(v) === 'None') throw doubleErrors.invalidArgument('DataValidation.rule', 'no criterion');
      if (DataValidationDouble.rules(t).some((rule) => rule !== undefined)) throw doubleErrors.invalidOperation('DataValidation.rule');
      for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.validations.set(cellKey(r, c), v);
    });
  }

  clear(): void {
    this._call('Clear', [], (t: RangeTarget) => {
      assertEditable(t.sheet, 'DataValidation.clear');
      for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.validations.delete(cellKey(r, c));
    });
  }
}
