/**
 * The committee report as one self-contained HTML file (issue #12 item 3): no script, no
 * external file, charts inline as SVG, laid out for A4 portrait print. Everything in it comes
 * from the summary (counts) and the evaluation (KPI rows, problems), so it says what `--json`
 * says.
 *
 * Print rules: a table row is never split across pages (`break-inside: avoid` on rows), table
 * headers repeat on each page, a heading stays with what follows, grade colours print.
 */
import { GRADE_COLOURS } from '../core/colours';
import { toGradeText } from '../core/gradeText';
import type { EvaluationSummary, GoalSummary, GradeCounts, SummaryGroup, SummaryKpi } from '../core/summary';
import type { Preset, Problem, ValueCell } from '../core/types';
import { REPORT_FONT, gradeCountsChart, progressChart } from './charts';
import { formatPercent, formatRate } from './format';
import { ruleLines } from './ruleText';

export interface ReportInput {
  /** From the workbook (see `reportTitle`). */
  readonly title: string;
  /** The file the report was made from, as the officer named it. */
  readonly sourceFile: string;
  /** 「2026年12月4日」: the date printed on the report. */
  readonly date: string;
  readonly preset: Preset;
  readonly summary: EvaluationSummary;
  readonly problems: readonly Problem[];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Escaped, line breaks kept. */
function lines(text: string): string {
  return escapeHtml(text.trim()).replace(/\r?\n/g, '<br>');
}

const percent = formatPercent;

/** "+5.0ポイント" / "−3.3ポイント" / "±0ポイント". */
function points(change: number): string {
  const p = Math.round(change * 1000) / 10;
  if (p === 0) return '±0ポイント';
  return `${p > 0 ? '+' : '−'}${Math.abs(p).toFixed(1)}ポイント`;
}

export function gradeBadge(key: string | null, text: string): string {
  if (key === null) return `<span class="grade none">${escapeHtml(text)}</span>`;
  const c = GRADE_COLOURS[key as keyof typeof GRADE_COLOURS];
  const style = c ? ` style="background:${c.fill};color:${c.fontColor}"` : '';
  return `<span class="grade"${style}>${escapeHtml(text)}</span>`;
}

// ───────────────────────────── count tables ─────────────────────────────

function countHeader(s: EvaluationSummary, firstColumn: string, showUngraded: boolean): string {
  const grades = s.grades.map((g) => `<th class="n" title="${escapeHtml(g.meaning)}">${gradeBadge(g.key, g.text)}<br><small>${escapeHtml(g.meaning)}</small></th>`).join('');
  const earlier = s.earlierLabel ? `<th class="n">前回<br><small>${escapeHtml(s.earlierLabel)}</small></th><th class="n">増減</th>` : '';
  const cols = `<colgroup><col class="label">${'<col>'.repeat(s.grades.length + (showUngraded ? 1 : 0) + 1)}<col class="share">${s.earlierLabel ? '<col><col>' : ''}</colgroup>`;
  return `${cols}<thead><tr><th>${escapeHtml(firstColumn)}</th>${grades}${showUngraded ? '<th class="n">評価<br>不能</th>' : ''}<th class="n">計</th><th class="n">${escapeHtml(s.onTrackLabel)}</th>${earlier}</tr></thead>`;
}

function countCells(s: EvaluationSummary, group: SummaryGroup, showUngraded: boolean): string {
  const c: GradeCounts = group.counts;
  const key = escapeHtml(group.key);
  const grades = s.grades.map((g) => `<td class="n" data-key="${key}" data-grade="${g.key}">${c.byGrade[g.key] ?? 0}</td>`).join('');
  const ungraded = showUngraded ? `<td class="n" data-key="${key}" data-grade="ungraded">${c.ungraded}</td>` : '';
  const share = `<td class="n share" data-key="${key}" data-on-track="${c.onTrack}" data-assessed="${c.assessed}">${percent(c.onTrackShare)}<br><small>${c.onTrack}/${c.assessed}件</small></td>`;
  const earlier = s.earlierLabel
    ? `<td class="n">${group.earlier ? percent(group.earlier.previousShare) : '－'}</td><td class="n">${group.earlier?.change !== undefined ? points(group.earlier.change) : '－'}</td>`
    : '';
  return `${grades}${ungraded}<td class="n" data-key="${key}" data-grade="total">${c.total}</td>${share}${earlier}`;
}

function goalCountTable(s: EvaluationSummary, idPrefix: string): string {
  const showUngraded = s.total.counts.ungraded > 0;
  const rows = s.goals
    .map((g) => {
      const head = `<tr class="goal"><th scope="row">${escapeHtml(g.label)}</th>${countCells(s, g, showUngraded)}</tr>`;
      const dirs = g.directions.map((d) => `<tr class="direction"><th scope="row">${escapeHtml(d.label)}</th>${countCells(s, d, showUngraded)}</tr>`).join('');
      return head + dirs;
    })
    .join('');
  const total = `<tr class="total"><th scope="row">全体</th>${countCells(s, s.total, showUngraded)}</tr>`;
  return `<table class="counts" id="${idPrefix}counts-by-goal">${countHeader(s, '基本目標・基本的方向', showUngraded)}<tbody>${rows}${total}</tbody></table>`;
}

function departmentCountTable(s: EvaluationSummary, idPrefix: string): string {
  const showUngraded = s.total.counts.ungraded > 0;
  const rows = s.departments.map((d) => `<tr><th scope="row">${escapeHtml(d.label)}</th>${countCells(s, d, showUngraded)}</tr>`).join('');
  return `<table class="counts" id="${idPrefix}counts-by-department">${countHeader(s, '担当課', showUngraded)}<tbody>${rows}</tbody></table>`;
}

// ───────────────────────────── KPI lists ─────────────────────────────

const cellText = (cell: ValueCell | undefined): string => (cell ? lines(cell.text) || '－' : '－');

function kpiRow(k: SummaryKpi, index: number): string {
  const { kpi, outcome } = k.evaluated;
  const m = outcome.measures;
  const name = lines(kpi.name.replace(/／/g, ' ／ '));
  const dept = kpi.department ? `<div class="dept">（${escapeHtml(kpi.department)}）</div>` : '';
  const note = kpi.note ? `<div class="note">${escapeHtml(kpi.note)}</div>` : '';
  const counted = k.grade === null ? gradeBadge(null, '評価不能') : gradeBadge(k.grade, toGradeText(k.grade, 'full'));
  const computedNote =
    k.handGrade && outcome.grade !== null ? `<div class="note">入力済みの評価。基準による評価は ${escapeHtml(toGradeText(outcome.grade, 'full'))}</div>` : '';
  const progress = m?.progress !== undefined ? `${formatRate(m.progress)}<br><small>経過 ${formatRate(m.elapsed)}</small>` : '－';
  return (
    `<tr class="kpi" data-kpi="${escapeHtml(kpi.name)}" data-grade="${k.grade ?? ''}">` +
    `<td class="n">${index + 1}</td><td class="name">${name}${dept}${note}</td>` +
    `<td class="v">${cellText(kpi.baseline)}</td><td class="v">${cellText(kpi.current)}</td><td class="v">${cellText(kpi.target)}</td>` +
    `<td class="v">${progress}</td><td class="g">${counted}</td><td class="reason">${escapeHtml(outcome.reason)}${computedNote}</td></tr>`
  );
}

function goalSection(s: EvaluationSummary, goal: GoalSummary, n: number, place: SectionPlace): string {
  const kpis = s.kpis.filter((k) => k.goalKey === goal.key);
  const head =
    '<thead><tr><th class="n">No</th><th>指標（担当課）</th><th>当初</th><th>現状</th><th>目標値</th><th>進捗率</th><th class="gh">評価</th><th>評価の理由</th></tr></thead>';
  let body = '';
  let i = 0;
  const groups = goal.directions.length > 0 ? goal.directions.map((d) => ({ label: d.label, kpis: kpis.filter((k) => k.directionKey === d.key) })) : [];
  const loose = kpis.filter((k) => k.directionKey === undefined);
  if (loose.length > 0) groups.unshift({ label: '', kpis: loose });
  for (const g of groups) {
    if (g.label) body += `<tr class="group"><th colspan="8">${escapeHtml(g.label)}</th></tr>`;
    for (const k of g.kpis) body += kpiRow(k, i++);
  }
  const c = goal.counts;
  const line = `指標 ${c.total}件　${escapeHtml(s.onTrackLabel)} ${c.onTrack}件／評価対象 ${c.assessed}件（${percent(c.onTrackShare)}）`;
  return (
    `<section class="goal-section" id="${place.idPrefix}goal-${n}"><h2>${escapeHtml(goal.label)}</h2><p class="lead">${line}</p>` +
    `<figure class="chart"><figcaption>${place.figure(n + 2)}　各指標の進捗率と経過率（進捗率が経過率の印に届いていれば計画どおり）</figcaption>${progressChart(kpis)}</figure>` +
    `<table class="kpis">${head}<tbody>${body}</tbody></table></section>`
  );
}

/** A problem as the report lists it: the core's Problem, or a file's problem from the JSON report. */
export interface ReportProblem {
  readonly sheet: string;
  readonly cell: string;
  readonly severity: string;
  readonly message: string;
}

export function problemRows(problems: readonly ReportProblem[]): string {
  const rows = problems
    .map((p) => `<tr><td>${escapeHtml(p.sheet)}</td><td class="n">${escapeHtml(p.cell)}</td><td>${p.severity === 'warning' ? '要確認' : '参考'}</td><td>${escapeHtml(p.message)}</td></tr>`)
    .join('');
  return `<table class="list"><thead><tr><th>シート</th><th>セル</th><th>種類</th><th>内容</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function problemsSection(problems: readonly ReportProblem[]): string {
  if (problems.length === 0) return '<section class="problems"><h2>確認が必要な点</h2><p>ありません。</p></section>';
  return `<section class="problems"><h2>確認が必要な点</h2>${problemRows(problems)}</section>`;
}

const REPORT_CSS = `
@page { size: A4 portrait; margin: 15mm 15mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${REPORT_FONT}; font-size: 9.5pt; line-height: 1.5; color: #1A1A1A; margin: 0 auto; max-width: 180mm; padding: 8mm 0; }
@media print { body { padding: 0; max-width: none; } }
header.cover { border-bottom: 2.5pt solid #1F3A93; padding-bottom: 4mm; margin-bottom: 5mm; }
header.cover .kind { font-size: 10pt; color: #1F3A93; margin: 0 0 1mm; letter-spacing: 0.1em; }
h1 { font-size: 17pt; margin: 0 0 2mm; line-height: 1.3; }
header.cover .meta { margin: 0; color: #404040; font-size: 9pt; }
h2 { font-size: 12.5pt; border-left: 5pt solid #1F3A93; padding: 0.5mm 0 0.5mm 3mm; margin: 7mm 0 3mm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 2mm; break-after: avoid; }
p.lead { margin: 0 0 2mm; }
table { border-collapse: collapse; width: 100%; margin: 0 0 4mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #8C8C8C; padding: 1mm 1.4mm; vertical-align: top; }
thead th { background: #DCE3F0; font-weight: bold; text-align: center; vertical-align: middle; }
td.n { text-align: center; white-space: nowrap; }
th.n { text-align: center; }
table.counts { table-layout: fixed; }
table.counts col.label { width: 40%; }
table.counts th, table.counts td { padding: 0.5mm 1.2mm; }
table.counts col.share { width: 12%; }
table.counts thead th small { font-size: 6.5pt; }
small { font-size: 7.5pt; color: #404040; font-weight: normal; }
table.counts tbody th { text-align: left; font-weight: normal; }
table.counts tr.goal th { font-weight: bold; }
table.counts tr.direction th { padding-left: 4mm; font-size: 8pt; }
table.counts tr.direction td { font-size: 8pt; }
table.counts tr.total th, table.counts tr.total td { font-weight: bold; border-top: 1.4pt solid #1A1A1A; background: #F2F2F2; }
table.counts td.share { background: #F3F7EE; }
table.kpis { font-size: 8.5pt; }
table.kpis td.name { width: 30%; }
table.kpis td.v { text-align: right; white-space: nowrap; }
table.kpis td.g { text-align: center; }
table.kpis th.gh { white-space: nowrap; }
table.kpis td.reason { width: 24%; font-size: 8pt; }
table.kpis tr.group th { background: #F2F2F2; text-align: left; }
.dept, .note { font-size: 7.5pt; color: #404040; }
.grade { display: inline-block; min-width: 1.7em; padding: 0 0.3em; border: 0.6pt solid #8C8C8C; border-radius: 2pt; text-align: center; font-weight: bold; }
.grade.none { border-style: dashed; font-weight: normal; font-size: 7.5pt; }
ul.rule { margin: 0 0 3mm; padding-left: 0; list-style: none; columns: 2; column-gap: 6mm; }
ul.rule li { margin: 0 0 1mm; break-inside: avoid; }
figure.chart { margin: 0 0 4mm; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-size: 9pt; font-weight: bold; margin-bottom: 1mm; }
figure.chart svg { width: 100%; height: auto; display: block; }
section.goal-section { break-before: page; page-break-before: always; }
section.file-section { break-before: page; page-break-before: always; }
h2.file { font-size: 15pt; border-left-width: 8pt; }
section.file-section > p.meta { margin: 0 0 3mm; color: #404040; font-size: 9pt; }
footer { margin-top: 6mm; font-size: 8pt; color: #595959; border-top: 0.6pt solid #8C8C8C; padding-top: 2mm; }
`;

/** The report's title: the workbook's own title, else the first line of its first sheet, else the file name. */
export function reportTitle(workbookTitle: string | undefined, firstLine: string | undefined, fileName: string): string {
  const clean = (t: string | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
  return clean(workbookTitle) || clean(firstLine) || fileName.replace(/\.xlsx$/i, '');
}

/** Where a file's sections sit in the document: ids unique in it, figure numbers. */
export interface SectionPlace {
  readonly idPrefix: string;
  readonly figure: (n: number) => string;
}

const ONE_FILE: SectionPlace = { idPrefix: '', figure: (n) => `図${n}` };

/** The page around a report's body: A4 portrait, the report's styles, nothing external. */
export function reportDocument(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — KPI評価集計</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** 「評価の考え方」: the rule, its source, what is counted. */
export function ruleSection(preset: Preset, basis: EvaluationSummary['basis'], onTrackLabel: string): string {
  const basisText =
    basis === 'ledger'
      ? '評価は、台帳に入力済みの評価があればそれを、なければ評価基準による評価を数えています（入力済みの評価は上書きしません）。'
      : '評価は、評価基準による評価を数えています（入力済みの評価は置き換えた場合の集計です）。';
  const rule = ruleLines(preset)
    .map((r) => `<li>${gradeBadge(r.key, r.text)} ${escapeHtml(r.meaning)} — ${escapeHtml(r.condition)}</li>`)
    .join('');
  return `<section class="rule">
<h2>評価の考え方</h2>
<p>評価基準「${escapeHtml(preset.name)}」（出典: ${escapeHtml(preset.source || '利用者の定めた基準')}）。進捗率は（現状値 − 当初値）÷（目標値 − 当初値）、経過率は当初から目標年度までの期間のうち現状値の年度までに経過した割合です。</p>
<ul class="rule">${rule}</ul>
<p>${basisText}「${escapeHtml(onTrackLabel)}」の割合は、実施時期未到来と評価不能を除いた評価対象の指標に対する割合です。</p>
</section>`;
}

/** One ledger's part of a report: its overview and counts, then a section per 基本目標. */
export function summarySections(s: EvaluationSummary, place: SectionPlace, heading: { readonly overview: string; readonly level: 'h2' | 'h3' }): string {
  const hand = s.kpis.filter((k) => k.handGrade).length;
  const c = s.total.counts;
  const overview =
    `指標 ${c.total}件のうち、${escapeHtml(s.onTrackLabel)}は ${c.onTrack}件、評価対象 ${c.assessed}件に対して ${percent(c.onTrackShare)} です。` +
    (c.total - c.assessed - c.ungraded > 0 ? `実施時期未到来（－）は ${c.total - c.assessed - c.ungraded}件です。` : '') +
    (c.ungraded > 0 ? `評価できなかった指標が ${c.ungraded}件あります（末尾「確認が必要な点」）。` : '') +
    (s.total.earlier?.change !== undefined ? `前回（${escapeHtml(s.earlierLabel ?? '')}）の ${percent(s.total.earlier.previousShare)} から ${points(s.total.earlier.change)} です。` : '') +
    (hand > 0 ? `入力済みの評価が基準による評価と異なる指標が ${hand}件あります（各指標の欄に両方を示します）。` : '');
  const h = heading.level;
  const sub = h === 'h2' ? 'h3' : 'h4';
  const goals = s.goals.map((g, i) => goalSection(s, g, i, place)).join('');
  return `<section class="overview">
<${h}>${escapeHtml(heading.overview)}</${h}>
<p>${overview}</p>
<${sub}>基本目標別の評価</${sub}>
${goalCountTable(s, place.idPrefix)}
<figure class="chart"><figcaption>${place.figure(1)}　基本目標別の評価の内訳（指標数）</figcaption>${gradeCountsChart(s)}</figure>
<${sub}>担当課別の評価</${sub}>
${departmentCountTable(s, place.idPrefix)}
</section>
${goals}`;
}

export function renderReportHtml(input: ReportInput): string {
  const { summary: s, preset } = input;
  return reportDocument(
    input.title,
    `<header class="cover">
<p class="kind">KPI 進捗評価 集計報告</p>
<h1>${escapeHtml(input.title)}</h1>
<p class="meta">作成日 ${escapeHtml(input.date)}　／　台帳 ${escapeHtml(input.sourceFile)}</p>
</header>
${ruleSection(preset, s.basis, s.onTrackLabel)}
${summarySections(s, ONE_FILE, { overview: '評価の概要', level: 'h2' })}
${problemsSection(input.problems)}
<footer>このレポートは KPI進捗評価アドインが台帳「${escapeHtml(input.sourceFile)}」から作成しました。評価は評価基準による機械的な判定であり、担当課の判断による評価とは異なる場合があります。</footer>`,
  );
}
