/**
 * The LedgerHost over Office.js: the only door to the live workbook.
 *
 * Requirement sets used (the manifest declares ExcelApi 1.13 as the minimum):
 *   ExcelApi 1.1  Excel.run, worksheets, getActiveWorksheet, getRange, getUsedRange, getSelectedRange, application.calculate,
 *                 Range values/text/numberFormat/formulas/rowIndex/columnIndex,
 *                 Range.select, Worksheet.activate, tables.add, Table.name/style, charts.add,
 *                 Chart.title/legend/setPosition (the summary sheet)
 *   ExcelApi 1.2  Worksheet.protection.protected
 *   ExcelApi 1.4  getUsedRangeOrNullObject, getItemOrNullObject
 *   ExcelApi 1.5  customXmlParts (undo snapshot, saved grading rule, saved table readings, evaluation history)
 *   ExcelApi 1.8  Range.dataValidation (the 方向性 drop-down list on the officer's cells)
 *   ExcelApi 1.6  conditionalFormats: add('Custom'), custom/customOrNullObject rule & format
 *   ExcelApi 1.7  ChartSeries.chartType (the 経過率 line over the 進捗率 bars)
 *   ExcelApi 1.9  RangeAreas.areas, Range.getSpecialCellsOrNullObject (the read: numbers, booleans and formulas)
 *   ExcelApi 1.13 Range.getMergedAreasOrNullObject
 *   ExcelApi 1.13 Workbook.insertWorksheetsFromBase64 (「他のブックから取り込む」) — checked with isSetSupported
 *                 too, so the pane can say so in words should the manifest's minimum ever be lowered
 *   ExcelApi 1.18 notes — optional: checked with isSetSupported before use, skipped without
 */
import { applyPlan } from './applyPlan';
import { officeRun, type ExcelRun } from './excelRun';
import { removeSummarySheet, writeSummarySheet } from './summarySheet';
import type { Preset } from '../core/types';
import type { LedgerHost } from '../core/host';
import { loadMappings, saveMappings } from './mappingStore';
import { loadPreset, recalculateWorkbook, savePreset } from './presetStore';
import { readGrids, type ReadMemory } from './readGrids';
import { readSelection } from './readSelection';
import { selectCell } from './selectCell';
import { IMPORT_REQUIREMENT, importBook, loadImports, removeLastImport } from './importSheets';
import { forgetUndoneWrite, loadHistory, recordHistoryEntry, writeIdToForget } from './historyStore';
import { hasUndo, undoLastWrite } from './undo';
import { writeOfficerCells } from './officerWords';

/** Notes (with the reason of a grade) need ExcelApi 1.18; without them the grades are still written. */
const NOTES_REQUIREMENT = { set: 'ExcelApi', version: '1.18' } as const;

export interface OfficeHostOptions {
  /** Office.context.requirements.isSetSupported by default. */
  readonly isSetSupported?: (name: string, minVersion?: string) => boolean;
  /** Told why a grading rule saved in the workbook was ignored. */
  readonly onInvalidSavedPreset?: (errors: readonly string[]) => void;
  /**
   * Called after a rule is saved and before the workbook recalculates, so the custom
   * functions (same runtime) use the new rule when =KPI.GRADE cells re-run.
   */
  readonly onPresetSaved?: (preset: Preset) => void;
  /** Told why the table readings saved in the workbook were ignored. */
  readonly onInvalidSavedMappings?: (errors: readonly string[]) => void;
}

function officeIsSetSupported(name: string, minVersion?: string): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported(name, minVersion) === true;
}

export function createOfficeHost(run: ExcelRun = officeRun, options: OfficeHostOptions = {}): LedgerHost {
  const isSetSupported = options.isSetSupported ?? officeIsSetSupported;
  const notesSupported = (): boolean => isSetSupported(NOTES_REQUIREMENT.set, NOTES_REQUIREMENT.version);
  // The pane reads the same workbook again and again: how big it was last time sizes the next read.
  const readMemory: ReadMemory = {};
  // Imports are recorded in order; two files of one press may start within the same millisecond.
  let lastSeq = 0;
  const nextSeq = () => (lastSeq = Math.max(Date.now(), lastSeq + 1));
  return {
    readGrids: (scope, readOptions) => readGrids(run, scope, readOptions, readMemory),
    applyPlan: (plan, consent) => applyPlan(run, plan, { notesSupported }, consent),
    undoLastWrite: async () => {
      const writeId = await writeIdToForget(run);
      const report = await undoLastWrite(run, { notesSupported });
      // The history forgets the write only once it is undone (a protected sheet may keep part of it).
      await forgetUndoneWrite(run, writeId);
      return report;
    },
    hasUndo: () => hasUndo(run),
    loadPreset: () => loadPreset(run, options.onInvalidSavedPreset),
    savePreset: async (preset) => {
      await savePreset(run, preset);
      options.onPresetSaved?.(preset);
      await recalculateWorkbook(run);
    },
    loadHistory: () => loadHistory(run),
    recordHistory: async (makeEntry) => (await recordHistoryEntry(run, makeEntry)) !== undefined,
    writeOfficerCells: (write) => writeOfficerCells(run, write),
    selectCell: (sheet, address) => selectCell(run, sheet, address),
    loadMappings: () => loadMappings(run, options.onInvalidSavedMappings),
    saveMappings: (mappings) => saveMappings(run, mappings),
    readSelection: () => readSelection(run),
    writeSummarySheet: (content) => writeSummarySheet(run, content),
    removeSummarySheet: (name) => removeSummarySheet(run, name),
    imports: {
      supported: () => isSetSupported(IMPORT_REQUIREMENT.set, IMPORT_REQUIREMENT.version),
      importBook: (book, batch) => importBook(run, book, batch, nextSeq()),
      loadImports: () => loadImports(run),
      removeLastImport: (options) => removeLastImport(run, options),
    },
  };
}
