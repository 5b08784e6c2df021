/**
 * A read-only view of one sheet for the detector: displayed text per cell and fast
 * merge look-ups. grid.mergeAt scans every merge; a ledger sheet can hold thousands
 * of merges and tens of thousands of rows, so merges are indexed by row once here.
 * Nothing in here trusts the grid's shape: odd cells read as empty, odd merges are dropped.
 */
import { IDEOGRAPHIC_SPACE } from '../chars';
import type { CellRange, GridCell, SheetGrid } from '../grid';

/** Where a cell's content lives: the top-left of its merge, or the cell itself. */
export interface Anchor {
  readonly row: number;
  readonly col: number;
  readonly merge?: CellRange;
}

const NO_MERGES: readonly CellRange[] = Object.freeze([]);
/** firstMerge's mark for a row under several merges. */
const SEVERAL = -1;

export class SheetView {
  readonly name: string;
  readonly rowCount: number;
  private readonly rows: SheetGrid['rows'];
  /**
   * Merges by row, without an array per row (most merged rows hold one merge, and a sheet has
   * thousands): sane merges in `merges`, a row's one merge by index + 1 in `firstMerge` (0:
   * none, -1: several), and the rows holding several (headers) listed in full in `severalMerges`.
   */
  private readonly merges: CellRange[] = [];
  private readonly firstMerge: Int32Array;
  private readonly severalMerges = new Map<number, CellRange[]>();

  constructor(grid: SheetGrid) {
    this.name = typeof grid.name === 'string' ? grid.name : String(grid.name);
    this.rows = Array.isArray(grid.rows) ? grid.rows : [];
    this.rowCount = this.rows.length;
    this.firstMerge = new Int32Array(this.rowCount);
    const merges: readonly unknown[] = Array.isArray(grid.merges) ? grid.merges : [];
    for (let i = 0; i < merges.length; i++) {
      const m = merges[i];
      if (!isSaneRange(m)) continue;
      this.merges.push(m);
      const index = this.merges.length; // + 1
      // Rows past the data cannot hold a table; clamping keeps a whole-column merge cheap.
      const last = Math.min(m.bottom, this.rowCount - 1);
      for (let r = m.top; r <= last; r++) {
        const first = this.firstMerge[r]!;
        if (first === 0) this.firstMerge[r] = index;
        else if (first === SEVERAL) this.severalMerges.get(r)!.push(m);
        else {
          this.severalMerges.set(r, [this.merges[first - 1]!, m]);
          this.firstMerge[r] = SEVERAL;
        }
      }
    }
  }

  /** Number of cells the row holds (sparse rows count their last index). */
  width(row: number): number {
    const r = this.rows[row];
    return Array.isArray(r) ? r.length : 0;
  }

  cell(row: number, col: number): GridCell | undefined {
    const r = this.rows[row];
    if (!Array.isArray(r)) return undefined;
    const c = r[col];
    return c && typeof c === 'object' ? c : undefined;
  }

  /** The merges that cover some cell of the row. */
  mergesOnRow(row: number): readonly CellRange[] {
    const first = this.firstMerge[row];
    if (first === undefined || first === 0) return NO_MERGES;
    return first === SEVERAL ? this.severalMerges.get(row)! : [this.merges[first - 1]!];
  }

  /** Does a merge cover some cell of the row? */
  hasMerges(row: number): boolean {
    const first = this.firstMerge[row];
    return first !== undefined && first !== 0;
  }

  /** What the cell shows, ignoring merges: the displayed text, else the raw value. */
  text(row: number, col: number): string {
    return displayText(this.cell(row, col));
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    const first = this.firstMerge[row];
    if (first === undefined || first === 0) return undefined;
    if (first !== SEVERAL) {
      const m = this.merges[first - 1]!;
      return col >= m.left && col <= m.right ? m : undefined;
    }
    const list = this.severalMerges.get(row)!;
    for (let i = 0; i < list.length; i++) {
      const m = list[i]!;
      if (col >= m.left && col <= m.right) return m;
    }
    return undefined;
  }

  /** The cell whose content shows at (row, col). */
  anchor(row: number, col: number): Anchor {
    const merge = this.mergeAt(row, col);
    if (!merge) return { row, col };
    return { row: merge.top, col: merge.left, merge };
  }

  /** Text shown at (row, col), taken from the merge's top-left when the cell is merged. */
  shownText(row: number, col: number): string {
    const a = this.anchor(row, col);
    return this.text(a.row, a.col);
  }

  /** True when (row, col) lies in a merge that started in an earlier row. */
  coveredFromAbove(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return m !== undefined && m.top < row;
  }

  /** True when (row, col) lies in a merge but is not its top-left cell. */
  covered(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return m !== undefined && (m.top < row || m.left < col);
  }

  /** Text the cell holds itself: '' when empty or when a merge covers it from above or the left. */
  ownText(row: number, col: number): string {
    if (this.covered(row, col)) return '';
    return this.text(row, col);
  }
}

export function displayText(cell: GridCell | undefined): string {
  if (!cell) return '';
  const t: unknown = cell.text;
  if (typeof t === 'string' && t !== '') return t;
  const v: unknown = cell.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

const NOT_SPACE = /\S/u;

/** True when the text holds anything but spaces (without trimming: this runs for every cell). */
export function hasText(text: string): boolean {
  if (text === '') return false;
  const first = text.charCodeAt(0);
  // Most cells start with a visible character: ASCII above space, or anything above U+3000
  // (the ideographic space) but the byte-order mark U+FEFF, the last space \s knows.
  if ((first > 32 && first < 127) || (first > IDEOGRAPHIC_SPACE && first !== 0xfeff)) return true;
  return NOT_SPACE.test(text);
}

function isSaneRange(m: unknown): m is CellRange {
  if (!m || typeof m !== 'object') return false;
  const r = m as CellRange;
  return (
    Number.isInteger(r.top) &&
    Number.isInteger(r.left) &&
    Number.isInteger(r.bottom) &&
    Number.isInteger(r.right) &&
    r.top >= 0 &&
    r.left >= 0 &&
    r.top <= r.bottom &&
    r.left <= r.right
  );
}
