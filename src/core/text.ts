/**
 * Text normalisation for ledger cells. Ledgers mix half-width and full-width
 * digits, commas, brackets and several dash-like characters; NFKC folds most of
 * them, and the rest (dashes, the long-vowel mark used as "no figure") are folded here.
 */
import { foldFullWidth, IDEOGRAPHIC_SPACE, nfkcStable } from './chars';

/** Characters officers use for "no figure": － ― - ー — – ‐ ‒ and the minus sign. */
export const DASHES = /^[-－―ー—–‐‒−]+$/u;

/**
 * text.normalize('NFKC'), with the common ledger case done without ICU: text made only of
 * characters NFKC leaves alone (ASCII and chars.nfkcStable: kanji, kana, most CJK punctuation)
 * and full-width ASCII (！ … ～, which NFKC maps to ! … ~) or the ideographic space (→ " ").
 * "２，９２０件", "63.0％", "（企画政策課）" are folded by a char loop; anything else (half-width
 * kana, ①, ㈱, combining marks …) goes to String.prototype.normalize. None of the characters
 * kept can compose with a neighbour, so folding them one by one is what NFKC does. Checked
 * exhaustively in tests.
 */
export function nfkc(text: string): string {
  let fold = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || nfkcStable(c)) continue;
    if (foldFullWidth(c) !== c || c === IDEOGRAPHIC_SPACE) fold = true;
    else return text.normalize('NFKC');
  }
  return fold ? foldWidth(text) : text;
}

function foldWidth(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const folded = c === IDEOGRAPHIC_SPACE ? 0x20 : foldFullWidth(c);
    if (folded !== c) {
      out += text.slice(from, i) + String.fromCharCode(folded);
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

/** NFKC, unify line breaks, trim each line, and drop empty lines. */
export function normalizeText(text: string): string {
  return nfkc(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+/gu, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

/** normalizeText with every space and line break removed: for matching header words. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/\s+/gu, '');
}
