/**
 * The consistency review in words (core, for the command line and the pane alike). The review
 * is written by hand here, so each sentence is checked against what the review says: the
 * fields that differ, each place with its sheet and cell, the years only where they differ,
 * and the 「－」 part of a share only when a grade differs from 「－」.
 */
import { describe, expect, it } from 'vitest';
import type { ConsistencyReview } from '../../src/core/consistency';
import { reviewPoints } from '../../src/core/consistencyText';

const review: ConsistencyReview = {
  sameKpi: [
    {
      name: '転出超過数',
      differsIn: ['current', 'years'],
      occurrences: [
        { file: 'kikaku.xlsx', sheet: 'KPI', cell: 'G3', department: '企画課', current: '198人', target: '150人\n以下', years: { current: 2017 } },
        { file: 'shoko.xlsx', sheet: '成果指標', cell: 'H7', baseline: '210人', current: '190人', target: '150人以下', years: { baseline: 2014, current: 2016 } },
      ],
    },
  ],
  gradeStyles: { mixed: true, full: ['kikaku.xlsx'], half: ['shoko.xlsx', 'hoiku.xlsx'] },
  byFile: [
    { label: 'kikaku.xlsx', typed: 4, differ: 3, kinder: 1, harsher: 1, unranked: 1, share: 0.75 },
    { label: 'hoiku.xlsx', typed: 0, differ: 0, kinder: 0, harsher: 0, unranked: 0, share: null },
  ],
  byDepartment: [{ label: null, typed: 3, differ: 1, kinder: 0, harsher: 1, unranked: 0, share: 1 / 3 }],
};

describe('reviewPoints', () => {
  it('in Japanese: the same KPI with its places, the grade styles, the shares per file and per 担当課', () => {
    expect(reviewPoints(review, 'ja')).toEqual([
      {
        text: '同じ指標なのに、ファイルによって現状値・年度が異なるもの（1件）。どちらが正しいか担当課に確認してください。',
        items: [
          {
            text: '「転出超過数」: 現状値・年度が異なります',
            places: [
              { sheet: 'KPI', cell: 'G3', text: 'kikaku.xlsx シート「KPI」G3（企画課）: 当初 － → 現状 198人 → 目標 150人 以下 [－/H29/－]' },
              { sheet: '成果指標', cell: 'H7', text: 'shoko.xlsx シート「成果指標」H7: 当初 210人 → 現状 190人 → 目標 150人以下 [H26/H28/－]' },
            ],
          },
        ],
      },
      { text: '評価の書き方がファイルによって異なります。全角（Ｓ）: kikaku.xlsx ／ 半角（S）: shoko.xlsx, hoiku.xlsx。どちらかにそろえてください。', items: [] },
      {
        text: '手入力の評価が規則の評価と異なる割合（ファイルごと、多い順）',
        items: [
          { text: 'kikaku.xlsx: 4件中 3件（75%）— 規則より甘い 1・厳しい 1・「－」との違い 1', places: [] },
          { text: 'hoiku.xlsx: 手入力の評価なし', places: [] },
        ],
      },
      { text: '手入力の評価が規則の評価と異なる割合（担当課ごと、多い順）', items: [{ text: '（担当課の記載なし）: 3件中 1件（33%）— 規則より甘い 0・厳しい 1', places: [] }] },
    ]);
  });

  it('in English, the same points', () => {
    const points = reviewPoints(review, 'en');
    expect(points.map((p) => p.text)).toEqual([
      'The same indicator with a different current value, years in different files (1). Ask the departments which is right.',
      'Grades are written differently: full-width (Ｓ) in kikaku.xlsx; half-width (S) in shoko.xlsx, hoiku.xlsx. Use one style.',
      'Share of typed grades that differ from the rule (per file, most first)',
      'Share of typed grades that differ from the rule (per department, most first)',
    ]);
    expect(points[0]!.items[0]!.places.map((p) => p.text)).toEqual([
      'kikaku.xlsx sheet "KPI" G3 (企画課): baseline - → current 198人 → target 150人 以下 [-/H29/-]',
      'shoko.xlsx sheet "成果指標" H7: baseline 210人 → current 190人 → target 150人以下 [H26/H28/-]',
    ]);
    expect(points[2]!.items.map((i) => i.text)).toEqual(['kikaku.xlsx: 3 of 4 (75%) — kinder than the rule 1, harsher 1, against "-" 1', 'hoiku.xlsx: no typed grades']);
    expect(points[3]!.items.map((i) => i.text)).toEqual(['(department not written): 1 of 3 (33%) — kinder than the rule 0, harsher 1']);
  });

  it('a review with nothing reported differently says so, and that the styles agree', () => {
    const agreeing: ConsistencyReview = { sameKpi: [], gradeStyles: { mixed: false, full: ['a.xlsx'], half: [] }, byFile: [], byDepartment: [] };
    expect(reviewPoints(agreeing, 'ja')).toEqual([
      { text: '同じ名前の指標は、どのファイルでも同じ値・目標・年度です。', items: [] },
      { text: '評価の書き方（全角・半角）はそろっています。', items: [] },
      { text: '手入力の評価が規則の評価と異なる割合（ファイルごと、多い順）', items: [] },
      { text: '手入力の評価が規則の評価と異なる割合（担当課ごと、多い順）', items: [] },
    ]);
  });
});
