/**
 * Notes (ExcelApi 1.18) in the workbook double: on a host declared older than
 * 1.18, any use fails the sync with ApiNotFound, as Excel does for a missing API.
 */
import { ClientResultDouble, DoubleCollection, DoubleObject, PATH, type DoubleContext } from './workbookDoubleCore';
import { doubleErrors } from './workbookDoubleErrors';
import { parseAddress, type NoteModel, type Rect, type SheetModel } from './workbookDoubleModel';
import { RangeDouble } from './workbookDoubleRanges';
import { assertEditable, type RangeTarget } from './workbookDoubleShared';

interface NoteTarget {
  readonly sheet: SheetModel;
  readonly note: NoteModel;
}

function noteAt(sheet: SheetModel, address: string): NoteModel | undefined {
  const rect = parseAddress(address);
  if (!rect || rect.top !== rect.bottom || rect.left !== rect.right) throw doubleErrors.invalidArgument('NoteCollection', `InvalidCellAddress ${address}`);
  return sheet.notes.find((n) => n.row === rect.top && n.col === rect.left);
}

export class NoteCollectionDouble extends DoubleCollection<NoteDouble> {
  readonly _typeName = 'NoteCollection';

  constructor(ctx: DoubleContext, parent: DoubleObject) {
    super(ctx, {
      parent,
      name: 'Notes',
      resolve: () => {
        if (ctx.env.excelApiMinor < 18) throw doubleErrors.apiNotFound('Worksheet.notes');
        return parent._resolve();
      },
    });
  }

  protected _itemsOf(sheet: SheetModel): readonly unknown[] {
    return sheet.notes.map((note) => ({ sheet, note }));
  }

  protected _itemProxy(item: NoteTarget, index: number): NoteDouble {
    return new NoteDouble(this._ctx, this, 'GetItemAt', [index], () => aliveNote(item));
  }

  add(cellAddress: string | RangeDouble, content: string): NoteDouble {
    let created: NoteTarget | undefined;
    const proxy = new NoteDouble(this._ctx, this, 'Add', [cellAddress, content], () => {
      if (!created) throw doubleErrors.itemNotFound('NoteCollection.add (not synced yet)');
      return aliveNote(created);
    });
    this._call('Add', [cellAddress, content], (sheet: SheetModel) => {
      assertEditable(sheet, 'NoteCollection.add');
      let rect: Rect | undefined;
      if (typeof cellAddress === 'string') rect = parseAddress(cellAddress);
      else {
        const target = cellAddress._resolve() as RangeTarget | null;
        if (!target || target.sheet !== sheet) throw doubleErrors.invalidArgument('NoteCollection.add', 'range on another sheet');
        rect = target.rect;
      }
      if (!rect || rect.top !== rect.bottom || rect.left !== rect.right) throw doubleErrors.invalidArgument('NoteCollection.add', 'InvalidCellAddress');
      if (sheet.notes.some((n) => n.row === rect.top && n.col === rect.left)) throw doubleErrors.invalidOperation('NoteCollection.add (the cell already has a note)');
      const note: NoteModel = { row: rect.top, col: rect.left, content: String(content), author: 'KPI add-in' };
      sheet.notes.push(note);
      created = { sheet, note };
    });
    return proxy;
  }

  getItem(key: string): NoteDouble {
    return new NoteDouble(this._ctx, this, 'GetItem', [key], this._from((sheet: SheetModel) => {
      const note = noteAt(sheet, key);
      if (!note) throw doubleErrors.itemNotFound(`NoteCollection.getItem(${key})`);
      return { sheet, note };
    }));
  }

  getItemOrNullObject(key: string): NoteDouble {
    return new NoteDouble(this._ctx, this, 'GetItemOrNullObject', [key], this._from((sheet: SheetModel) => {
      const note = noteAt(sheet, key);
      return note ? { sheet, note } : null;
    }));
  }

  getCount(): ClientResultDouble<number> {
    const result = new ClientResultDouble<number>();
    this._call('GetCount', [], (sheet: SheetModel) => sheet.notes.length, result);
    return result;
  }
}

function aliveNote(target: NoteTarget): NoteTarget {
  if (!target.sheet.notes.includes(target.note)) throw doubleErrors.itemNotFound('Note');
  return target;
}

export class NoteDouble extends DoubleObject {
  readonly _typeName = 'Note';

  constructor(ctx: DoubleContext, parent: NoteCollectionDouble, method: string, args: readonly unknown[], resolve: () => unknown) {
    super(ctx, { parent, name: method, args, type: PATH.method, resolve });
  }

  protected override _scalars(): Record<string, (t: NoteTarget) => unknown> {
    return { content: (t) => t.note.content, authorName: (t) => t.note.author };
  }

  get content(): string {
    return this._get('content');
  }
  set content(value: string) {
    this._set('Content', value, (t: NoteTarget, v: string) => {
      assertEditable(t.sheet, 'Note.content');
      t.note.content = String(v);
    });
  }

  get authorName(): string {
    return this._get('authorName');
  }

  delete(): void {
    this._call('Delete', [], (t: NoteTarget) => {
      assertEditable(t.sheet, 'Note.delete');
      t.sheet.notes.splice(t.sheet.notes.indexOf(t.note), 1);
    });
  }

  getLocation(): RangeDouble {
    return new RangeDouble(this._ctx, this, 'GetLocation', [], this._from((t: NoteTarget) => ({
      sheet: t.sheet,
      rect: { top: t.note.row, left: t.note.col, bottom: t.note.row, right: t.note.col },
    })));
  }
}
