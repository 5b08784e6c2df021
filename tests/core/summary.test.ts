/**
 * The committee summary on the sample ledger (Kashiwazaki H29). Every expected count below is
 * a hand count from the published report (/work/shared/seeds/kashiwazaki-sogo-senryaku-H29-progress.txt):
 *
 *   第１節  基本的方向１  就業率 Ｓ, 市内高校 Ｂ, 市内大学 Ｂ
 *           基本的方向２  付加価値額 Ｃ, 観光入込客数 Ｃ                → S1 B2 C2 (5)
 *   第２節  基本的方向１  子育て支援拠点 Ｓ, ハッピーパートナー Ａ
 *           基本的方向２  婚姻の割合 Ｃ, 成婚数 Ａ                        → S1 A2 C1 (4)
 *   第３節  基本的方向１  リーダー塾 Ｓ, マイスター Ａ
 *           基本的方向２  小中学生の割合 ×2 －                            → S1 A1 －2 (4)
 *   第４節  基本的方向１  魅力度ランキング Ｄ, ふるさと応縁 Ｓ
 *           基本的方向２  定住率 Ａ, 転出超過数 Ｃ                        → S1 A1 C1 D1 (4)
 *
 * 順調以上 = Ｓ・Ａ; denominator = graded and not －. The rule itself (spec §6) differs from the
 * published grade on two rows: 市内高校 rule Ａ (published Ｂ), 定住率 rule Ｓ (published Ａ).
 */
import { describe, expect, it } from 'vitest';
import { getBuiltinPreset } from '../../src/core/presets';
import { headingLevel, placesFor } from '../../src/core/structure';
import { departmentKey, earlierFrom, goalKey, summarize, type EvaluationSummary, type GradeCounts } from '../../src/core/summary';
import type { GradeKey } from '../../src/core/types';
import { gradedSample } from '../support/sampleSummary';

const preset = getBuiltinPreset('standard')!;

/** S A B C D E － counts, in that order, then ungraded. */
function counts(c: GradeCounts): number[] {
  return [...(['S', 'A', 'B', 'C', 'D', 'E', '-'] as GradeKey[]).map((g) => c.byGrade[g] ?? 0), c.ungraded];
}

function goal(summary: EvaluationSummary, start: string) {
  const g = summary.goals.find((x) => x.label.startsWith(start));
  if (!g) throw new Error(`no goal ${start}: ${summary.goals.map((x) => x.label).join(', ')}`);
  return g;
}

describe('structure: each table knows its 節 and 基本的方向', () => {
  it('places the eight tables of the sample under the headings the sheets show', async () => {
    const { places } = await gradedSample();
    expect(places.map((p) => [p.goal.text, p.direction?.text])).toEqual([
      ['第１節 地域産業の振興を図り雇用の場をつくる', '基本的方向１ 雇用対策の強化を図る'],
      ['第１節 地域産業の振興を図り雇用の場をつくる', '基本的方向２ 地域産業の振興を更に進める'],
      ['第２節 子どもを産み育てやすいまちをつくる', '基本的方向１ 地域で子育てを支援する'],
      ['第２節 子どもを産み育てやすいまちをつくる', '基本的方向２ 若者の出会いの場をつくる'],
      ['第３節 地域の活力を担う人材をつくる', '基本的方向１ 地域産業を担う人材をつくる'],
      ['第３節 地域の活力を担う人材をつくる', '基本的方向２ 愛着や誇りを育む人材をつくる'],
      ['第４節 定住を促す魅力あるまちをつくる', '基本的方向１ 柏崎らしさを創出する'],
      ['第４節 定住を促す魅力あるまちをつくる', '基本的方向２ 若者の定住を促進する'],
    ]);
  });

  it('reads heading levels in either width and refuses lines that only mention a word', () => {
    expect(headingLevel('基本目標１　産業振興による雇用の創出')).toBe('goal');
    expect(headingLevel('第3章　人にやさしい健康・福祉のまち')).toBe('goal');
    expect(headingLevel('基本的方向２ 若者の出会いの場をつくる')).toBe('direction');
    expect(headingLevel('基本事業：防災意識の高揚と地域防災力の向上')).toBe('direction');
    expect(headingLevel('主要施策（１） 若者の雇用促進')).toBeUndefined();
    expect(headingLevel('令和6年度 施策評価シート（令和5年度結果）')).toBeUndefined();
    expect(headingLevel('施策評価シート')).toBeUndefined();
    expect(headingLevel('基本目標の進捗状況（6指標）')).toBeUndefined();
    expect(headingLevel('施策1-1 地域の安全')).toBe('direction');
    expect(headingLevel('施策：活力ある産業')).toBe('direction');
    expect(headingLevel('■基本目標２　結婚・出産')).toBe('goal');
  });

  it('takes the sheet name as the goal when the sheet has no goal heading, and never a direction above another table', () => {
    const row = (...texts: string[]) => texts.map((t) => ({ text: t, value: t }));
    const header = row('No', '指標', '当初', '現状', '目標値', '達成状況');
    const grid = {
      name: '基本目標２',
      merges: [],
      rows: [row('基本的方向１ 子育て'), header, row('1', '会員数', '10', '12', '20', ''), [], header, row('1', '定住者', '5', '6', '9', '')],
    };
    const tables = [
      { sheet: '基本目標２', headerRows: { top: 1, bottom: 1 }, range: { top: 1, left: 0, bottom: 2, right: 5 } },
      { sheet: '基本目標２', headerRows: { top: 4, bottom: 4 }, range: { top: 4, left: 0, bottom: 5, right: 5 } },
    ];
    const places = placesFor(tables, [grid]);
    expect(places[0]).toEqual({ sheet: '基本目標２', goal: { level: 'goal', text: '基本目標２', row: -1 }, direction: { level: 'direction', text: '基本的方向１ 子育て', row: 0 } });
    expect(places[1]!.direction).toBeUndefined();
  });
});

describe('summary per 節 on the sample ledger', () => {
  it('ledger basis (the grades as published) matches the hand counts of the published report', async () => {
    const { evaluation, places } = await gradedSample();
    const s = summarize(evaluation, places, preset, { basis: 'ledger' });
    expect(s.onTrackLabel).toBe('順調以上（Ｓ・Ａ）');
    expect(s.goals.map((g) => g.label.slice(0, 3))).toEqual(['第１節', '第２節', '第３節', '第４節']);
    //                                   S  A  B  C  D  E  －  ungraded
    expect(counts(goal(s, '第１節').counts)).toEqual([1, 0, 2, 2, 0, 0, 0, 0]);
    expect(counts(goal(s, '第２節').counts)).toEqual([1, 2, 0, 1, 0, 0, 0, 0]);
    expect(counts(goal(s, '第３節').counts)).toEqual([1, 1, 0, 0, 0, 0, 2, 0]);
    expect(counts(goal(s, '第４節').counts)).toEqual([1, 1, 0, 1, 1, 0, 0, 0]);
    expect(counts(s.total.counts)).toEqual([4, 4, 2, 4, 1, 0, 2, 0]);
    expect(s.total.counts.total).toBe(17);

    // 順調以上: 第１節 1/5, 第２節 3/4, 第３節 2/2 (the two － are not yet due), 第４節 2/4; all 8/15.
    expect([goal(s, '第１節'), goal(s, '第２節'), goal(s, '第３節'), goal(s, '第４節')].map((g) => [g.counts.onTrack, g.counts.assessed])).toEqual([
      [1, 5],
      [3, 4],
      [2, 2],
      [2, 4],
    ]);
    expect(s.total.counts.onTrackShare).toBeCloseTo(8 / 15, 10);

    // Below the 節: 第１節 基本的方向１ S1 B2, 基本的方向２ C2.
    const d = goal(s, '第１節').directions;
    expect(d.map((x) => x.label.slice(0, 6))).toEqual(['基本的方向１', '基本的方向２']);
    expect(counts(d[0]!.counts)).toEqual([1, 0, 2, 0, 0, 0, 0, 0]);
    expect(counts(d[1]!.counts)).toEqual([0, 0, 0, 2, 0, 0, 0, 0]);
    // The two typed grades that differ from the rule are flagged as hand grades.
    expect(s.kpis.filter((k) => k.handGrade).map((k) => k.evaluated.kpi.name)).toEqual(['新規学校卒業者の市内就職率／市内高校', '若者の定住率']);
  });

  it('computed basis moves exactly the two rows where the rule differs (市内高校 Ｂ→Ａ, 定住率 Ａ→Ｓ)', async () => {
    const { evaluation, places } = await gradedSample();
    const s = summarize(evaluation, places, preset, { basis: 'computed' });
    expect(counts(goal(s, '第１節').counts)).toEqual([1, 1, 1, 2, 0, 0, 0, 0]);
    expect(counts(goal(s, '第２節').counts)).toEqual([1, 2, 0, 1, 0, 0, 0, 0]);
    expect(counts(goal(s, '第３節').counts)).toEqual([1, 1, 0, 0, 0, 0, 2, 0]);
    expect(counts(goal(s, '第４節').counts)).toEqual([2, 0, 0, 1, 1, 0, 0, 0]);
    expect(s.kpis.some((k) => k.handGrade)).toBe(false);
  });

  it('per 担当課, by hand from the indicator cells', async () => {
    const { evaluation, places } = await gradedSample();
    const s = summarize(evaluation, places, preset, { basis: 'ledger' });
    const dept = (name: string) => s.departments.find((d) => d.key === departmentKey(name))!;
    // 企画政策課: 就業率 Ｓ, 婚姻の割合 Ｃ, リーダー塾 Ｓ, 小中学生 － －, 定住率 Ａ, 転出超過数 Ｃ, 魅力度 Ｄ.
    expect(counts(dept('企画政策課').counts)).toEqual([2, 1, 0, 2, 1, 0, 2, 0]);
    // 商業観光課: 市内高校 Ｂ, 市内大学 Ｂ, 観光入込客数 Ｃ.
    expect(counts(dept('商業観光課').counts)).toEqual([0, 0, 2, 1, 0, 0, 0, 0]);
    // ものづくり振興課: 付加価値額 Ｃ, マイスター Ａ.
    expect(counts(dept('ものづくり振興課').counts)).toEqual([0, 1, 0, 1, 0, 0, 0, 0]);
    expect(s.departments.reduce((n, d) => n + d.counts.total, 0)).toBe(17);
  });

  it('compares with an earlier evaluation: last share and the change', async () => {
    const { evaluation, places } = await gradedSample();
    const before = summarize(evaluation, places, preset, { basis: 'computed' });
    const now = summarize(evaluation, places, preset, { basis: 'ledger', earlier: earlierFrom(before, '計算による評価') });
    // 第１節: computed S1 A1 → 2/5; ledger S1 → 1/5: change −1/5.
    const g1 = goal(now, '第１節');
    expect(g1.earlier!.previousShare).toBeCloseTo(2 / 5, 10);
    expect(g1.earlier!.change).toBeCloseTo(-1 / 5, 10);
    // 第４節 the same 2/4 either way (S2 vs S1 A1): change 0.
    expect(goal(now, '第４節').earlier!.change).toBeCloseTo(0, 10);
    expect(now.earlierLabel).toBe('計算による評価');
    // Without an earlier evaluation there is no comparison.
    expect(before.goals.every((g) => g.earlier === undefined)).toBe(true);
    expect(now.total.earlier!.previousShare).toBeCloseTo(9 / 15, 10);
    expect(goalKey('x')).not.toBe(departmentKey('x'));
  });
});
