/**
 * The consistency review (./consistency.ts) in words, Japanese and English, for every door:
 * the command line's many-file text report draws the points with 「●」 and indents their
 * items, the task pane draws them as lists (each place a link to its cell). One place for
 * the sentences and for which of them a review says, so the two doors cannot drift apart.
 */
import type { ConsistencyReview, HandGradeShare, ReportedField, SameKpiDifference } from './consistency';
import { createTranslator, type Lang } from './i18n';
import { eraLabel } from './years';

const t = createTranslator('consistency', {
  ja: {
    sameKpi: '同じ指標なのに、ファイルによって{{fields}}が異なるもの（{{n}}件）。どちらが正しいか担当課に確認してください。',
    sameKpiNone: '同じ名前の指標は、どのファイルでも同じ値・目標・年度です。',
    sameKpiName: '「{{name}}」: {{fields}}が異なります',
    occurrence: '{{file}} シート「{{sheet}}」{{cell}}{{dept}}: 当初 {{baseline}} → 現状 {{current}} → 目標 {{target}}{{years}}',
    department: '（{{department}}）',
    stylesMixed: '評価の書き方がファイルによって異なります。全角（Ｓ）: {{full}} ／ 半角（S）: {{half}}。どちらかにそろえてください。',
    stylesSame: '評価の書き方（全角・半角）はそろっています。',
    handByFile: '手入力の評価が規則の評価と異なる割合（ファイルごと、多い順）',
    handByDept: '手入力の評価が規則の評価と異なる割合（担当課ごと、多い順）',
    share: '{{label}}: {{typed}}件中 {{differ}}件（{{pct}}）— 規則より甘い {{kinder}}・厳しい {{harsher}}{{unranked}}',
    unranked: '・「－」との違い {{n}}',
    noTyped: '{{label}}: 手入力の評価なし',
    noDept: '（担当課の記載なし）',
    baseline: '当初値',
    current: '現状値',
    target: '目標値',
    years: '年度',
    join: '・',
    none: '－',
  },
  en: {
    sameKpi: 'The same indicator with a different {{fields}} in different files ({{n}}). Ask the departments which is right.',
    sameKpiNone: 'Indicators of the same name have the same values, targets and years in every file.',
    sameKpiName: '"{{name}}": the {{fields}} differ',
    occurrence: '{{file}} sheet "{{sheet}}" {{cell}}{{dept}}: baseline {{baseline}} → current {{current}} → target {{target}}{{years}}',
    department: ' ({{department}})',
    stylesMixed: 'Grades are written differently: full-width (Ｓ) in {{full}}; half-width (S) in {{half}}. Use one style.',
    stylesSame: 'Grades are written in one style (full- or half-width) throughout.',
    handByFile: 'Share of typed grades that differ from the rule (per file, most first)',
    handByDept: 'Share of typed grades that differ from the rule (per department, most first)',
    share: '{{label}}: {{differ}} of {{typed}} ({{pct}}) — kinder than the rule {{kinder}}, harsher {{harsher}}{{unranked}}',
    unranked: ', against "-" {{n}}',
    noTyped: '{{label}}: no typed grades',
    noDept: '(department not written)',
    baseline: 'baseline',
    current: 'current value',
    target: 'target',
    years: 'years',
    join: ', ',
    none: '-',
  },
});

/** Where one KPI is reported: the sentence, and the cell it names (the pane links to it). */
export interface ReviewPlace {
  readonly text: string;
  readonly sheet: string;
  readonly cell: string;
}

/** Under a point: a KPI reported differently (with its places), or one file's or 担当課's share. */
export interface ReviewItem {
  readonly text: string;
  readonly places: readonly ReviewPlace[];
}

/** One finding of the review, in the order the review is read: same KPI, grade styles, shares per file, per 担当課. */
export interface ReviewPoint {
  readonly text: string;
  readonly items: readonly ReviewItem[];
}

/** A cell's text on one line; 「－」 for an empty one. */
const oneLine = (s: string | undefined, lang: Lang): string => (s === undefined || s.trim() === '' ? t(lang, 'none') : s.replace(/\s*\n\s*/g, ' '));
const fieldNames = (fields: readonly ReportedField[], lang: Lang): string => fields.map((f) => t(lang, f)).join(t(lang, 'join'));

function sameKpiItem(d: SameKpiDifference, lang: Lang): ReviewItem {
  return {
    text: t(lang, 'sameKpiName', { name: oneLine(d.name, lang), fields: fieldNames(d.differsIn, lang) }),
    places: d.occurrences.map((o) => {
      const years = [o.years.baseline, o.years.current, o.years.target].map((y) => (y === undefined ? t(lang, 'none') : eraLabel(y))).join('/');
      return {
        sheet: o.sheet,
        cell: o.cell,
        text: t(lang, 'occurrence', {
          file: o.file,
          sheet: o.sheet,
          cell: o.cell,
          dept: o.department ? t(lang, 'department', { department: o.department }) : '',
          baseline: oneLine(o.baseline, lang),
          current: oneLine(o.current, lang),
          target: oneLine(o.target, lang),
          // The years only where they are what differs.
          years: d.differsIn.includes('years') ? ` [${years}]` : '',
        }),
      };
    }),
  };
}

function shareItem(s: HandGradeShare, lang: Lang): ReviewItem {
  const label = s.label ?? t(lang, 'noDept');
  if (s.share === null) return { text: t(lang, 'noTyped', { label }), places: [] };
  const text = t(lang, 'share', {
    label,
    typed: s.typed,
    differ: s.differ,
    pct: `${Math.round(s.share * 100)}%`,
    kinder: s.kinder,
    harsher: s.harsher,
    unranked: s.unranked > 0 ? t(lang, 'unranked', { n: s.unranked }) : '',
  });
  return { text, places: [] };
}

/** The review as points to read, each with its items. */
export function reviewPoints(r: ConsistencyReview, lang: Lang): ReviewPoint[] {
  const sameKpi: ReviewPoint =
    r.sameKpi.length === 0
      ? { text: t(lang, 'sameKpiNone'), items: [] }
      : {
          text: t(lang, 'sameKpi', { fields: fieldNames([...new Set(r.sameKpi.flatMap((d) => d.differsIn))], lang), n: r.sameKpi.length }),
          items: r.sameKpi.map((d) => sameKpiItem(d, lang)),
        };
  const styles = r.gradeStyles.mixed ? t(lang, 'stylesMixed', { full: r.gradeStyles.full.join(', '), half: r.gradeStyles.half.join(', ') }) : t(lang, 'stylesSame');
  return [
    sameKpi,
    { text: styles, items: [] },
    { text: t(lang, 'handByFile'), items: r.byFile.map((s) => shareItem(s, lang)) },
    { text: t(lang, 'handByDept'), items: r.byDepartment.map((s) => shareItem(s, lang)) },
  ];
}
