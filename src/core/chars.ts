/**
 * The Unicode character ranges the engine's hand-written readers rely on, in one place (the
 * text normaliser, the indicator reader and the value-cell reader all ask these).
 */

/**
 * Ranges (inclusive) of characters NFKC maps to themselves and that compose with nothing:
 * CJK punctuation (、。「」〜 …, less the combining tone marks U+302A–302F, which NFKC may
 * reorder), hiragana and katakana (less the voiced-sound marks, which compose), kanji (CJK
 * unified and extension A). ASCII is stable too and is tested apart. Checked over the BMP in
 * tests/core/text.test.ts.
 */
const NFKC_STABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x3001, 0x3029],
  [0x3030, 0x3035],
  [0x3037, 0x3037],
  [0x303b, 0x303f],
  [0x3041, 0x3096],
  [0x309d, 0x309e],
  [0x30a0, 0x30fe],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];

/** Ranges of the characters a unit may be made of without a question: kanji, hiragana, katakana (ー included), 々. */
const PLAIN_UNIT_RANGES: readonly (readonly [number, number])[] = [
  [0x3005, 0x3005],
  [0x3041, 0x3096],
  [0x30a1, 0x30fe],
  [0x4e00, 0x9fff],
];

/** One bit per BMP character and class, filled from the ranges above: a lookup per character. */
const STABLE = 1;
const PLAIN_UNIT = 2;
const CLASSES = new Uint8Array(0x10000);
for (const [bit, ranges] of [
  [STABLE, NFKC_STABLE_RANGES],
  [PLAIN_UNIT, PLAIN_UNIT_RANGES],
] as const) {
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) CLASSES[c]! |= bit;
}

/** A non-ASCII character NFKC leaves as it is and that composes with no neighbour. */
export function nfkcStable(c: number): boolean {
  return (CLASSES[c]! & STABLE) !== 0;
}

/** Kanji, kana and 々: characters NFKC leaves alone, none of them a problem in a unit. */
export function isPlainUnitChar(c: number): boolean {
  return (CLASSES[c]! & PLAIN_UNIT) !== 0;
}

/** Full-width ASCII ！ … ～ (U+FF01–FF5E), which NFKC maps to U+0021–007E. */
export const FULL_WIDTH_FIRST = 0xff01;
export const FULL_WIDTH_LAST = 0xff5e;
export const FULL_WIDTH_OFFSET = 0xfee0;
/** The ideographic space, which NFKC maps to " ". */
export const IDEOGRAPHIC_SPACE = 0x3000;

/** The character NFKC folds a full-width ASCII character to; any other as it is. */
export function foldFullWidth(c: number): number {
  return c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST ? c - FULL_WIDTH_OFFSET : c;
}

/** The digit 0–9 a character is, half- or full-width, or -1. */
export function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}
