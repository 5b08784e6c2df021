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
import { describeUnreadable } from './problems';
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
  | 'attainment'; // tassei / points: the band 達成率 falls in

/** The figures a reason quotes, in the row's unit. */
export interface Compared {
  readonly baseline?: number;
  readonly current?: number;
  readonly target: number;
  readonly bound?: Bound;
  readonly unit: string;
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
      /** The current value was a state word, read as done or as no progress. */
      readonly state?: { readonly text: string; readonly readAs: 'done' | 'noProgress' };
    }
  | { readonly kind: 'noCurrent' }
  | { readonly kind: 'notStarted'; readonly text: string }
  | { readonly kind: 'notGraded'; readonly cause: NotGraded; readonly measures?: Measures; readonly compared?: Compared };

/** The grade a verdict gives: － for no current value, Ｅ for 未着手, none when not graded. */
export function verdictGrade(v: Verdict): GradeKey | null {
  switch (v.kind) {
    case 'graded':
      return v.grade;
    case 'noCurrent':
      return '-';
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

export function explainVerdict(verdict: Verdict, preset: Preset): Reason {
  return { reason: line('ja', verdict, preset), reasonEn: line('en', verdict, preset) };
}

const CLOSING_BRACKET = /[）」』】]$/u;

function line(lang: Lang, v: Verdict, preset: Preset): string {
  const grade = verdictGrade(v);
  if (grade === null) return notGradedText(lang, v);
  const body = bodyText(lang, v, preset);
  const notes = v.kind === 'graded' ? notesOf(lang, v, preset) : [];
  // Japanese reports write "…）→ Ａ" with no space after a closing bracket.
  const arrow = lang === 'ja' && CLOSING_BRACKET.test(body) ? '→ ' : ' → ';
  const noteText = notes.length === 0 ? '' : lang === 'ja' ? `（${notes.join('、')}）` : ` (${notes.join('; ')})`;
  return `${body}${arrow}${gradeLabel(lang, grade, preset)}${noteText}`;
}

/** "Ａ 順調" / "A On track"; the letter alone when the preset has no meaning for it. */
export function gradeLabel(lang: Lang, grade: GradeKey, preset: Preset): string {
  const label = preset.labels[grade];
  const letter = toGradeText(grade, lang === 'ja' ? 'full' : 'half');
  const meaning = lang === 'ja' ? label?.meaning : label?.meaningEn;
  return meaning ? `${letter} ${meaning}` : letter;
}

function bodyText(lang: Lang, v: Verdict, preset: Preset): string {
  if (v.kind === 'noCurrent') return t(lang, 'noCurrent');
  if (v.kind === 'notStarted') return t(lang, 'notStarted', { text: v.text });
  if (v.kind !== 'graded') return '';
  if (v.state) return t(lang, v.state.readAs === 'done' ? 'stateDone' : 'stateNoProgress', { text: v.state.text });

  const m = v.measures;
  const c = v.compared;
  const values = formatValues(c);
  switch (v.clause) {
    case 'targetMet':
      return t(lang, 'targetMet', { current: values.current, target: values.target, op: metOperator(c.bound, m.direction) });
    case 'metShare':
      return t(lang, 'metShare', { p: percent(m.progress), share: percent(preset.method === 'standard' ? preset.thresholds.met : 1) });
    case 'onPace':
    case 'roughly':
    case 'behind':
      return paceText(lang, v);
    case 'worse':
      return t(lang, 'worse', { d: percent(m.deterioration) });
    case 'improved':
      return t(lang, 'improved', { baseline: values.baseline, current: values.current });
    case 'sameLevel':
      if (m.deterioration !== undefined && m.deterioration > 0) {
        const limit = preset.method === 'kijun' ? preset.thresholds.sameLevel : 0;
        return t(lang, 'worseWithin', { d: percent(m.deterioration), limit: percent(limit) });
      }
      return t(lang, 'same', { baseline: values.baseline, current: values.current });
    case 'attainment':
      if (m.attainment !== undefined) return t(lang, 'attainment', { a: percent(m.attainment) });
      return t(lang, 'attainmentUnknown', { fact: metFact(lang, v.measures, c) });
  }
}

/** Behind, on or ahead of the straight line: say the progress, or why there is none to say. */
function paceText(lang: Lang, v: Extract<Verdict, { kind: 'graded' }>): string {
  const m = v.measures;
  if (v.paceFromAttainment) return t(lang, 'fromAttainment', { a: percent(m.attainment ?? 0) });
  // Moving away from the target: "7.6% worse than the baseline" says more than "progress -110%".
  if (v.clause === 'behind' && m.deterioration !== undefined && m.deterioration > 0) {
    return t(lang, 'worse', { d: percent(m.deterioration) });
  }
  if (m.progress === undefined) return metFact(lang, m, v.compared);
  return m.elapsedKnown
    ? t(lang, 'progress', { p: percent(m.progress), t: percent(m.elapsed) })
    : t(lang, 'progressNoYear', { p: percent(m.progress) });
}

function metFact(lang: Lang, m: Measures, c: Compared): string {
  const values = formatValues(c);
  const op = m.targetMet ? metOperator(c.bound, m.direction) : notMetOperator(c.bound, m.direction);
  return t(lang, m.targetMet ? 'targetMet' : 'notMet', { current: values.current, target: values.target, op });
}

function notesOf(lang: Lang, v: Extract<Verdict, { kind: 'graded' }>, preset: Preset): string[] {
  const notes: string[] = [];
  if (v.state) return notes;
  if (v.measures.directionBasis === 'rank' && v.clause !== 'attainment') notes.push(t(lang, 'noteRank'));
  const usesElapsed = preset.method === 'standard' || preset.method === 'pace';
  const judgedOnLine = v.clause === 'onPace' || v.clause === 'roughly' || v.clause === 'behind';
  if (usesElapsed && judgedOnLine && !v.measures.elapsedKnown && !v.paceFromAttainment) notes.push(t(lang, 'noteNoYear'));
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
  }
}

// ───────────────────────────── numbers ─────────────────────────────

function metOperator(bound: Bound | undefined, direction: Direction): string {
  return { ge: '≥', gt: '>', le: '≤', lt: '<' }[bound ?? (direction === 'down' ? 'le' : 'ge')];
}

function notMetOperator(bound: Bound | undefined, direction: Direction): string {
  return { ge: '<', gt: '≤', le: '>', lt: '≥' }[bound ?? (direction === 'down' ? 'le' : 'ge')];
}

/** 0.75 → "75%", 0.0764 → "7.6%": one decimal below 10 %, where a threshold like 10 % sits close. */
export function percent(x: number | undefined): string {
  const v = (x ?? NaN) * 100;
  if (!Number.isFinite(v)) return '－';
  const shown = Math.abs(v) < 10 ? Math.round(v * 10) / 10 : Math.round(v);
  return `${(shown === 0 ? 0 : shown).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
}

/** The compared figures written alike: 69.8% and 65.0% (same decimals), 4,542件, 660位. */
function formatValues(c: Compared): { baseline: string; current: string; target: string } {
  const present = [c.baseline, c.current, c.target].filter((x): x is number => x !== undefined);
  const decimals = Math.min(3, Math.max(0, ...present.map(decimalsOf)));
  const fmt = (x: number | undefined): string =>
    x === undefined ? '－' : `${x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}${c.unit}`;
  return { baseline: fmt(c.baseline), current: fmt(c.current), target: fmt(c.target) };
}

function decimalsOf(x: number): number {
  const s = String(x);
  if (s.includes('e')) return 0;
  return s.split('.')[1]?.length ?? 0;
}
