/**
 * What to hand Excel so a cell ends up holding exactly the value we mean.
 * `range.values = [["7"]]` does what typing does: "7" becomes the number 7,
 * "-" may become a formula, "H29.4.1" a date in Japanese Excel. A leading
 * apostrophe keeps the rest as text (Excel stores it as a quote prefix, not as
 * part of the value), so text that Excel might read as something else gets one;
 * other text is written as is, to leave the cell's style untouched.
 */
import type { CellSnapshot } from '../core/types';

const MAY_BE_READ_AS_NON_TEXT: readonly RegExp[] = [
  /^['=+\-@#]/, // apostrophe itself, formulas, signs, error literals
  /^[\s(（[]*[$¥￥€£]?\s*[0-9０-９.．]/, // numbers, dates, times, fractions, currency
  /^(true|false)$/i,
  /^[MTSHRmtshr]\s*[0-9０-９]/, // Japanese era dates: H29.4.1, R1/5/1
  /^(明治|大正|昭和|平成|令和)/,
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s./-]*[0-9]/i,
];

/**
 * The formula a cell holds, from what Range.formulas and Range.values gave for it; undefined for
 * a cell without one. Range.formulas gives a text cell's value without its leading apostrophe
 * (office-js issue #6687), so text typed as '=A1+1 comes back as "=A1+1" there, the same as its
 * value. A real formula's value is its result, never its own source text (that would be a
 * circular reference), so a "formula" equal to the value is text.
 */
export function formulaOf(formula: unknown, value: unknown): string | undefined {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== value ? formula : undefined;
}

/** The input that stores `text` as text. */
export function textInput(text: string): string {
  return MAY_BE_READ_AS_NON_TEXT.some((re) => re.test(text)) ? `'${text}` : text;
}

/** The input that restores a cell to a snapshot: its formula, its value, or '' for empty. */
export function snapshotInput(snapshot: CellSnapshot): string | number | boolean {
  if (snapshot.formula !== undefined) return snapshot.formula;
  const v = snapshot.value;
  if (v === null || v === '') return '';
  return typeof v === 'string' ? textInput(v) : v;
}
