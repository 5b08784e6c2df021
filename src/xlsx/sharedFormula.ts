/**
 * The formula of a cell that shares its formula with a master cell (<f t="shared"
 * si="0"/>): the master's text with every relative reference moved by the
 * distance between the two cells, as Excel shows it in the formula bar.
 * Absolute parts ($A, $1), text in quotes, sheet names in quotes, and function
 * names (LOG10( is a function, not the cell LOG10) stay as they are.
 */
import { columnLetters } from '../core/grid';

const REFERENCE = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(.!])/y;
const WHOLE_COLUMNS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(])/y;
const WHOLE_ROWS = /(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})(?![A-Za-z0-9_(.])/y;

function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

const isNameChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_.\\]/.test(ch);

function movedReference(
  formula: string,
  at: number,
  col: (abs: string, letters: string) => string,
  row: (abs: string, digits: string) => string,
): { text: string; end: number } | undefined {
  for (const pattern of [WHOLE_COLUMNS, WHOLE_ROWS, REFERENCE]) {
    pattern.lastIndex = at;
    const m = pattern.exec(formula);
    if (!m) continue;
    const text =
      pattern === REFERENCE
        ? col(m[1]!, m[2]!) + row(m[3]!, m[4]!)
        : pattern === WHOLE_COLUMNS
          ? `${col(m[1]!, m[2]!)}:${col(m[3]!, m[4]!)}`
          : `${row(m[1]!, m[2]!)}:${row(m[3]!, m[4]!)}`;
    return { text, end: pattern.lastIndex };
  }
  return undefined;
}

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  const col = (abs: string, letters: string) => (abs ? `$${letters}` : columnLetters(columnNumber(letters) + dCol));
  const row = (abs: string, digits: string) => (abs ? `$${digits}` : String(Number(digits) + dRow));
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      // A text literal ("") or a quoted sheet name (''): doubled quotes stay inside.
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (!isNameChar(formula[i - 1])) {
      const moved = movedReference(formula, i, col, row);
      if (moved) {
        out += moved.text;
        i = moved.end;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}
