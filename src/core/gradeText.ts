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
    const t = text.trim();
    if (readGradeText(t) === undefined) continue;
    // NFKC leaves half-width text unchanged; full-width letters, digits and － fold. ― and ー
    // (dash-like kana marks) do not fold but are full-width characters all the same.
    if (t.normalize('NFKC') !== t || /[―ー—]/u.test(t)) full++;
    else half++;
  }
  return half > full ? 'half' : 'full';
}
