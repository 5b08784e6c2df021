/**
 * The seam between the task pane and the workbook. The task pane only ever talks
 * to a LedgerHost; src/excel/officeHost.ts implements it with Office.js, and tests
 * implement it over an in-memory workbook double. No Office types cross this line.
 */
import type { WriteConsent } from './decide';
import type { CellRange, SheetGrid } from './grid';
import type { History, HistoryEntry, HistoryRead } from './history/model';
import type { TableMapping } from './mapping';
import type { SummarySheetContent } from './summarySheet';
import type { Preset, Problem, WritePlan } from './types';
import type { OfficerWrite, OfficerWriteResult } from './officerWords';

export type EvaluationScope = { readonly kind: 'workbook' } | { readonly kind: 'activeSheet' };

export interface ReadProgress {
  readonly sheetsRead: number;
  readonly sheetsTotal: number;
}

export interface ApplyReport {
  /** Cells actually written (grades, new headers). */
  readonly written: number;
  /** Notes added. */
  readonly notes: number;
  /** Conditional-format rules added (after removing the add-in's old ones). */
  readonly rules: number;
  /** Cells left alone and why (changed since preview, protected sheet, formula …). */
  readonly skipped: readonly Problem[];
}

export interface UndoReport {
  readonly restored: number;
  readonly problems: readonly Problem[];
}

/** The range the officer selected: where it is and what its cells hold (a grid of that range only). */
export interface SelectedRange {
  readonly sheet: string;
  readonly range: CellRange;
  /** "B2:G7" */
  readonly address: string;
  /** The selected cells at their sheet positions, merges included; nothing outside the range. */
  readonly grid: SheetGrid;
}

/** What writing the 「KPI評価集計」 sheet did: written (a new sheet, or ours replaced), or refused because the officer has a sheet of that name. */
export type SummaryWriteResult =
  | { readonly kind: 'written'; readonly sheet: string; readonly replaced: boolean }
  | { readonly kind: 'nameTaken'; readonly sheet: string; readonly problem: Problem };

/** A file the officer picked, checked and outlined by the pane: what Excel is handed (#14.3). */
export interface BookToImport {
  /** The file's name as picked ("企画課.xlsx"), for messages and the consistency review. */
  readonly fileName: string;
  /** The whole file, base64 (what insertWorksheetsFromBase64 takes). */
  readonly base64: string;
  /** Its worksheets in tab order, as its own workbook part lists them. */
  readonly worksheets: readonly string[];
}

/** A sheet the add-in brought in: tracked by id, since the officer may rename it. */
export interface ImportedSheet {
  readonly id: string;
  /** Its name in the open workbook now. */
  readonly name: string;
  /** Its name in the file it came from. */
  readonly source: string;
}

export interface ImportedBook {
  readonly fileName: string;
  readonly sheets: readonly ImportedSheet[];
}

/** One press of 「他のブックから取り込む」 (one or more files), as recorded in the workbook. */
export interface ImportBatch {
  readonly batch: string;
  /** Sheets the officer has deleted since are left out. */
  readonly books: readonly ImportedBook[];
}

/** What undoing the last import did: removed its sheets, or removed nothing because some were edited since (ask first). */
export type RemoveImportResult =
  | { readonly kind: 'removed'; readonly sheets: readonly string[] }
  | { readonly kind: 'edited'; readonly sheets: readonly string[] }
  | { readonly kind: 'none' };

/** Sheets from other workbooks (Workbook.insertWorksheetsFromBase64, ExcelApi 1.13). */
export interface SheetImportHost {
  /** False when this Excel lacks ExcelApi 1.13: the pane says so instead of importing. */
  supported(): boolean;
  /** Inserts the book's worksheets at the end, under names the workbook does not have yet; nothing of the workbook is replaced. */
  importBook(book: BookToImport, batch: string): Promise<ImportedBook>;
  /** Every recorded import, oldest first. */
  loadImports(): Promise<ImportBatch[]>;
  /** Deletes the sheets of the last import (only those); unless `evenIfEdited`, none when one was changed since. */
  removeLastImport(options: { readonly evenIfEdited: boolean }): Promise<RemoveImportResult>;
}

export interface LedgerHost {
  /** Reads the sheets in scope into grids: values, displayed text, number formats, formulas, merges, protection. */
  readGrids(scope: EvaluationScope, options?: { signal?: AbortSignal; onProgress?: (p: ReadProgress) => void }): Promise<SheetGrid[]>;
  /**
   * Carries out a write plan as core decides it (src/core/decide.ts) on the workbook as it is
   * just before writing: re-reads the target cells, protection, visibility and notes, and skips,
   * with a problem, what may not be written (a cell changed since the preview, a formula, a
   * protected or — without `consent` — very hidden sheet). Saves an undo snapshot in the
   * workbook so undo works after reopening.
   */
  applyPlan(plan: WritePlan, consent?: WriteConsent): Promise<ApplyReport>;
  /** Restores every cell the last applyPlan changed and removes the rules it added. */
  undoLastWrite(): Promise<UndoReport>;
  /** True when the workbook holds an undo snapshot. */
  hasUndo(): Promise<boolean>;
  /** The grading rule saved with the workbook, if any. */
  loadPreset(): Promise<Preset | undefined>;
  savePreset(preset: Preset): Promise<void>;
  /**
   * The evaluation history saved in the workbook (issue 13). Optional so hosts made before it
   * keep compiling; the Office host has both.
   */
  loadHistory?(): Promise<HistoryRead>;
  /**
   * Records the entry of the write just made (tied to its undo snapshot, so undo removes it).
   * `makeEntry` gets the history before it, to compare with; false when the saved history is
   * damaged and was left alone.
   */
  recordHistory?(makeEntry: (previous: History) => Omit<HistoryEntry, 'writeId'>): Promise<boolean>;
  /**
   * Writes the officer's own words (issue 13: an edited 要因分析 cell, its undo, the columns added
   * beside a table) in one request, refusing cells changed since they were read. Optional as
   * loadHistory is; without it the pane shows the words read only.
   */
  writeOfficerCells?(write: OfficerWrite): Promise<OfficerWriteResult>;
  /** Selects a cell so the officer sees the row in the sheet. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** The officer's table readings saved with the workbook ([] when none, or when the saved part is damaged). */
  loadMappings(): Promise<TableMapping[]>;
  /** Replaces the saved table readings with these (all of them: removing one is saving the rest). */
  saveMappings(mappings: readonly TableMapping[]): Promise<void>;
  /** The selected range (on the active sheet) and its cells. */
  readSelection(): Promise<SelectedRange>;
  /**
   * Writes the summary sheet (replacing the add-in's own earlier one; a sheet of that name the
   * add-in did not make is never replaced: `nameTaken`). No other sheet is touched.
   */
  writeSummarySheet(content: SummarySheetContent): Promise<SummaryWriteResult>;
  /** Removes the summary sheet the add-in made (and its record); false when there was none of ours. */
  removeSummarySheet(name: string): Promise<boolean>;
  /** 「他のブックから取り込む」 (#14.3); optional so hosts made before it keep compiling. */
  readonly imports?: SheetImportHost;
}
