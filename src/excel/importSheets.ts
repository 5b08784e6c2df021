/**
 * 「他のブックから取り込む」 (#14.3) through Office.js: a department's file's worksheets inserted
 * at the end of the open workbook (Workbook.insertWorksheetsFromBase64, ExcelApi 1.13), and
 * removed again by undo.
 *
 * Names: the API takes no names for the new sheets, and what it does when a sheet of the same
 * name exists is not documented (the API reference says only that it "returns an array of IDs
 * corresponding to each newly inserted worksheet"). So the names are chosen before inserting
 * (core/sheetNames: the file's own name, else "name (n)", within 31 characters) and given
 * right after, in the same run, to the sheets found by the ids the API returns — first a
 * temporary name each, so that a name one new sheet got from Excel never blocks the name
 * another is to get. The open workbook's own sheets are never renamed, replaced or touched.
 *
 * Tracking: each imported file's sheets are recorded by id in a custom XML part of our own
 * namespace (one part per file, tied by a batch id to the press that brought it), with a
 * fingerprint of each sheet's used range and formulas taken right after the insert. Undo
 * deletes only the recorded sheets of the last batch, and none of them when one has been
 * changed since (its fingerprint differs) unless the officer confirms. Grades the add-in
 * writes into an imported sheet are a change too: undo the write first, or confirm.
 *
 * Failure: office-js issue #3179 reports sheets inserted although the call returned an error,
 * so a failed insert (or a failed rename or record) deletes whatever sheets are new since the
 * run began before the error goes on to the pane: a file is imported whole or not at all.
 *
 * Syncs per file: 1 (the sheets now), 1 (insert), 1 (rename, fingerprint), 1 (record).
 * loadImports: 2. removeLastImport: 4 (3 when it stops to ask).
 */
import { planSheetNames } from '../core/sheetNames';
import type { ExcelRun } from './excelRun';
import type { BookToImport, ImportBatch, ImportedBook, ImportedSheet, RemoveImportResult } from '../core/host';
import { unwrapXml, wrapInXml } from './xmlPayload';

export const IMPORT_REQUIREMENT = { set: 'ExcelApi', version: '1.13' } as const;
export const IMPORTS_NAMESPACE = 'urn:kpi-ledger-addin:imported-sheets:v1';
const ROOT = 'kpiImportedBook';

interface RecordedSheet {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly fingerprint: string;
}

interface BookRecord {
  readonly batch: string;
  /** Order of import (ms since 1970, then the file's place in its batch). */
  readonly seq: number;
  readonly fileName: string;
  readonly sheets: readonly RecordedSheet[];
}

/** FNV-1a (32 bits) of a string, hex: a fingerprint, not a security measure. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** What the officer could change on a sheet, in one string: the used range (without the sheet's name) and every formula or value in it. */
function fingerprintOf(used: Excel.Range): string {
  if (used.isNullObject) return 'empty';
  const address = used.address.slice(used.address.lastIndexOf('!') + 1);
  return fnv1a(`${address}\n${JSON.stringify(used.formulas)}`);
}

function parseRecord(xml: string): BookRecord | undefined {
  const element = unwrapXml(xml);
  if (!element || element.root !== ROOT) return undefined;
  try {
    const r = JSON.parse(element.text) as Partial<BookRecord>;
    if (typeof r.batch !== 'string' || typeof r.seq !== 'number' || typeof r.fileName !== 'string' || !Array.isArray(r.sheets)) return undefined;
    return r as BookRecord;
  } catch (error) {
    // Not a record this version can use: it tracks nothing, so undo will not delete by it.
    void error;
    return undefined;
  }
}

/** Deletes every sheet not in `before`: the remains of an insert that failed part way. */
async function removeNewSheets(context: Excel.RequestContext, before: ReadonlySet<string>, error: unknown): Promise<never> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/id');
    await context.sync();
    const strays = sheets.items.filter((s) => !before.has(s.id));
    for (const s of strays) s.delete();
    if (strays.length > 0) await context.sync();
  } catch (cleanupError) {
    const words = cleanupError instanceof Error ? cleanupError.message : String(cleanupError);
    throw new Error(`${error instanceof Error ? error.message : String(error)} (sheets inserted before the error could not be deleted: ${words})`, { cause: error });
  }
  throw error;
}

export function importBook(run: ExcelRun, book: BookToImport, batch: string, seq: number): Promise<ImportedBook> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/id,items/name');
    await context.sync();
    const before = new Set(sheets.items.map((s) => s.id));
    const names = planSheetNames(
      sheets.items.map((s) => s.name),
      book.worksheets,
    );

    const inserted = context.workbook.insertWorksheetsFromBase64(book.base64, { sheetNamesToInsert: [...book.worksheets], positionType: 'End' });
    try {
      await context.sync();
      const ids = inserted.value;
      if (ids.length !== book.worksheets.length) throw new Error(`insertWorksheetsFromBase64 returned ${ids.length} ids for ${book.worksheets.length} sheets`);
      const token = Math.random().toString(36).slice(2, 8);
      const added = ids.map((id) => context.workbook.worksheets.getItem(id));
      added.forEach((s, i) => (s.name = `~kpi${token}${i}`));
      added.forEach((s, i) => (s.name = names[i]!));
      const used = added.map((s) => s.getUsedRangeOrNullObject().load('address,formulas'));
      await context.sync();

      const recorded: RecordedSheet[] = ids.map((id, i) => ({ id, name: names[i]!, source: book.worksheets[i]!, fingerprint: fingerprintOf(used[i]!) }));
      const record: BookRecord = { batch, seq, fileName: book.fileName, sheets: recorded };
      context.workbook.customXmlParts.add(wrapInXml(ROOT, IMPORTS_NAMESPACE, { version: '1' }, JSON.stringify(record)));
      await context.sync();
      return { fileName: book.fileName, sheets: recorded.map(({ id, name, source }) => ({ id, name, source })) };
    } catch (error) {
      return removeNewSheets(context, before, error);
    }
  });
}

/** Our records with their parts, and the workbook's sheets by id: two syncs. */
async function readRecords(context: Excel.RequestContext) {
  const parts = context.workbook.customXmlParts.getByNamespace(IMPORTS_NAMESPACE);
  parts.load('items/id');
  const sheets = context.workbook.worksheets;
  sheets.load('items/id,items/name');
  await context.sync();
  const xmls = parts.items.map((p) => p.getXml());
  if (xmls.length > 0) await context.sync();
  const records = parts.items
    .map((part, i) => ({ part, record: parseRecord(xmls[i]!.value) }))
    .filter((r): r is { part: Excel.CustomXmlPart; record: BookRecord } => r.record !== undefined)
    .sort((a, b) => a.record.seq - b.record.seq);
  return { records, sheetsById: new Map(sheets.items.map((s) => [s.id, s])) };
}

export function loadImports(run: ExcelRun): Promise<ImportBatch[]> {
  return run(async (context) => {
    const { records, sheetsById } = await readRecords(context);
    const batches: { batch: string; books: ImportedBook[] }[] = [];
    for (const { record } of records) {
      const present: ImportedSheet[] = record.sheets.flatMap((s) => {
        const now = sheetsById.get(s.id);
        return now ? [{ id: s.id, name: now.name, source: s.source }] : [];
      });
      let batch = batches.find((b) => b.batch === record.batch);
      if (!batch) batches.push((batch = { batch: record.batch, books: [] }));
      batch.books.push({ fileName: record.fileName, sheets: present });
    }
    return batches;
  });
}

export function removeLastImport(run: ExcelRun, options: { readonly evenIfEdited: boolean }): Promise<RemoveImportResult> {
  return run(async (context) => {
    const { records, sheetsById } = await readRecords(context);
    const last = records[records.length - 1]?.record.batch;
    if (last === undefined) return { kind: 'none' };
    const batch = records.filter((r) => r.record.batch === last);
    const present = batch.flatMap((r) => r.record.sheets).flatMap((s) => {
      const sheet = sheetsById.get(s.id);
      return sheet ? [{ recorded: s, sheet }] : [];
    });
    const used = present.map(({ sheet }) => sheet.getUsedRangeOrNullObject().load('address,formulas'));
    if (present.length > 0) await context.sync();
    const edited = present.filter((p, i) => fingerprintOf(used[i]!) !== p.recorded.fingerprint).map((p) => p.sheet.name);
    if (edited.length > 0 && !options.evenIfEdited) return { kind: 'edited', sheets: edited };
    for (const { sheet } of present) sheet.delete();
    for (const { part } of batch) part.delete();
    await context.sync();
    return { kind: 'removed', sheets: present.map((p) => p.sheet.name) };
  });
}
