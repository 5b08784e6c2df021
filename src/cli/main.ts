/**
 * Command line: grade the KPI ledgers in an .xlsx file.
 *
 *   npm run evaluate -- <file.xlsx> [--preset NAME] [--json] [--out OUT.xlsx]
 *                       [--overwrite] [--notes] [--add-grade-column] [--lang ja|en]
 *
 * Exit codes: 0 every KPI graded; 1 problems found (what could be written is still
 * written); 2 bad usage or a file that cannot be read.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from './run';

export { runCli };

// Run only when executed directly (tests import runCli instead).
if (import.meta.url === pathToFileURL(realpathSync(resolve(process.argv[1] ?? ''))).href) {
  runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`予期しないエラーが発生しました / Unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
