/**
 * Which files a run grades: each file given, and every .xlsx / .xlsm in each folder
 * given (its subfolders too). Excel's lock files (~$…, left while a workbook is open)
 * and other files in the folders are skipped with a note; so are hidden folders
 * (.git …) and the --out-dir folder, whose copies are outputs, not inputs. A file
 * named explicitly is always attempted (an .xls gets its own message from the reader).
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { CliMessage } from './messages';

export interface Collected {
  /** In the order given; a folder's files sorted by path. Each file once. */
  readonly files: string[];
  /** Lock files and other files left out, each with its note. */
  readonly skipped: { file: string; note: CliMessage }[];
  /** Paths given that do not exist. */
  readonly missing: string[];
}

const WORKBOOK = new Set(['.xlsx', '.xlsm']);
const isLockFile = (name: string): boolean => name.startsWith('~$');

/** Code-point order, the same on every machine (no locale). */
const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function collectInputs(paths: readonly string[], outDir?: string): Collected {
  const files: string[] = [];
  const skipped: Collected['skipped'] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const excluded = outDir !== undefined && existsSync(outDir) ? realpathSync(outDir) : undefined;

  const add = (file: string) => {
    const real = realpathSync(file);
    if (seen.has(real)) return;
    seen.add(real);
    files.push(file);
  };

  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ file: dir, note: { key: 'skippedUnreadableFolder', params: { file: dir, detail: (error as NodeJS.ErrnoException).code ?? String(error) } } });
      return;
    }
    const found: string[] = [];
    const folders: string[] = [];
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.')) folders.push(path);
      } else if (isLockFile(e.name)) {
        skipped.push({ file: path, note: { key: 'skippedLock', params: { file: path } } });
      } else if (WORKBOOK.has(extname(e.name).toLowerCase()) && (e.isFile() || e.isSymbolicLink())) {
        found.push(path);
      } else if (!e.name.startsWith('.')) {
        skipped.push({ file: path, note: { key: 'skippedOther', params: { file: path } } });
      }
    }
    for (const f of found.sort(byPath)) add(f);
    for (const d of folders.sort(byPath)) {
      if (excluded !== undefined && realpathSync(d) === excluded) continue;
      walk(d);
    }
  };

  for (const p of paths) {
    if (!existsSync(p)) missing.push(p);
    else if (statSync(p).isDirectory()) walk(p);
    else if (isLockFile(resolve(p).split(/[\\/]/).pop() ?? '')) {
      skipped.push({ file: p, note: { key: 'skippedLock', params: { file: p } } });
    } else add(p);
  }
  skipped.sort((a, b) => byPath(a.file, b.file));
  return { files, skipped, missing };
}
