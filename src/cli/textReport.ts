/**
 * The readable report: per sheet, per table, one block per KPI with its values,
 * 進捗率 (progress rate), 経過率 (elapsed ratio), grade and reason, and where a
 * grade typed in the file differs. Japanese by default, English with --lang en.
 */
import type { Lang } from '../core/i18n';
import { createTranslator } from '../core/i18n';
import { notWrittenCount, SKIP_HEADINGS, sortSkipped } from '../core/writeReport';
import type { JsonProblem, JsonReport } from './jsonReport';

const problemKey = (p: JsonProblem) => `${p.code}|${p.sheet}|${p.cell}`;

const t = createTranslator('cliReport', {
  ja: {
    title: 'KPI進捗評価（評価基準: {{preset}}）',
    sheet: '■ シート「{{sheet}}」',
    table: '  表 {{range}}（{{count}}指標）',
    values: '当初 {{baseline}} → 現状 {{current}} → 目標 {{target}}',
    measures: '進捗率 {{progress}}  経過率 {{elapsed}}',
    grade: '評価 {{grade}}',
    noGrade: '評価できません',
    differs: '※ 入力済みの評価「{{existing}}」と異なります（上書きしません）',
    gradeFormula: '※ 達成状況のセルには数式（{{formula}}）が入っています。数式はそのまま残し、評価は書き込みません。',
    problems: '■ 確認が必要な点（{{count}}件）',
    none: '－',
    summary: '合計 {{kpis}}指標 / {{tables}}表: {{counts}}',
    written: '書き込み: {{file}}（達成状況 {{cells}}セル, 書式ルール {{rules}}件, メモ {{notes}}件）',
    noTables: 'KPIの表が見つかりませんでした。見出し行に「指標」「目標値」と値の列があるか確認してください。',
  },
  en: {
    title: 'KPI progress grading (rule: {{preset}})',
    sheet: '■ Sheet "{{sheet}}"',
    table: '  Table {{range}} ({{count}} indicators)',
    values: 'baseline {{baseline}} → current {{current}} → target {{target}}',
    measures: 'progress {{progress}}  elapsed {{elapsed}}',
    grade: 'grade {{grade}}',
    noGrade: 'cannot be graded',
    differs: '※ differs from the grade typed in the file, "{{existing}}" (not overwritten)',
    gradeFormula: '※ the grade cell holds a formula ({{formula}}); it is kept and no grade is written there',
    problems: '■ Points to check ({{count}})',
    none: '-',
    summary: 'Total {{kpis}} indicators / {{tables}} tables: {{counts}}',
    written: 'Written: {{file}} ({{cells}} grade cells, {{rules}} format rules, {{notes}} notes)',
    noTables: 'No KPI table was found. Check that a header row names an indicator, a target and value columns.',
  },
});

const pct = (n: number | null, lang: Lang): string => (n === null ? t(lang, 'none') : `${Math.round(n * 100)}%`);
const oneLine = (s: string | null, lang: Lang): string => (s === null || s.trim() === '' ? t(lang, 'none') : s.replace(/\s*\n\s*/g, ' '));

export function formatTextReport(report: JsonReport, lang: Lang): string {
  const out: string[] = [t(lang, 'title', { preset: report.preset }), ''];
  if (report.tables.length === 0) out.push(t(lang, 'noTables'), '');
  let lastSheet: string | undefined;
  const counts = new Map<string, number>();
  let kpiCount = 0;
  for (const table of report.tables) {
    if (table.sheet !== lastSheet) {
      out.push(t(lang, 'sheet', { sheet: table.sheet }));
      lastSheet = table.sheet;
    }
    out.push(t(lang, 'table', { range: table.range, count: table.kpis.length }));
    for (const k of table.kpis) {
      kpiCount++;
      const key = k.grade ?? '?';
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const cell = k.gradeCell ? ` [${k.gradeCell}]` : '';
      out.push(`    ${k.name}${k.department ? `（${k.department}）` : ''}${cell}`);
      out.push(
        `      ${t(lang, 'values', { baseline: oneLine(k.baseline, lang), current: oneLine(k.current, lang), target: oneLine(k.target, lang) })}`,
      );
      out.push(`      ${t(lang, 'measures', { progress: pct(k.progress, lang), elapsed: pct(k.elapsed, lang) })}`);
      const grade = k.gradeText ? t(lang, 'grade', { grade: k.gradeText }) : t(lang, 'noGrade');
      out.push(`      ${grade}  ${lang === 'ja' ? k.reason : k.reasonEn}`);
      if (k.differs && k.existing) out.push(`      ${t(lang, 'differs', { existing: k.existing })}`);
      if (k.gradeFormula !== undefined) out.push(`      ${t(lang, 'gradeFormula', { formula: k.gradeFormula })}`);
    }
    out.push('');
  }
  const summary = [...counts.entries()].map(([g, n]) => `${g}:${n}`).join(' ');
  out.push(t(lang, 'summary', { kpis: kpiCount, tables: report.tables.length, counts: summary }));
  const say = (p: JsonProblem) => `  - ${lang === 'ja' ? p.message : p.messageEn}`;
  // What the write left alone is said once, under the write, grouped as the pane groups it.
  const byWrite = new Set((report.written?.skipped ?? []).map(problemKey));
  const problems = report.problems.filter((p) => !byWrite.has(problemKey(p)));
  if (problems.length > 0) {
    out.push('', t(lang, 'problems', { count: problems.length }));
    for (const p of problems) out.push(say(p));
  }
  if (report.written) {
    const { cells, notes, rules, file, planned, skipped } = report.written;
    out.push('', t(lang, 'written', { cells, notes, rules, file }));
    const sorted = sortSkipped(skipped);
    const heading = (key: keyof (typeof SKIP_HEADINGS)['ja'], count: number) => `  ${SKIP_HEADINGS[lang][key].replace('{{count}}', String(count))}`;
    if (sorted.kept.length > 0) out.push(heading('keptTyped', sorted.kept.length));
    if (sorted.notWritten.length > 0) {
      out.push(heading('notWritten', notWrittenCount(sorted, planned, cells)));
      for (const p of sorted.notWritten) out.push(`  ${say(p)}`);
    }
    if (sorted.info.length > 0) {
      out.push(heading('info', sorted.info.length));
      for (const p of sorted.info) out.push(`  ${say(p)}`);
    }
  }
  return out.join('\n') + '\n';
}
