/**
 * Japanese eras and fiscal years (年度). 昭和 S n = 1925+n, 平成 H n = 1988+n,
 * 令和 R n = 2018+n, 元 = 1. Years are fiscal years; we return the Western number.
 */
import { normalizeText } from './text';

const ERA_BASE: Record<string, number> = {
  S: 1925, 昭和: 1925, 昭: 1925,
  H: 1988, 平成: 1988, 平: 1988,
  R: 2018, 令和: 2018, 令: 2018,
};

// An era year: "H29", "H.29", "平成29年度", "令和元年", "R1". The era letter must not
// be part of a longer word ("SH29" is not a year), hence the look-behind.
const ERA_YEAR = /(?<![A-Za-z])(昭和|平成|令和|[SHR]|昭|平|令)\.?\s?(元|\d{1,2})(?!\d)\s?(?:年度?)?/u;
// A Western year: "2024", "2024年度". Bounded to plausible planning years.
const WESTERN_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)\s?(?:年度?)?/u;

export interface YearMatch {
  /** Western (fiscal) year. */
  readonly year: number;
  /** The matched text, normalised, e.g. "H22". */
  readonly text: string;
  /** Index in the normalised text. */
  readonly index: number;
}

/** Finds the first year written in the text, era or Western. */
export function findYear(raw: string): YearMatch | undefined {
  const text = normalizeText(raw);
  const era = ERA_YEAR.exec(text);
  const west = WESTERN_YEAR.exec(text);
  const candidates: YearMatch[] = [];
  if (era) {
    const base = ERA_BASE[era[1]!];
    const n = era[2] === '元' ? 1 : Number(era[2]);
    if (base !== undefined && n >= 1 && n <= 64) {
      candidates.push({ year: base + n, text: era[0].trim(), index: era.index });
    }
  }
  if (west) candidates.push({ year: Number(west[1]), text: west[0].trim(), index: west.index });
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0];
}

/** The Western fiscal year in a header or note ("H29", "令和元年度", "(H27 国調)", "2024"). */
export function parseFiscalYear(raw: string): number | undefined {
  return findYear(raw)?.year;
}

/** 2019 → "R1" style label used in explanations (平成 up to 2018, 令和 from 2019). */
export function eraLabel(year: number): string {
  if (year >= 2019) return `R${year - 2018}`;
  if (year >= 1989) return `H${year - 1988}`;
  if (year >= 1926) return `S${year - 1925}`;
  return String(year);
}

/** "25年度", "27年": a fiscal year written without its era, as 事務事業評価シート headers do. */
const BARE_ERA_YEAR = /^(元|\d{1,2})年度?$/u;

/**
 * The Western year of a year written without its era ("25年度"), in the era the sheet itself
 * names elsewhere (its title: 「平成27年度 事務事業評価シート」). Without such a hint, 20 and above
 * are taken as 平成 (H20–H31: the plans of 2008–2019) and below 20 as 令和; a text that is not
 * such a bare year gives undefined.
 */
export function bareFiscalYear(raw: string, era?: 'S' | 'H' | 'R'): number | undefined {
  const m = BARE_ERA_YEAR.exec(normalizeText(raw).replace(/\s+/gu, ''));
  if (!m) return undefined;
  const n = m[1] === '元' ? 1 : Number(m[1]);
  if (n < 1 || n > 64) return undefined;
  const base = ERA_BASE[era ?? (n >= 20 ? 'H' : 'R')]!;
  return base + n;
}

/** The era of the first era year written in the text ("平成27年度 …" → 'H'), if any. */
export function eraOf(raw: string): 'S' | 'H' | 'R' | undefined {
  const m = ERA_YEAR.exec(normalizeText(raw));
  if (!m) return undefined;
  const base = ERA_BASE[m[1]!];
  return base === 1925 ? 'S' : base === 1988 ? 'H' : base === 2018 ? 'R' : undefined;
}
