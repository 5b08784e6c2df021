/**
 * A worker of the many-file pool: grades one file and returns plain data (the report,
 * the exit code, the review's digest), which crosses the thread boundary by structured
 * clone. Messages go back as keys, worded by the main thread in --lang.
 */
import { reviewDigest, type ReviewFile } from '../core/consistency';
import { gradeFile, type GradeJob } from './gradeFile';
import type { JsonReport } from './jsonReport';
import type { CliMessage } from './messages';

export type WorkerResult =
  | { ok: true; report: JsonReport; exitCode: 0 | 1; review: ReviewFile; reportSection?: { title: string; html: string } }
  | { ok: false; error: CliMessage };

export async function gradeForCollection(job: GradeJob): Promise<WorkerResult> {
  const result = await gradeFile(job);
  if (!result.ok) return result;
  return {
    ok: true,
    report: result.report,
    exitCode: result.exitCode,
    review: reviewDigest(job.file, result.evaluation),
    ...(result.reportSection ? { reportSection: result.reportSection } : {}),
  };
}

export default gradeForCollection;
