/**
 * `--report FILE.html` over many files (issues #12 and #14): one print-ready report for the
 * planning section that gathered the departments' ledgers. In order: the rule, a table of
 * every file's counts with their sum (全体), the consistency review across the files, one
 * section per file (its counts per 基本目標 and 担当課, charts, and a section per 基本目標 with
 * every KPI, rendered by the worker that graded it), and at the end the problems, file by file
 * (a file that could not be read is listed there, with what to do).
 *
 * Numbers come from the files' `--json` summaries and the review, so the report says what
 * `--json` says.
 */
import type { ConsistencyReview, HandGradeShare, ReportedField } from '../core/consistency';
import { eraLabel } from '../core/years';
import type { Preset } from '../core/types';
import { formatPercent } from './format';
import { escapeHtml, gradeBadge, problemRows, reportDocument, ruleSection, type ReportProblem } from './html';
import type { JsonCounts } from './jsonSummary';

/** One input file as the report shows it. */
export interface ReportFile {
  readonly file: string;
  /** Graded: the ledger's title, its total counts and its sections' HTML (see summarySections). */
  readonly graded?: { readonly title: string; readonly counts: JsonCounts; readonly sectionHtml: string };
  readonly problems: readonly ReportProblem[];
}

export interface ManyReportInput {
  readonly preset: Preset;
  readonly basis: 'ledger' | 'computed';
  readonly onTrackLabel: string;
  /** The rule's grades, best first, as the count tables' columns. */
  readonly grades: readonly { readonly key: string; readonly text: string; readonly meaning: string }[];
  readonly date: string;
  readonly files: readonly ReportFile[];
  /** All files' counts together (CombinedSummary.committee). */
  readonly total: JsonCounts;
  readonly review: ConsistencyReview;
  /** Files left out of the folders (lock files …), worded. */
  readonly skipped: readonly { readonly file: string; readonly message: string }[];
}

/** Where file i's sections sit: ids and figure numbers of their own (「図2-3」). */
export function filePlace(index: number): { idPrefix: string; figure: (n: number) => string } {
  return { idPrefix: `f${index + 1}-`, figure: (n) => `図${index + 1}-${n}` };
}

function countRow(input: ManyReportInput, label: string, key: string, c: JsonCounts, showUngraded: boolean): string {
  const k = escapeHtml(key);
  const grades = input.grades.map((g) => `<td class="n" data-file="${k}" data-grade="${escapeHtml(g.key)}">${c.byGrade[g.key] ?? 0}</td>`).join('');
  const ungraded = showUngraded ? `<td class="n" data-file="${k}" data-grade="ungraded">${c.ungraded}</td>` : '';
  const share = `<td class="n share" data-file="${k}" data-on-track="${c.onTrack}" data-assessed="${c.assessed}">${formatPercent(c.onTrackShare ?? undefined)}<br><small>${c.onTrack}/${c.assessed}件</small></td>`;
  return `<th scope="row">${label}</th>${grades}${ungraded}<td class="n" data-file="${k}" data-grade="total">${c.total}</td>${share}`;
}

function filesTable(input: ManyReportInput): string {
  const graded = input.files.filter((f) => f.graded);
  const showUngraded = input.total.ungraded > 0;
  const head =
    `<colgroup><col class="label">${'<col>'.repeat(input.grades.length + (showUngraded ? 1 : 0) + 1)}<col class="share"></colgroup>` +
    `<thead><tr><th>台帳（ファイル）</th>${input.grades.map((g) => `<th class="n">${gradeBadge(g.key, g.text)}<br><small>${escapeHtml(g.meaning)}</small></th>`).join('')}` +
    `${showUngraded ? '<th class="n">評価<br>不能</th>' : ''}<th class="n">計</th><th class="n">${escapeHtml(input.onTrackLabel)}</th></tr></thead>`;
  const rows = graded
    .map((f) => `<tr>${countRow(input, `${escapeHtml(f.graded!.title)}<br><small>${escapeHtml(f.file)}</small>`, f.file, f.graded!.counts, showUngraded)}</tr>`)
    .join('');
  const total = `<tr class="total">${countRow(input, '全体', 'total', input.total, showUngraded)}</tr>`;
  return `<table class="counts" id="counts-by-file">${head}<tbody>${rows}${total}</tbody></table>`;
}

const FIELD: Readonly<Record<ReportedField, string>> = { baseline: '当初値', current: '現状値', target: '目標値', years: '年度' };

function shareRows(list: readonly HandGradeShare[], what: string): string {
  if (list.length === 0) return `<p>手入力の評価はありません。</p>`;
  const rows = list
    .map(
      (s) =>
        `<tr><th scope="row">${escapeHtml(s.label ?? '（担当課の記載なし）')}</th><td class="n">${s.typed}</td><td class="n">${s.differ}</td>` +
        `<td class="n">${s.share === null ? '－' : formatPercent(s.share)}</td><td class="n">${s.kinder}</td><td class="n">${s.harsher}</td><td class="n">${s.unranked}</td></tr>`,
    )
    .join('');
  return (
    `<table class="list review-share"><thead><tr><th>${what}</th><th class="n">手入力の評価</th><th class="n">基準と異なる</th><th class="n">割合</th>` +
    `<th class="n">基準より甘い</th><th class="n">基準より厳しい</th><th class="n">「－」との違い</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

function reviewSection(r: ConsistencyReview): string {
  const none = (v: string | undefined) => (v === undefined || v.trim() === '' ? '－' : escapeHtml(v.replace(/\s+/g, ' ')));
  const year = (y: number | undefined) => (y === undefined ? '－' : eraLabel(y));
  const same =
    r.sameKpi.length === 0
      ? '<p>同じ名前の指標は、どのファイルでも同じ値・目標・年度です。</p>'
      : `<p>同じ指標なのに、ファイルによって値・目標・年度が異なるものが ${r.sameKpi.length}件あります。どちらが正しいか担当課に確認してください。</p>` +
        `<table class="list review-same"><thead><tr><th>指標</th><th>異なる項目</th><th>ファイル・シート・セル（担当課）</th><th>当初</th><th>現状</th><th>目標</th><th>年度（当初/現状/目標）</th></tr></thead><tbody>` +
        r.sameKpi
          .map((d) =>
            d.occurrences
              .map(
                (o, i) =>
                  `<tr>${i === 0 ? `<td rowspan="${d.occurrences.length}">${escapeHtml(d.name)}</td><td rowspan="${d.occurrences.length}">${d.differsIn.map((f) => FIELD[f]).join('・')}</td>` : ''}` +
                  `<td>${escapeHtml(o.file)}<br><small>「${escapeHtml(o.sheet)}」${escapeHtml(o.cell)}${o.department ? `（${escapeHtml(o.department)}）` : ''}</small></td>` +
                  `<td class="v">${none(o.baseline)}</td><td class="v">${none(o.current)}</td><td class="v">${none(o.target)}</td>` +
                  `<td class="n">${year(o.years.baseline)}/${year(o.years.current)}/${year(o.years.target)}</td></tr>`,
              )
              .join(''),
          )
          .join('') +
        '</tbody></table>';
  const styles = r.gradeStyles.mixed
    ? `<p>評価の書き方がファイルによって異なります。全角（Ｓ）: ${escapeHtml(r.gradeStyles.full.join('、'))}　／　半角（S）: ${escapeHtml(r.gradeStyles.half.join('、'))}。どちらかにそろえてください。</p>`
    : '<p>評価の書き方（全角・半角）はそろっています。</p>';
  return `<section class="review" id="review">
<h2>各課の評価の整合性</h2>
<h3>同じ指標の値・目標・年度</h3>
${same}
<h3>評価の書き方</h3>
${styles}
<h3>手入力の評価が基準による評価と異なる割合（ファイルごと、多い順）</h3>
${shareRows(r.byFile, 'ファイル')}
<h3>同じく担当課ごと（多い順）</h3>
${shareRows(r.byDepartment, '担当課')}
</section>`;
}

function problemsSection(input: ManyReportInput): string {
  const perFile = input.files
    .map((f) => `<h3>${escapeHtml(f.file)}</h3>${f.problems.length === 0 ? '<p>ありません。</p>' : problemRows(f.problems)}`)
    .join('');
  const skipped =
    input.skipped.length === 0
      ? ''
      : `<h3>評価しなかったファイル</h3><ul>${input.skipped.map((s) => `<li>${escapeHtml(s.message)}</li>`).join('')}</ul>`;
  return `<section class="problems" id="problems"><h2>確認が必要な点（ファイルごと）</h2>${perFile}${skipped}</section>`;
}

/** The report's title: the ledgers' common title, else the number of files. */
function manyReportTitle(files: readonly ReportFile[]): string {
  const titles = [...new Set(files.flatMap((f) => (f.graded ? [f.graded.title] : [])))];
  return titles.length === 1 ? titles[0]! : `各課の KPI 進捗評価（${files.length}ファイル）`;
}

export function renderManyReportHtml(input: ManyReportInput): string {
  const title = manyReportTitle(input.files);
  const graded = input.files.filter((f) => f.graded);
  const failed = input.files.length - graded.length;
  const c = input.total;
  const overview =
    `${input.files.length}ファイルのうち ${graded.length}ファイルを評価しました` +
    (failed > 0 ? `（${failed}ファイルは読めませんでした。末尾「確認が必要な点」）` : '') +
    `。指標 ${c.total}件のうち、${escapeHtml(input.onTrackLabel)}は ${c.onTrack}件、評価対象 ${c.assessed}件に対して ${formatPercent(c.onTrackShare ?? undefined)} です。`;
  const sections = graded
    .map(
      (f, i) =>
        `<section class="file-section" id="file-${i + 1}" data-file="${escapeHtml(f.file)}"><h2 class="file">${i + 1}. ${escapeHtml(f.graded!.title)}</h2>` +
        `<p class="meta">台帳 ${escapeHtml(f.file)}</p>${f.graded!.sectionHtml}</section>`,
    )
    .join('\n');
  return reportDocument(
    title,
    `<header class="cover">
<p class="kind">KPI 進捗評価 集計報告（${input.files.length}ファイル）</p>
<h1>${escapeHtml(title)}</h1>
<p class="meta">作成日 ${escapeHtml(input.date)}</p>
</header>
${ruleSection(input.preset, input.basis, input.onTrackLabel)}
<section class="overview" id="overview">
<h2>全体の評価</h2>
<p>${overview}</p>
<h3>台帳ごとの評価</h3>
${filesTable(input)}
</section>
${reviewSection(input.review)}
${sections}
${problemsSection(input)}
<footer>このレポートは KPI進捗評価アドインが ${input.files.length}ファイルの台帳から作成しました。評価は評価基準による機械的な判定であり、担当課の判断による評価とは異なる場合があります。</footer>`,
  );
}
