/**
 * Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13) and Worksheet.name as the workbook
 * double models them. Browser-safe: the file is turned into sheets by the `readBook` option
 * (the project's own reader in Node, tests/support/workbookDoubleBooks.ts; in the e2e page,
 * sheets the test read in Node beforehand).
 *
 * Documented, and modelled: ExcelApi 1.13 (ApiNotFound at sync below it); all worksheets
 * by default, or those named in sheetNamesToInsert; position "End" by default ("Beginning"
 * too; relativeTo is not modelled); the result is the new sheets' ids, in order; the base64
 * travels in the request, so a file over Excel on the web's 5 MB request limit fails with
 * RequestPayloadSizeLimitExceeded like any request.
 * Not documented, assumed (check in real Excel): a name the workbook already has gets
 * " (2)", " (3)" … as Excel names a copied sheet; a name in sheetNamesToInsert that the file
 * lacks fails with ItemNotFound; a file Excel cannot read fails with InvalidArgument.
 */
import { doubleErrors } from './workbookDoubleErrors';
import { buildSheet, type SheetModel, type SheetSpec, type WorkbookModel } from './workbookDoubleModel';
import { RichApiErrorDouble } from './workbookDoubleErrors';

/** Reads a base64 .xlsx into sheets; throws when it is not a workbook. */
export type ReadBook = (base64: string) => readonly SheetSpec[];

export interface InsertOptions {
  readonly sheetNamesToInsert?: readonly string[];
  readonly positionType?: string;
  readonly relativeTo?: unknown;
}

const key = (name: string) => name.toLowerCase();

function freeName(m: WorkbookModel, name: string): string {
  const taken = new Set(m.sheets.map((s) => key(s.name)));
  if (!taken.has(key(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(key(candidate))) return candidate;
  }
}

export function insertBook(
  m: WorkbookModel,
  readBook: ReadBook | undefined,
  base64: string,
  options: InsertOptions = {},
  failAfterInserting = false,
): string[] {
  if (!readBook) throw new Error('workbook double: insertWorksheetsFromBase64 needs the readBook option');
  let book: readonly SheetSpec[];
  try {
    book = readBook(base64);
  } catch (error) {
    throw doubleErrors.invalidArgument('Workbook.insertWorksheetsFromBase64', `not a workbook: ${error instanceof Error ? error.message : String(error)}`);
  }
  const wanted = options.sheetNamesToInsert && options.sheetNamesToInsert.length > 0 ? options.sheetNamesToInsert : book.map((s) => s.name);
  const specs = wanted.map((name) => {
    const spec = book.find((s) => s.name === name);
    if (!spec) throw doubleErrors.itemNotFound(`Workbook.insertWorksheetsFromBase64 (${name})`);
    return spec;
  });
  const added: SheetModel[] = [];
  for (const spec of specs) {
    const sheet = buildSheet(m, { ...spec, name: freeName(m, spec.name) });
    m.sheets.push(sheet); // pushed one by one, so the next name sees this one
    added.push(sheet);
  }
  if (options.positionType === 'Beginning') {
    m.sheets.splice(m.sheets.length - added.length, added.length);
    m.sheets.unshift(...added);
  }
  // office-js issue #3179: the sheets were placed, yet the call returned an error.
  if (failAfterInserting) throw doubleErrors.generalException('Workbook.insertWorksheetsFromBase64');
  return added.map((s) => s.id);
}

const FORBIDDEN = /[\\/?*[\]:]/;

/** Worksheet.name = …: Excel's rules for a name (31 characters, no \ / ? * [ ] :, unique without regard to case). */
export function renameSheet(m: WorkbookModel, sheet: SheetModel, name: string): void {
  if (name.length === 0 || name.length > 31 || FORBIDDEN.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw doubleErrors.invalidArgument('Worksheet.name', `not a sheet name: ${name}`);
  }
  if (m.sheets.some((s) => s !== sheet && key(s.name) === key(name))) {
    throw new RichApiErrorDouble('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', 'Worksheet.name');
  }
  sheet.name = name;
}
