/**
 * Reading the arguments of a KPI function the way the engine reads a ledger cell. A cell
 * reference arrives as its value, not its displayed text: text cells ("63.0％", "440位",
 * "30組以上", "未実施", "－", "65.0%以上\n(H32 国調)") go through the ledger grammar
 * (parseCellValue); number cells arrive as plain numbers whose number format is lost.
 *
 * Percent values, the one place where that loss matters. A cell showing 69.8% may hold the
 * number 0.698 (a % format), while the text "69.8％" reads as 69.8 (spec §2: read what the
 * officer sees).
 *   - Ratios are unit-free: 進捗率 (C − B)/(T − B) and 達成率 C/T come out the same whether all
 *     arguments are fractions (0.63, 0.698, 0.65) or all are percent figures ("63.0％" …).
 *   - Mixed in one call — typically a target typed as text because of its bound ("65.0%以上")
 *     next to current values kept as %-formatted numbers (0.698) — a bare number would be read
 *     in the row's unit as 0.698 %, which is wrong. So when a call holds percent text, each
 *     bare number is read as a fraction (×100) if that puts it nearer the written percent
 *     figures than reading it as it stands. 0.698 beside 65.0% becomes 69.8%; a plain 16.0 in
 *     a % row (a bare figure, spec §2 `16.0`) stays 16.0; 0.8 beside "1.2%" and "0.5%以下"
 *     stays 0.8. Nearness is measured on a log scale (a factor of 2 counts the same whether the
 *     figures are 0.5 % or 50 %).
 *
 * Empty cells. Excel passes an empty cell as null (Excel on the web and current desktop builds;
 * some older desktop builds pass 0, office-js issue #4702). We read null and "" as "no figure";
 * a 0 cannot be told apart from an empty cell on those builds, which is why ledgers write － for
 * "no figure" and why the README says so.
 */
import { parseCellValue } from '../core/cellValue';
import { describeUnreadable } from '../core/problems';
import { DASHES } from '../core/text';
import type { CellReading } from '../core/types';
import { parseFiscalYear } from '../core/years';
import { invalidValue } from './errors';

/** A value argument read with the ledger grammar. */
export interface ValueArg {
  /** The parameter name shown in the formula tooltip: 当初, 現状, 目標, セル. */
  readonly name: string;
  readonly reading: CellReading;
  /** Arrived as a JavaScript number: its number format (and so any %) is unknown. */
  readonly bareNumber: boolean;
  /** The value as the clerk would recognise it, for messages. */
  readonly text: string;
}

const MISSING: CellReading = Object.freeze({ kind: 'missing' });

/** Reads one cell value. Throws #VALUE! for values that are neither text nor a number. */
export function readValue(name: string, value: unknown): ValueArg {
  if (value === null || value === undefined) return { name, reading: MISSING, bareNumber: false, text: '' };
  if (typeof value === 'number') {
    // Excel never passes NaN or ±∞; a direct caller might. The grammar then says why not.
    const reading: CellReading = Number.isFinite(value)
      ? { kind: 'number', value: value === 0 ? 0 : value, unit: '' }
      : parseCellValue(String(value));
    return { name, reading, bareNumber: true, text: String(value) };
  }
  if (typeof value === 'string') return { name, reading: parseCellValue(value), bareNumber: false, text: value.trim() };
  if (typeof value === 'boolean') {
    const text = value ? 'TRUE' : 'FALSE';
    return { name, reading: parseCellValue(text, { value }), bareNumber: false, text };
  }
  // Data types (entities, images) can reach an `any` parameter; they hold no ledger figure.
  throw invalidValue('notAValueType', { arg: name, text: typeof value });
}

/** Throws #VALUE! naming the argument when its cell fits no grammar. */
export function requireReadable(arg: ValueArg): void {
  if (arg.reading.kind === 'unreadable') {
    throw invalidValue('unreadable', { arg: arg.name, text: arg.text, why: describeUnreadable(arg.reading.reason, 'ja') });
  }
}

/**
 * Reads the value arguments of one call: each through the grammar, unreadable ones refused
 * with their name, and bare numbers reconciled with percent text (see the module comment).
 */
export function readValues(args: ReadonlyArray<readonly [name: string, value: unknown]>): ValueArg[] {
  const read = args.map(([name, value]) => readValue(name, value));
  for (const arg of read) requireReadable(arg);
  return alignPercentForms(read);
}

// ───────────────────────────── percent forms ─────────────────────────────

/** Bare numbers beside percent text, read as fractions where that fits the written figures. */
export function alignPercentForms(args: readonly ValueArg[]): ValueArg[] {
  const written: number[] = [];
  for (const a of args) {
    if (!a.bareNumber && a.reading.kind === 'number' && a.reading.unit === '%' && a.reading.value !== 0) {
      written.push(Math.abs(a.reading.value));
    }
  }
  if (written.length === 0) return [...args];
  return args.map((a) => {
    if (!a.bareNumber || a.reading.kind !== 'number' || a.reading.value === 0) return a;
    const x = Math.abs(a.reading.value);
    if (!(logDistance(x * 100, written) < logDistance(x, written))) return a;
    // 0.698 × 100 is 69.80000000000001; 12 significant digits is more than any ledger shows.
    const value = Number((a.reading.value * 100).toPrecision(12));
    return { ...a, reading: { ...a.reading, value, unit: '%' } };
  });
}

function logDistance(x: number, refs: readonly number[]): number {
  let best = Infinity;
  for (const p of refs) best = Math.min(best, Math.abs(Math.log(x / p)));
  return best;
}

// ───────────────────────────── years ─────────────────────────────

/**
 * A Western year a plan can plausibly name, as in the grammar of years.ts (19xx, 20xx). A bare
 * 29 is no year (H29? R29?), and an Excel date arrives as a serial such as 42826.
 */
export function isPlausibleYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1900 && n <= 2099;
}

/**
 * A fiscal year argument: a number such as 2017, or text such as "H29", "令和元年度",
 * "(H27 国調)". Empty or "－" means unknown (the engine then judges against the final target
 * and says so). Anything else is #VALUE!, naming the argument.
 */
export function readYear(name: string, value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') {
    if (isPlausibleYear(value)) return value;
    throw invalidValue('badYear', { arg: name, text: String(value) });
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '' || DASHES.test(text.normalize('NFKC'))) return undefined;
    const year = parseFiscalYear(text);
    if (year !== undefined) return year;
    throw invalidValue('badYear', { arg: name, text });
  }
  throw invalidValue('badYear', { arg: name, text: String(value) });
}
