/** Which files a many-file run grades (no grading here: collectInputs alone). */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs } from '../../src/cli/collect';

const SAMPLE = 'samples/kashiwazaki-H29-ledger.xlsx';

function tree() {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-collect-'));
  mkdirSync(join(dir, 'b'));
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'graded'));
  copyFileSync(SAMPLE, join(dir, 'b', 'z.xlsx'));
  copyFileSync(SAMPLE, join(dir, 'b', 'Y.XLSM'));
  copyFileSync(SAMPLE, join(dir, 'a', 'x.xlsx'));
  copyFileSync(SAMPLE, join(dir, 'top.xlsx'));
  copyFileSync(SAMPLE, join(dir, 'graded', 'top.xlsx'));
  writeFileSync(join(dir, 'a', '~$x.xlsx'), '');
  writeFileSync(join(dir, 'a', 'old.xls'), '');
  return dir;
}

describe('collectInputs', () => {
  it("a folder's own files first, then each subfolder, in path order; .xlsm in any case; lock files and others noted", () => {
    const dir = tree();
    const c = collectInputs([dir], join(dir, 'graded'));
    expect(c.files).toEqual([join(dir, 'top.xlsx'), join(dir, 'a', 'x.xlsx'), join(dir, 'b', 'Y.XLSM'), join(dir, 'b', 'z.xlsx')]);
    expect(c.skipped.map((s) => [s.file, s.note.key])).toEqual([
      [join(dir, 'a', 'old.xls'), 'skippedOther'],
      [join(dir, 'a', '~$x.xlsx'), 'skippedLock'],
    ]);
    expect(c.missing).toEqual([]);
  });

  it('the output folder is searched when no --out-dir names it; each file is taken once however often it is given', () => {
    const dir = tree();
    const c = collectInputs([join(dir, 'top.xlsx'), dir, join(dir, 'a')]);
    expect(c.files).toEqual([join(dir, 'top.xlsx'), join(dir, 'a', 'x.xlsx'), join(dir, 'b', 'Y.XLSM'), join(dir, 'b', 'z.xlsx'), join(dir, 'graded', 'top.xlsx')]);
  });

  it('a named file is always tried (an .xls gets the reader’s message), except a lock file; a missing path is listed', () => {
    const dir = tree();
    const c = collectInputs([join(dir, 'a', 'old.xls'), join(dir, 'a', '~$x.xlsx'), join(dir, 'nope.xlsx')]);
    expect(c.files).toEqual([join(dir, 'a', 'old.xls')]);
    expect(c.skipped.map((s) => s.note.key)).toEqual(['skippedLock']);
    expect(c.missing).toEqual([join(dir, 'nope.xlsx')]);
  });
});
