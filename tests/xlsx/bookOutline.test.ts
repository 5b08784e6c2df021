/**
 * The pane's outline of a picked file (src/xlsx/bookOutline.ts) against the command line's
 * reader: the same worksheets, in the same order, on the sample, the fixtures and the real
 * ledgers; and the same refusal for a file that is not a workbook.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBookOutline } from '../../src/xlsx/bookOutline';
import { XlsxReadError } from '../../src/xlsx/errors';
import { readWorkbook } from '../../src/xlsx/readWorkbook';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const inflate = async (data: Uint8Array) => new Uint8Array(inflateRawSync(data));
const files = [
  join(ROOT, 'samples/kashiwazaki-H29-ledger.xlsx'),
  ...readdirSync(join(ROOT, 'tests/fixtures')).filter((f) => f.endsWith('.xlsx')).map((f) => join(ROOT, 'tests/fixtures', f)),
  ...readdirSync(join(ROOT, 'tests/fixtures/real')).filter((f) => f.endsWith('.xlsx')).map((f) => join(ROOT, 'tests/fixtures/real', f)),
];

async function problemOf(bytes: Uint8Array): Promise<string | undefined> {
  try {
    await readBookOutline(bytes, inflate);
    return undefined;
  } catch (error) {
    if (error instanceof XlsxReadError) return error.problem;
    throw error;
  }
}

describe('readBookOutline: the worksheets of a picked file, read as the command line reads them', () => {
  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s', async (_, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    let expected: string[] | string;
    try {
      expected = readWorkbook(bytes).grids.map((g) => g.name);
    } catch (error) {
      expected = (error as XlsxReadError).problem;
    }
    const outline = await problemOf(bytes).then(async (p) => p ?? (await readBookOutline(bytes, inflate)).worksheets);
    expect(outline).toEqual(expected);
  });

  it('refuses what is not a workbook with the reader kinds (text, a password to open, a zip without a workbook)', async () => {
    expect(await problemOf(new TextEncoder().encode('施策,目標\n'))).toBe('notZip');
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')), 1152);
    expect(await problemOf(cfb)).toBe('encrypted');
    // An empty zip: the end record only.
    const empty = new Uint8Array(22);
    empty.set([0x50, 0x4b, 0x05, 0x06]);
    expect(await problemOf(empty)).toBe('notWorkbook');
  });
});
