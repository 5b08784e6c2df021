/**
 * The add-in's whole path on the workbook double: read every sheet, evaluate,
 * plan, write (with undo snapshot), undo and read again, on a generated 10,000-KPI workbook.
 * Reports syncs, the largest request and the bytes read, which do not depend on the machine,
 * and the time, which does. The double models Excel's limits (5 MB per response, 512 merged
 * areas per lookup), so the syncs are those real Excel on the web would need.
 */
import { evaluateWorkbook } from '../src/core/evaluate';
import { BUILTIN_PRESETS } from '../src/core/presets';
import { planWrite } from '../src/core/writePlan';
import { createOfficeHost } from '../src/excel/officeHost';
import { createWorkbookDouble } from '../tests/support/workbookDouble';
import { generateLedgerGrids } from './generate';
import { gridToSheetSpec } from './sheetSpec';

export interface AdapterBench {
  kpis: number;
  sheets: number;
  readSyncs: number;
  /** Bytes of every read sync's response, and per KPI. */
  readResponseBytes: number;
  /** The largest read response (Excel on the web refuses one over 5 MB). */
  largestReadResponseBytes: number;
  /** Merged areas on the generated sheets: the most on one sheet (Excel looks up 512 at a time). */
  maxMergesPerSheet: number;
  writeSyncs: number;
  undoSyncs: number;
  largestRequestBytes: number;
  cellsWritten: number;
  readSeconds: number;
  /** The read after the undo, in the same pane: it starts in blocks sized as the first read ended. */
  rereadSyncs: number;
  rereadSeconds: number;
  evaluateSeconds: number;
  writeSeconds: number;
  undoSeconds: number;
}

export async function benchAdapter(kpisPerSheet = 1_000, sheets = 10): Promise<AdapterBench> {
  // Grade cells start empty, as in a ledger graded for the first time: every KPI gets written.
  const grids = generateLedgerGrids({ sheets, kpisPerSheet, seed: 7, emptyGrades: true });
  const double = createWorkbookDouble(grids.map(gridToSheetSpec));
  const host = createOfficeHost(double.run, { isSetSupported: () => true });

  let t = performance.now();
  const read = await host.readGrids({ kind: 'workbook' });
  const readSyncs = double.syncCount;
  const readResponseBytes = double.responseBytes.reduce((n, b) => n + b, 0);
  const largestReadResponseBytes = Math.max(...double.responseBytes);
  const readSeconds = (performance.now() - t) / 1000;

  t = performance.now();
  const evaluation = evaluateWorkbook(read, BUILTIN_PRESETS.standard);
  const plan = planWrite(evaluation, read, { adopt: 'none', notes: false, addGradeColumns: false });
  const evaluateSeconds = (performance.now() - t) / 1000;
  const kpis = evaluation.tables.reduce((n, tb) => n + tb.kpis.length, 0);

  double.resetCounters();
  t = performance.now();
  const report = await host.applyPlan(plan);
  const writeSeconds = (performance.now() - t) / 1000;
  const writeSyncs = double.syncCount;
  const largestRequestBytes = Math.max(...double.requestBytes);

  double.resetCounters();
  t = performance.now();
  await host.undoLastWrite();
  const undoSeconds = (performance.now() - t) / 1000;
  const undoSyncs = double.syncCount;

  double.resetCounters();
  t = performance.now();
  await host.readGrids({ kind: 'workbook' });
  const rereadSeconds = (performance.now() - t) / 1000;

  return {
    kpis,
    sheets,
    readSyncs,
    readResponseBytes,
    largestReadResponseBytes,
    maxMergesPerSheet: Math.max(...grids.map((g) => g.merges.length)),
    writeSyncs,
    undoSyncs,
    largestRequestBytes,
    cellsWritten: report.written,
    readSeconds,
    rereadSyncs: double.syncCount,
    rereadSeconds,
    evaluateSeconds,
    writeSeconds,
    undoSeconds,
  };
}
