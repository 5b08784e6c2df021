/**
 * The consistency review across files, on digests written by hand. Expected values are
 * counted by hand from the digests and the presets' grade orders (best first):
 * standard S A B C D E －, tassei A B C D －.
 */
import { describe, expect, it } from 'vitest';
import { reviewConsistency, reviewDigest, type ReviewFile, type ReviewKpi } from '../../src/core/consistency';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { BUILTIN_PRESETS } from '../../src/core/presets';
import type { SheetGrid } from '../../src/core/grid';

const STANDARD = BUILTIN_PRESETS.standard;

let row = 0;
const kpi = (k: Partial<ReviewKpi> & Pick<ReviewKpi, 'name'>): ReviewKpi => ({
  sheet: 'KPI',
  cell: `G${(row += 1)}`,
  target: '100',
  computed: 'B',
  ...k,
});

describe('hand-typed grades against the rule, per file and per 担当課', () => {
  // a.xlsx: 4 typed. S over rule A: kinder; B = B; C under rule B: harsher; － over rule B: unranked. 3 of 4 differ.
  // b.xlsx: 2 typed, both equal; one KPI without a typed grade and one the rule cannot grade do not count.
  // c.xlsx: 2 typed. A over rule C: kinder; D over rule C: harsher. 2 of 2 differ.
  const files: ReviewFile[] = [
    {
      file: 'a.xlsx',
      gradeStyles: ['full'],
      kpis: [
        kpi({ name: 'a1', department: '企画課', typed: 'S', computed: 'A' }),
        kpi({ name: 'a2', department: '企画課', typed: 'B', computed: 'B' }),
        kpi({ name: 'a3', department: '商工課', typed: 'C', computed: 'B' }),
        kpi({ name: 'a4', typed: '-', computed: 'B' }),
      ],
    },
    {
      file: 'b.xlsx',
      gradeStyles: ['half'],
      kpis: [
        kpi({ name: 'b1', department: '商工課', typed: 'A', computed: 'A' }),
        kpi({ name: 'b2', department: '商工課', typed: 'C', computed: 'C' }),
        kpi({ name: 'b3', department: '商工課', computed: 'D' }),
        kpi({ name: 'b4', department: '商工課', typed: 'A', computed: null }),
      ],
    },
    {
      file: 'c.xlsx',
      gradeStyles: ['full', 'half'],
      kpis: [kpi({ name: 'c1', department: '保育課', typed: 'A', computed: 'C' }), kpi({ name: 'c2', department: '保育課', typed: 'D', computed: 'C' })],
    },
  ];
  const review = reviewConsistency(files, STANDARD);

  it('per file: typed, differ, kinder, harsher, unranked, share, worst first', () => {
    expect(review.byFile).toEqual([
      { label: 'c.xlsx', typed: 2, differ: 2, kinder: 1, harsher: 1, unranked: 0, share: 1 },
      { label: 'a.xlsx', typed: 4, differ: 3, kinder: 1, harsher: 1, unranked: 1, share: 0.75 },
      { label: 'b.xlsx', typed: 2, differ: 0, kinder: 0, harsher: 0, unranked: 0, share: 0 },
    ]);
  });

  it('per 担当課 across files, with the KPIs whose 担当課 is not written under null', () => {
    // 保育課 2/2; 記載なし 1/1 (a4); 企画課 1/2 (a1 kinder); 商工課 a3 harsher + b1, b2 equal = 1/3.
    expect(review.byDepartment).toEqual([
      { label: '保育課', typed: 2, differ: 2, kinder: 1, harsher: 1, unranked: 0, share: 1 },
      { label: null, typed: 1, differ: 1, kinder: 0, harsher: 0, unranked: 1, share: 1 },
      { label: '企画課', typed: 2, differ: 1, kinder: 1, harsher: 0, unranked: 0, share: 0.5 },
      { label: '商工課', typed: 3, differ: 1, kinder: 0, harsher: 1, unranked: 0, share: 1 / 3 },
    ]);
  });

  it('grade styles: full-width in a and c, half-width in b and c: mixed', () => {
    expect(review.gradeStyles).toEqual({ mixed: true, full: ['a.xlsx', 'c.xlsx'], half: ['b.xlsx', 'c.xlsx'] });
    expect(reviewConsistency(files.slice(0, 1), STANDARD).gradeStyles.mixed).toBe(false);
  });

  it('kinder and harsher follow the preset order: under tassei (A best) B over C is kinder; S is outside it', () => {
    const r = reviewConsistency(
      [{ file: 'x.xlsx', gradeStyles: [], kpis: [kpi({ name: 'x1', typed: 'B', computed: 'C' }), kpi({ name: 'x2', typed: 'S', computed: 'A' })] }],
      BUILTIN_PRESETS.tassei,
    );
    expect(r.byFile).toEqual([{ label: 'x.xlsx', typed: 2, differ: 2, kinder: 1, harsher: 0, unranked: 1, share: 1 }]);
  });

  it('a file with nothing typed has no share and comes last', () => {
    const r = reviewConsistency(
      [
        { file: 'none.xlsx', gradeStyles: [], kpis: [kpi({ name: 'n' })] },
        { file: 'same.xlsx', gradeStyles: [], kpis: [kpi({ name: 's', typed: 'B' })] },
      ],
      STANDARD,
    );
    expect(r.byFile.map((f) => [f.label, f.share])).toEqual([
      ['same.xlsx', 0],
      ['none.xlsx', null],
    ]);
  });
});

describe('the same KPI in several files', () => {
  it('matches names after normalisation and names what differs: values, target, years', () => {
    const files: ReviewFile[] = [
      {
        file: 'kikaku.xlsx',
        gradeStyles: [],
        kpis: [
          kpi({ name: '観光入込客数', baseline: '372万人', current: '356万人', target: '450万人以上', currentYear: 2017, targetYear: 2019 }),
          kpi({ name: '成婚数', current: '27組', target: '30組以上' }),
          kpi({ name: '転出超過数', current: '198人', target: '150人以下', currentYear: 2017 }),
        ],
      },
      {
        file: 'shoko.xlsx',
        gradeStyles: [],
        kpis: [
          // Full-width name and figures, a space: the same KPI, the same figures.
          kpi({ name: '観光　入込客数', baseline: '３７２万人', current: '３６０万人', target: '450万人 以上', currentYear: 2017, targetYear: 2019 }),
          kpi({ name: '成婚数', current: '２７組', target: '30組以上' }),
          kpi({ name: '転出超過数', current: '198人', target: '150人以下', currentYear: 2016 }),
        ],
      },
      { file: 'hoiku.xlsx', gradeStyles: [], kpis: [kpi({ name: '成婚数', current: '27組', target: '35組以上' }), kpi({ name: '子育て拠点', target: '20か所' })] },
    ];
    const r = reviewConsistency(files, STANDARD).sameKpi;
    expect(r.map((d) => [d.name, d.differsIn, d.occurrences.map((o) => o.file)])).toEqual([
      ['観光入込客数', ['current'], ['kikaku.xlsx', 'shoko.xlsx']],
      ['成婚数', ['target'], ['kikaku.xlsx', 'shoko.xlsx', 'hoiku.xlsx']],
      ['転出超過数', ['years'], ['kikaku.xlsx', 'shoko.xlsx']],
    ]);
    expect(r[2]!.occurrences.map((o) => o.years.current)).toEqual([2017, 2016]);
  });

  it('figures read as numbers compare by value: a bare number matches the same number with its unit', () => {
    const withFigures = (file: string, current: string, value: number, unit: string): ReviewFile => ({
      file,
      gradeStyles: [],
      kpis: [kpi({ name: '寄附件数', current, figures: { current: { value, unit } } })],
    });
    // "4542" in a number cell and "4,542件" typed: the same figure. 4,542 against 4,500: not.
    expect(reviewConsistency([withFigures('a.xlsx', '4542', 4542, ''), withFigures('b.xlsx', '4,542件', 4542, '件')], STANDARD).sameKpi).toEqual([]);
    const r = reviewConsistency([withFigures('a.xlsx', '4,542件', 4542, '件'), withFigures('b.xlsx', '4,500件', 4500, '件')], STANDARD).sameKpi;
    expect(r.map((d) => d.differsIn)).toEqual([['current']]);
  });

  it('the same KPI twice in one file, or reported alike in two files, is not listed', () => {
    const a = kpi({ name: '成婚数', current: '27組' });
    const files: ReviewFile[] = [
      { file: 'a.xlsx', gradeStyles: [], kpis: [a, { ...a, current: '30組' }] },
      { file: 'b.xlsx', gradeStyles: [], kpis: [kpi({ name: '観光入込客数' })] },
      { file: 'c.xlsx', gradeStyles: [], kpis: [kpi({ name: '観光入込客数' })] },
    ];
    expect(reviewConsistency(files, STANDARD).sameKpi).toEqual([]);
  });
});

describe('reviewDigest reads an evaluation', () => {
  it('typed grades as keys, the rule grade, department, figures and the style of tables with typed grades', () => {
    // 当初 100 (H26) → 現状 130 (H29) → 目標 200 (H31): p = 30/100 = 0.3, t = 3/5 = 0.6, 0.3 ≥ 0.5·0.6 → Ｂ (standard roughly 0.5).
    const rows = [
      ['指標名', '当初値(H26)', '現状値(H29)', '目標値(H31)', '達成状況'],
      ['観光客数（商業観光課）', '100', '130', '200', 'Ａ'],
      ['成婚数', '10', '20', '20', ''],
    ];
    const grid: SheetGrid = {
      name: 'KPI',
      rows: rows.map((r) => r.map((text) => ({ value: text, text }))),
      merges: [],
    } as unknown as SheetGrid;
    const digest = reviewDigest('k.xlsx', evaluateWorkbook([grid], BUILTIN_PRESETS.standard));
    expect(digest.file).toBe('k.xlsx');
    expect(digest.gradeStyles).toEqual(['full']);
    expect(digest.kpis.map((k) => [k.name, k.department, k.cell, k.typed, k.current, k.target])).toEqual([
      ['観光客数', '商業観光課', 'E2', 'A', '130', '200'],
      ['成婚数', undefined, 'E3', undefined, '20', '20'],
    ]);
    expect(digest.kpis[0]!.computed).toBe('B');
    expect(digest.kpis[1]!.computed).toBe('S'); // 20 ≥ 20: the target is met
  });
});
