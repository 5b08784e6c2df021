/**
 * Command line: grade the KPI ledgers in .xlsx files.
 *
 *   kpi-hyoka <file or folder>… [options]        (npm run evaluate -- … runs the same)
 *
 * Exit codes: 0 every KPI graded; 1 problems found (what could be written is still
 * written; an unreadable file among several); 2 bad usage or the one file given cannot be read.
 *
 * Built to dist-cli/main.js (scripts/build-cli.mjs) and started by bin/kpi-hyoka.mjs;
 * `tsx src/cli/main.ts` runs the sources directly.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from './run';

export { runCli };

/** Runs the command on the process's arguments and sets its exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = await runCli(argv, {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      stderrIsTerminal: process.stderr.isTTY === true,
    });
  } catch (error) {
    process.stderr.write(`予期しないエラーが発生しました / Unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  }
}

// Run only when executed directly (tests import runCli; the launcher calls main).
if (import.meta.url === pathToFileURL(realpathSync(resolve(process.argv[1] ?? ''))).href) void main();
