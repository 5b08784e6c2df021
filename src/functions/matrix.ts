/**
 * Ranges in, ranges out. Every KPI function declares its parameters as matrices, so a column
 * of KPIs comes in as one call and its results spill as a dynamic array. This module lines the
 * arguments up cell by cell:
 *   - a single cell (1×1) stands for every position, so years or a preset written once apply
 *     to the whole column;
 *   - every other argument must have the result's exact shape. Excel itself would also stretch
 *     a single row against a single column (3×1 with 1×3 → 3×3), but for a ledger that is
 *     always a slip (当初 as a column, 目標 as a row), so we say so instead of guessing;
 *   - a cell that fails gets its own error; the rest of the range still computes.
 */
import { cellErrorOf, invalidValue, isCellError } from './errors';

/** A range as Excel passes it: rows of cell values. */
export type Matrix = readonly (readonly unknown[])[];

/** One argument of a call, named as in the formula tooltip (当初, 現状 …) for messages. */
export interface NamedArg {
  readonly name: string;
  readonly value: unknown;
}

export type CellResult = string | number | CustomFunctions.Error;

const SINGLE_EMPTY: Matrix = Object.freeze([Object.freeze([null])]);

/**
 * The argument as a matrix. Excel passes null for an omitted optional argument; a plain value
 * (a test or the bench calling the function directly) is a single cell.
 */
export function asMatrix(arg: NamedArg): Matrix {
  const v = arg.value;
  if (v === null || v === undefined) return SINGLE_EMPTY;
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) return SINGLE_EMPTY;
  if (!v.every(Array.isArray)) return [v]; // a flat list: one row
  const rows = v as unknown[][];
  const cols = rows[0]!.length;
  if (cols === 0) return SINGLE_EMPTY;
  if (rows.some((r) => r.length !== cols)) throw invalidValue('raggedRange', { arg: arg.name });
  return rows;
}

function isSingle(m: Matrix): boolean {
  return m.length === 1 && m[0]!.length === 1;
}

/**
 * Computes `compute` at every position of the broadcast shape and returns the result matrix.
 * An error value in an input cell is passed through to that position, as Excel's own
 * functions do. Throws #VALUE! (one cell) when the shapes cannot be lined up.
 */
export function mapCells(args: readonly NamedArg[], compute: (values: unknown[]) => CellResult): CellResult[][] {
  const matrices = args.map(asMatrix);
  let rows = 1;
  let cols = 1;
  for (const m of matrices) {
    if (isSingle(m)) continue;
    if (rows === 1 && cols === 1) {
      rows = m.length;
      cols = m[0]!.length;
    } else if (m.length !== rows || m[0]!.length !== cols) {
      throw invalidValue('shapeMismatch', { shapes: describeShapes(args, matrices) });
    }
  }

  const out: CellResult[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: CellResult[] = [];
    for (let c = 0; c < cols; c++) {
      const values = new Array<unknown>(matrices.length);
      let inputError: CustomFunctions.Error | undefined;
      for (let i = 0; i < matrices.length; i++) {
        const m = matrices[i]!;
        const v = isSingle(m) ? m[0]![0] : m[r]![c];
        if (inputError === undefined && isCellError(v)) inputError = v;
        values[i] = v;
      }
      line.push(inputError ?? computeCell(compute, values));
    }
    out.push(line);
  }
  return out;
}

function computeCell(compute: (values: unknown[]) => CellResult, values: unknown[]): CellResult {
  try {
    return compute(values);
  } catch (e) {
    return cellErrorOf(e);
  }
}

/** "当初: 3行×1列、現状: 2行×1列" — only the ranges, since single cells always fit. */
function describeShapes(args: readonly NamedArg[], matrices: readonly Matrix[]): string {
  return matrices
    .map((m, i) => (isSingle(m) ? undefined : `${args[i]!.name}: ${m.length}行×${m[0]!.length}列`))
    .filter((s): s is string => s !== undefined)
    .join('、');
}
