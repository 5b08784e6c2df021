/**
 * Text normalisation for ledger cells. Ledgers mix half-width and full-width
 * digits, commas, brackets and several dash-like characters; NFKC folds most of
 * them, and the rest (dashes, the long-vowel mark used as "no figure") are folded here.
 */

/** Characters officers use for "no figure": － ― - ー — – ‐ ‒ and the minus sign. */
export const DASHES = /^[\-－―ー—–‐‒−]+$/u;

/** NFKC, unify line breaks, trim each line, and drop empty lines. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\s\u3000]+/gu, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

/** normalizeText with every space and line break removed: for matching header words. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/\s+/gu, '');
}

/** True when the cell shows nothing or only a dash: "no figure for that year". */
export function isBlankOrDash(text: string): boolean {
  const t = compactText(text);
  return t === '' || DASHES.test(t);
}
