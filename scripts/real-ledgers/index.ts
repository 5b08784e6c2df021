/**
 * `npm run fixtures:real`: regenerates tests/fixtures/real/*.xlsx, the ledgers modelled on
 * published KPI progress reports (one generator per municipality in this folder, each naming
 * its source at the top). Half are written with exceljs (the *.ts generators), half with
 * openpyxl (the *.py generators, run with Debian's python3-openpyxl), because the two write
 * OOXML differently (shared strings, styles, merged cells) as the tools officers use do.
 *
 * Deterministic: the same bytes on every run — fixed document properties, and fixzip.py
 * gives the zip container fixed timestamps afterwards (the parts stay as each writer made
 * them). Expected results: tests/fixtures/real/expected.ts.
 *
 * Usage: npm run fixtures:real            → tests/fixtures/real/
 *        tsx scripts/real-ledgers/index.ts <dir>
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Workbook } from 'exceljs';
import { isMainModule, newLedgerWorkbook, saveWorkbook } from '../ledgerLayout';
import * as agui from './agui';
import * as fuji from './fuji';
import * as fukuoka from './fukuoka';
import * as ino from './ino';
import * as kanazawa from './kanazawa';
import * as otsuki from './otsuki';
import * as sano from './sano';
import * as tama from './tama';

export const REAL_FIXTURES_DIR = 'tests/fixtures/real';
const CREATOR = 'kpi-ledger-addin real-ledger fixtures';
const HERE = dirname(fileURLToPath(import.meta.url));

interface TsGenerator {
  readonly FILE: string;
  build(workbook: Workbook): void;
}

const TS_GENERATORS: readonly TsGenerator[] = [kanazawa, sano, otsuki, tama, ino, fukuoka, agui, fuji];

/** Debian's interpreter has python3-openpyxl; a pyenv shim earlier on PATH may not. */
function python(): string {
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

export async function writeRealFixtures(dir: string = REAL_FIXTURES_DIR): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const g of TS_GENERATORS) {
    const workbook = newLedgerWorkbook(CREATOR);
    g.build(workbook);
    const path = join(dir, g.FILE);
    await saveWorkbook(workbook, path);
    written.push(path);
  }
  const scripts = readdirSync(HERE)
    .filter((f) => f.endsWith('.py') && f !== 'xl.py' && f !== 'fixzip.py')
    .sort();
  for (const script of scripts) {
    const out = execFileSync(python(), [join(HERE, script), dir], { encoding: 'utf8' });
    written.push(...out.split('\n').filter((l) => l.startsWith('wrote ')).map((l) => l.slice('wrote '.length)));
  }
  execFileSync(python(), [join(HERE, 'fixzip.py'), ...written]);
  return written;
}

if (isMainModule(import.meta.url)) {
  for (const path of await writeRealFixtures(process.argv[2] ?? REAL_FIXTURES_DIR)) console.log(`wrote ${path}`);
}
