import { describe, expect, it } from 'vitest';
import { nfkc } from '../../src/core/text';

const chars = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

describe('nfkc: NFKC with the common ledger characters folded without ICU', () => {
  it('gives what String.prototype.normalize gives for every BMP character', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const ch = String.fromCharCode(c);
      if (nfkc(ch) !== ch.normalize('NFKC')) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('gives what normalize gives for every pair of ASCII, kana, CJK punctuation and full-width characters', () => {
    // Folding character by character is NFKC only if none of them compose or reorder with a neighbour.
    const set = [...chars(0x20, 0x7e), ...chars(0x3000, 0x30ff), ...chars(0xff01, 0xff5e), '漢', '字', '㐀', '鿿'];
    const differ: string[] = [];
    for (const a of set) for (const b of set) if (nfkc(a + b) !== (a + b).normalize('NFKC')) differ.push(a + b);
    expect(differ).toEqual([]);
  });

  it.each([
    ['２，９２０件', '2,920件'],
    ['63.0％\n（H22　国調）', '63.0%\n(H22 国調)'],
    ['女性の就業率（企画政策課）', '女性の就業率(企画政策課)'],
    ['ｶﾞｲﾄﾞ①', 'ガイド1'],
    ['plain', 'plain'],
  ])('%s → %s', (text, folded) => {
    expect(nfkc(text)).toBe(folded);
    expect(nfkc(text)).toBe(text.normalize('NFKC'));
  });
});
