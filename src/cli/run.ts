/**
 * The command line's logic, separate from process handling so tests can run it
 * in-process. It never overwrites its input and never prints anything but JSON
 * on stdout with --json. One file given: the one-file flow (gradeFile), its report
 * as before; several files or a folder: the many-file flow (gradeMany).
 */
import { existsSync, statSync } from 'node:fs';
import { runMany } from './many';
import { formatTextReport } from './textReport';
import { gradeFile, jobFromOptions } from './gradeFile';
import { PRESET_NAMES, say, t } from './messages';
import { parseOptions, type Options } from './options';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stderr is a terminal: a many-file run draws its progress bar there. */
  stderrIsTerminal?: boolean;
}

async function runOneFile(o: Options, file: string, io: CliIo): Promise<number> {
  const result = await gradeFile({
    ...jobFromOptions(o, file),
    summary: o.json,
    ...(o.report !== undefined ? { reportFile: o.report } : {}),
    out: o.out,
    historyTable: o.history && !o.json,
    ...(o.revisionReasons ? { revisionReasons: o.revisionReasons } : {}),
  });
  if (!result.ok) {
    io.stderr(say(o.lang, result.error) + '\n');
    return 2;
  }
  for (const w of result.warnings) io.stderr(w + '\n');
  io.stdout(o.json ? JSON.stringify(result.report, null, 2) + '\n' : formatTextReport(result.report, o.lang));
  if (result.historyTable !== undefined) io.stdout(result.historyTable);
  return result.exitCode;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = await parseOptions(argv);
  if (parsed.kind === 'help') {
    io.stdout(t(parsed.lang, 'help', { presets: PRESET_NAMES }) + '\n');
    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr(parsed.message + '\n');
    if (parsed.showUsage) io.stderr(t(parsed.lang, 'usage') + '\n');
    return 2;
  }
  const o = parsed.options;
  // One file keeps the one-file report (and its JSON shape); a folder or several files are a collection.
  const only = o.inputs.length === 1 ? o.inputs[0]! : undefined;
  if (only !== undefined && !(existsSync(only) && statSync(only).isDirectory())) return runOneFile(o, only, io);
  return runMany(o, io);
}
