/**
 * One-line reasons for a grade, in Japanese and English (spec §6 "Explanations"):
 *   進捗率 75%（経過 60%）→ Ａ 順調
 *   基準値より 50% 悪化 → Ｄ 遅れている
 *   目標達成（69.8% ≥ 65.0%）→ Ｓ 早い
 *   現状値なし → － 実施時期未到来
 * Grade letters are full-width in Japanese, as in the official reports. The grading rules say
 * which clause decided (a Verdict); this module only puts that into words.
 */
import type { Ungradable } from './figures';
import { createTranslator, type Lang } from './i18n';
import { toGradeText } from './gradeText';
import { formatNumberEn, formatShortestEn } from './numberFormat';
import { describeUnreadable } from './problems';
import { gradeMeaning, noCurrentGrade } from './presets';
import type { SurveyBasis } from './survey';
import type { Bound, Direction, GradeKey, Measures, Preset } from './types';

// ───────────────────────────── what the rules decided ─────────────────────────────

/** The clause of a preset's rule that gave the grade. */
export type GradedClause =
  | 'targetMet' // target met (bound-aware)
  | 'metShare' // standard: enough of the planned change to count as met (thresholds.met ≠ 1)
  | 'onPace' // on or ahead of the straight line baseline → target
  | 'roughly' // standard B: at least `roughly` of the line
  | 'behind' // behind the line, not (much) worse than the baseline
  | 'worse' // worse than the baseline beyond the preset's limit
  | 'improved' // kijun A: better than the baseline
  | 'sameLevel' // kijun B: 同水準, at most `sameLevel` worse
  | 'attainment' // tassei / points: the band 達成率 falls in
  | 'surveyBand'; // a city scale: a survey item moved less than ±N points (counts as no change)

/** The figures a reason quotes, in the row's unit. */
export interface Compared {
  readonly baseline?: number;
  readonly current?: number;
  readonly target: number;
  readonly bound?: Bound;
  readonly unit: string;
  /** The ledger's own 目安値, in the row's unit. */
  readonly expected?: number;
  /** The current value is a forecast (見込). */
  readonly forecast?: true;
  /** The target as written when it is a relation to the baseline (「基準値を上回る」); `target` is then the baseline. */
  readonly relation?: string;
}

export type NotGraded =
  Ungradable | { readonly kind: 'cancelled' | 'hardToEvaluate'; readonly text: string } | { readonly kind: 'noBaseline' }; // kijun compares with a baseline that is not there

export type Verdict =
  | {
      readonly kind: 'graded';
      readonly grade: GradeKey;
      readonly clause: GradedClause;
      readonly measures: Measures;
      readonly compared: Compared;
      /** No baseline: the pace was judged on 達成率 against the final target. */
      readonly paceFromAttainment: boolean;
      /** `pace`: judged against the ledger's own 目安値 instead of the line drawn from B to T. */
      readonly paceFromExpected?: true;
      /** The current value was a state word, read as done or as no progress. */
      readonly state?: { readonly text: string; readonly readAs: 'done' | 'noProgress' };
      /** A city scale's pace by a fixed share per year: the share expected after `years` years. */
      readonly perYear?: { readonly share: number; readonly years: number; readonly expected: number };
      /** A survey item within the city's band: why it is one, the band and the change in points. */
      readonly survey?: { readonly basis: SurveyBasis; readonly points: number; readonly change: number };
    }
  | { readonly kind: 'noCurrent' }
  /** A city scale's own code for a state word (中止 → Y) or for a target that is an action (日本再興戦略 F). */
  | { readonly kind: 'code'; readonly grade: GradeKey; readonly cause: 'state' | 'qualitative'; readonly text: string }
  | { readonly kind: 'notStarted'; readonly text: string }
  | { readonly kind: 'notGraded'; readonly cause: NotGraded; readonly measures?: Measures; readonly compared?: Compared };

/** The grade a verdict gives: － (or the scale's code) for no current value, Ｅ for 未着手, none when not graded. */
export function verdictGrade(v: Verdict, preset: Preset): GradeKey | null {
  switch (v.kind) {
    case 'graded':
    case 'code':
      return v.grade;
    case 'noCurrent':
      return noCurrentGrade(preset);
    case 'notStarted':
      return 'E';
    case 'notGraded':
      return null;
  }
}

// ───────────────────────────── words ─────────────────────────────

type Key =
  | 'noCurrent'
  | 'notStarted'
  | 'qualitative'
  | 'surveyBand'
  | 'surveyMarked'
  | 'surveyRecognised'
  | 'progressPerYear'
  | 'relationMet'
  | 'relationNotMet'
  | 'stateDone'
  | 'stateNoProgress'
  | 'targetMet'
  | 'notMet'
  | 'metShare'
  | 'progress'
  | 'progressNoYear'
  | 'fromAttainment'
  | 'worse'
  | 'worseWithin'
  | 'same'
  | 'improved'
  | 'attainment'
  | 'attainmentUnknown'
  | 'noteRank'
  | 'noteNoYear'
  | 'noteForecast'
  | 'expectedMet'
  | 'expectedNotMet'
  | 'cancelled'
  | 'hardToEvaluate'
  | 'noBaseline'
  | 'noTarget'
  | 'unreadable'
  | 'unitMismatch'
  | 'role.baseline'
  | 'role.current';

const t = createTranslator<Key>('grading', {
  ja: {
    noCurrent: '現状値なし',
    notStarted: '現状値「{{text}}」',
    qualitative: '目標が施策の実施そのもの（数値の目標ではない）',
    surveyBand: '変動 {{change}}ポイントは ±{{points}}ポイント未満のため現状維持（{{baseline}} → {{current}}、{{basis}}）',
    surveyMarked: '調査項目として指定',
    surveyRecognised: '単位と指標名の「{{word}}」から調査項目と判断',
    progressPerYear: '進捗率 {{p}}（目安 {{e}}＝毎年 {{share}} × {{n}}年）',
    relationMet: '目標「{{relation}}」を達成（{{current}} {{op}} 基準値 {{target}}）',
    relationNotMet: '目標「{{relation}}」に届かない（{{current}} {{op}} 基準値 {{target}}）',
    stateDone: '現状値「{{text}}」は目標達成とみなす',
    stateNoProgress: '現状値「{{text}}」は基準値から進捗なしとみなす',
    targetMet: '目標達成（{{current}} {{op}} {{target}}）',
    notMet: '目標未達成（{{current}} {{op}} {{target}}）',
    metShare: '進捗率 {{p}}（{{share}} 以上を目標達成とみなす）',
    progress: '進捗率 {{p}}（経過 {{t}}）',
    progressNoYear: '進捗率 {{p}}',
    fromAttainment: '基準値なしのため達成率 {{a}} で判定',
    worse: '基準値より {{d}} 悪化',
    worseWithin: '基準値より {{d}} 悪化（{{limit}} 以内）',
    same: '基準値と同じ（{{baseline}} → {{current}}）',
    improved: '基準値より改善（{{baseline}} → {{current}}）',
    attainment: '達成率 {{a}}',
    attainmentUnknown: '{{fact}}、達成率は計算できない値',
    noteRank: '順位は小さいほど良い',
    noteNoYear: '年度不明のため最終目標で判定',
    noteForecast: '現状値は見込値',
    expectedMet: '目安値に到達（{{current}} {{op}} 目安値 {{expected}}）',
    expectedNotMet: '目安値に未到達（{{current}} {{op}} 目安値 {{expected}}）',
    cancelled: '現状値「{{text}}」のため評価しません（中止・廃止）',
    hardToEvaluate: '現状値「{{text}}」のため評価しません（評価困難）',
    noBaseline: '基準値がないため基準値と比較できません（{{fact}}）',
    noTarget: '目標値がないため評価できません',
    unreadable: '{{role}}「{{text}}」を読み取れないため評価できません（{{why}}）',
    unitMismatch: '単位がそろっていないため評価できません（{{units}}）',
    'role.baseline': '基準値',
    'role.current': '現状値',
  },
  en: {
    noCurrent: 'No current value',
    notStarted: 'Current value "{{text}}"',
    qualitative: 'The target is the action itself, not a figure',
    surveyBand: 'A change of {{change}} points is within ±{{points}} points, so unchanged ({{baseline}} → {{current}}; {{basis}})',
    surveyMarked: 'marked as a survey item',
    surveyRecognised: 'a survey item by its unit and the word "{{word}}" in its name',
    progressPerYear: 'Progress {{p}} (expected {{e}} = {{share}} a year × {{n}})',
    relationMet: 'Target "{{relation}}" met ({{current}} {{op}} baseline {{target}})',
    relationNotMet: 'Target "{{relation}}" not met ({{current}} {{op}} baseline {{target}})',
    stateDone: 'Current value "{{text}}" counts as target met',
    stateNoProgress: 'Current value "{{text}}" counts as no progress from the baseline',
    targetMet: 'Target met ({{current}} {{op}} {{target}})',
    notMet: 'Target not met ({{current}} {{op}} {{target}})',
    metShare: 'Progress {{p}} ({{share}} or more counts as met)',
    progress: 'Progress {{p}} (elapsed {{t}})',
    progressNoYear: 'Progress {{p}}',
    fromAttainment: 'No baseline: judged on attainment {{a}}',
    worse: '{{d}} worse than the baseline',
    worseWithin: '{{d}} worse than the baseline (within {{limit}})',
    same: 'Same as the baseline ({{baseline}} → {{current}})',
    improved: 'Better than the baseline ({{baseline}} → {{current}})',
    attainment: 'Attainment {{a}}',
    attainmentUnknown: '{{fact}}; attainment cannot be computed from these values',
    noteRank: 'a lower rank is better',
    noteNoYear: 'year unknown, judged against the final target',
    noteForecast: 'the current value is a forecast',
    expectedMet: 'Expected value reached ({{current}} {{op}} expected {{expected}})',
    expectedNotMet: 'Expected value not reached ({{current}} {{op}} expected {{expected}})',
    cancelled: 'Current value "{{text}}": not graded (cancelled or abolished)',
    hardToEvaluate: 'Current value "{{text}}": not graded (hard to evaluate)',
    noBaseline: 'No baseline to compare with ({{fact}})',
    noTarget: 'No target, so this cannot be graded',
    unreadable: 'The {{role}} "{{text}}" cannot be read, so this cannot be graded ({{why}})',
    unitMismatch: 'The units do not agree, so this cannot be graded ({{units}})',
    'role.baseline': 'baseline',
    'role.current': 'current value',
  },
});

// ───────────────────────────── rendering ─────────────────────────────

export interface Reason {
  readonly reason: string;
  readonly reasonEn: string;
}

/** Japanese reports write "…）→ Ａ" with no space after a closing bracket: ） 」 』 】. */
function endsWithClosingBracket(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0xff09 || last === 0x300d || last === 0x300f || last === 0x3011;
}

/** The reason for a verdict in one language. */
export function reasonLine(lang: Lang, v: Verdict, preset: Preset): string {
  const grade = verdictGrade(v, preset);
  if (grade === null) return notGradedText(lang, v);
  const body = bodyText(lang, v, preset);
  const notes = v.kind === 'graded' ? notesOf(lang, v, preset) : undefined;
  const arrow = lang === 'ja' && endsWithClosingBracket(body) ? '→ ' : ' → ';
  const noteText =
    notes === undefined || notes.length === 0 ? '' : lang === 'ja' ? `（${notes.join('、')}）` : ` (${notes.join('; ')})`;
  // Joined, not concatenated: every KPI keeps its reasons, and a flat string is one object
  // where a concatenation would keep a chain of pieces.
  return [body, arrow, gradeLabel(lang, grade, preset), noteText].join('');
}

/** "Ａ 順調" / "A On track"; the letter alone when the preset has no meaning for it. */
export function gradeLabel(lang: Lang, grade: GradeKey, preset: Preset): string {
  const label = gradeMeaning(preset, grade);
  const letter = toGradeText(grade, lang === 'ja' ? 'full' : 'half');
  const meaning = lang === 'ja' ? label?.meaning : label?.meaningEn;
  return meaning ? `${letter} ${meaning}` : letter;
}

function bodyText(lang: Lang, v: Verdict, preset: Preset): string {
  if (v.kind === 'noCurrent') return t(lang, 'noCurrent');
  if (v.kind === 'notStarted') return t(lang, 'notStarted', { text: v.text });
  if (v.kind === 'code') return t(lang, v.cause === 'state' ? 'notStarted' : 'qualitative', { text: v.text });
  if (v.kind !== 'graded') return '';
  if (v.state) {
    const key = v.state.readAs === 'done' ? 'stateDone' : 'stateNoProgress';
    return t(lang, key, { text: v.state.text });
  }

  const m = v.measures;
  const c = v.compared;
  switch (v.clause) {
    case 'targetMet': {
      if (c.relation !== undefined) return metFact(lang, m, c);
      const values = formatValues(c);
      return t(
        lang,
        'targetMet',
        { current: values.current, target: values.target, op: metOperator(c.bound, m.direction) },
      );
    }
    case 'metShare':
      return t(
        lang,
        'metShare',
        { p: percent(m.progress), share: percent(preset.method === 'standard' ? preset.thresholds.met : 1) },
      );
    case 'onPace':
    case 'roughly':
    case 'behind':
      return paceText(lang, v);
    case 'worse':
      return t(lang, 'worse', { d: percent(m.deterioration) });
    case 'improved': {
      const values = formatValues(c);
      return t(lang, 'improved', { baseline: values.baseline, current: values.current });
    }
    case 'sameLevel': {
      if (m.deterioration !== undefined && m.deterioration > 0) {
        const limit = preset.method === 'kijun' ? preset.thresholds.sameLevel : 0;
        return t(lang, 'worseWithin', { d: percent(m.deterioration), limit: percent(limit) });
      }
      const values = formatValues(c);
      return t(lang, 'same', { baseline: values.baseline, current: values.current });
    }
    case 'surveyBand': {
      const values = formatValues(c);
      const sv = v.survey!;
      const basis = sv.basis.kind === 'marked' ? t(lang, 'surveyMarked') : t(lang, 'surveyRecognised', { word: sv.basis.word });
      return t(lang, 'surveyBand', {
        // Signed, as a change is read: +2.9 / -2.5 (one decimal, as survey shares are published).
        change: `${sv.change > 0 ? '+' : ''}${formatNumberEn(Math.round(sv.change * 10) / 10, 0, 1)}`,
        points: formatNumberEn(sv.points, 0, 3),
        baseline: values.baseline,
        current: values.current,
        basis,
      });
    }
    case 'attainment':
      if (m.attainment !== undefined) return t(lang, 'attainment', { a: percent(m.attainment) });
      return t(lang, 'attainmentUnknown', { fact: metFact(lang, v.measures, c) });
  }
}

/** Behind, on or ahead of the straight line: say the progress, or why there is none to say. */
function paceText(lang: Lang, v: Extract<Verdict, { kind: 'graded' }>): string {
  const m = v.measures;
  if (v.paceFromExpected && v.compared.expected !== undefined) {
    // `pace` against the ledger's own 目安値 (worse than the baseline is clause 'worse', worded there).
    const values = formatValues(v.compared);
    const met = v.clause === 'onPace';
    const key = met ? 'expectedMet' : 'expectedNotMet';
    const op = met ? metOperator(undefined, m.direction) : notMetOperator(undefined, m.direction);
    return t(lang, key, { current: values.current, expected: values.expected, op });
  }
  if (v.paceFromAttainment) return t(lang, 'fromAttainment', { a: percent(m.attainment ?? 0) });
  // Moving away from the target: "7.6% worse than the baseline" says more than "progress -110%".
  if (v.clause === 'behind' && m.deterioration !== undefined && m.deterioration > 0) {
    return t(lang, 'worse', { d: percent(m.deterioration) });
  }
  if (m.progress === undefined) return metFact(lang, m, v.compared);
  if (v.perYear !== undefined) {
    const y = v.perYear;
    return t(lang, 'progressPerYear', { p: percent(m.progress), e: percent(y.expected), share: percent(y.share), n: y.years });
  }
  return m.elapsedKnown
    ? t(lang, 'progress', { p: percent(m.progress), t: percent(m.elapsed) })
    : t(lang, 'progressNoYear', { p: percent(m.progress) });
}

function metFact(lang: Lang, m: Measures, c: Compared): string {
  const values = formatValues(c);
  const op = m.targetMet ? metOperator(c.bound, m.direction) : notMetOperator(c.bound, m.direction);
  if (c.relation !== undefined) {
    return t(lang, m.targetMet ? 'relationMet' : 'relationNotMet', { relation: c.relation, current: values.current, target: values.target, op });
  }
  const key = m.targetMet ? 'targetMet' : 'notMet';
  return t(lang, key, { current: values.current, target: values.target, op });
}

/** Notes after the grade; undefined when there are none (the common case, no array made). */
function notesOf(lang: Lang, v: Extract<Verdict, { kind: 'graded' }>, preset: Preset): string[] | undefined {
  if (v.state) return undefined;
  let notes: string[] | undefined;
  if (v.compared.forecast) notes = [t(lang, 'noteForecast')];
  if (v.measures.directionBasis === 'rank' && v.clause !== 'attainment') (notes ??= []).push(t(lang, 'noteRank'));
  const usesElapsed = preset.method === 'standard' || preset.method === 'pace' || (preset.method === 'scale' && preset.measure === 'pace');
  const judgedOnLine = v.clause === 'onPace' || v.clause === 'roughly' || v.clause === 'behind';
  // The expected share was unknown: t (straight line), or the years of a share per year.
  const unknown = preset.method === 'scale' && preset.pace.kind === 'perYear' ? v.perYear === undefined : !v.measures.elapsedKnown;
  if (usesElapsed && judgedOnLine && unknown && !v.paceFromAttainment && !v.paceFromExpected) {
    (notes ??= []).push(t(lang, 'noteNoYear'));
  }
  return notes;
}

function notGradedText(lang: Lang, v: Verdict): string {
  if (v.kind !== 'notGraded') return '';
  const cause = v.cause;
  switch (cause.kind) {
    case 'cancelled':
    case 'hardToEvaluate':
      return t(lang, cause.kind, { text: cause.text });
    case 'noBaseline':
      return t(lang, 'noBaseline', { fact: v.measures && v.compared ? metFact(lang, v.measures, v.compared) : '' });
    case 'noTarget':
      return t(lang, 'noTarget');
    case 'unreadable':
      return t(lang, 'unreadable', { role: t(lang, `role.${cause.role}`), text: cause.text, why: describeUnreadable(cause.reason, lang) });
    case 'unitMismatch':
      return t(lang, 'unitMismatch', { units: cause.units.join(lang === 'ja' ? '／' : ' / ') });
    case 'relationNoBaseline':
      return t(lang, 'noBaseline', { fact: cause.text });
  }
}

// ───────────────────────────── numbers ─────────────────────────────

const MET_OPERATOR: Readonly<Record<Bound, string>> = { ge: '≥', gt: '>', le: '≤', lt: '<' };
const NOT_MET_OPERATOR: Readonly<Record<Bound, string>> = { ge: '<', gt: '≤', le: '>', lt: '≥' };

function metOperator(bound: Bound | undefined, direction: Direction): string {
  return MET_OPERATOR[bound ?? (direction === 'down' ? 'le' : 'ge')];
}

function notMetOperator(bound: Bound | undefined, direction: Direction): string {
  return NOT_MET_OPERATOR[bound ?? (direction === 'down' ? 'le' : 'ge')];
}

/** 0.75 → "75%", 0.0764 → "7.6%": one decimal below 10 %, where a threshold like 10 % sits close. */
export function percent(x: number | undefined): string {
  const v = (x ?? NaN) * 100;
  if (!Number.isFinite(v)) return '－';
  const shown = Math.abs(v) < 10 ? Math.round(v * 10) / 10 : Math.round(v);
  // As toLocaleString('en-US', { maximumFractionDigits: 1 }) writes it.
  return `${formatNumberEn(shown === 0 ? 0 : shown, 0, 1)}%`;
}

interface FormattedValues {
  readonly baseline: string;
  readonly current: string;
  readonly target: string;
  /** The ledger's 目安値, '－' when there is none. */
  readonly expected: string;
}

/** The compared figures written alike: 69.8% and 65.0% (same decimals), 4,542件, 660位. */
function formatValues(c: Compared): FormattedValues {
  // Each figure is written out once (String), for its decimals and for the formatting.
  const b = c.baseline === undefined ? '' : String(c.baseline);
  const cur = c.current === undefined ? '' : String(c.current);
  const t = String(c.target);
  const e = c.expected === undefined ? '' : String(c.expected);
  const decimals = Math.min(3, Math.max(decimalsOf(b), decimalsOf(cur), decimalsOf(t), decimalsOf(e)));
  // As toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) writes them.
  const fmt = (x: number | undefined, shortest: string): string =>
    x === undefined ? '－' : formatShortestEn(x, shortest, decimals, decimals) + c.unit;
  return { baseline: fmt(c.baseline, b), current: fmt(c.current, cur), target: fmt(c.target, t), expected: fmt(c.expected, e) };
}

/** Decimals of a number as String writes it ("69.8" → 1); 0 with an exponent or none. */
function decimalsOf(s: string): number {
  if (s.includes('e')) return 0;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}
