/**
 * Last time's share 順調以上 from the workbook's evaluation history, on the sample ledger (H29,
 * current values of 2017). The earlier entry below is written by hand; every expected share is
 * counted by hand from it (Ｓ・Ａ on track, － and ungraded not assessed):
 *
 *   H28 (2016), ledger basis (written grade, else the officer's kept grade, else computed):
 *   第１節  方向１: 就業率 Ａ, 市内高校 Ａ, 市内大学 Ｃ                 → 2/3
 *           方向２: 付加価値額 Ｃ, 観光入込客数 computed Ｃ kept Ｓ     → 1/2 (computed 0/2)
 *                                                                      → 3/5 (computed 2/5)
 *   第２節  拠点 Ｂ, ハッピー －, 婚姻 ungraded, 成婚数 Ａ              → 1/2
 *   第３節  リーダー塾 Ａ, マイスター Ａ (the two 小中学生 are new)     → 2/2
 *   第４節  none of today's KPIs; one KPI since dropped, Ｓ             → no share
 *   全体    3 + 1 + 2 + 1 on track of 5 + 2 + 2 + 1                     → 7/10
 *   企画政策課: 就業率 Ａ, 婚姻 ungraded, リーダー塾 Ａ, dropped Ｓ      → 3/3
 *   商業観光課: 市内高校 Ａ, 市内大学 Ｃ, 観光 Ｓ (kept)                → 2/3
 *
 * This year (ledger basis, tests/core/summary.test.ts): 第１節 1/5, 第２節 3/4, 第３節 2/2, 全体 8/15.
 */
import { describe, expect, it } from 'vitest';
import { kpiKey, type History, type HistoryEntry, type HistoryKpi } from '../../src/core/history/model';
import { getBuiltinPreset } from '../../src/core/presets';
import { departmentKey, directionKey, goalKey, summarize, TOTAL_KEY } from '../../src/core/summary';
import { earlierEntry, earlierFromHistory } from '../../src/core/summaryEarlier';
import { summarySheetContent } from '../../src/core/summarySheet';
import { gradedSample } from '../support/sampleSummary';

const preset = getBuiltinPreset('standard')!;

const S1 = '第1節 地域産業';
const S2 = '第2節 子育て';
const S3 = '第3節 人材';
const S4 = '第4節 定住';
const G1 = '第１節 地域産業の振興を図り雇用の場をつくる';

function kpi(sheet: string, name: string, department: string, grade: string | null, shown: { written?: string; hand?: string } = {}): HistoryKpi {
  return {
    key: kpiKey(sheet, name, department),
    sheet,
    name,
    department,
    row: 0,
    target: { text: '' },
    grade,
    reason: '',
    ...(shown.written !== undefined && { gradeWritten: shown.written }),
    ...(shown.hand !== undefined && { handGrade: shown.hand }),
  };
}

const h28: HistoryEntry = {
  date: '2017-06-01T00:00:00Z',
  fiscalYear: 2016,
  presetId: 'standard',
  source: 'cli',
  kpis: [
    kpi(S1, '女性の生産年齢人口(15歳から64歳まで)における就業率', '企画政策課', 'A', { written: 'Ａ' }),
    kpi(S1, '新規学校卒業者の市内就職率／市内高校', '商業観光課', 'A', { written: 'Ａ' }),
    kpi(S1, '新規学校卒業者の市内就職率／市内大学', '商業観光課', 'C', { written: 'Ｃ' }),
    kpi(S1, '製造品出荷額における付加価値額', 'ものづくり振興課', 'C', { written: 'Ｃ' }),
    kpi(S1, '観光入込客数', '商業観光課', 'C', { hand: 'Ｓ' }),
    kpi(S2, '地域における子育て支援拠点施設', '保育課', 'B', { written: 'Ｂ' }),
    kpi(S2, 'ハッピーパートナー企業登録数', '人権啓発・男女共同参画室', '-', { written: '－' }),
    kpi(S2, '婚姻の割合(25歳~39歳)', '企画政策課', null),
    kpi(S2, '結婚活動応援事業による成婚数', '子育て支援課', 'A', { written: 'Ａ' }),
    kpi(S3, '柏崎リーダー塾の卒塾生の地域活動への参画者数', '企画政策課', 'A', { written: 'Ａ' }),
    kpi(S3, 'ものづくりマイスターカレッジ受講者の技能検定合格者数', 'ものづくり振興課', 'A', { written: 'Ａ' }),
    kpi(S4, '廃止された指標', '企画政策課', 'S', { written: 'Ｓ' }),
  ],
};

/** Every KPI graded Ｅ: picked by mistake, the shares would all be 0. */
const allE = (entry: Partial<HistoryEntry>): HistoryEntry => ({ ...h28, ...entry, kpis: h28.kpis.map((k) => ({ ...k, grade: 'E', gradeWritten: 'Ｅ' })) });

const history: History = {
  version: 1,
  entries: [
    allE({ fiscalYear: 2015 }), // older than H28: not "last time"
    h28,
    allE({ fiscalYear: 2016, presetId: 'tassei' }), // another rule: not comparable
    allE({ fiscalYear: 2017 }), // this year's own write: not "last time"
    allE({ fiscalYear: undefined }), // no year: cannot say which year it was
  ],
};

describe('last time from the evaluation history', () => {
  it('takes the newest entry of an earlier fiscal year by the same rule', async () => {
    const { evaluation } = await gradedSample();
    expect(earlierEntry(history, evaluation)).toBe(h28);
    expect(earlierEntry({ version: 1, entries: [allE({ fiscalYear: 2017 })] }, evaluation)).toBeUndefined();
    expect(earlierEntry({ version: 1, entries: [] }, evaluation)).toBeUndefined();
  });

  it('counts the shares by hand: the ledger as it stood after that write', async () => {
    const { evaluation, places } = await gradedSample();
    const earlier = earlierFromHistory(history, evaluation, places, preset, 'ledger')!;
    expect(earlier.label).toBe('H28年度評価');
    const s = earlier.shares;
    expect(s[goalKey(G1)]).toBeCloseTo(3 / 5, 10);
    expect(s[directionKey(G1, '基本的方向１ 雇用対策の強化を図る')]).toBeCloseTo(2 / 3, 10);
    expect(s[directionKey(G1, '基本的方向２ 地域産業の振興を更に進める')]).toBeCloseTo(1 / 2, 10);
    expect(s[goalKey('第２節 子どもを産み育てやすいまちをつくる')]).toBeCloseTo(1 / 2, 10);
    expect(s[goalKey('第３節 地域の活力を担う人材をつくる')]).toBe(1);
    expect(s[goalKey('第４節 定住を促す魅力あるまちをつくる')]).toBeUndefined();
    expect(s[TOTAL_KEY]).toBeCloseTo(7 / 10, 10);
    expect(s[departmentKey('企画政策課')]).toBe(1);
    expect(s[departmentKey('商業観光課')]).toBeCloseTo(2 / 3, 10);
  });

  it('counts the rule grades of that time on the computed basis', async () => {
    const { evaluation, places } = await gradedSample();
    const s = earlierFromHistory(history, evaluation, places, preset, 'computed')!.shares;
    expect(s[goalKey(G1)]).toBeCloseTo(2 / 5, 10);
    expect(s[directionKey(G1, '基本的方向２ 地域産業の振興を更に進める')]).toBe(0);
    expect(s[departmentKey('商業観光課')]).toBeCloseTo(1 / 3, 10);
  });

  it('none for another rule', async () => {
    const { evaluation, places } = await gradedSample();
    expect(earlierFromHistory(history, evaluation, places, getBuiltinPreset('tassei')!, 'ledger')).toBeUndefined();
  });

  it('gives the summary and the sheet last time and the change in points', async () => {
    const { evaluation, places } = await gradedSample();
    const earlier = earlierFromHistory(history, evaluation, places, preset, 'ledger')!;
    const summary = summarize(evaluation, places, preset, { basis: 'ledger', earlier });
    const g1 = summary.goals[0]!;
    // 1/5 now against 3/5: −2/5.
    expect(g1.earlier!.previousShare).toBeCloseTo(0.6, 10);
    expect(g1.earlier!.change).toBeCloseTo(-0.4, 10);
    expect(summary.goals[1]!.earlier!.change).toBeCloseTo(3 / 4 - 1 / 2, 10);
    expect(summary.goals[3]!.earlier).toBeUndefined();

    const sheet = summarySheetContent(summary, preset);
    const head = sheet.rows[sheet.goalBlock.top]!;
    expect(head.slice(13, 15)).toEqual(['前回の割合（H28年度評価）', '増減（ポイント）']);
    const first = sheet.rows[sheet.goalBlock.top + 1]!;
    expect(first[13]).toBeCloseTo(0.6, 10);
    // The change in points: 20.0 % − 60.0 % = −40.0 ポイント.
    expect(first[14]).toBeCloseTo(-40, 10);
    // 第４節 has no share last time: both cells empty.
    const g4 = sheet.rows.find((r) => r[0] === '第４節 定住を促す魅力あるまちをつくる')!;
    expect([g4[13], g4[14]]).toEqual([null, null]);
  });
});
