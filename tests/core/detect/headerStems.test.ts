import { describe, expect, it } from 'vitest';
import { mayHoldHeaderWord } from '../../../src/core/detect/headerWords';

/** The stem test as a plain regex: mayHoldHeaderWord must answer exactly as it does. */
const STEMS =
  /指標|KPI|ＫＰＩ|当初|基準|策定|初期|中間|現状|現況|実績|直近|最新|目標|達成|評価|進捗|判定|番号|項番|担当|所管|[NＮ][oOｏＯ]|№|#|＃/iu;
/** Each stem without its first character ("" for the one-character stems). */
const TAILS = ['標', 'PI', 'ＰＩ', '初', '準', '定', '期', '間', '状', '況', '績', '近', '新', '標', '成', '価', '捗', '定', '号', '番', '当', '管', 'o', 'ｏ', ''];

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
