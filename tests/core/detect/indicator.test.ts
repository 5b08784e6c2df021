import { describe, expect, it } from 'vitest';
import {
  isNumberLike,
  joinHeaderText,
  numberPrefix,
  readIndicatorText,
} from '../../../src/core/detect/indicator';
import { digitValue, foldFullWidth, isPlainUnitChar, nfkcStable } from '../../../src/core/chars';

describe('readIndicatorText: name, department, note (spec §1)', () => {
  it('takes the department from a trailing bracket on a new line', () => {
    expect(readIndicatorText('女性の生産年齢人口（15歳から 64歳まで）における就業率\n（企画政策課）')).toEqual({
      name: '女性の生産年齢人口(15歳から64歳まで)における就業率',
      department: '企画政策課',
    });
  });

  it('joins lines wrapped mid-word without spaces', () => {
    expect(readIndicatorText('若者（15歳から 24歳まで）の学業・就職を理由とした\n転出超過数（企画政策課）')).toEqual({
      name: '若者(15歳から24歳まで)の学業・就職を理由とした転出超過数',
      department: '企画政策課',
    });
    expect(readIndicatorText('ハッピーパートナー企業登録数（人権啓発・男女共同参画\n室）')).toEqual({
      name: 'ハッピーパートナー企業登録数',
      department: '人権啓発・男女共同参画室',
    });
  });

  it('keeps brackets that are not a department in the name, and sets ※ notes aside', () => {
    expect(
      readIndicatorText('柏崎が好きと思う小中学生の割合（若者住みたい度調査）\n（企画政策課）※来年度以降調査予定'),
    ).toEqual({
      name: '柏崎が好きと思う小中学生の割合(若者住みたい度調査)',
      department: '企画政策課',
      note: '※来年度以降調査予定',
    });
    expect(readIndicatorText('婚姻の割合（25歳～39歳）（企画政策課）').name).toBe('婚姻の割合(25歳~39歳)');
    expect(readIndicatorText('婚姻の割合（25歳～39歳）')).toEqual({ name: '婚姻の割合(25歳~39歳)' });
  });

  it('reads half-width brackets and other section names', () => {
    expect(readIndicatorText('地域ブランド調査による全国魅力度ランキング(企画政策課)').department).toBe('企画政策課');
    expect(readIndicatorText('WEBミュージアム閲覧数（博物館）').department).toBe('博物館');
    expect(readIndicatorText('防災士数（防災・原子力課、市民活動支援課）').department).toBe(
      '防災・原子力課、市民活動支援課',
    );
  });

  it('keeps the space between Latin words', () => {
    expect(readIndicatorText('Kashiwazaki LIfE 配布数').name).toBe('Kashiwazaki LIfE配布数');
  });

  it('splits a leading number only when asked (no No column)', () => {
    expect(readIndicatorText('１ 観光入込客数（商業観光課）', { splitNumber: true })).toEqual({
      name: '観光入込客数',
      department: '商業観光課',
      number: '1',
    });
    expect(readIndicatorText('15歳以上の就業率', { splitNumber: true })).toEqual({ name: '15歳以上の就業率' });
    expect(numberPrefix('２ 新規学校卒業者の市内就職率')).toBe('2');
    expect(numberPrefix('(3)若者の定住率')).toBe('(3)');
    expect(numberPrefix('2大学の連携事業数')).toBeUndefined();
  });
});

describe('isNumberLike', () => {
  it.each(['1', '１', '①', '(2)', '3.', '1-2', 'No.4', ' ２ '])('%s is a No cell', (t) =>
    expect(isNumberLike(t)).toBe(true),
  );
  it.each(['', '市内高校', '63.0％', 'ＫＰＩの達成', '1234'])('%s is not', (t) => expect(isNumberLike(t)).toBe(false));
});

describe('joinHeaderText', () => {
  it('drops line breaks inside Japanese words and keeps them as spaces before years', () => {
    expect(joinHeaderText('達成\n状況')).toBe('達成状況');
    expect(joinHeaderText('当初\n(H26)')).toBe('当初 (H26)');
    expect(joinHeaderText('目標値\n（H31）')).toBe('目標値 (H31)');
  });
});

describe('the character table the hand-written readers share (chars.ts)', () => {
  it('every BMP character it calls NFKC-stable, or plain in a unit, NFKC leaves as it is', () => {
    const missed: string[] = [];
    for (let c = 0x80; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const ch = String.fromCharCode(c);
      if ((nfkcStable(c) || isPlainUnitChar(c)) && ch.normalize('NFKC') !== ch) missed.push(c.toString(16));
    }
    expect(missed).toEqual([]);
  });
  it('full-width ASCII folds as NFKC folds it; digits read in both widths', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (foldFullWidth(c) !== c) expect(String.fromCharCode(foldFullWidth(c))).toBe(String.fromCharCode(c).normalize('NFKC'));
      if (digitValue(c) >= 0) expect(String.fromCharCode(c).normalize('NFKC')).toBe(String(digitValue(c)));
    }
    expect([...'0123456789０１２３４５６７８９'].map((ch) => digitValue(ch.charCodeAt(0)))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
