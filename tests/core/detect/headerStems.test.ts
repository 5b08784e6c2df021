import { describe, expect, it } from 'vitest';
import { mayHoldHeaderWord, STEM_WORDS } from '../../../src/core/detect/headerWords';

/** The stem test as a plain regex over the stem words: mayHoldHeaderWord must answer exactly as it does. */
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const STEMS = new RegExp(`${STEM_WORDS.map(escape).join('|')}|年|[NＮ][oOｏＯ]`, 'iu');
/** Each stem without its first character ("" for the one-character stems), once each. */
const TAILS = [...new Set([...STEM_WORDS.map((w) => w.slice(1)), 'o', 'ｏ', ''])];

describe('mayHoldHeaderWord: the character look-up before the stem regex', () => {
  it('agrees with the regex whatever character a stem starts with', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const ch = String.fromCharCode(c);
      for (const tail of TAILS) {
        const text = `x${ch}${tail}x`;
        if (mayHoldHeaderWord(text) !== STEMS.test(text)) differ.push(text);
      }
    }
    expect(differ).toEqual([]);
  });

  it.each(['重要業績評価指標（ＫＰＩ）', 'kpi', 'ｎｏ', 'No.', '№', '＃', '達成\n状況', '63.0％', '－', 'Ｓ', '市内高校', ''])('%s', (text) => {
    expect(mayHoldHeaderWord(text)).toBe(STEMS.test(text));
  });
});
