/**
 * How a grade is written in a cell. Official reports use full-width letters (Ｓ, Ａ … and
 * － for 実施時期未到来 "not yet due"); many hand-kept ledgers use half-width (S, A, -).
 * We write in the style the column already uses, and read whatever an officer typed.
 */
import { FULL_WIDTH_OFFSET } from './chars';
import { remembered } from './memo';
import { DASHES } from './text';
import type { GradeKey } from './types';

export type GradeStyle = 'full' | 'half';

const FULL: Readonly<Record<GradeKey, string>> = {
  S: 'Ｓ',
  A: 'Ａ',
  B: 'Ｂ',
  C: 'Ｃ',
  D: 'Ｄ',
  E: 'Ｅ',
  '-': '－',
  '1': '１',
  '2': '２',
  '3': '３',
  '4': '４',
  '5': '５',
  '6': '６',
  '7': '７',
};

const KEYS: ReadonlySet<string> = new Set(Object.keys(FULL));

/**
 * 'S' → 'Ｓ' (full) or 'S' (half); '-' → '－' or '-'; '7' → '７' or '7'. A city's own code is
 * written the same way: its ASCII characters in the column's width ('a' → 'ａ', 'N' → 'Ｎ'),
 * anything else ('①', '済') as the city writes it.
 */
export function toGradeText(key: GradeKey, style: GradeStyle): string {
  if (style === 'half') return key;
  return FULL[key as keyof typeof FULL] ?? fullWidth(key);
}

function fullWidth(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    out += c >= 0x21 && c <= 0x7e ? String.fromCharCode(c + FULL_WIDTH_OFFSET) : code[i];
  }
  return out;
}

/**
 * A grade typed in a column graded by a city's own scale: the code it matches, or undefined.
 * Compared after NFKC (ａ = a, Ｎ = N, ① = 1) and trimming, exactly first, then ignoring case
 * when that leaves one code (a scale with both 'A' and 'a' needs the case). Any dash is the
 * code '-' when the scale has one.
 */
export function readGradeCode(text: string, codes: readonly string[]): string | undefined {
  const t = text.normalize('NFKC').trim();
  if (t === '') return undefined;
  if (DASHES.test(t)) return codes.includes('-') ? '-' : undefined;
  const folded = codes.map((c) => c.normalize('NFKC').trim());
  const exact = folded.indexOf(t);
  if (exact >= 0) return codes[exact];
  const lower = t.toLowerCase();
  const loose = codes.filter((_, i) => folded[i]!.toLowerCase() === lower);
  return loose.length === 1 ? loose[0] : undefined;
}

/**
 * The grade an officer typed: Ｓ / S / ｓ, － - ― ー (any dash), 1–7 in either width.
 * Surrounding spaces are ignored; anything else (an empty cell, "Ａ評価", "済") is no grade.
 */
export function readGradeText(text: string): GradeKey | undefined {
  // Read for every KPI, of a handful of texts (Ｓ, Ａ, －, ''): NFKC once per text.
  return text === '' ? undefined : gradeOfText(text);
}

const gradeOfText = remembered(readGradeUncached);

function readGradeUncached(text: string): GradeKey | undefined {
  const t = text.normalize('NFKC').trim();
  if (t === '') return undefined;
  if (DASHES.test(t)) return '-';
  const key = t.toUpperCase();
  return KEYS.has(key) ? (key as GradeKey) : undefined;
}

/**
 * The style a grade column already uses: the majority of the grades in it, full-width on a
 * tie or when nothing in it reads as a grade (the official reports are full-width).
 */
export function detectGradeStyle(texts: readonly string[], codes?: readonly string[]): GradeStyle {
  let full = 0;
  let half = 0;
  for (const text of texts) {
    const style = codes === undefined ? styleOf(text) : codeStyle(text, codes);
    if (style === 'full') full++;
    else if (style === 'half') half++;
  }
  return half > full ? 'half' : 'full';
}

/** The style of one typed grade, or null when it is no grade (remembered per text, bounded). */
function styleOf(text: string): GradeStyle | null {
  return text === '' ? null : styleOfText(text); // an empty cell: no grade
}

/** The style of a typed code of a city scale; null when it is none of its codes. */
function codeStyle(text: string, codes: readonly string[]): GradeStyle | null {
  const t = text.trim();
  if (readGradeCode(t, codes) === undefined) return null;
  return t.normalize('NFKC') !== t || /[―ー—]/u.test(t) ? 'full' : 'half';
}

const styleOfText = remembered(styleOfUncached);

function styleOfUncached(text: string): GradeStyle | null {
  const t = text.trim();
  // NFKC leaves half-width text unchanged; full-width letters, digits and － fold. ― and ー
  // (dash-like kana marks) do not fold but are full-width characters all the same.
  return readGradeText(t) === undefined ? null : t.normalize('NFKC') !== t || /[―ー—]/u.test(t) ? 'full' : 'half';
}
