/**
 * The R3 → R4 step of the history tests on files (tests/cli/history.test.ts and
 * summaryHistory.test.ts): column E becomes R4 (観光客数 220人 against a target raised to 250人;
 * 移住者数 62人), edited through the package so the add-in's history part stays as written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { patchSheet } from '../../src/xlsx/sheetPatch';
import { readWorkbook } from '../../src/xlsx/readWorkbook';

export function nextYear(from: string, to: string): void {
  const loaded = readWorkbook(readFileSync(from));
  const part = loaded.sheets.get('基本目標1')!.part;
  const cells = [
    { row: 0, col: 4, text: 'R4実績' },
    { row: 1, col: 4, text: '220人' },
    { row: 1, col: 5, text: '250人' },
    { row: 2, col: 4, text: '62人' },
  ];
  loaded.pkg.replace(part, patchSheet(loaded.pkg.text(part), part, { cells, clearRulesWithin: [], formats: [] }).xml);
  writeFileSync(to, loaded.pkg.toBytes());
}
