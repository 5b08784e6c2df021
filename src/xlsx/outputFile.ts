/**
 * Writing the copy without ever touching the input or a file the officer did
 * not mean to replace: the bytes go to a temporary file in the target folder,
 * which then takes the output's name in one step (a rename), so a crash or a full
 * disk leaves either no output or the whole output, never half a workbook.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export type OutputRefusal =
  /** The output is the input: the same path, a symbolic link to it, or a hard link (same device and inode). */
  | 'sameAsInput'
  /** A file of that name exists and --force was not given. */
  | 'exists'
  | 'folderMissing';

/** The path with every symbolic link resolved, for a file that may not exist yet. */
function realPath(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const dir = dirname(absolute);
  return existsSync(dir) ? join(realpathSync(dir), basename(absolute)) : absolute;
}

function sameFile(input: string, output: string): boolean {
  if (realPath(input) === realPath(output)) return true;
  if (!existsSync(input) || !existsSync(output)) return false;
  const a = statSync(input);
  const b = statSync(output);
  return a.dev === b.dev && a.ino === b.ino;
}

function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Why `output` must not be written, or undefined when it may. */
export function outputRefusal(input: string, output: string, force: boolean): OutputRefusal | undefined {
  if (!existsSync(dirname(resolve(output)))) return 'folderMissing';
  if (sameFile(input, output)) return 'sameAsInput';
  if (!force && lexists(output)) return 'exists';
  return undefined;
}

export class OutputExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists`);
    this.name = 'OutputExistsError';
  }
}

/**
 * Writes `bytes` as `output`, atomically. Without `force` an existing output is
 * never replaced, even one created while we were writing: the temporary file is
 * hard-linked to the name, which fails when the name is taken.
 */
export async function writeOutputFile(output: string, bytes: Uint8Array, force: boolean): Promise<void> {
  const target = resolve(output);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx');
  let placed = false;
  try {
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    if (force) await rename(temporary, target);
    else {
      try {
        await link(temporary, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new OutputExistsError(output);
        // A file system without hard links: check, then rename (a small race, but never over the input).
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
        if (lexists(target)) throw new OutputExistsError(output);
        await rename(temporary, target);
        placed = true;
        return;
      }
      await unlink(temporary);
    }
    placed = true;
  } finally {
    if (!placed) {
      await handle.close().catch((error: NodeJS.ErrnoException) => {
        // Closing twice only after a write error: the first error is the one to report.
        if (error.code !== 'EBADF') throw error;
      });
      await unlink(temporary).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
  }
}
