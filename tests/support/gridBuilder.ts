/**
 * Builds a SheetGrid from plain arrays, for tests.
 *
 *   buildGrid('基本目標1', [
 *     ['重要業績評価指標（ＫＰＩ）', '当初\n(H26)', '目標値\n(H31)'],
 *     ['観光入込客数', '372万人', { text: '450万人\n以上', value: '450万人\n以上' }],
 *   ], { merges: ['A1:A2'], origin: 'B3' });
 *
 * A cell is a string (shown as written; '' is an empty cell), a number (shown with
 * String(n)), null/undefined (empty), or a full spec for formats and formulas.
 * `origin` is the sheet cell where rows[0][0] lands; merges are absolute A1 ranges
 * (the same addresses Excel would show), not relative to the origin.
 */
import {
  parseCellAddress,
  parseRangeAddress,
  type CellRange,
  type GridCell,
  type SheetGrid,
} from '../../src/core/grid';

export interface CellSpec {
  readonly text?: string;
  readonly value?: string | number | boolean | null;
  readonly numberFormat?: string;
  readonly formula?: string;
}

export type CellInput = string | number | null | undefined | CellSpec;

export interface GridOptions {
  /** Absolute A1 ranges, e.g. ['A1:B2', 'G1:G2']. */
  readonly merges?: readonly string[];
  /** The sheet cell where rows[0][0] lands; 'A1' by default. */
  readonly origin?: string;
  readonly protected?: boolean;
}

export function buildGrid(name: string, rows: readonly (readonly CellInput[])[], options: GridOptions = {}): SheetGrid {
  const origin = parseCellAddress(options.origin ?? 'A1');
  if (!origin) throw new Error(`gridBuilder: bad origin ${options.origin}`);
  const sheetRows: (GridCell | undefined)[][] = [];
  rows.forEach((row, r) => {
    const out: (GridCell | undefined)[] = [];
    row.forEach((input, c) => {
      const cell = toCell(input);
      if (cell) out[origin.col + c] = cell;
    });
    sheetRows[origin.row + r] = out;
  });
  const merges = (options.merges ?? []).map((a1): CellRange => {
    const range = parseRangeAddress(a1);
    if (!range) throw new Error(`gridBuilder: bad merge ${a1}`);
    return range;
  });
  return { name, rows: sheetRows, merges, ...(options.protected ? { protected: true } : {}) };
}

function toCell(input: CellInput): GridCell | undefined {
  if (input === null || input === undefined || input === '') return undefined;
  if (typeof input === 'string') return { text: input, value: input };
  if (typeof input === 'number') return { text: String(input), value: input };
  const text = input.text ?? (input.value === null || input.value === undefined ? '' : String(input.value));
  const cell: { -readonly [K in keyof GridCell]: GridCell[K] } = {
    text,
    value: input.value ?? (text === '' ? null : text),
  };
  if (input.numberFormat !== undefined) cell.numberFormat = input.numberFormat;
  if (input.formula !== undefined) cell.formula = input.formula;
  return cell;
}
