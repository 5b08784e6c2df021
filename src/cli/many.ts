/**
 * The many-file flow: collect the files, grade them on the worker pool, print one
 * combined report (per file, in total, the consistency review). A file that cannot be
 * read or written is reported and the others are still graded (exit 1). With
 * --out-dir each graded copy goes there under its own name, never over an input.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { reviewConsistency, type ReviewFile } from '../core/consistency';
import { collectInputs } from './collect';
import { combine, type FileOutcome } from './combinedReport';
import { writeManyReport } from './manyReport';
import { outputRefusal } from '../xlsx/outputFile';
import { formatCombinedText } from './combinedText';
import { jobFromOptions, type GradeJob } from './gradeFile';
import { say, t } from './messages';
import type { Options } from './options';
import { defaultThreads, gradeOnPool } from './pool';
import { noProgress, progressBar } from './progress';
import type { CliIo } from './run';

/**
 * Each copy's path in the output folder: the input's own name; when two inputs share a
 * name, or a name is an input's own path (the folder is an input folder), "name (2).xlsx".
 */
export function copyPaths(files: readonly string[], outDir: string): string[] {
  const key = (p: string) => resolve(p).toLowerCase(); // Windows and macOS folders ignore case
  const taken = new Set(files.map((f) => key(existsSync(f) ? realpathSync(f) : f)));
  return files.map((file) => {
    const ext = extname(file);
    const stem = basename(file, ext);
    let candidate = join(outDir, basename(file));
    for (let n = 2; taken.has(key(candidate)); n++) candidate = join(outDir, `${stem} (${n})${ext}`);
    taken.add(key(candidate));
    return candidate;
  });
}

export async function runMany(o: Options, io: CliIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(message + '\n');
    return 2;
  };
  if (o.out !== undefined) return usage(t(o.lang, 'outWithMany'));
  if (o.outDir !== undefined && !(existsSync(o.outDir) && statSync(o.outDir).isDirectory())) return usage(t(o.lang, 'outDirMissing', { dir: o.outDir }));

  if (o.report !== undefined) {
    // Checked before anything is graded: a run of many files should not end in "cannot write the report".
    const refusal = /\.html?$/i.test(o.report) ? outputRefusal(o.inputs[0]!, o.report, o.force) : 'notHtml';
    if (refusal === 'notHtml') return usage(t(o.lang, 'reportNotHtml', { file: o.report }));
    if (refusal === 'exists') return usage(t(o.lang, 'outExists', { file: o.report }));
    if (refusal === 'folderMissing') return usage(t(o.lang, 'outDirMissing', { dir: dirname(resolve(o.report)) }));
  }

  const collected = collectInputs(o.inputs, o.outDir);
  if (collected.files.length === 0 && collected.missing.length === 0) return usage(t(o.lang, 'nothingToGrade', { paths: o.inputs.join(', ') }));

  const targets = o.outDir !== undefined ? copyPaths(collected.files, o.outDir) : [];
  const jobs: GradeJob[] = collected.files.map((file, i) => ({
    ...jobFromOptions(o, file),
    summary: o.json || o.report !== undefined,
    ...(o.report !== undefined ? { reportSection: { index: i } } : {}),
    ...(o.outDir !== undefined ? { out: targets[i] } : {}),
  }));


  const progress = !o.json && io.stderrIsTerminal && jobs.length > 0 ? progressBar(io.stderr, jobs.length, o.lang) : noProgress;
  const results = jobs.length > 0 ? await gradeOnPool(jobs, o.jobs ?? defaultThreads(), progress.update) : [];
  progress.end();

  const outcomes: FileOutcome[] = [];
  const digests: ReviewFile[] = [];
  const sections = new Map<string, { title: string; html: string }>();
  let worst: 0 | 1 = 0;
  for (const missing of collected.missing) {
    outcomes.push({ file: missing, ok: false, error: { key: 'notFound', params: { file: missing } } });
    worst = 1;
  }
  results.forEach((r, i) => {
    const file = collected.files[i]!;
    if (r.ok) {
      outcomes.push({ file, ok: true, report: r.report });
      digests.push(r.review);
      if (r.reportSection) sections.set(file, r.reportSection);
      worst = Math.max(worst, r.exitCode) as 0 | 1;
    } else {
      outcomes.push({ file, ok: false, error: 'crashed' in r ? { key: 'workerFailed', params: { file, detail: r.crashed } } : r.error });
      worst = 1;
    }
  });

  const report = combine(o.preset.id, outcomes, collected.skipped, reviewConsistency(digests, o.preset));
  if (o.report !== undefined) {
    const written = await writeManyReport(o.report, report, sections, o);
    if (written) {
      io.stderr(say(o.lang, written) + '\n');
      worst = 1;
    }
  }
  io.stdout(o.json ? JSON.stringify(report, null, 2) + '\n' : formatCombinedText(report, o.lang));
  // Say on stderr too which files were not graded: the report may be long, or piped to a file.
  if (!o.json) for (const f of outcomes) if (!f.ok) io.stderr(say(o.lang, f.error) + '\n');
  return worst;
}
