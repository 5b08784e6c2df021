/**
 * What the mapping dialog edits, as pure functions: the selected range, how many header rows,
 * a role and a year text per column. The draft starts from the saved reading of the same range
 * when there is one, else from the engine's best guess; it becomes a TableMapping (with the
 * header fingerprints of the grid as it is now) only when everything in it is valid, and the
 * preview grades the selection with the same evaluation every door uses.
 */
import { guessMapping, headerFingerprints, readMappedTable } from '../../core/detect/mapping';
import { evaluateWorkbook } from '../../core/evaluate';
import { columnLetters } from '../../core/grid';
import { MAX_HEADER_ROWS, mappingProblems, VALUE_ROLES, type MappingRole, type TableMapping } from '../../core/mapping';
import type { EvaluatedKpi, Preset, Problem } from '../../core/types';
import { eraLabel, findYear } from '../../core/years';
import type { SelectedRange } from '../../core/host';

export interface MappingDraft {
  readonly selection: SelectedRange;
  readonly headerRows: number;
  readonly roles: readonly MappingRole[];
  /** The year as the officer types it ("R5", "2023", "平成27年度"); '' for none. */
  readonly years: readonly string[];
  /** A saved reading of this range is being replaced. */
  readonly replaces?: TableMapping;
}

function fromMapping(selection: SelectedRange, mapping: TableMapping, replaces?: TableMapping): MappingDraft {
  const draft = {
    selection,
    headerRows: mapping.headerRows,
    roles: mapping.columns.map((c) => c.role),
    years: mapping.columns.map((c) => (c.year === undefined ? '' : eraLabel(c.year))),
  };
  return replaces ? { ...draft, replaces } : draft;
}

/** The dialog's first state: the saved reading when it is of exactly this range, else the best guess. */
export function startDraft(selection: SelectedRange, saved?: TableMapping): MappingDraft {
  if (saved && saved.sheet === selection.sheet && saved.range === selection.address) return fromMapping(selection, saved, saved);
  const guess = guessMapping(selection.grid, selection.range);
  return fromMapping(selection, guess, saved);
}

/** Another number of header rows: the roles are guessed again under the new header. */
export function withHeaderRows(draft: MappingDraft, headerRows: number): MappingDraft {
  const guess = guessMapping(draft.selection.grid, draft.selection.range, headerRows);
  const next = fromMapping(draft.selection, guess, draft.replaces);
  return next;
}

export function withRole(draft: MappingDraft, index: number, role: MappingRole): MappingDraft {
  const roles = draft.roles.map((r, i) => (i === index ? role : r));
  // A year only belongs to a value column; it is kept in the draft while the role changes back and forth.
  return { ...draft, roles };
}

export function withYear(draft: MappingDraft, index: number, text: string): MappingDraft {
  return { ...draft, years: draft.years.map((y, i) => (i === index ? text : y)) };
}

/** The header rows the range allows (at least one KPI row under them). */
export function headerRowChoices(draft: MappingDraft): number[] {
  const height = draft.selection.range.bottom - draft.selection.range.top + 1;
  const out: number[] = [];
  for (let n = 1; n <= Math.min(MAX_HEADER_ROWS, height - 1); n++) out.push(n);
  return out.length > 0 ? out : [1];
}

export function isValueRole(role: MappingRole): boolean {
  return VALUE_ROLES.includes(role);
}

/** A typed year: its Western year, '' → none, anything else → invalid. */
export function readYearInput(text: string): { ok: true; year?: number } | { ok: false } {
  if (text.trim() === '') return { ok: true };
  const found = findYear(text);
  return found ? { ok: true, year: found.year } : { ok: false };
}

export interface DraftResult {
  /** The mapping to save, when the draft is complete and valid. */
  readonly mapping?: TableMapping;
  /** Columns (by index) whose year text is not a year. */
  readonly badYears: ReadonlySet<number>;
  /** Why it cannot be saved yet (Japanese, from the engine). */
  readonly errors: readonly string[];
}

export function draftResult(draft: MappingDraft): DraftResult {
  const { selection } = draft;
  const prints = headerFingerprints(selection.grid, selection.range, draft.headerRows);
  const badYears = new Set<number>();
  const columns = draft.roles.map((role, i) => {
    const column = { column: columnLetters(selection.range.left + i), role, header: prints[i] ?? '' };
    if (!isValueRole(role)) return column;
    const read = readYearInput(draft.years[i] ?? '');
    if (!read.ok) {
      badYears.add(i);
      return column;
    }
    return read.year === undefined ? column : { ...column, year: read.year };
  });
  const mapping: TableMapping = { sheet: selection.sheet, range: selection.address, headerRows: draft.headerRows, columns };
  const errors = mappingProblems(mapping);
  return errors.length === 0 && badYears.size === 0 ? { mapping, badYears, errors } : { badYears, errors };
}

export interface MappingPreview {
  readonly kpis: readonly EvaluatedKpi[];
  readonly total: number;
  /** Why the mapping reads nothing (no KPI rows under the header …). */
  readonly problem?: Problem;
}

/** The first rows graded as evaluation will grade them: the same engine, on the selection's grid. */
export function previewMapping(selection: SelectedRange, mapping: TableMapping, preset: Preset, rows = 5): MappingPreview {
  const read = readMappedTable(selection.grid, mapping);
  if (!read.ok) return { kpis: [], total: 0, problem: read.problem };
  const evaluation = evaluateWorkbook([selection.grid], preset, { mappings: [mapping] });
  const table = evaluation.tables.find((t) => t.table.range.top === read.table.range.top && t.table.range.left === read.table.range.left);
  const kpis = table?.kpis ?? [];
  return { kpis: kpis.slice(0, rows), total: kpis.length };
}
