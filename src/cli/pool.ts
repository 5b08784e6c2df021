/**
 * Grades many files on a pool of worker threads (tinypool), one per CPU by default.
 * The built command runs dist-cli/worker.js; the sources (tests, `npm run evaluate:ts`)
 * run src/cli/worker.ts through tsx's loader (src/cli/workerFromSource.mjs). A worker that dies (out of memory, a
 * crash) fails only its file: the others are still graded.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { GradeJob } from './gradeFile';
import type { WorkerResult } from './worker';

export type PoolOutcome = WorkerResult | { ok: false; crashed: string };

function workerFile(): string {
  const built = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (import.meta.url.endsWith('.js') && existsSync(built)) return built;
  return fileURLToPath(new URL('./workerFromSource.mjs', import.meta.url));
}

export const defaultThreads = (): number => Math.max(1, availableParallelism());

/**
 * Runs every job, at most `threads` at a time, and calls `onDone` as each finishes.
 * The results come back in the jobs' order.
 */
export async function gradeOnPool(jobs: readonly GradeJob[], threads: number, onDone: (done: number) => void): Promise<PoolOutcome[]> {
  const size = Math.max(1, Math.min(threads, jobs.length));
  const pool = new Tinypool({ filename: workerFile(), minThreads: size, maxThreads: size, isolateWorkers: false });
  // A worker that fails before it takes a task (it cannot load) is reported by the pool as an
  // 'error' event, not through any task: every file still waiting fails with it, instead of
  // waiting for ever. Each task's race below reports it; the handler only keeps the rejection
  // from being "unhandled" when no task is waiting any more.
  const poolFailed = new Promise<never>((_, reject) => pool.once('error', reject));
  poolFailed.catch(() => undefined);
  let done = 0;
  try {
    return await Promise.all(
      jobs.map(async (job): Promise<PoolOutcome> => {
        let outcome: PoolOutcome;
        try {
          outcome = (await Promise.race([pool.run(job), poolFailed])) as WorkerResult;
        } catch (error) {
          // Not swallowed: the file is reported with this, and the run exits 1.
          outcome = { ok: false, crashed: error instanceof Error ? error.message : String(error) };
        }
        onDone(++done);
        return outcome;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
