/**
 * The readable report of a many-file run: per file a line of counts and its points to
 * check (each names the sheet and cell), the files left out, the totals, then the
 * consistency review. Each KPI's detail is in --json and in the graded copies.
 */
import { reviewPoints } from '../core/consistencyText';
import { createTranslator, type Lang } from '../core/i18n';
import type { CombinedJson } from './combinedReport';

const t = createTranslator('cliCombined', {
  ja: {
    title: 'KPI進捗評価（評価基準: {{preset}}）— {{files}}ファイル',
    byFile: '■ ファイルごとの結果',
    file: '  {{file}}: {{kpis}}指標 / {{tables}}表  {{counts}}',
    differs: '手入力と異なる {{n}}',
    problems: '確認が必要な点 {{n}}件',
    failed: '  {{file}}: 評価できませんでした',
    noTables: 'KPIの表が見つかりません',
    written: '    書き込み: {{file}}（達成状況 {{cells}}セル）',
    skipped: '■ 飛ばしたファイル（{{n}}件）',
    total: '■ 合計: {{files}}ファイル（評価 {{graded}}・評価できない {{failed}}・飛ばした {{skipped}}）、{{kpis}}指標 / {{tables}}表: {{counts}}',
    totalWritten: '  書き込んだコピー: {{files}}ファイル（達成状況 {{cells}}セル）',
    review: '■ 各課の評価の整合性',
  },
  en: {
    title: 'KPI progress grading (rule: {{preset}}) — {{files}} files',
    byFile: '■ Each file',
    file: '  {{file}}: {{kpis}} indicators / {{tables}} tables  {{counts}}',
    differs: 'differ from typed {{n}}',
    problems: 'points to check {{n}}',
    failed: '  {{file}}: could not be graded',
    noTables: 'no KPI table found',
    written: '    Written: {{file}} ({{cells}} grade cells)',
    skipped: '■ Files left out ({{n}})',
    total: '■ Total: {{files}} files ({{graded}} graded, {{failed}} not graded, {{skipped}} left out), {{kpis}} indicators / {{tables}} tables: {{counts}}',
    totalWritten: '  Copies written: {{files}} files ({{cells}} grade cells)',
    review: '■ Consistency across the departments',
  },
});

/** Grades best first, as the presets list them (S…E, 7…1), 「－」 last. */
const DISPLAY_ORDER = ['S', 'A', 'B', 'C', 'D', 'E', '7', '6', '5', '4', '3', '2', '1', '-'];
const displayRank = (g: string): number => (DISPLAY_ORDER.indexOf(g) < 0 ? DISPLAY_ORDER.length : DISPLAY_ORDER.indexOf(g));
const counts = (byGrade: Record<string, number>, ungraded: number): string =>
  [
    ...Object.entries(byGrade)
      .sort(([a], [b]) => displayRank(a) - displayRank(b))
      .map(([g, n]) => `${g}:${n}`),
    ...(ungraded > 0 ? [`?:${ungraded}`] : []),
  ].join(' ');

export function formatCombinedText(report: CombinedJson, lang: Lang): string {
  const s = report.summary;
  const out: string[] = [t(lang, 'title', { preset: report.preset, files: s.files }), '', t(lang, 'byFile')];
  for (const f of report.files) {
    if (f.error !== undefined) out.push(t(lang, 'failed', { file: f.file }));
    else {
      const byGrade: Record<string, number> = {};
      let kpis = 0;
      let ungraded = 0;
      let differs = 0;
      for (const table of f.tables) {
        for (const k of table.kpis) {
          kpis++;
          if (k.grade === null) ungraded++;
          else byGrade[k.grade] = (byGrade[k.grade] ?? 0) + 1;
          if (k.differs) differs++;
        }
      }
      const extras = [...(differs > 0 ? [t(lang, 'differs', { n: differs })] : []), ...(f.problems.length > 0 ? [t(lang, 'problems', { n: f.problems.length })] : [])];
      const found = f.tables.length === 0 ? t(lang, 'noTables') : counts(byGrade, ungraded);
      out.push(t(lang, 'file', { file: f.file, kpis, tables: f.tables.length, counts: [found, ...extras].join('  ') }));
    }
    for (const p of f.problems) out.push(`    - ${lang === 'ja' ? p.message : p.messageEn}`);
    if (f.written) out.push(t(lang, 'written', { file: f.written.file, cells: f.written.cells }));
  }
  if (report.skipped.length > 0) {
    out.push('', t(lang, 'skipped', { n: report.skipped.length }));
    for (const k of report.skipped) out.push(`  - ${lang === 'ja' ? k.message : k.messageEn}`);
  }
  out.push('', t(lang, 'total', { files: s.files, graded: s.graded, failed: s.failed, skipped: s.skipped, kpis: s.kpis, tables: s.tables, counts: counts(s.byGrade, s.ungraded) }));
  if (s.written) out.push(t(lang, 'totalWritten', s.written));

  out.push('', t(lang, 'review'));
  // The review's words are core's (the pane says the same); here they are drawn as text.
  for (const point of reviewPoints(report.review, lang)) {
    out.push(`  ● ${point.text}`);
    for (const item of point.items) {
      out.push(`    ${item.text}`);
      for (const place of item.places) out.push(`      ${place.text}`);
    }
  }
  return out.join('\n') + '\n';
}
