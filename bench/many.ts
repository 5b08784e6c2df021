/**
 * `npm run bench:many`: 100 generated department files of 200 KPIs each through the built
 * command (a real process, as an officer runs it): one worker, all workers, and all
 * workers writing every graded copy (--out-dir). Files per second and the process's peak
 * resident memory (GNU time's maximum RSS: the main thread and its workers share it).
 * Prints a Markdown table; the README quotes it. Never asserted by tests (noisy machine).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGridsAsXlsx } from './cli';
import { generateLedgerGrids } from './generate';

const FILES = Number(process.env.BENCH_FILES ?? 100);
const KPIS = Number(process.env.BENCH_KPIS ?? 200);
const GNU_TIME = '/usr/bin/time';

export interface ManyRow {
  label: string;
  workers: number;
  seconds: number;
  filesPerSecond: number;
  peakRssMB: number | null;
  exitCode: number | null;
  kpis: number;
}

function runCommand(args: string[]): { seconds: number; status: number | null; stdout: string; peakKB: number | null } {
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M', process.execPath, 'bin/kpi-hyoka.mjs', ...args]] : [process.execPath, ['bin/kpi-hyoka.mjs', ...args]];
  const t = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const seconds = (performance.now() - t) / 1000;
  const peak = useTime ? Number(/(\d+)\s*$/.exec(r.stderr)?.[1]) : NaN;
  return { seconds, status: r.status, stdout: r.stdout, peakKB: Number.isFinite(peak) ? peak : null };
}

export async function benchMany(): Promise<{ rows: ManyRow[]; fileKB: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-bench-many-'));
  const inputs = join(dir, 'departments');
  mkdirSync(inputs);
  for (let i = 0; i < FILES; i++) {
    await writeGridsAsXlsx(generateLedgerGrids({ sheets: 1, kpisPerSheet: KPIS, seed: 1000 + i }), join(inputs, `dept-${String(i + 1).padStart(3, '0')}.xlsx`));
  }
  const fileKB = readdirSync(inputs).reduce((n, f) => n + statSync(join(inputs, f)).size, 0) / FILES / 1024;
  runCommand(['--help']); // build dist-cli if stale, warm the file cache
  const all = availableParallelism();
  const rows: ManyRow[] = [];
  const measure = (label: string, workers: number, extra: string[] = []) => {
    const r = runCommand([inputs, '--json', '--jobs', String(workers), ...extra]);
    const report = JSON.parse(r.stdout) as { summary: { kpis: number } };
    rows.push({
      label,
      workers,
      seconds: r.seconds,
      filesPerSecond: FILES / r.seconds,
      peakRssMB: r.peakKB === null ? null : r.peakKB / 1024,
      exitCode: r.status,
      kpis: report.summary.kpis,
    });
  };
  measure('one worker', 1);
  measure('all workers', all);
  const out = join(dir, 'graded');
  mkdirSync(out);
  measure('all workers, --out-dir', all, ['--out-dir', out]);
  rmSync(dir, { recursive: true, force: true });
  return { rows, fileKB };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, fileKB } = await benchMany();
  console.log(`# Many files — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}\n`);
  console.log(`${FILES} files × ${KPIS} KPIs (${fileKB.toFixed(0)} KB each), built command, --json\n`);
  console.log('| run | workers | seconds | files/s | peak RSS MB | KPIs | exit |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.label} | ${r.workers} | ${r.seconds.toFixed(2)} | ${r.filesPerSecond.toFixed(1)} | ${r.peakRssMB?.toFixed(0) ?? '–'} | ${r.kpis} | ${r.exitCode} |`);
}
