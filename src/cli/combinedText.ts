/**
 * The readable report of a many-file run: per file a line of counts and its points to
 * check (each names the sheet and cell), the files left out, the totals, then the
 * consistency review. Each KPI's detail is in --json and in the graded copies.
 */
import type { HandGradeShare, ReportedField } from '../core/consistency';
import { createTranslator, type Lang } from '../core/i18n';
import { eraLabel } from '../core/years';
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
    sameKpi: '  ● 同じ指標なのに、ファイルによって{{fields}}が異なるもの（{{n}}件）。どちらが正しいか担当課に確認してください。',
    sameKpiNone: '  ● 同じ名前の指標は、どのファイルでも同じ値・目標・年度です。',
    sameKpiName: '    「{{name}}」: {{fields}}が異なります',
    occurrence: '      {{file}} シート「{{sheet}}」{{cell}}{{dept}}: 当初 {{baseline}} → 現状 {{current}} → 目標 {{target}}{{years}}',
    stylesMixed: '  ● 評価の書き方がファイルによって異なります。全角（Ｓ）: {{full}} ／ 半角（S）: {{half}}。どちらかにそろえてください。',
    stylesSame: '  ● 評価の書き方（全角・半角）はそろっています。',
    handByFile: '  ● 手入力の評価が規則の評価と異なる割合（ファイルごと、多い順）',
    handByDept: '  ● 手入力の評価が規則の評価と異なる割合（担当課ごと、多い順）',
    share: '    {{label}}: {{typed}}件中 {{differ}}件（{{pct}}）— 規則より甘い {{kinder}}・厳しい {{harsher}}{{unranked}}',
    unranked: '・「－」との違い {{n}}',
    noTyped: '    {{label}}: 手入力の評価なし',
    noDept: '（担当課の記載なし）',
    baseline: '当初値',
    current: '現状値',
    target: '目標値',
    years: '年度',
    join: '・',
    none: '－',
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
    sameKpi: '  ● The same indicator with a different {{fields}} in different files ({{n}}). Ask the departments which is right.',
    sameKpiNone: '  ● Indicators of the same name have the same values, targets and years in every file.',
    sameKpiName: '    "{{name}}": the {{fields}} differ',
    occurrence: '      {{file}} sheet "{{sheet}}" {{cell}}{{dept}}: baseline {{baseline}} → current {{current}} → target {{target}}{{years}}',
    stylesMixed: '  ● Grades are written differently: full-width (Ｓ) in {{full}}; half-width (S) in {{half}}. Use one style.',
    stylesSame: '  ● Grades are written in one style (full- or half-width) throughout.',
    handByFile: '  ● Share of typed grades that differ from the rule (per file, most first)',
    handByDept: '  ● Share of typed grades that differ from the rule (per department, most first)',
    share: '    {{label}}: {{differ}} of {{typed}} ({{pct}}) — kinder than the rule {{kinder}}, harsher {{harsher}}{{unranked}}',
    unranked: ', against "-" {{n}}',
    noTyped: '    {{label}}: no typed grades',
    noDept: '(department not written)',
    baseline: 'baseline',
    current: 'current value',
    target: 'target',
    years: 'years',
    join: ', ',
    none: '-',
  },
});

const oneLine = (s: string | undefined, lang: Lang): string => (s === undefined || s.trim() === '' ? t(lang, 'none') : s.replace(/\s*\n\s*/g, ' '));
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

function shareLine(s: HandGradeShare, lang: Lang): string {
  const label = s.label ?? t(lang, 'noDept');
  if (s.share === null) return t(lang, 'noTyped', { label });
  return t(lang, 'share', {
    label,
    typed: s.typed,
    differ: s.differ,
    pct: `${Math.round(s.share * 100)}%`,
    kinder: s.kinder,
    harsher: s.harsher,
    unranked: s.unranked > 0 ? t(lang, 'unranked', { n: s.unranked }) : '',
  });
}

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

  const r = report.review;
  out.push('', t(lang, 'review'));
  const fieldNames = (fields: readonly ReportedField[]) => fields.map((f) => t(lang, f)).join(t(lang, 'join'));
  if (r.sameKpi.length === 0) out.push(t(lang, 'sameKpiNone'));
  else {
    const all = [...new Set(r.sameKpi.flatMap((d) => d.differsIn))];
    out.push(t(lang, 'sameKpi', { fields: fieldNames(all), n: r.sameKpi.length }));
    for (const d of r.sameKpi) {
      out.push(t(lang, 'sameKpiName', { name: oneLine(d.name, lang), fields: fieldNames(d.differsIn) }));
      for (const o of d.occurrences) {
        const years = [o.years.baseline, o.years.current, o.years.target].map((y) => (y === undefined ? t(lang, 'none') : eraLabel(y))).join('/');
        out.push(
          t(lang, 'occurrence', {
            file: o.file,
            sheet: o.sheet,
            cell: o.cell,
            dept: o.department ? (lang === 'ja' ? `（${o.department}）` : ` (${o.department})`) : '',
            baseline: oneLine(o.baseline, lang),
            current: oneLine(o.current, lang),
            target: oneLine(o.target, lang),
            years: d.differsIn.includes('years') ? ` [${years}]` : '',
          }),
        );
      }
    }
  }
  out.push(r.gradeStyles.mixed ? t(lang, 'stylesMixed', { full: r.gradeStyles.full.join(', '), half: r.gradeStyles.half.join(', ') }) : t(lang, 'stylesSame'));
  out.push(t(lang, 'handByFile'), ...r.byFile.map((x) => shareLine(x, lang)));
  out.push(t(lang, 'handByDept'), ...r.byDepartment.map((x) => shareLine(x, lang)));
  return out.join('\n') + '\n';
}
