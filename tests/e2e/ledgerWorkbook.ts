/**
 * The workbook the browser test opens: the sample ledger (samples/kashiwazaki-H29-ledger.xlsx)
 * as an officer would have it at the start of a new year —
 *   - the typed grades of one sheet (第2節 子育て) cleared, to be filled in by the add-in;
 *   - one grade cell holding a formula (=IF(1,"Ｓ","")), which must survive;
 *   - a protected sheet holding a copy of one KPI table with its grades cleared, which
 *     must be reported and left untouched;
 *   - one colour rule the officer made by hand, which must survive write and undo.
 * Read in Node (src/xlsx/readWorkbook.ts), turned into the workbook double's sheet
 * specs, and handed to the page as JSON. The same grids graded by the engine in Node give
 * the expected write plan (which cells, which colour rules), so the test compares the pane
 * against the engine rather than against numbers copied by hand — except the handful of
 * seed facts below, which pin the engine too.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadXlsx } from '../../src/xlsx/readWorkbook';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { cellAddress, parseCellAddress, rangeAddress, type CellRange, type GridCell, type SheetGrid } from '../../src/core/grid';
import { BUILTIN_PRESETS } from '../../src/core/presets';
import type { Evaluation, WritePlan } from '../../src/core/types';
import { planWrite } from '../../src/core/writePlan';
import type { CellInput, SheetSpec } from '../support/workbookDouble';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const SAMPLE_LEDGER = resolve(ROOT, 'samples/kashiwazaki-H29-ledger.xlsx');

/** The sample's sheets, in workbook order. */
export const SHEETS = ['第1節 地域産業', '第2節 子育て', '第3節 人材', '第4節 定住'] as const;

/** The sheet whose typed grades the officer cleared, and what the `standard` rule gives there (seed report). */
export const CLEARED_SHEET = '第2節 子育て';
export const CLEARED_GRADES: Readonly<Record<string, string>> = {
  G8: 'Ｓ', // 地域における子育て支援拠点施設
  G9: 'Ａ', // ハッピーパートナー企業登録数
  G20: 'Ｃ', // 婚姻の割合
  G21: 'Ａ', // 結婚活動応援事業による成婚数
};

/** Typed grades that differ from the computed ones: kept unless the officer adopts them. */
export const DIFFERING = [
  { sheet: '第1節 地域産業', address: 'G13', name: '市内高校', typed: 'Ｂ', computed: 'Ａ' },
  { sheet: '第4節 定住', address: 'G20', name: '若者の定住率', typed: 'Ａ', computed: 'Ｓ' },
] as const;

/** A grade cell the officer turned into a formula (its computed grade is Ｓ too, so only the formula blocks the write). */
export const FORMULA_CELL = { sheet: '第4節 定住', address: 'G9', formula: '=IF(1,"Ｓ","")', value: 'Ｓ' } as const;

/** A protected copy of 第3節 人材!A6:G9 (same addresses), grades cleared, so the add-in would want to write there. */
export const PROTECTED_SHEET = '保護 第3節コピー';
const PROTECTED_SOURCE = { sheet: '第3節 人材', range: { top: 5, left: 0, bottom: 8, right: 6 } as CellRange };
export const PROTECTED_GRADE_CELLS = ['G8', 'G9'] as const;

/** A rule the officer made by hand on 第1節 (not the add-in's: no marker), to be left alone. */
export const OFFICER_RULE = { sheet: '第1節 地域産業', range: 'E11:E14', rule: { type: 'Custom', formula: '=E11=""', fill: '#FFFF00' } } as const;

/** The sample has 17 KPIs in 8 tables (seed report). */
export const SAMPLE_KPIS = 17;
export const SAMPLE_TABLES = 8;

export interface E2eWorkbook {
  readonly sheets: SheetSpec[];
  readonly officerRules: { sheet: string; range: string; rule: { type?: string; formula?: string; fill?: string; fontColor?: string } }[];
  readonly activeSheet: string;
  /**
   * Files the test will pick in 「他のブックから取り込む」, read in Node by the project's reader
   * (tests/support/workbookDoubleBooks.ts): the page's double inserts these sheets for that base64.
   */
  readonly books?: { readonly base64: string; readonly sheets: SheetSpec[] }[];
}

export interface PreparedLedger {
  /** What the page's office.js stub builds the double from. */
  readonly workbook: E2eWorkbook;
  /** The modified grids, as the engine sees them. */
  readonly grids: SheetGrid[];
  /** The engine's evaluation and write plan (typed grades kept) on those grids, with the `standard` rule. */
  readonly evaluation: Evaluation;
  readonly plan: WritePlan;
}

type MutableRows = (GridCell | undefined)[][];

function cloneRows(grid: SheetGrid): MutableRows {
  return Array.from(grid.rows, (row) => (row ? Array.from(row, (c) => (c ? { ...c } : undefined)) : []));
}

function at(address: string): { row: number; col: number } {
  const p = parseCellAddress(address);
  if (!p) throw new Error(`not a cell address: ${address}`);
  return p;
}

function setCell(rows: MutableRows, address: string, cell: GridCell | undefined): void {
  const { row, col } = at(address);
  (rows[row] ??= [])[col] = cell;
}

function inside(outer: CellRange, inner: CellRange): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

function toSpec(grid: SheetGrid): SheetSpec {
  const cells: CellInput[][] = Array.from(grid.rows, (row) =>
    Array.from(row ?? [], (c): CellInput =>
      c === undefined
        ? null
        : {
            value: c.value,
            text: c.text,
            ...(c.numberFormat !== undefined ? { numberFormat: c.numberFormat } : {}),
            ...(c.formula !== undefined ? { formula: c.formula } : {}),
          },
    ),
  );
  return { name: grid.name, cells, merges: grid.merges.map(rangeAddress), ...(grid.protected ? { protected: true } : {}) };
}

export async function prepareLedger(): Promise<PreparedLedger> {
  const { grids: original } = await loadXlsx(SAMPLE_LEDGER);
  const names = original.map((g) => g.name);
  if (JSON.stringify(names) !== JSON.stringify(SHEETS)) {
    throw new Error(`the sample ledger's sheets changed: expected ${JSON.stringify(SHEETS)}, found ${JSON.stringify(names)}`);
  }

  const grids: SheetGrid[] = original.map((grid) => {
    const rows = cloneRows(grid);
    if (grid.name === CLEARED_SHEET) for (const address of Object.keys(CLEARED_GRADES)) setCell(rows, address, undefined);
    if (grid.name === FORMULA_CELL.sheet) {
      setCell(rows, FORMULA_CELL.address, { text: FORMULA_CELL.value, value: FORMULA_CELL.value, formula: FORMULA_CELL.formula });
    }
    return { ...grid, rows };
  });

  const source = original.find((g) => g.name === PROTECTED_SOURCE.sheet)!;
  const { range } = PROTECTED_SOURCE;
  const copy: MutableRows = [];
  copy[0] = [{ text: '保護されたシート（第3節 基本的方向１の写し）', value: '保護されたシート（第3節 基本的方向１の写し）' }];
  for (let r = range.top; r <= range.bottom; r++) {
    copy[r] = [];
    for (let c = range.left; c <= range.right; c++) {
      const cell = source.rows[r]?.[c];
      if (cell) copy[r]![c] = { ...cell };
    }
  }
  for (const address of PROTECTED_GRADE_CELLS) setCell(copy, address, undefined);
  grids.push({ name: PROTECTED_SHEET, rows: copy, merges: source.merges.filter((m) => inside(range, m)), protected: true });

  const evaluation = evaluateWorkbook(grids, BUILTIN_PRESETS.standard);
  const plan = planWrite(evaluation, grids, { adopt: 'none', notes: false, addGradeColumns: false });

  return {
    workbook: { sheets: grids.map(toSpec), officerRules: [{ ...OFFICER_RULE, rule: { ...OFFICER_RULE.rule } }], activeSheet: SHEETS[0] },
    grids,
    evaluation,
    plan,
  };
}

/** The grade cell addresses of every KPI on a sheet, per the engine. */
export function gradeCellsOn(evaluation: Evaluation, sheet: string): string[] {
  return evaluation.tables
    .filter((t) => t.table.sheet === sheet)
    .flatMap((t) => t.kpis.map((k) => (k.kpi.gradeCell ? cellAddress(k.kpi.gradeCell.row, k.kpi.gradeCell.col) : '')))
    .filter(Boolean);
}
