/**
 * Text normalisation for ledger cells. Ledgers mix half-width and full-width
 * digits, commas, brackets and several dash-like characters; NFKC folds most of
 * them, and the rest (dashes, the long-vowel mark used as "no figure") are folded here.
 */

/** Characters officers use for "no figure": － ― - ー — – ‐ ‒ and the minus sign. */
export const DASHES = /^[-－―ー—–‐‒−]+$/u;

/**
 * text.normalize('NFKC'), with the common ledger case done without ICU: text made only of
 * characters NFKC leaves alone (ASCII, kanji, kana, most CJK punctuation — the set
 * MAY_FOLD in detect/indicator.ts leaves out, less the combining tone marks U+302A–302F) and full-width ASCII (！ … ～, U+FF01–FF5E, which
 * NFKC maps to U+0021–007E) or the ideographic space (U+3000 → " "). "２，９２０件", "63.0％",
 * "（企画政策課）" are folded by a char loop; anything else (half-width kana, ①, ㈱, combining
 * marks …) goes to String.prototype.normalize. None of the characters kept can compose with
 * a neighbour, so folding them one by one is what NFKC does. Checked exhaustively in tests.
 */
export function nfkc(text: string): string {
  let fold = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || nfkcStable(c)) continue;
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) fold = true;
    else return text.normalize('NFKC');
  }
  return fold ? foldWidth(text) : text;
}

/** Characters NFKC maps to themselves and that compose with nothing (see nfkc). */
export function nfkcStable(c: number): boolean {
  if (c >= 0x4e00) return c <= 0x9fff;
  if (c >= 0x3400) return c <= 0x4dbf;
  if (c < 0x3001) return false;
  // U+302A–302F are combining tone marks: NFKC may reorder them, so ICU decides.
  if (c <= 0x3035) return c < 0x302a || c > 0x302f;
  if (c === 0x3037 || (c >= 0x303b && c <= 0x303f)) return true;
  if (c >= 0x3041 && c <= 0x3096) return true;
  return c === 0x309d || c === 0x309e || (c >= 0x30a0 && c <= 0x30fe);
}

function foldWidth(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += text.slice(from, i) + String.fromCharCode(c - 0xfee0);
      from = i + 1;
    } else if (c === 0x3000) {
      out += `${text.slice(from, i)} `;
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
    .map((l) => l.replace(/[\s\u3000]+/gu, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

/** normalizeText with every space and line break removed: for matching header words. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/\s+/gu, '');
}
