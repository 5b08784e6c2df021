/**
 * Engine throughput: detection + parsing + grading (evaluateWorkbook) on a generated ledger of
 * 100,000 KPI rows over 50 sheets, held in memory as SheetGrids (bench/generate.ts), with the
 * default `standard` preset. No files and no Excel: this is the engine's own speed.
 *
 * One warm-up run (the JIT and the engine's small memos), then the best of three timed runs of
 * each of: the whole job (evaluateWorkbook), detection alone (detectKpiTables on every sheet) and
 * grading alone (evaluateDetections on the detected tables), and wording every reason afterwards. Best of three because the machines
 * are shared: the least disturbed run is the closest to what the code costs. Wall-clock time;
 * a full garbage collection between runs (not timed) leaves each run only its own garbage.
 *
 * Memory: the process's resident set size (process.memoryUsage.rss) is sampled every 2 ms by a
 * small worker thread while the runs go on (the runs are synchronous, so the main thread cannot
 * sample itself), plus at every phase boundary; peakRssMB is the largest sample. heapUsedMB is
 * the main heap after a run, with its Evaluation still held.
 *
 * Called by the bench runner: `benchEngine()`; alone: `npx tsx bench/engine.ts` prints one JSON line.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { detectKpiTables, type DetectionResult } from '../src/core/detect';
import { evaluateDetections, evaluateWorkbook } from '../src/core/evaluate';
import { getBuiltinPreset } from '../src/core/presets';
import type { Evaluation } from '../src/core/types';
import { generateLedgerGrids } from './generate';

export interface EngineBench {
  /** KPIs graded per run (100,000). */
  readonly kpis: number;
  readonly sheets: number;
  /** Best wall-clock time of evaluateWorkbook over all sheets. */
  readonly seconds: number;
  readonly kpisPerSecond: number;
  /** Largest resident set size sampled during the runs. */
  readonly peakRssMB: number;
  /** V8 heap in use after a run, its Evaluation still held. */
  readonly heapUsedMB: number;
  /** Best time of detection (tables, KPI rows, cell parsing) alone. */
  readonly detectSeconds: number;
  /** Best time of grading (figures, measures, grades, problems) alone. */
  readonly gradeSeconds: number;
  /**
   * Best time of wording every KPI's reason in both languages after a run. Outcomes word their
   * reasons when first read (the pane reads those of the rows an officer opens, the CLI all of
   * them), so this is not in `seconds`: a door that reads every reason pays it on top.
   */
  readonly reasonsSeconds: number;
}

export interface EngineBenchOptions {
  readonly sheets?: number;
  readonly kpisPerSheet?: number;
  /** Timed runs of each phase; the best counts. */
  readonly runs?: number;
}

const MB = 1024 * 1024;

/** A worker that samples the process RSS until asked for the peak. */
function startRssSampler(intervalMs = 2): { peak: () => Promise<number> } {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let peak = 0;
     const tick = () => { const r = process.memoryUsage.rss(); if (r > peak) peak = r; };
     tick();
     const timer = setInterval(tick, ${intervalMs});
     parentPort.on('message', () => { tick(); clearInterval(timer); parentPort.postMessage(peak); });`,
    { eval: true },
  );
  return {
    peak: () =>
      new Promise<number>((done, fail) => {
        worker.once('message', (peak: number) => {
          void worker.terminate();
          done(peak);
        });
        worker.once('error', fail);
        worker.postMessage('stop');
      }),
  };
}

function countKpis(evaluation: Evaluation): number {
  let n = 0;
  for (const t of evaluation.tables) n += t.kpis.length;
  return n;
}

/**
 * A full garbage collection between runs, so that a run is not billed for collecting the runs
 * before it (its own garbage it still pays for). `gc` is exposed for this process only.
 */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Collects the previous run's garbage and lets the sampler thread and pending timers run. */
const breathe = () => {
  collectGarbage();
  return new Promise<void>((done) => setTimeout(done, 10));
};

export async function benchEngine(options: EngineBenchOptions = {}): Promise<EngineBench> {
  const sheets = options.sheets ?? 50;
  const kpisPerSheet = options.kpisPerSheet ?? 2_000;
  const runs = options.runs ?? 3;
  const preset = getBuiltinPreset('standard');
  if (!preset) throw new Error('bench: the standard preset is missing');
  const grids = generateLedgerGrids({ sheets, kpisPerSheet });
  const expected = sheets * kpisPerSheet;

  const sampler = startRssSampler();
  let peakRss = process.memoryUsage.rss();
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  };

  // Warm-up: compiles the hot paths and fills the memos a real run would fill too.
  let evaluation: Evaluation | undefined = evaluateWorkbook(grids, preset);
  const kpis = countKpis(evaluation);
  if (kpis !== expected) throw new Error(`bench: the engine found ${kpis} KPIs, the generator wrote ${expected}`);
  sample();
  evaluation = undefined;
  await breathe();

  let seconds = Infinity;
  let heapUsed = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    evaluation = evaluateWorkbook(grids, preset);
    seconds = Math.min(seconds, (performance.now() - started) / 1000);
    sample();
    heapUsed = Math.max(heapUsed, process.memoryUsage().heapUsed);
    evaluation = undefined;
    await breathe();
  }

  let detectSeconds = Infinity;
  let detected: DetectionResult[] = [];
  for (let i = 0; i < runs; i++) {
    detected = [];
    const started = performance.now();
    for (const grid of grids) detected.push(detectKpiTables(grid));
    detectSeconds = Math.min(detectSeconds, (performance.now() - started) / 1000);
    sample();
    await breathe();
  }

  let gradeSeconds = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    evaluation = evaluateDetections(detected, preset);
    gradeSeconds = Math.min(gradeSeconds, (performance.now() - started) / 1000);
    sample();
    evaluation = undefined;
    await breathe();
  }

  let reasonsSeconds = Infinity;
  for (let i = 0; i < runs; i++) {
    evaluation = evaluateWorkbook(grids, preset);
    await breathe();
    const started = performance.now();
    let chars = 0;
    for (const t of evaluation.tables) for (const k of t.kpis) chars += k.outcome.reason.length + k.outcome.reasonEn.length;
    reasonsSeconds = Math.min(reasonsSeconds, (performance.now() - started) / 1000);
    if (chars === 0) throw new Error('bench: no reason was worded');
    sample();
    evaluation = undefined;
    await breathe();
  }

  const peakRssMB = Math.max(peakRss, await sampler.peak()) / MB;
  const round = (x: number, digits: number) => Number(x.toFixed(digits));
  return {
    kpis,
    sheets,
    seconds: round(seconds, 4),
    kpisPerSecond: Math.round(kpis / seconds),
    peakRssMB: round(peakRssMB, 1),
    heapUsedMB: round(heapUsed / MB, 1),
    detectSeconds: round(detectSeconds, 4),
    gradeSeconds: round(gradeSeconds, 4),
    reasonsSeconds: round(reasonsSeconds, 4),
  };
}

const started = process.argv[1];
if (started !== undefined && fileURLToPath(import.meta.url) === resolve(started)) {
  console.log(JSON.stringify(await benchEngine()));
}
