/**
 * A lower bound for the engine benchmark, not a benchmark of the engine: how long the same
 * generated ledger (bench/generate.ts, 100,000 KPIs over 50 sheets) takes when every cell is
 * read once and, for each KPI, the objects an Evaluation keeps are allocated — the KPI row, its
 * value cells and readings, measures, verdict, compared figures, outcome and evaluated KPI — with
 * no parsing, detection or grading at all. Whatever the engine does on top costs more than this.
 *
 * `npx tsx bench/floor.ts` prints one JSON line. Quoted in the README's Limits.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { SheetGrid } from '../src/core/grid';
import { generateLedgerGrids } from './generate';

const NO_CELLS: readonly unknown[] = Object.freeze([]);

/** Touches every cell; allocates one KPI's kept objects for each of the first `perSheet` rows wide enough. */
function outputOnly(grids: readonly SheetGrid[], perSheet: number): { kept: unknown[]; chars: number } {
  const kept: unknown[] = [];
  let chars = 0;
  for (const grid of grids) {
    let made = 0;
    for (let r = 0; r < grid.rows.length; r++) {
      const row = grid.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) chars += row[c]?.text.length ?? 0;
      if (made === perSheet || row.length < 6) continue;
      made++;
      const reading = (v: number) => ({ kind: 'number', value: v + 0.5, unit: '%' });
      const valueCell = (col: number) => ({ row: r, col, text: row[col]?.text ?? '', reading: reading(r + col), year: 2014 + col });
      const text = row[1]?.text ?? '';
      const kpi = {
        row: r,
        name: text.slice(0, 5 + (r % 3)),
        intermediates: NO_CELLS,
        target: valueCell(5),
        department: text.slice(1, 4 + (r % 2)),
        number: String(r % 50),
        baseline: valueCell(2),
        current: valueCell(4),
        gradeCell: { row: r, col: 6, text: 'Ａ' },
      };
      const measures = { direction: 'up', directionBasis: 'values', progress: r / 7, elapsed: 0.6 + r / 1e9, elapsedKnown: true, attainment: r / 3, deterioration: -r / 11, targetMet: false };
      const compared = { baseline: r + 0.25, current: r + 0.75, target: r + 1.5, unit: '%' };
      const verdict = { kind: 'graded', grade: 'A', clause: 'onPace', measures, compared, paceFromAttainment: false };
      const outcome = { grade: 'A', meaning: '順調', measures, verdict, preset: null, reason: undefined, reasonEn: undefined };
      kept.push({ kpi, outcome, gradeText: 'Ａ', existing: 'Ａ', differs: false });
    }
  }
  return { kept, chars };
}

export function benchFloor(runs = 5): { kpis: number; seconds: number; kpisPerSecond: number } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const kpisPerSheet = 2_000;
  const grids = generateLedgerGrids({ sheets: 50, kpisPerSheet });
  let seconds = Infinity;
  let kpis = 0;
  for (let i = 0; i <= runs; i++) {
    gc();
    const started = performance.now();
    kpis = outputOnly(grids, kpisPerSheet).kept.length;
    // The first run compiles; the best of the rest counts, as in bench/engine.ts.
    if (i > 0) seconds = Math.min(seconds, (performance.now() - started) / 1000);
  }
  return { kpis, seconds: Number(seconds.toFixed(4)), kpisPerSecond: Math.round(kpis / seconds) };
}

const started = process.argv[1];
if (started !== undefined && fileURLToPath(import.meta.url) === resolve(started)) {
  console.log(JSON.stringify(benchFloor()));
}
