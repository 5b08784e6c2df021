/**
 * How a grade is written in a cell. Official reports use full-width letters (Ｓ, Ａ … and
 * － for 実施時期未到来 "not yet due"); many hand-kept ledgers use half-width (S, A, -).
 * We write in the style the column already uses, and read whatever an officer typed.
 */
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

/** 'S' → 'Ｓ' (full) or 'S' (half); '-' → '－' or '-'; '7' → '７' or '7'. */
export function toGradeText(key: GradeKey, style: GradeStyle): string {
  return style === 'full' ? FULL[key] : key;
}

/**
 * The grade an officer typed: Ｓ / S / ｓ, － - ― ー (any dash), 1–7 in either width.
 * Surrounding spaces are ignored; anything else (an empty cell, "Ａ評価", "済") is no grade.
 */
export function readGradeText(text: string): GradeKey | undefined {
  // Read for every KPI, of a handful of texts (Ｓ, Ａ, －, ''): NFKC once per text. A cell of one
  // character is remembered by its code; others in a bounded memo.
  if (text.length === 1) return singleCharGrade(text.charCodeAt(0));
  if (text === '') return undefined;
  let known = gradeMemo.get(text);
  if (known === undefined) {
    known = readGradeUncached(text) ?? null;
    if (gradeMemo.size >= MEMO_LIMIT) gradeMemo.clear();
    gradeMemo.set(text, known);
  }
  return known ?? undefined;
}

/** readGradeText of one character, by code: 0 not read yet, 1 no grade, 2 + i the key GRADE_KEYS[i]. */
const SINGLE_GRADE = new Uint8Array(0x10000);
const GRADE_KEYS = Object.keys(FULL) as GradeKey[];

function singleCharGrade(code: number): GradeKey | undefined {
  let known = SINGLE_GRADE[code]!;
  if (known === 0) {
    const key = readGradeUncached(String.fromCharCode(code));
    known = key === undefined ? 1 : 2 + GRADE_KEYS.indexOf(key);
    SINGLE_GRADE[code] = known;
  }
  return known === 1 ? undefined : GRADE_KEYS[known - 2];
}

/** styleOf of one character, by code: 0 not read yet, 1 no grade, 2 full, 3 half. */
const SINGLE_STYLE = new Uint8Array(0x10000);
const STYLES: readonly (GradeStyle | null)[] = [null, null, 'full', 'half'];

function singleCharStyle(code: number): GradeStyle | null {
  let known = SINGLE_STYLE[code]!;
  if (known === 0) {
    const style = styleOfUncached(String.fromCharCode(code));
    known = style === null ? 1 : style === 'full' ? 2 : 3;
    SINGLE_STYLE[code] = known;
  }
  return STYLES[known]!;
}

const MEMO_LIMIT = 1024;
const gradeMemo = new Map<string, GradeKey | null>();
const styleMemo = new Map<string, GradeStyle | null>();

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
export function detectGradeStyle(texts: readonly string[]): GradeStyle {
  let full = 0;
  let half = 0;
  for (const text of texts) {
    const style = styleOf(text);
    if (style === 'full') full++;
    else if (style === 'half') half++;
  }
  return half > full ? 'half' : 'full';
}

/** The style of one typed grade, or null when it is no grade (remembered per text, bounded). */
function styleOf(text: string): GradeStyle | null {
  if (text === '') return null; // an empty cell: no grade
  if (text.length === 1) return singleCharStyle(text.charCodeAt(0));
  let known = styleMemo.get(text);
  if (known === undefined) {
    known = styleOfUncached(text);
    if (styleMemo.size >= MEMO_LIMIT) styleMemo.clear();
    styleMemo.set(text, known);
  }
  return known;
}

function styleOfUncached(text: string): GradeStyle | null {
  const t = text.trim();
  // NFKC leaves half-width text unchanged; full-width letters, digits and － fold. ― and ー
  // (dash-like kana marks) do not fold but are full-width characters all the same.
  return readGradeText(t) === undefined ? null : t.normalize('NFKC') !== t || /[―ー—]/u.test(t) ? 'full' : 'half';
}
