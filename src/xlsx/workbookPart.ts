/**
 * The workbook part: sheet names in tab order, their state and parts, the date
 * system, and where the shared strings and styles are. Only relationships are
 * followed; everything else in workbook.xml (defined names, calcPr, the
 * structure lock) is never read, so it cannot be misread.
 */
import type { SheetVisibility } from '../core/grid';
import { XlsxReadError } from './errors';
import type { XlsxPackage } from './package';
import { attribute, walkXml } from './xml';

export interface SheetEntry {
  readonly name: string;
  readonly state: SheetVisibility;
  /** The sheet's part ("xl/worksheets/sheet1.xml"). */
  readonly part: string;
  /** Chart sheets, dialog and macro sheets have no cells to grade. */
  readonly kind: 'worksheet' | 'other';
}

export interface WorkbookInfo {
  readonly part: string;
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  readonly sharedStringsPart?: string;
  readonly stylesPart?: string;
}

/** Relationship types end the same in the transitional and strict namespaces. */
const isType = (type: string, name: string) => type.endsWith(`/${name}`);

function truthy(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/** What reading the workbook part needs of a package (an XlsxPackage, or the pane's few inflated parts). */
export type PartReader = Pick<XlsxPackage, 'relationships' | 'has' | 'text'>;

export function readWorkbookInfo(pkg: PartReader): WorkbookInfo {
  const main = pkg.relationships('').find((r) => isType(r.type, 'officeDocument') && r.part !== undefined);
  if (!main?.part || !pkg.has(main.part)) throw new XlsxReadError('notWorkbook', 'no officeDocument relationship');
  const part = main.part;
  const rels = new Map(pkg.relationships(part).map((r) => [r.id, r]));

  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let isWorkbook = false;
  walkXml(pkg.text(part), part, {
    open(name, a) {
      if (name === 'workbook') isWorkbook = true;
      else if (name === 'workbookPr') date1904 = truthy(a.date1904);
      else if (name === 'sheet') {
        const rel = rels.get(attribute(a, 'id') ?? '');
        const sheetName = a.name;
        if (!rel?.part || sheetName === undefined) throw new XlsxReadError('damaged', `${part}: sheet ${sheetName ?? '?'} has no part`);
        const state: SheetVisibility = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
        sheets.push({ name: sheetName, state, part: rel.part, kind: isType(rel.type, 'worksheet') ? 'worksheet' : 'other' });
      }
    },
  });
  if (!isWorkbook) throw new XlsxReadError('notWorkbook', `${part} is not a workbook`);
  const sharedStringsPart = [...rels.values()].find((r) => isType(r.type, 'sharedStrings'))?.part;
  const stylesPart = [...rels.values()].find((r) => isType(r.type, 'styles'))?.part;
  return {
    part,
    sheets,
    date1904,
    ...(sharedStringsPart && pkg.has(sharedStringsPart) && { sharedStringsPart }),
    ...(stylesPart && pkg.has(stylesPart) && { stylesPart }),
  };
}
